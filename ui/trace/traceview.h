#pragma once

#include "core/router.h"
#include "trace/traceentry.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTableView;
class QToolButton;
class RouterController;
class TraceFilterEdit;
class TraceFilterProxy;
class TraceModel;

/*
 * The live message trace: a toolbar (trace on/off, per-transport tracing, filter, pause, clear, export), the
 * table of messages, and a detail pane with the selected message decoded. Selecting a message highlights its
 * chain (CALL, INVOCATION, YIELD, RESULT or ERROR; PUBLISH, EVENTs, PUBLISHED). The table follows new
 * messages only while it is scrolled to the bottom.
 */
class TraceView : public QWidget {
    Q_OBJECT

public:
    //! Fed through addEntries() only (tests, benchmarks).
    explicit TraceView(QWidget* parent = nullptr);
    //! Fed by \a controller's trace batches and transports; the tracing switches go to it.
    explicit TraceView(RouterController& controller, QWidget* parent = nullptr);
    ~TraceView() override;

    TraceModel* model() const { return m_model; }
    TraceFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    TraceFilterEdit* filterEdit() const { return m_filterEdit; }
    QPlainTextEdit* detailPane() const { return m_detail; }

    //! Writes the rows the filter lets through as JSON Lines; returns how many, or -1 with \a error set.
    qsizetype exportVisibleRows(const QString& path, QString* error);

protected:
    void showEvent(QShowEvent* event) override;

public Q_SLOTS:
    void addEntries(const QList<wamp::TraceEntry>& entries);
    //! Sets the filter to the messages of one session.
    void showSession(quint64 sessionId);
    //! Sets and applies a filter expression at once (typing applies after a short pause).
    void setFilterText(const QString& text);
    void setTransports(const QList<wamp::TransportStatus>& transports);
    //! Switches tracing as the toolbar's Tracing button does (traceEnabledChanged() tells the router).
    void setTraceEnabled(bool enabled);

Q_SIGNALS:
    void traceEnabledChanged(bool enabled);
    void transportTraceChanged(const QString& transportId, bool traced);

private:
    void buildToolBar();
    void buildTable();
    void applyFilter();
    void showFilterState(const QString& text);
    void exportInteractively();
    void showCurrent(const QModelIndex& current);
    void rowsInserted();
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved();
    void scheduleStatus();
    void updateStatus();

    TraceModel* m_model;
    TraceFilterProxy* m_proxy;
    TraceFilterEdit* m_filterEdit;
    QTableView* m_table;
    QPlainTextEdit* m_detail;
    QLabel* m_status;
    QAction* m_traceAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QToolButton* m_transportsButton = nullptr;
    QMenu* m_transportsMenu = nullptr;
    QSet<QString> m_mutedTransports;
    QString m_lastExport;
    QString m_filterError;

    QTimer m_filterTimer;
    QTimer m_statusTimer;
    // Follows new rows while scrolled to the bottom: set by every scroll (the user's or ours), so it holds
    // while the view is hidden and its scroll range is stale.
    bool m_followBottom = true;
    bool m_rowsLeaving = false;
    bool m_currentLeaving = false;
    int m_scrollAdjust = 0;
};
