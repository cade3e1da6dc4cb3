#include "mainwindow.h"

#include "config/configeditor.h"
#include "config/documentcontroller.h"
#include "sessions/registrationsview.h"
#include "sessions/sessionmodel.h"
#include "sessions/sessionsview.h"
#include "sessions/subscriptionsview.h"
#include "status/routerstatusbar.h"
#include "status/transportstatusview.h"
#include "trace/statisticsview.h"
#include "trace/traceview.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace {

QList<QString> transportIds(const wamp::RouterConfig& config)
{
    QList<QString> ids;
    for (const wamp::TransportConfig& transport : config.transports)
        ids.append(transport.id);
    return ids;
}

} // namespace

MainWindow::MainWindow(wamp::RouterConfig config, QWidget* parent)
    : QMainWindow(parent)
    , m_config(std::move(config))
    , m_tabs(new QTabWidget)
{
    setWindowTitle(tr("Wampscope"));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    setupActions();
    setupMenus();
    setupTabs();
    setupDocks();
    m_statusBar = new RouterStatusBar(m_controller, m_sessionsView->model());
    setStatusBar(m_statusBar);

    connect(&m_controller, &RouterController::runningChanged, this, &MainWindow::updateActions);
    updateActions();
    resize(1240, 760);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::setupActions()
{
    m_startAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    m_startAction->setObjectName(QStringLiteral("startRouter"));
    m_startAction->setShortcut(Qt::Key_F5);
    m_startAction->setToolTip(tr("Start the router on the configuration"));
    connect(m_startAction, &QAction::triggered, this, &MainWindow::startRouter);

    m_stopAction = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this);
    m_stopAction->setObjectName(QStringLiteral("stopRouter"));
    m_stopAction->setShortcut(Qt::SHIFT | Qt::Key_F5);
    m_stopAction->setToolTip(tr("Say GOODBYE to every session and stop listening"));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopRouter);

    m_applyAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Apply changes"), this);
    m_applyAction->setObjectName(QStringLiteral("applyChanges"));
    m_applyAction->setShortcut(Qt::CTRL | Qt::Key_F5);
    m_applyAction->setToolTip(
        tr("Apply the configuration to the running router: only changed transports and realms restart"));
    connect(m_applyAction, &QAction::triggered, this, &MainWindow::applyChanges);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::setupMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    QMenu* routerMenu = menuBar()->addMenu(tr("&Router"));
    routerMenu->setObjectName(QStringLiteral("routerMenu"));
    routerMenu->addActions({m_startAction, m_stopAction, m_applyAction});

    QToolBar* toolBar = addToolBar(tr("Router"));
    toolBar->setObjectName(QStringLiteral("routerToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({m_startAction, m_stopAction, m_applyAction});
}

void MainWindow::setupTabs()
{
    // One line per view, in tab order.
    m_sessionsView = addTab(new SessionsView(m_controller), tr("&Sessions"));
    addTab(new RegistrationsView(m_controller), tr("&Registrations"));
    addTab(new SubscriptionsView(m_controller), tr("Su&bscriptions"));
    auto* traceView = addTab(new TraceView(m_controller), tr("&Trace"));
    addTab(new StatisticsView(m_controller), tr("Stat&istics"));
    auto* configEditor = addTab(new ConfigEditor(m_controller, m_config), tr("&Configuration"));
    connect(configEditor, &ConfigEditor::validConfigChanged, this, &MainWindow::setConfig);
    (new DocumentController(*configEditor, *this))->installActions(fileMenu());
    connect(m_sessionsView, &SessionsView::traceRequested, traceView, &TraceView::showSession);
    connect(m_sessionsView, &SessionsView::traceRequested, this,
            [this, traceView] { m_tabs->setCurrentWidget(traceView); });
}

void MainWindow::addTabWidget(QWidget* view, const QString& label)
{
    m_tabs->addTab(view, label);
}

void MainWindow::setupDocks()
{
    m_transportsView = new TransportStatusView(m_controller);
    m_transportsView->showConfigured(transportIds(m_config));
    auto* dock = new QDockWidget(tr("Transports"));
    dock->setObjectName(QStringLiteral("transportsDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_transportsView);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {m_transportsView->fontMetrics().height() * 7}, Qt::Vertical);
}

void MainWindow::startRouter()
{
    if (!m_controller.isRunning())
        m_controller.apply(m_config);
}

void MainWindow::stopRouter()
{
    m_controller.stop();
}

void MainWindow::applyChanges()
{
    if (m_controller.isRunning())
        m_controller.apply(m_config);
}

void MainWindow::setConfig(const wamp::RouterConfig& config)
{
    m_config = config;
    if (!m_controller.isRunning())
        m_transportsView->showConfigured(transportIds(m_config));
}

void MainWindow::updateActions()
{
    const bool running = m_controller.isRunning();
    m_startAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
    m_applyAction->setEnabled(running);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("tab"), 0).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("tab"), m_tabs->currentIndex());
}
