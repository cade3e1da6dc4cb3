#include "routercontroller.h"

#include "routerworker.h"

#include <QMetaObject>

using namespace wamp;

namespace {

void registerMetaTypes()
{
    qRegisterMetaType<SessionInfo>();
    qRegisterMetaType<TraceEntry>();
    qRegisterMetaType<QList<TraceEntry>>();
    qRegisterMetaType<TransportStatus>();
    qRegisterMetaType<QList<TransportStatus>>();
    qRegisterMetaType<RegistrationInfo>();
    qRegisterMetaType<SubscriptionInfo>();
    qRegisterMetaType<RouterSnapshot>();
}

} // namespace

static_assert(RouterController::kSnapshotIntervalMs == RouterWorker::kSnapshotIntervalMs);

RouterController::RouterController(QObject* parent)
    : QObject(parent)
    , m_worker(new RouterWorker)
{
    registerMetaTypes();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &RouterWorker::transportsChanged, this,
            [this](const QList<TransportStatus>& transports) {
                m_transports = transports;
                Q_EMIT transportsChanged(transports);
            });
    connect(m_worker, &RouterWorker::transportFailed, this, &RouterController::transportFailed);
    connect(m_worker, &RouterWorker::connectionRejected, this, &RouterController::connectionRejected);
    connect(m_worker, &RouterWorker::sessionJoined, this, &RouterController::sessionJoined);
    connect(m_worker, &RouterWorker::sessionLeft, this, &RouterController::sessionLeft);
    connect(m_worker, &RouterWorker::traceRecorded, this, &RouterController::traceRecorded);
    connect(m_worker, &RouterWorker::snapshotUpdated, this, &RouterController::snapshotUpdated);

    m_thread.setObjectName(QStringLiteral("wampscope-router"));
    m_thread.start();
}

RouterController::~RouterController()
{
    // The worker and the router are deleted on their own thread (QThread::finished -> deleteLater).
    QMetaObject::invokeMethod(m_worker, &RouterWorker::finish);
    m_thread.wait();
}

void RouterController::apply(const RouterConfig& config)
{
    m_config = config;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, config] { worker->apply(config); });
    setRunning(true);
}

void RouterController::stop()
{
    if (!m_running)
        return;
    QMetaObject::invokeMethod(m_worker, &RouterWorker::stop);
    setRunning(false);
}

void RouterController::killSession(quint64 sessionId, const QString& reason)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, sessionId, reason] { worker->killSession(sessionId, reason); });
}

void RouterController::setTraceEnabled(bool enabled)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, enabled] { worker->setTraceEnabled(enabled); });
}

void RouterController::setTransportTraced(const QString& transportId, bool traced)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, transportId, traced] {
        worker->setTransportTraced(transportId, traced);
    });
}

void RouterController::setSessionTraced(quint64 sessionId, bool traced)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, sessionId, traced] { worker->setSessionTraced(sessionId, traced); });
}

void RouterController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}
