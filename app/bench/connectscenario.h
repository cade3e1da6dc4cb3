#pragma once

#include "latencyhistogram.h"
#include "phasemeter.h"
#include "scenario.h"

#include <QString>
#include <QTimer>

#include <vector>

namespace wamp {
class Client;
}

/*!
 * connect: sessions that open the transport, join, leave and wait for the transport to close, over and over;
 * first one at a time, then --parallel at once. One operation is one such cycle; its latency runs from
 * open() to the transport being gone.
 */
class ConnectScenario final : public Scenario {
    Q_OBJECT

public:
    explicit ConnectScenario(const BenchContext& context, QObject* parent = nullptr);

    void start() override;

private:
    struct Cycler {
        wamp::Client* client = nullptr;
        qint64 startedNs = 0;
        bool failed = false;
        bool active = false;
    };

    void startPhase(int parallel);
    void startCycle(int index);
    void onDisconnected(int index);
    void endPhase(const QString& failure = {});

    int m_parallel = 1;
    int m_phaseNumber = 0;
    QObject* m_phase = nullptr;
    std::vector<Cycler> m_cyclers;
    PhaseMeter m_meter;
    LatencyHistogram m_latency;
    QTimer m_watchdog;
    quint64 m_started = 0;
    quint64 m_done = 0;
    quint64 m_errors = 0;
    QString m_firstError;
    bool m_stopping = false;
    bool m_ended = false;
};
