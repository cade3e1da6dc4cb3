#include "sessionsview.h"

#include "core/routercontroller.h"
#include "filteredtable.h"
#include "sessionmodel.h"

#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

SessionsView::SessionsView(RouterController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new SessionModel(this))
    , m_table(new FilteredTable(m_model, SessionModel::SortRole))
    , m_killAction(
          new QAction(style()->standardIcon(QStyle::SP_DialogCancelButton), tr("&Kill session…"), this))
    , m_traceAction(new QAction(style()->standardIcon(QStyle::SP_FileDialogContentsView),
                                tr("Show &trace of this session"), this))
    , m_recordTraceAction(new QAction(tr("&Record this session in the trace"), this))
{
    m_table->view()->setObjectName(QStringLiteral("sessions"));
    m_killAction->setObjectName(QStringLiteral("killSession"));
    m_killAction->setToolTip(tr("End the selected session with GOODBYE wamp.close.killed"));
    m_killAction->setShortcut(QKeySequence::Delete);
    m_killAction->setShortcutContext(Qt::WidgetShortcut);
    m_traceAction->setObjectName(QStringLiteral("showSessionTrace"));
    m_traceAction->setToolTip(tr("Show the messages of the selected session in the trace"));

    m_table->toolBar()->addSeparator();
    m_table->toolBar()->addAction(m_killAction);
    m_table->toolBar()->addAction(m_traceAction);
    m_recordTraceAction->setObjectName(QStringLiteral("recordSessionTrace"));
    m_recordTraceAction->setCheckable(true);
    m_recordTraceAction->setToolTip(tr("Switch tracing of the selected session's messages on or off"));
    m_table->toolBar()->addAction(m_recordTraceAction);
    QTableView* view = m_table->view();
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(m_killAction);
    view->addAction(m_traceAction);
    view->addAction(m_recordTraceAction);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);

    connect(&controller, &RouterController::sessionJoined, m_model, &SessionModel::addSession);
    connect(&controller, &RouterController::sessionLeft, m_model, &SessionModel::removeSession);
    connect(&controller, &RouterController::snapshotUpdated, m_model, &SessionModel::applySnapshot);
    connect(m_killAction, &QAction::triggered, this, &SessionsView::askKillReason);
    connect(m_traceAction, &QAction::triggered, this, [this] {
        if (const quint64 id = selectedSessionId())
            Q_EMIT traceRequested(id);
    });
    connect(m_recordTraceAction, &QAction::triggered, this, [this](bool record) {
        const quint64 id = selectedSessionId();
        if (!id)
            return;
        record ? void(m_untracedSessions.remove(id)) : void(m_untracedSessions.insert(id));
        m_controller.setSessionTraced(id, record);
    });
    connect(&controller, &RouterController::sessionLeft, this,
            [this](const wamp::SessionInfo& info) { m_untracedSessions.remove(info.id); });
    connect(view, &QTableView::doubleClicked, m_traceAction, &QAction::trigger);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SessionsView::updateActions);
    connect(m_table->proxy(), &QAbstractItemModel::rowsRemoved, this, &SessionsView::updateActions);
    updateActions();
}

QTableView* SessionsView::table() const
{
    return m_table->view();
}

QString SessionsView::defaultKillReason()
{
    return tr("killed from the inspector");
}

quint64 SessionsView::selectedSessionId() const
{
    const QModelIndexList rows = m_table->view()->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SessionModel::SessionIdRole).toULongLong();
}

void SessionsView::askKillReason()
{
    const quint64 id = selectedSessionId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const wamp::SessionInfo& session = m_model->rowAt(row);
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("killDialog"));
    dialog->setWindowTitle(tr("Kill session"));
    dialog->setLabelText(tr("Session %1 (%2 on realm %3) will get GOODBYE wamp.close.killed.\nReason:")
                             .arg(QString::number(id), session.authid, session.realm));
    dialog->setTextValue(defaultKillReason());
    dialog->setOkButtonText(tr("Kill"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, id](const QString& reason) { m_controller.killSession(id, reason); });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
}

void SessionsView::updateActions()
{
    const bool selected = selectedSessionId() != 0;
    m_killAction->setEnabled(selected);
    m_traceAction->setEnabled(selected);
    m_recordTraceAction->setEnabled(selected);
    m_recordTraceAction->setChecked(selected && !m_untracedSessions.contains(selectedSessionId()));
}
