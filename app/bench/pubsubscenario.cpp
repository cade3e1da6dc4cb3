#include "pubsubscenario.h"

#include "benchcontext.h"
#include "client/client.h"
#include "sessiongroup.h"

#include <algorithm>

namespace {
constexpr int kTickMs = 100;
}

PubSubScenario::PubSubScenario(const BenchContext& context, QObject* parent)
    : Scenario(context, parent)
    , m_meter(context.options.routerPid)
    , m_topic(uri("topic"))
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("SUBSCRIBE not answered within %1 s").arg(options().timeoutSeconds));
    });
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &PubSubScenario::onTick);
}

void PubSubScenario::start()
{
    startRound();
}

void PubSubScenario::startRound()
{
    m_subscribers = options().subscribers.at(m_round);
    m_window = options().window;
    m_seen.assign(size_t(m_window), 0);
    m_publishedAt.assign(size_t(m_window), 0);
    m_expected.assign(size_t(m_subscribers), 0);
    m_latency.clear();
    m_subscribed = 0;
    m_published = m_complete = m_delivered = m_outOfOrder = m_unexpected = 0;
    m_deliveredAtLastTick = 0;
    m_stalledMs = m_lastEventNs = 0;
    m_stopPublishing = m_running = m_ended = false;

    progress(
        QStringLiteral("pubsub: 1 publisher, %1 subscriber(s), window %2").arg(m_subscribers).arg(m_window));
    m_group = new SessionGroup(context(), this);
    connect(m_group, &SessionGroup::joined, this, &PubSubScenario::subscribeAll);
    connect(m_group, &SessionGroup::failed, this, &PubSubScenario::fail);
    connect(m_group, &SessionGroup::closed, this, &PubSubScenario::onClosed);
    // Session 0 publishes, the others subscribe.
    m_group->open(m_subscribers + 1, std::min(m_subscribers + 1, 16));
}

void PubSubScenario::subscribeAll()
{
    m_watchdog.start(int(timeoutMs()));
    for (int i = 0; i < m_subscribers; ++i) {
        m_group->client(i + 1)->subscribe(
            m_topic, [this, i](const wamp::Event& event) { onEvent(i, event); },
            [this](const wamp::RequestResult& result) {
                if (!result.ok())
                    fail(QStringLiteral("SUBSCRIBE failed: ") + result.errorMessage());
                else if (++m_subscribed == m_subscribers)
                    run();
            });
    }
}

void PubSubScenario::run()
{
    m_watchdog.stop();
    m_running = true;
    m_meter.start();
    m_tick.start();
    publishMore();
}

void PubSubScenario::publishMore()
{
    wamp::Client* publisher = m_group->client(0);
    while (!m_stopPublishing && m_published - m_complete < quint64(m_window)) {
        const qint64 now = m_meter.now();
        if (now >= durationNs() || countReached(m_published)) {
            m_stopPublishing = true;
            break;
        }
        m_publishedAt[size_t(m_published % quint64(m_window))] = now;
        // The one allocation per publication in this tool: the argument list carrying the sequence number
        // (the payload in it is shared).
        publisher->publish(m_topic, wamp::Value::List{wamp::Value(qint64(m_published)), context().payload},
                           {});
        ++m_published;
    }
    if (m_stopPublishing && m_complete == m_published)
        endRun();
}

void PubSubScenario::onEvent(int subscriber, const wamp::Event& event)
{
    if (!m_running || m_ended)
        return;
    const qint64 now = m_meter.now();
    const bool wellFormed =
        event.args.isList() && !event.args.list().empty() && event.args.list().front().isInteger();
    const quint64 sequence = wellFormed ? quint64(event.args.list().front().toInt()) : 0;
    if (!wellFormed || sequence < m_complete || sequence >= m_published) {
        ++m_unexpected;
        return;
    }
    quint64& expected = m_expected[size_t(subscriber)];
    if (sequence != expected)
        ++m_outOfOrder;
    expected = sequence + 1;
    ++m_delivered;
    m_lastEventNs = now;
    const size_t slot = size_t(sequence % quint64(m_window));
    m_latency.record(now - m_publishedAt[slot]);
    ++m_seen[slot];
    if (sequence != m_complete)
        return;
    while (m_complete < m_published && m_seen[size_t(m_complete % quint64(m_window))] >= m_subscribers) {
        m_seen[size_t(m_complete % quint64(m_window))] = 0;
        ++m_complete;
    }
    publishMore();
}

void PubSubScenario::onTick()
{
    if (!m_running || m_ended)
        return;
    if (m_meter.now() >= durationNs()) {
        // Also ends publishing when the window is full and nothing arrives.
        m_stopPublishing = true;
        if (m_complete == m_published) {
            endRun();
            return;
        }
    }
    if (m_delivered != m_deliveredAtLastTick) {
        m_deliveredAtLastTick = m_delivered;
        m_stalledMs = 0;
        return;
    }
    m_stalledMs += kTickMs;
    if (m_stalledMs >= timeoutMs())
        endRun(); // what is missing now counts as lost
}

void PubSubScenario::endRun(const QString& failure)
{
    if (m_ended)
        return;
    m_ended = true;
    m_tick.stop();
    m_meter.stop();
    BenchResult result = newResult(QStringLiteral("pubsub"), QStringLiteral("subs=%1").arg(m_subscribers),
                                   QStringLiteral("events"));
    result.ops = m_delivered;
    result.latency = latencyOf(m_latency);
    m_meter.fill(result);
    // The rate counts from the first publication to the last event, not the wait for missing ones.
    if (m_lastEventNs > 0)
        result.seconds = double(m_lastEventNs) / 1e9;
    result.lost = m_published * quint64(m_subscribers) - m_delivered;
    result.outOfOrder = m_outOfOrder;
    result.errors = m_unexpected;
    result.failure = failure;
    addResult(result);
    m_group->close();
}

void PubSubScenario::fail(const QString& error)
{
    if (m_ended)
        return;
    if (m_running) {
        endRun(error);
        return;
    }
    m_ended = true;
    m_watchdog.stop();
    BenchResult result = newResult(QStringLiteral("pubsub"), QStringLiteral("subs=%1").arg(m_subscribers),
                                   QStringLiteral("events"));
    result.failure = error;
    addResult(result);
    m_group->close();
}

void PubSubScenario::onClosed()
{
    // The group may be inside its own signal.
    m_group->deleteLater();
    m_group = nullptr;
    const bool failed = !results().isEmpty() && !results().last().failure.isEmpty();
    if (failed || ++m_round >= options().subscribers.size()) {
        finishLater();
        return;
    }
    startRound();
}
