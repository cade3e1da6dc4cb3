#include "scenario.h"

#include "benchcontext.h"
#include "latencyhistogram.h"

#include <cstdio>

Scenario::Scenario(const BenchContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{}

const BenchOptions& Scenario::options() const
{
    return m_context.options;
}

BenchResult Scenario::newResult(const QString& scenario, const QString& variant,
                                const QString& operation) const
{
    BenchResult result;
    result.scenario = scenario;
    result.variant = variant;
    result.transport = m_context.transportName;
    result.serializer = m_context.serializerName;
    result.operation = operation;
    return result;
}

bool Scenario::countReached(quint64 done) const
{
    return options().count > 0 && done >= options().count;
}

qint64 Scenario::durationNs() const
{
    return qint64(options().durationSeconds * 1e9);
}

qint64 Scenario::timeoutMs() const
{
    return qint64(options().timeoutSeconds * 1000);
}

QByteArray Scenario::uri(const char* name) const
{
    return m_context.uriPrefix + name;
}

void Scenario::progress(const QString& text) const
{
    const QByteArray line = "wampscope-bench: " + text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void Scenario::finishLater()
{
    QMetaObject::invokeMethod(this, &Scenario::finished, Qt::QueuedConnection);
}

BenchResult::Latency Scenario::latencyOf(const LatencyHistogram& histogram)
{
    return {histogram.percentile(0.50), histogram.percentile(0.99), histogram.max()};
}
