#pragma once

#include "config/routerconfig.h"
#include "core/router.h"
#include "core/routersnapshot.h"
#include "session/sessioninfo.h"
#include "trace/traceentry.h"

#include <QList>
#include <QObject>

class QTimer;

namespace wamp {
class TraceRecorder;
}

/*!
 * The router's side of RouterController: lives in the router's thread and owns the Router and its
 * TraceRecorder there. Everything it holds is touched on that thread only; RouterController reaches it with
 * queued calls and hears from it through queued signals.
 *
 * A stopped router cannot be started again (its sessions are still saying GOODBYE), so stop() lets it finish
 * on its own and the next apply() makes a new one.
 */
class RouterWorker : public QObject {
    Q_OBJECT

public:
    static constexpr int kSnapshotIntervalMs = 500;
    //! How long the end of the program waits for clients to answer GOODBYE.
    static constexpr int kExitGraceMs = 1000;

    explicit RouterWorker(QObject* parent = nullptr);
    ~RouterWorker() override;

    void apply(const wamp::RouterConfig& config);
    void stop();
    //! Shuts the router down and quits this object's thread once every session is gone (or after
    //! kExitGraceMs).
    void finish();
    void killSession(quint64 sessionId, const QString& reason);
    void setTraceEnabled(bool enabled);
    void setTransportTraced(const QString& transportId, bool traced);
    void setSessionTraced(quint64 sessionId, bool traced);

Q_SIGNALS:
    void transportsChanged(const QList<wamp::TransportStatus>& transports);
    void transportFailed(const QString& id, const QString& error);
    void connectionRejected(const QString& transportId, const QString& peerAddress, const QString& reason);
    void sessionJoined(const wamp::SessionInfo& info);
    void sessionLeft(const wamp::SessionInfo& info, const QString& reason);
    void traceRecorded(const QList<wamp::TraceEntry>& entries);
    void snapshotUpdated(const wamp::RouterSnapshot& snapshot);

private:
    wamp::TraceRecorder& recorder();
    wamp::Router* createRouter();
    void publishSnapshot();

    wamp::Router* m_router = nullptr;          // the running one; stopped ones delete themselves
    wamp::TraceRecorder* m_recorder = nullptr; // made on first use, so that it is made on this thread
    QTimer* m_snapshotTimer;
    bool m_traceEnabled = true;
};
