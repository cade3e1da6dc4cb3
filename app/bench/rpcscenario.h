#pragma once

#include "latencyhistogram.h"
#include "phasemeter.h"
#include "scenario.h"
#include "wamp/value.h"

#include <QTimer>

#include <vector>

class SessionGroup;

namespace wamp {
class Client;
struct RequestResult;
} // namespace wamp

/*!
 * rpc and rpc-pipelined: one callee session echoes the payload back; caller sessions of this process keep a
 * fixed number of calls in flight (rpc: one caller, one call, so calls are sequential) until --duration or
 * --count. Reports calls/s and call latency (CALL sent to RESULT received).
 */
class RpcScenario final : public Scenario {
    Q_OBJECT

public:
    //! \a outstanding calls in flight, spread evenly over \a callers caller sessions.
    RpcScenario(const BenchContext& context, const QString& name, int outstanding, int callers,
                QObject* parent = nullptr);

    void start() override;

private:
    //! One caller session; a call's callback holds a pointer to it and its start time, which fits the
    //! callback's small-object buffer, so a call allocates nothing in this tool.
    struct Caller {
        RpcScenario* scenario;
        wamp::Client* client;
    };

    void registerEcho();
    void run();
    bool issue(Caller* caller, qint64 now);
    void onResult(Caller* caller, qint64 startedNs, const wamp::RequestResult& result);
    void endRun(const QString& failure = {});
    void fail(const QString& error);

    QString m_name;
    int m_outstanding;
    int m_callers;
    SessionGroup* m_group;
    PhaseMeter m_meter;
    LatencyHistogram m_latency;
    std::vector<Caller> m_callerLoops;
    QByteArray m_procedure;
    wamp::Value m_args;
    QTimer m_watchdog;
    qint64 m_endNs = 0;
    quint64 m_issued = 0;
    quint64 m_completed = 0;
    quint64 m_errors = 0;
    QString m_firstError;
    bool m_stopping = false;
    bool m_running = false;
    bool m_ended = false;
};
