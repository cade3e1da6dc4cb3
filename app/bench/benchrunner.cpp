#include "benchrunner.h"

#include "connectscenario.h"
#include "idlescenario.h"
#include "pubsubscenario.h"
#include "reportprinter.h"
#include "rpcscenario.h"

#include <cstdio>

BenchRunner::BenchRunner(BenchContext context, QObject* parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_queue(m_context.options.scenarios)
{}

void BenchRunner::start()
{
    runNext();
}

Scenario* BenchRunner::makeScenario(const QString& name)
{
    const BenchOptions& options = m_context.options;
    if (name == QLatin1String("rpc"))
        return new RpcScenario(m_context, name, 1, 1, this);
    if (name == QLatin1String("rpc-pipelined"))
        return new RpcScenario(m_context, name, options.outstanding, options.callers, this);
    if (name == QLatin1String("pubsub"))
        return new PubSubScenario(m_context, this);
    if (name == QLatin1String("connect"))
        return new ConnectScenario(m_context, this);
    return new IdleScenario(m_context, this);
}

void BenchRunner::runNext()
{
    if (m_current) {
        m_results += m_current->results();
        // Its clients may still be on the call stack of the signal that ended it.
        m_current->deleteLater();
        m_current = nullptr;
    }
    if (m_queue.isEmpty()) {
        const QByteArray report = m_context.options.json
                                      ? ReportPrinter::json(m_context, m_results)
                                      : ReportPrinter::table(m_context, m_results).toUtf8();
        std::fwrite(report.constData(), 1, size_t(report.size()), stdout);
        std::fflush(stdout);
        const bool allRan = std::all_of(m_results.cbegin(), m_results.cend(),
                                        [](const BenchResult& result) { return result.failure.isEmpty(); });
        Q_EMIT finished(allRan ? 0 : 1);
        return;
    }
    m_current = makeScenario(m_queue.takeFirst());
    connect(m_current, &Scenario::finished, this, &BenchRunner::runNext);
    m_current->start();
}
