#pragma once

#include "trafficstatistics.h"

#include "trace/traceentry.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;
class RouterController;
class TopUrisModel;
class TrafficChart;

/*
 * Traffic at a glance, from the trace batches: a chart of messages per second in and out over the last five
 * minutes and the most used URIs. Counting is per batch; the chart and table refresh once a second.
 */
class StatisticsView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kTopUriRows = 20;

    //! Fed through addEntries() only (tests, benchmarks).
    explicit StatisticsView(QWidget* parent = nullptr);
    //! Fed by \a controller's trace batches.
    explicit StatisticsView(RouterController& controller, QWidget* parent = nullptr);

    const TrafficStatistics& statistics() const { return m_statistics; }
    TrafficChart* chart() const { return m_chart; }
    TopUrisModel* topUris() const { return m_topUris; }

public Q_SLOTS:
    void addEntries(const QList<wamp::TraceEntry>& entries);
    //! Redraws now (otherwise once a second).
    void refresh();
    void reset();

private:
    TrafficStatistics m_statistics;
    TrafficChart* m_chart;
    TopUrisModel* m_topUris;
    QTableView* m_table;
    QLabel* m_totals;
    QTimer m_timer;
};
