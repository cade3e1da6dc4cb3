#include "mainwindow.h"

#include "core/router.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum SessionColumn {
    ColId,
    ColRealm,
    ColAuthid,
    ColAuthrole,
    ColTransport,
    ColSerializer,
    ColPeer,
    ColJoined,
    ColCount
};

} // namespace

MainWindow::MainWindow(wamp::RouterConfig config, QWidget* parent)
    : QMainWindow(parent)
    , m_config(std::move(config))
    , m_startButton(new QPushButton(tr("Start router")))
    , m_stopButton(new QPushButton(tr("Stop router")))
    , m_transports(new QTreeWidget)
    , m_sessions(new QTableWidget(0, ColCount))
    , m_status(new QLabel)
{
    setWindowTitle(tr("Wampscope"));
    m_transports->setObjectName(QStringLiteral("transports"));
    m_sessions->setObjectName(QStringLiteral("sessions"));

    m_transports->setHeaderLabels({tr("Transport"), tr("State"), tr("Address")});
    m_transports->setRootIsDecorated(false);
    m_sessions->setHorizontalHeaderLabels({tr("Session"), tr("Realm"), tr("Auth ID"), tr("Auth role"),
                                           tr("Transport"), tr("Serializer"), tr("Peer"), tr("Joined at")});
    m_sessions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sessions->horizontalHeader()->setStretchLastSection(true);
    m_sessions->verticalHeader()->hide();
    m_sessions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sessions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sessions->setSortingEnabled(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    buttons->addStretch();

    auto* transportsBox = new QWidget;
    auto* transportsLayout = new QVBoxLayout(transportsBox);
    transportsLayout->setContentsMargins(0, 0, 0, 0);
    transportsLayout->addWidget(new QLabel(tr("<b>Transports</b>")));
    transportsLayout->addWidget(m_transports);
    auto* sessionsBox = new QWidget;
    auto* sessionsLayout = new QVBoxLayout(sessionsBox);
    sessionsLayout->setContentsMargins(0, 0, 0, 0);
    sessionsLayout->addWidget(new QLabel(tr("<b>Sessions</b>")));
    sessionsLayout->addWidget(m_sessions);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(transportsBox);
    splitter->addWidget(sessionsBox);
    splitter->setStretchFactor(1, 3);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->addLayout(buttons);
    layout->addWidget(splitter);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);

    connect(m_startButton, &QPushButton::clicked, this, &MainWindow::startRouter);
    connect(m_stopButton, &QPushButton::clicked, this, &MainWindow::stopRouter);
    resize(1000, 600);
    updateStatus();
}

MainWindow::~MainWindow() = default;

bool MainWindow::startRouter()
{
    if (m_router)
        return true;
    m_router = new wamp::Router(this);
    connect(m_router, &wamp::Router::sessionJoined, this, &MainWindow::addSession);
    connect(m_router, &wamp::Router::sessionLeft, this,
            [this](const wamp::SessionInfo& info) { removeSession(info.id); });
    m_transports->clear();
    bool allStarted = true;
    for (const wamp::TransportStatus& status : m_router->start(m_config)) {
        auto* item = new QTreeWidgetItem(m_transports);
        item->setText(0, status.id);
        item->setText(1, status.listening ? tr("listening") : tr("failed"));
        item->setText(2, status.listening ? status.address : status.error);
        item->setForeground(1, status.listening ? QColor(Qt::darkGreen) : QColor(Qt::red));
        allStarted = allStarted && status.listening;
    }
    m_transports->resizeColumnToContents(0);
    m_transports->resizeColumnToContents(1);
    updateStatus();
    return allStarted;
}

void MainWindow::stopRouter()
{
    if (!m_router)
        return;
    // Sessions get GOODBYE; the router object goes once they are gone.
    wamp::Router* router = std::exchange(m_router, nullptr);
    disconnect(router, nullptr, this, nullptr);
    connect(router, &wamp::Router::stopped, router, &QObject::deleteLater);
    router->shutdown();
    m_sessions->setRowCount(0);
    for (int i = 0; i < m_transports->topLevelItemCount(); ++i) {
        m_transports->topLevelItem(i)->setText(1, tr("stopped"));
        m_transports->topLevelItem(i)->setForeground(1, QColor(Qt::gray));
    }
    updateStatus();
}

void MainWindow::addSession(const wamp::SessionInfo& info)
{
    m_sessions->setSortingEnabled(false);
    const int row = m_sessions->rowCount();
    m_sessions->insertRow(row);
    const QStringList texts{QString::number(info.id),
                            info.realm,
                            info.authid,
                            info.authrole,
                            info.transportId,
                            info.serializer,
                            info.peerAddress,
                            info.joinedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))};
    for (int column = 0; column < ColCount; ++column) {
        auto* item = new QTableWidgetItem(texts[column]);
        if (column == ColId) // a number, so the column sorts numerically
            item->setData(Qt::DisplayRole, QVariant::fromValue<qulonglong>(info.id));
        m_sessions->setItem(row, column, item);
    }
    m_sessions->setSortingEnabled(true);
    updateStatus();
}

void MainWindow::removeSession(quint64 id)
{
    for (int row = 0; row < m_sessions->rowCount(); ++row) {
        if (m_sessions->item(row, ColId)->data(Qt::DisplayRole).toULongLong() == id) {
            m_sessions->removeRow(row);
            break;
        }
    }
    updateStatus();
}

void MainWindow::updateStatus()
{
    m_startButton->setEnabled(!m_router);
    m_stopButton->setEnabled(m_router);
    m_status->setText(m_router ? tr("Router running, %n session(s)", nullptr, m_sessions->rowCount())
                               : tr("Router stopped"));
}
