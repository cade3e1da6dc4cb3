#pragma once

#include <QSet>
#include <QWidget>

class FilteredTable;
class QAction;
class QTableView;
class RouterController;
class SessionModel;

/*!
 * The Sessions tab: the live sessions, sortable and filterable, with "Kill session" (asks for a reason, then
 * the session gets GOODBYE wamp.close.killed) and "Show trace of this session".
 */
class SessionsView : public QWidget {
    Q_OBJECT

public:
    explicit SessionsView(RouterController& controller, QWidget* parent = nullptr);

    SessionModel* model() const { return m_model; }
    QTableView* table() const;
    QAction* killAction() const { return m_killAction; }
    QAction* traceAction() const { return m_traceAction; }
    //! Checkable: whether the selected session's messages are recorded in the trace (on by default).
    QAction* recordTraceAction() const { return m_recordTraceAction; }
    //! The session of the current row; 0 when none is selected.
    quint64 selectedSessionId() const;
    //! The reason the kill dialog proposes.
    static QString defaultKillReason();

Q_SIGNALS:
    void traceRequested(quint64 sessionId);

private:
    void askKillReason();
    void updateActions();

    RouterController& m_controller;
    SessionModel* m_model;
    FilteredTable* m_table;
    QAction* m_killAction;
    QAction* m_traceAction;
    QAction* m_recordTraceAction;
    QSet<quint64> m_untracedSessions;
};
