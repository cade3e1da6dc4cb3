#pragma once

#include "latencyhistogram.h"
#include "phasemeter.h"
#include "scenario.h"

#include <QTimer>

#include <vector>

class SessionGroup;

namespace wamp {
struct Event;
}

/*!
 * pubsub: one publisher and N subscribers (one run per N of --subscribers). Publications are not
 * acknowledged; instead the publisher keeps at most --window publications that some subscriber has not yet
 * seen (each carries its sequence number as the first argument), so a slow router shows as a lower rate, not
 * as loss caused by this tool. Reports events delivered/s, delivery latency (PUBLISH sent to EVENT received)
 * and the events never delivered by the end of the run plus --timeout.
 */
class PubSubScenario final : public Scenario {
    Q_OBJECT

public:
    explicit PubSubScenario(const BenchContext& context, QObject* parent = nullptr);

    void start() override;

private:
    void startRound();
    void subscribeAll();
    void run();
    void publishMore();
    void onEvent(int subscriber, const wamp::Event& event);
    void onTick();
    void endRun(const QString& failure = {});
    void fail(const QString& error);
    void onClosed();

    // One round per subscriber count.
    int m_round = 0;
    int m_subscribers = 0;
    SessionGroup* m_group = nullptr;
    PhaseMeter m_meter;
    LatencyHistogram m_latency;
    QByteArray m_topic;
    QTimer m_watchdog;
    //! Checks every 100 ms whether the run is over or stalled; cheaper than re-arming a timer per event.
    QTimer m_tick;

    int m_window = 0;
    //! Per window slot (sequence % window): subscribers that have seen it, and when it was published.
    std::vector<int> m_seen;
    std::vector<qint64> m_publishedAt;
    //! Per subscriber: the sequence number expected next.
    std::vector<quint64> m_expected;
    int m_subscribed = 0;
    quint64 m_published = 0;
    //! Every publication below this one has been seen by every subscriber.
    quint64 m_complete = 0;
    quint64 m_delivered = 0;
    quint64 m_outOfOrder = 0;
    quint64 m_unexpected = 0;
    quint64 m_deliveredAtLastTick = 0;
    qint64 m_stalledMs = 0;
    qint64 m_lastEventNs = 0;
    bool m_stopPublishing = false;
    bool m_running = false;
    bool m_ended = false;
};
