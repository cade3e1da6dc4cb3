#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

class QWidget;
class StatisticsView;
class SyntheticTrace;
class TraceView;

/*
 * Floods the trace and statistics views with synthetic batches through a queued signal from another thread
 * (as the router's recorder does) and measures what a user would feel: how late a 10 ms timer fires on the
 * UI thread (p50/p99/max), the resident memory every second, and how long a filter change, a clear of the
 * filter, a scroll to the bottom, a row selection and a window resize take under load. Prints a table.
 */
class UiBenchmark : public QObject {
    Q_OBJECT

public:
    struct Options {
        int rate = 50000;
        int seconds = 20;
        qsizetype capacity = 100000;
    };

    explicit UiBenchmark(const Options& options, QObject* parent = nullptr);
    ~UiBenchmark() override;

    void start();

Q_SIGNALS:
    void finished();

private:
    struct MemorySample {
        int second = 0;
        int rows = 0;
        double rssMb = 0;
    };
    struct Operation {
        QString name;
        double milliseconds = 0;
        QString note;
    };

    void probe();
    void sampleMemory();
    void runOperation(int second);
    double timed(const std::function<void()>& action);
    void finish();
    void report() const;
    static double residentMegabytes();
    static double threadCpuSeconds();

    Options m_options;
    QWidget* m_window;
    TraceView* m_trace;
    StatisticsView* m_statistics;
    QThread m_sourceThread;
    SyntheticTrace* m_source;

    QTimer m_probeTimer;
    QTimer m_memoryTimer;
    QElapsedTimer m_clock;
    qint64 m_lastProbeNs = -1;
    QList<double> m_latenessMs;
    QList<MemorySample> m_memory;
    QList<Operation> m_operations;
    quint64 m_received = 0;
    double m_cpuAtStart = 0;
    double m_cpuSeconds = 0;
    double m_wallSeconds = 0;
};
