#include "idlescenario.h"

#include "benchcontext.h"
#include "processstats.h"
#include "sessiongroup.h"

IdleScenario::IdleScenario(const BenchContext& context, QObject* parent)
    : Scenario(context, parent)
    , m_group(new SessionGroup(context, this))
    , m_meter(context.options.routerPid)
{
    m_settle.setSingleShot(true);
    connect(m_group, &SessionGroup::joined, this, &IdleScenario::onJoined);
    connect(m_group, &SessionGroup::failed, this, &IdleScenario::fail);
    connect(m_group, &SessionGroup::closed, this, &IdleScenario::finishLater);
    connect(&m_settle, &QTimer::timeout, this, &IdleScenario::measure);
}

void IdleScenario::start()
{
    progress(QStringLiteral("idle: %1 session(s), %2 opening at a time")
                 .arg(options().sessions)
                 .arg(options().parallel));
    if (options().routerPid)
        m_rssBeforeKb = ProcessStats::rssKb(options().routerPid);
    m_meter.start();
    m_group->open(options().sessions, options().parallel);
}

void IdleScenario::onJoined()
{
    m_joinedNs = m_meter.now();
    // The router's allocator and buffers settle after the last join.
    m_settle.start(int(options().settleSeconds * 1000));
}

void IdleScenario::measure()
{
    m_ended = true;
    m_meter.stop();
    BenchResult result = newResult(QStringLiteral("idle"), QStringLiteral("n=%1").arg(options().sessions),
                                   QStringLiteral("sessions"));
    result.ops = quint64(options().sessions);
    result.latencyUnit = BenchResult::LatencyUnit::Milliseconds;
    result.latency = latencyOf(m_group->joinLatency());
    m_meter.fill(result);
    // ops/s is how fast the sessions joined, not counting the settle time.
    result.seconds = double(m_joinedNs) / 1e9;
    if (m_rssBeforeKb) {
        if (const std::optional<qint64> after = ProcessStats::rssKb(options().routerPid))
            result.routerRssKbPerSession = double(*after - *m_rssBeforeKb) / options().sessions;
    }
    addResult(result);
    m_group->close();
}

void IdleScenario::fail(const QString& error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_settle.stop();
    BenchResult result = newResult(QStringLiteral("idle"), QStringLiteral("n=%1").arg(options().sessions),
                                   QStringLiteral("sessions"));
    result.failure = error;
    addResult(result);
    m_group->close();
}
