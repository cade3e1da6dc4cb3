#include "routerworker.h"

#include "trace/tracerecorder.h"

#include <QThread>
#include <QTimer>

using namespace wamp;

RouterWorker::RouterWorker(QObject* parent)
    : QObject(parent)
    , m_snapshotTimer(new QTimer(this))
{
    m_snapshotTimer->setInterval(kSnapshotIntervalMs);
    connect(m_snapshotTimer, &QTimer::timeout, this, &RouterWorker::publishSnapshot);
}

RouterWorker::~RouterWorker()
{
    // Routers first: their sessions report to the recorder until they are gone.
    const auto routers = findChildren<Router*>(Qt::FindDirectChildrenOnly);
    for (Router* router : routers) {
        router->setObserver(nullptr);
        delete router;
    }
}

TraceRecorder& RouterWorker::recorder()
{
    if (!m_recorder) {
        // TraceRecorder's batch timer is a member, not a child: the recorder must be born on this thread.
        m_recorder = new TraceRecorder(this);
        m_recorder->setEnabled(m_traceEnabled);
        connect(m_recorder, &TraceRecorder::entriesRecorded, this, &RouterWorker::traceRecorded);
    }
    return *m_recorder;
}

Router* RouterWorker::createRouter()
{
    auto* router = new Router(this);
    connect(router, &Router::transportFailed, this, &RouterWorker::transportFailed);
    connect(router, &Router::connectionRejected, this, &RouterWorker::connectionRejected);
    connect(router, &Router::sessionJoined, this, &RouterWorker::sessionJoined);
    connect(router, &Router::sessionLeft, this, &RouterWorker::sessionLeft);
    router->setObserver(m_traceEnabled ? &recorder() : nullptr);
    return router;
}

void RouterWorker::apply(const RouterConfig& config)
{
    if (!m_router)
        m_router = createRouter();
    const QList<TransportStatus> statuses = m_router->apply(config);
    Q_EMIT transportsChanged(statuses);
    publishSnapshot();
    m_snapshotTimer->start();
}

void RouterWorker::stop()
{
    if (!m_router)
        return;
    m_snapshotTimer->stop();
    Router* router = std::exchange(m_router, nullptr);
    // Sessions leave (sessionLeft) right away; the router object goes once their GOODBYEs are answered.
    connect(router, &Router::stopped, router, &QObject::deleteLater);
    QList<TransportStatus> statuses = router->transports();
    router->shutdown();
    for (TransportStatus& status : statuses) {
        status.listening = false;
        status.address.clear();
        status.error.clear();
    }
    Q_EMIT transportsChanged(statuses);
    Q_EMIT snapshotUpdated(RouterSnapshot{});
}

void RouterWorker::finish()
{
    QThread* thread = this->thread();
    if (!m_router) {
        thread->quit();
        return;
    }
    m_snapshotTimer->stop();
    connect(m_router, &Router::stopped, this, [thread] { thread->quit(); });
    QTimer::singleShot(kExitGraceMs, this, [thread] { thread->quit(); });
    m_router->shutdown();
}

void RouterWorker::killSession(quint64 sessionId, const QString& reason)
{
    if (m_router)
        m_router->killSession(sessionId, {}, reason);
}

void RouterWorker::setTraceEnabled(bool enabled)
{
    m_traceEnabled = enabled;
    recorder().setEnabled(enabled);
    if (!enabled)
        recorder().flush();
    // Detached, the routing path pays one branch per message and nothing more.
    if (m_router)
        m_router->setObserver(enabled ? &recorder() : nullptr);
}

void RouterWorker::setTransportTraced(const QString& transportId, bool traced)
{
    recorder().setTransportTraced(transportId, traced);
}

void RouterWorker::setSessionTraced(quint64 sessionId, bool traced)
{
    recorder().setSessionTraced(sessionId, traced);
}

void RouterWorker::publishSnapshot()
{
    if (m_router)
        Q_EMIT snapshotUpdated(m_router->snapshot());
}
