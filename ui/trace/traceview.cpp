#include "traceview.h"

#include "traceexporter.h"
#include "tracefilteredit.h"
#include "tracefilterproxy.h"
#include "traceformatter.h"
#include "tracemodel.h"

#include "core/routercontroller.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// The detail pane shows a message of many megabytes only in part: a QPlainTextEdit with that much text is
// slow.
constexpr qsizetype kMaxDetailChars = 2 * 1024 * 1024;

// New rows reach the table at most this often: under a flood, the table then drops and adds rows a few
// times a second, in large runs, instead of once per recorder batch.
constexpr int kUpdateIntervalMs = 100;

} // namespace

TraceView::TraceView(QWidget* parent)
    : QWidget(parent)
    , m_model(new TraceModel(wamp::TraceBuffer::kDefaultCapacity, this))
    , m_proxy(new TraceFilterProxy(this))
    , m_filterEdit(new TraceFilterEdit)
    , m_table(new QTableView)
    , m_detail(new QPlainTextEdit)
    , m_status(new QLabel)
{
    m_model->setUpdateInterval(kUpdateIntervalMs);
    m_proxy->setSourceModel(m_model);
    m_filterEdit->setObjectName(QStringLiteral("traceFilter"));
    m_table->setObjectName(QStringLiteral("traceTable"));
    m_detail->setObjectName(QStringLiteral("traceDetail"));

    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_detail->setPlaceholderText(tr("Select a message to see it decoded."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    buildToolBar();
    buildTable();

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    m_status->setContentsMargins(4, 0, 4, 2);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long message must not widen us
    layout->addWidget(m_status);

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(250);
    connect(&m_filterTimer, &QTimer::timeout, this, &TraceView::applyFilter);
    connect(m_filterEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        showFilterState(text);
        m_filterTimer.start();
    });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &TraceView::applyFilter);
    // The clear button changes the text without textEdited.
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            applyFilter();
    });

    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(250);
    connect(&m_statusTimer, &QTimer::timeout, this, &TraceView::updateStatus);
    connect(m_model, &TraceModel::pauseStateChanged, this, &TraceView::scheduleStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TraceView::scheduleStatus);
    updateStatus();
}

TraceView::TraceView(RouterController& controller, QWidget* parent)
    : TraceView(parent)
{
    connect(&controller, &RouterController::traceRecorded, this, &TraceView::addEntries);
    connect(&controller, &RouterController::transportsChanged, this, &TraceView::setTransports);
    connect(this, &TraceView::traceEnabledChanged, &controller, &RouterController::setTraceEnabled);
    connect(this, &TraceView::transportTraceChanged, &controller, &RouterController::setTransportTraced);
    setTransports(controller.transports());
}

TraceView::~TraceView()
{
    // The model is a child, deleted after this object has stopped being a TraceView; the proxy would announce
    // its going to the table, whose scroll bar would then call back into this object. Let go of it now.
    m_proxy->setSourceModel(nullptr);
}

void TraceView::setTraceEnabled(bool enabled)
{
    m_traceAction->setChecked(enabled);
}

void TraceView::buildToolBar()
{
    auto* toolBar = new QToolBar;
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(16, 16));

    m_traceAction = toolBar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Tracing"));
    m_traceAction->setCheckable(true);
    m_traceAction->setChecked(true);
    m_traceAction->setToolTip(tr("Record the router's messages (off: the router does not trace at all)"));
    connect(m_traceAction, &QAction::toggled, this, [this](bool on) {
        scheduleStatus();
        Q_EMIT traceEnabledChanged(on);
    });

    m_transportsMenu = new QMenu(this);
    m_transportsButton = new QToolButton;
    m_transportsButton->setText(tr("Transports"));
    m_transportsButton->setToolTip(tr("Choose which transports are traced"));
    m_transportsButton->setMenu(m_transportsMenu);
    m_transportsButton->setPopupMode(QToolButton::InstantPopup);
    m_transportsButton->setEnabled(false);
    toolBar->addWidget(m_transportsButton);
    toolBar->addSeparator();

    m_filterEdit->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    toolBar->addWidget(m_filterEdit);
    auto* findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, m_filterEdit, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    addAction(findAction);
    toolBar->addSeparator();

    m_pauseAction = toolBar->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(tr("Hold new messages back (up to the trace's capacity) until resumed"));
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        m_pauseAction->setText(paused ? tr("Resume") : tr("Pause"));
        m_pauseAction->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
        m_model->setPaused(paused);
    });
    // As wide as its longer text, so that Pause/Resume does not shift the tool bar.
    if (QWidget* pauseButton = toolBar->widgetForAction(m_pauseAction)) {
        const QFontMetrics metrics = pauseButton->fontMetrics();
        const int extra = pauseButton->sizeHint().width() - metrics.horizontalAdvance(m_pauseAction->text());
        pauseButton->setMinimumWidth(extra + std::max(metrics.horizontalAdvance(tr("Pause")),
                                                      metrics.horizontalAdvance(tr("Resume"))));
    }
    QAction* clearAction =
        toolBar->addAction(style()->standardIcon(QStyle::SP_DialogResetButton), tr("Clear"));
    clearAction->setToolTip(tr("Remove every message from the trace"));
    connect(clearAction, &QAction::triggered, this, [this] {
        m_model->clear();
        m_detail->clear();
    });
    QAction* exportAction =
        toolBar->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Export\u2026"));
    exportAction->setToolTip(tr("Save the messages the filter shows as JSON Lines"));
    connect(exportAction, &QAction::triggered, this, &TraceView::exportInteractively);

    layout()->addWidget(toolBar);
}

void TraceView::buildTable()
{
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideRight);
    // Every row the same height, known without asking the model: scrolling 100,000 rows stays cheap.
    QHeaderView* rows = m_table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics metrics = fontMetrics();
    const auto width = [&](const QString& sample) { return metrics.horizontalAdvance(sample) + 24; };
    m_table->setColumnWidth(TraceModel::TimeColumn, width(QStringLiteral("00:00:00.000000")));
    m_table->setColumnWidth(TraceModel::SessionColumn, width(QStringLiteral("0000000000000000")));
    m_table->setColumnWidth(TraceModel::DirectionColumn, width(QStringLiteral(u"\u2190 out")));
    m_table->setColumnWidth(TraceModel::TypeColumn, width(QStringLiteral("UNSUBSCRIBED")));
    m_table->setColumnWidth(TraceModel::RequestColumn, width(QStringLiteral("0000000000")));
    m_table->setColumnWidth(TraceModel::UriColumn, width(QStringLiteral("com.example.some.procedure.name")));
    m_table->setColumnWidth(TraceModel::SizeColumn, width(QStringLiteral("0000000")));

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_rowsLeaving)
                    return;
                // A picked message stays on screen: new rows stop pushing it away until the user scrolls
                // back to the bottom (or picks the last row).
                if (current.isValid() && current.row() < m_proxy->rowCount() - 1)
                    m_followBottom = false;
                showCurrent(current);
            });
    QScrollBar* bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_followBottom = value >= bar->maximum(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TraceView::rowsInserted);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { rowsAboutToBeRemoved(first, last); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TraceView::rowsRemoved);
}

void TraceView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_followBottom)
        m_table->scrollToBottom();
}

void TraceView::addEntries(const QList<wamp::TraceEntry>& entries)
{
    m_model->appendEntries(entries);
}

void TraceView::showSession(quint64 sessionId)
{
    setFilterText(QStringLiteral("session:%1").arg(sessionId));
}

void TraceView::setFilterText(const QString& text)
{
    m_filterEdit->setText(text);
    applyFilter();
}

void TraceView::applyFilter()
{
    m_filterTimer.stop();
    const QString text = m_filterEdit->text();
    m_proxy->setFilterExpression(text);
    showFilterState(text);
    if (m_followBottom)
        m_table->scrollToBottom();
    else if (m_table->currentIndex().isValid())
        m_table->scrollTo(m_table->currentIndex());
    scheduleStatus();
}

void TraceView::showFilterState(const QString& text)
{
    const TraceFilter filter = TraceFilter::parse(text);
    m_filterError = filter.errorMessage();
    if (text.trimmed().isEmpty())
        m_filterEdit->setState(TraceFilterEdit::State::Empty);
    else
        m_filterEdit->setState(filter.isValid() ? TraceFilterEdit::State::Valid
                                                : TraceFilterEdit::State::Invalid,
                               m_filterError);
    scheduleStatus();
}

void TraceView::setTransports(const QList<wamp::TransportStatus>& transports)
{
    m_transportsMenu->clear();
    for (const wamp::TransportStatus& transport : transports) {
        const QString label =
            transport.listening ? tr("%1 (%2)").arg(transport.id, transport.address) : transport.id;
        QAction* action = m_transportsMenu->addAction(label);
        action->setCheckable(true);
        action->setChecked(!m_mutedTransports.contains(transport.id));
        const QString id = transport.id;
        connect(action, &QAction::toggled, this, [this, id](bool traced) {
            traced ? void(m_mutedTransports.remove(id)) : void(m_mutedTransports.insert(id));
            Q_EMIT transportTraceChanged(id, traced);
        });
    }
    m_transportsButton->setEnabled(!transports.isEmpty());
}

qsizetype TraceView::exportVisibleRows(const QString& path, QString* error)
{
    return TraceExporter::write(*m_proxy, path, error);
}

void TraceView::exportInteractively()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the visible messages"),
                                     m_lastExport.isEmpty() ? QStringLiteral("trace.jsonl") : m_lastExport,
                                     tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    m_lastExport = path;
    QString error;
    const qsizetype rows = exportVisibleRows(path, &error);
    if (rows < 0)
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        m_status->setText(tr("Exported %n message(s) to %1", nullptr, int(rows)).arg(path));
}

void TraceView::showCurrent(const QModelIndex& current)
{
    if (!current.isValid()) {
        m_model->highlightChain(-1);
        m_detail->clear();
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    m_model->highlightChain(row);
    QString text = TraceFormatter::details(m_model->entryAt(row));
    if (text.size() > kMaxDetailChars) {
        const qsizetype rest = text.size() - kMaxDetailChars;
        text.truncate(kMaxDetailChars);
        text += QLatin1Char('\n') +
                tr("\u2026 (%1 more characters not shown; export the message to see it all)").arg(rest);
    }
    m_detail->setPlainText(text);
}

void TraceView::rowsInserted()
{
    if (m_followBottom)
        m_table->scrollToBottom();
    scheduleStatus();
}

void TraceView::rowsAboutToBeRemoved(int first, int last)
{
    m_rowsLeaving = true;
    const QModelIndex current = m_table->currentIndex();
    m_currentLeaving = current.isValid() && current.row() >= first && current.row() <= last;
    // The oldest rows leave the ring: keep the rows on screen where they are unless following the bottom.
    const QScrollBar* bar = m_table->verticalScrollBar();
    m_scrollAdjust = 0;
    if (!m_followBottom && first < bar->value())
        m_scrollAdjust = std::min(last + 1, bar->value()) - first;
}

void TraceView::rowsRemoved()
{
    if (m_currentLeaving)
        m_table->selectionModel()->clear(); // the detail pane keeps showing the message that left
    m_rowsLeaving = false;
    m_currentLeaving = false;
    if (m_scrollAdjust > 0) {
        QScrollBar* bar = m_table->verticalScrollBar();
        bar->setValue(bar->value() - m_scrollAdjust);
        m_scrollAdjust = 0;
    }
    scheduleStatus();
}

void TraceView::scheduleStatus()
{
    if (!m_statusTimer.isActive())
        m_statusTimer.start();
}

void TraceView::updateStatus()
{
    const QLocale locale;
    QStringList parts;
    if (!m_filterError.isEmpty())
        parts << tr("Filter not applied: %1").arg(m_filterError);
    parts << tr("%1 messages, %2 shown")
                 .arg(locale.toString(m_model->rowCount()), locale.toString(m_proxy->rowCount()));
    if (m_model->droppedCount() > 0)
        parts << tr("%1 older ones dropped (capacity %2)")
                     .arg(locale.toString(m_model->droppedCount()), locale.toString(m_model->capacity()));
    if (m_model->isPaused()) {
        QString paused = tr("paused: %1 held").arg(locale.toString(m_model->heldCount()));
        if (m_model->droppedWhilePaused() > 0)
            paused += tr(", %1 dropped").arg(locale.toString(m_model->droppedWhilePaused()));
        parts << paused;
    }
    if (!m_traceAction->isChecked())
        parts << tr("tracing is off");
    m_status->setText(parts.join(QStringLiteral(" \u00b7 ")));
}
