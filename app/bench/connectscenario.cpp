#include "connectscenario.h"

#include "benchcontext.h"
#include "client/client.h"

#include <algorithm>

namespace {
// With every cycle failing there is nothing to measure: stop instead of hammering the router.
constexpr quint64 kMaxErrors = 10;
} // namespace

ConnectScenario::ConnectScenario(const BenchContext& context, QObject* parent)
    : Scenario(context, parent)
    , m_meter(context.options.routerPid)
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        endPhase(QStringLiteral("%1 connection(s) still open %2 s after the end")
                     .arg(std::count_if(m_cyclers.begin(), m_cyclers.end(),
                                        [](const Cycler& c) { return c.active; }))
                     .arg(options().timeoutSeconds));
    });
}

void ConnectScenario::start()
{
    startPhase(1);
}

void ConnectScenario::startPhase(int parallel)
{
    m_parallel = parallel;
    progress(parallel == 1 ? QStringLiteral("connect: open, join, leave, one at a time")
                           : QStringLiteral("connect: open, join, leave, %1 at a time").arg(parallel));
    ++m_phaseNumber;
    m_phase = new QObject(this);
    m_cyclers.assign(size_t(parallel), {});
    m_latency.clear();
    m_started = m_done = m_errors = 0;
    m_firstError.clear();
    m_stopping = m_ended = false;
    for (int index = 0; index < parallel; ++index) {
        auto* client = new wamp::Client(m_phase);
        m_cyclers[size_t(index)].client = client;
        connect(client, &wamp::Client::joined, this, [client] { client->leave(); });
        connect(client, &wamp::Client::failed, this, [this, index](const QString& error) {
            m_cyclers[size_t(index)].failed = true;
            if (m_firstError.isEmpty())
                m_firstError = error;
        });
        // Queued: the next cycle opens from the event loop, not from inside the client's own signal. The
        // phase number drops a disconnection still queued when its phase was cut short.
        connect(
            client, &wamp::Client::disconnected, this,
            [this, index, phase = m_phaseNumber] {
                if (phase == m_phaseNumber)
                    onDisconnected(index);
            },
            Qt::QueuedConnection);
    }
    m_watchdog.start(int(options().durationSeconds * 1000 + double(timeoutMs())));
    m_meter.start();
    for (int index = 0; index < parallel; ++index)
        startCycle(index);
}

void ConnectScenario::startCycle(int index)
{
    Cycler& cycler = m_cyclers[size_t(index)];
    cycler.active = false;
    if (!m_stopping && (m_meter.now() >= durationNs() || countReached(m_started) || m_errors >= kMaxErrors))
        m_stopping = true;
    if (m_stopping) {
        if (std::none_of(m_cyclers.begin(), m_cyclers.end(), [](const Cycler& c) { return c.active; }))
            endPhase();
        return;
    }
    ++m_started;
    cycler.active = true;
    cycler.failed = false;
    cycler.startedNs = m_meter.now();
    cycler.client->openAndJoin(context().transport, options().realm);
}

void ConnectScenario::onDisconnected(int index)
{
    if (m_ended)
        return;
    Cycler& cycler = m_cyclers[size_t(index)];
    if (cycler.failed) {
        ++m_errors;
    } else {
        m_latency.record(m_meter.now() - cycler.startedNs);
        ++m_done;
    }
    startCycle(index);
}

void ConnectScenario::endPhase(const QString& failure)
{
    if (m_ended)
        return;
    m_ended = true;
    m_watchdog.stop();
    m_meter.stop();
    BenchResult result =
        newResult(QStringLiteral("connect"),
                  m_parallel == 1 ? QStringLiteral("seq") : QStringLiteral("par=%1").arg(m_parallel),
                  QStringLiteral("connections"));
    result.ops = m_done;
    result.errors = m_errors;
    result.latencyUnit = BenchResult::LatencyUnit::Milliseconds;
    result.latency = latencyOf(m_latency);
    m_meter.fill(result);
    result.failure = failure;
    if (result.failure.isEmpty() && m_errors > 0)
        result.failure = QStringLiteral("%1 connection(s) failed, first: %2").arg(m_errors).arg(m_firstError);
    addResult(result);

    // Clients whose cycle did not end are closed with their phase; nothing of theirs is called afterwards.
    m_phase->deleteLater();
    m_phase = nullptr;
    if (result.failure.isEmpty() && m_parallel == 1 && options().parallel > 1)
        QMetaObject::invokeMethod(
            this, [this] { startPhase(options().parallel); }, Qt::QueuedConnection);
    else
        finishLater();
}
