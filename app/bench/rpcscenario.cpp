#include "rpcscenario.h"

#include "benchcontext.h"
#include "client/client.h"
#include "sessiongroup.h"

#include <algorithm>

RpcScenario::RpcScenario(const BenchContext& context, const QString& name, int outstanding, int callers,
                         QObject* parent)
    : Scenario(context, parent)
    , m_name(name)
    , m_outstanding(outstanding)
    , m_callers(callers)
    , m_group(new SessionGroup(context, this))
    , m_meter(context.options.routerPid)
    , m_procedure(uri("echo"))
    , m_args(wamp::Value::List{context.payload})
{
    m_watchdog.setSingleShot(true);
    connect(m_group, &SessionGroup::joined, this, &RpcScenario::registerEcho);
    connect(m_group, &SessionGroup::failed, this, &RpcScenario::fail);
    connect(m_group, &SessionGroup::closed, this, &RpcScenario::finishLater);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_running)
            endRun(QStringLiteral("%1 calls still unanswered %2 s after the end")
                       .arg(m_issued - m_completed)
                       .arg(options().timeoutSeconds));
        else
            fail(QStringLiteral("REGISTER not answered within %1 s").arg(options().timeoutSeconds));
    });
}

void RpcScenario::start()
{
    progress(QStringLiteral("%1: %2 caller(s), %3 call(s) in flight")
                 .arg(m_name)
                 .arg(m_callers)
                 .arg(m_outstanding));
    // Session 0 is the callee, the others call.
    m_group->open(m_callers + 1, std::min(m_callers + 1, 16));
}

void RpcScenario::registerEcho()
{
    m_watchdog.start(int(timeoutMs()));
    m_group->client(0)->registerProcedure(
        m_procedure,
        [](const wamp::Invocation& invocation) { return wamp::InvocationResult::result(invocation.args); },
        [this](const wamp::RequestResult& result) {
            if (result.ok())
                run();
            else
                fail(QStringLiteral("REGISTER failed: ") + result.errorMessage());
        });
}

void RpcScenario::run()
{
    m_running = true;
    m_callerLoops.reserve(size_t(m_callers));
    for (int i = 0; i < m_callers; ++i)
        m_callerLoops.push_back({this, m_group->client(i + 1)});
    m_endNs = durationNs();
    m_watchdog.start(int(options().durationSeconds * 1000 + double(timeoutMs())));
    m_meter.start();
    for (int slot = 0; slot < m_outstanding; ++slot) {
        if (!issue(&m_callerLoops[size_t(slot % m_callers)], m_meter.now()))
            break;
    }
}

bool RpcScenario::issue(Caller* caller, qint64 now)
{
    if (m_stopping)
        return false;
    if (now >= m_endNs || countReached(m_issued)) {
        m_stopping = true;
        return false;
    }
    ++m_issued;
    caller->client->call(m_procedure, m_args, {}, [caller, now](const wamp::RequestResult& result) {
        caller->scenario->onResult(caller, now, result);
    });
    return true;
}

void RpcScenario::onResult(Caller* caller, qint64 startedNs, const wamp::RequestResult& result)
{
    if (m_ended)
        return;
    const qint64 now = m_meter.now();
    m_latency.record(now - startedNs);
    ++m_completed;
    if (!result.ok()) {
        if (m_errors++ == 0)
            m_firstError = result.errorMessage();
        m_stopping = true; // the figures mean nothing once calls fail
    }
    if (!issue(caller, now) && m_completed == m_issued)
        endRun();
}

void RpcScenario::endRun(const QString& failure)
{
    m_ended = true;
    m_watchdog.stop();
    m_meter.stop();
    const bool pipelined = m_name != QLatin1String("rpc");
    QString variant;
    if (pipelined) {
        variant = QStringLiteral("out=%1").arg(m_outstanding);
        if (m_callers > 1)
            variant += QStringLiteral(" callers=%1").arg(m_callers);
    }
    BenchResult result = newResult(m_name, variant, QStringLiteral("calls"));
    result.ops = m_completed;
    result.errors = m_errors;
    result.latency = latencyOf(m_latency);
    m_meter.fill(result);
    result.failure = failure;
    if (result.failure.isEmpty() && m_errors > 0)
        result.failure = QStringLiteral("%1 call(s) failed, first: %2").arg(m_errors).arg(m_firstError);
    addResult(result);
    m_group->close();
}

void RpcScenario::fail(const QString& error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_watchdog.stop();
    BenchResult result = newResult(m_name, {}, QStringLiteral("calls"));
    result.failure = error;
    addResult(result);
    m_group->close();
}
