#include "uibenchmark.h"

#include "synthetictrace.h"

#include "trace/statisticsview.h"
#include "trace/tracefilterproxy.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"

#include <QFile>
#include <QGuiApplication>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

constexpr int kProbeMs = 10;

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(fraction * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

} // namespace

UiBenchmark::UiBenchmark(const Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_window(new QSplitter(Qt::Horizontal))
    , m_trace(new TraceView)
    , m_statistics(new StatisticsView)
    , m_source(new SyntheticTrace(options.rate))
{
    m_trace->model()->setCapacity(options.capacity);
    auto* splitter = static_cast<QSplitter*>(m_window);
    splitter->addWidget(m_trace);
    splitter->addWidget(m_statistics);
    splitter->setSizes({860, 420});
    m_window->setWindowTitle(QStringLiteral("wampscope-uibench"));
    m_window->resize(1280, 800);

    // The path of real traces: a batch signal from another thread, queued to the UI thread.
    m_source->moveToThread(&m_sourceThread);
    connect(&m_sourceThread, &QThread::finished, m_source, &QObject::deleteLater);
    connect(m_source, &SyntheticTrace::entriesRecorded, m_trace, &TraceView::addEntries);
    connect(m_source, &SyntheticTrace::entriesRecorded, m_statistics, &StatisticsView::addEntries);
    connect(m_source, &SyntheticTrace::entriesRecorded, this,
            [this](const QList<wamp::TraceEntry>& entries) { m_received += quint64(entries.size()); });

    m_probeTimer.setTimerType(Qt::PreciseTimer);
    m_probeTimer.setInterval(kProbeMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &UiBenchmark::probe);
    m_memoryTimer.setInterval(1000);
    connect(&m_memoryTimer, &QTimer::timeout, this, &UiBenchmark::sampleMemory);
}

UiBenchmark::~UiBenchmark()
{
    m_sourceThread.quit();
    m_sourceThread.wait();
    delete m_window;
}

void UiBenchmark::start()
{
    m_window->show();
    m_memory.append({0, 0, residentMegabytes()});
    m_sourceThread.start();
    QMetaObject::invokeMethod(m_source, &SyntheticTrace::start, Qt::QueuedConnection);
    m_clock.start();
    m_cpuAtStart = threadCpuSeconds();
    m_probeTimer.start();
    m_memoryTimer.start();
}

void UiBenchmark::probe()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastProbeNs >= 0)
        m_latenessMs.append(std::max(0.0, double(now - m_lastProbeNs) / 1e6 - kProbeMs));
    m_lastProbeNs = now;
}

void UiBenchmark::sampleMemory()
{
    const int second = int(m_memory.size());
    m_memory.append({second, m_trace->model()->rowCount(), residentMegabytes()});
    runOperation(second);
    if (second >= m_options.seconds)
        finish();
}

double UiBenchmark::timed(const std::function<void()>& action)
{
    QElapsedTimer timer;
    timer.start();
    action();
    return double(timer.nsecsElapsed()) / 1e6;
}

void UiBenchmark::runOperation(int second)
{
    // Spread over the run, each while the flood goes on; each ends with a synchronous repaint so the time
    // includes what the user waits for.
    const int at = std::max(1, m_options.seconds / 10);
    QTableView* table = m_trace->table();
    const auto paint = [&] { m_window->repaint(); };
    if (second == 4 * at) {
        const double ms = timed([&] {
            m_trace->setFilterText(QStringLiteral("type:CALL,RESULT uri:procedure1"));
            paint();
        });
        m_operations.append({QStringLiteral("filter \"type:CALL,RESULT uri:procedure1\""), ms,
                             QStringLiteral("%1 of %2 rows shown")
                                 .arg(m_trace->proxy()->rowCount())
                                 .arg(m_trace->model()->rowCount())});
    } else if (second == 5 * at) {
        const double ms = timed([&] {
            m_trace->setFilterText(QString());
            paint();
        });
        m_operations.append({QStringLiteral("filter cleared"), ms,
                             QStringLiteral("%1 rows shown").arg(m_trace->proxy()->rowCount())});
    } else if (second == 6 * at) {
        table->scrollToTop();
        paint();
        const double ms = timed([&] {
            table->scrollToBottom();
            paint();
        });
        m_operations.append({QStringLiteral("scroll to bottom"), ms, QString()});
    } else if (second == 7 * at) {
        const int row = table->model()->rowCount() - 50;
        const double ms = timed([&] {
            table->selectRow(row);
            paint();
        });
        // The chain is found by a scan of the whole ring: the detail says how big both were.
        const int modelRow = m_trace->proxy()->mapToSource(table->model()->index(row, 0)).row();
        m_operations.append({QStringLiteral("select a row (chain + details)"), ms,
                             QStringLiteral("chain of %1 rows found among %2")
                                 .arg(m_trace->model()->chainRows(modelRow).size())
                                 .arg(m_trace->model()->rowCount())});
        table->clearSelection();
        table->scrollToBottom();
    } else if (second == 8 * at) {
        const double ms = timed([&] {
            m_window->resize(1100, 700);
            paint();
        });
        m_operations.append({QStringLiteral("resize window"), ms, QString()});
    }
}

void UiBenchmark::finish()
{
    m_probeTimer.stop();
    m_memoryTimer.stop();
    m_wallSeconds = double(m_clock.nsecsElapsed()) / 1e9;
    m_cpuSeconds = threadCpuSeconds() - m_cpuAtStart;
    QMetaObject::invokeMethod(m_source, &SyntheticTrace::stop, Qt::BlockingQueuedConnection);
    report();
    Q_EMIT finished();
}

void UiBenchmark::report() const
{
    QTextStream out(stdout);
    const TraceModel* model = m_trace->model();
    out << "wampscope-uibench: " << m_options.rate << " msg/s for " << m_options.seconds
        << " s, trace capacity " << m_options.capacity << ", platform " << QGuiApplication::platformName()
        << "\n\n";
    out << "messages generated      " << m_source->produced() << "\n";
    out << "messages delivered      " << m_received << " (to the trace and statistics views)\n";
    out << "rows kept / dropped     " << model->rowCount() << " / " << model->droppedCount() << "\n";
    out << "UI thread CPU           " << QString::number(100.0 * m_cpuSeconds / m_wallSeconds, 'f', 1)
        << " % of one core\n\n";
    out << "event-loop latency (lateness of a " << kProbeMs << " ms timer, " << m_latenessMs.size()
        << " samples)\n";
    out << "  p50 " << QString::number(percentile(m_latenessMs, 0.50), 'f', 2) << " ms   p99 "
        << QString::number(percentile(m_latenessMs, 0.99), 'f', 2) << " ms   max "
        << QString::number(percentile(m_latenessMs, 1.0), 'f', 2) << " ms\n\n";
    out << "operations under load\n";
    for (const Operation& operation : m_operations)
        out << "  " << operation.name.leftJustified(44) << QString::number(operation.milliseconds, 'f', 1)
            << " ms"
            << (operation.note.isEmpty() ? QString() : QStringLiteral("   (") + operation.note + u')')
            << "\n";
    out << "\nmemory\n  second   rows      VmRSS MB\n";
    for (const MemorySample& sample : m_memory)
        out << "  " << QString::number(sample.second).rightJustified(6) << "   "
            << QString::number(sample.rows).leftJustified(8) << "  " << QString::number(sample.rssMb, 'f', 1)
            << "\n";
    out.flush();
}

double UiBenchmark::residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

double UiBenchmark::threadCpuSeconds()
{
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
}
