#pragma once

#include "config/routerconfig.h"
#include "core/router.h"
#include "session/sessioninfo.h"
#include "trace/traceentry.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace wamp {
class TraceRecorder;
}

/*!
 * The GUI's handle on the router, which runs in its own thread (QThread with its own event loop): commands go
 * in as queued calls, what happens comes out as queued value-type signals. Widgets and models talk to this
 * class only, never to router internals, so the router's thread is free to route at full speed while the
 * window paints.
 */
class RouterController : public QObject {
    Q_OBJECT

public:
    explicit RouterController(QObject* parent = nullptr);
    ~RouterController() override;

    bool isRunning() const { return m_running; }
    const wamp::RouterConfig& config() const { return m_config; }

public Q_SLOTS:
    //! Starts the router on \a config (or re-applies it when running: only changed transports restart).
    void apply(const wamp::RouterConfig& config);
    //! Ends every session with GOODBYE wamp.close.system_shutdown and stops listening.
    void stop();
    void killSession(quint64 sessionId, const QString& reason);
    void setTraceEnabled(bool enabled);
    void setTransportTraced(const QString& transportId, bool traced);
    void setSessionTraced(quint64 sessionId, bool traced);

Q_SIGNALS:
    void runningChanged(bool running);
    //! The state of every configured transport, after each apply/stop.
    void transportsChanged(const QList<wamp::TransportStatus>& transports);
    void transportFailed(const QString& id, const QString& error);
    void connectionRejected(const QString& transportId, const QString& peerAddress, const QString& reason);
    void sessionJoined(const wamp::SessionInfo& info);
    void sessionLeft(const wamp::SessionInfo& info, const QString& reason);
    //! Batches of traced messages (at most every 100 ms).
    void traceRecorded(const QList<wamp::TraceEntry>& entries);

private:
    QThread m_thread;
    wamp::Router* m_router = nullptr;        // lives in m_thread
    wamp::TraceRecorder* m_recorder = nullptr; // lives in m_thread
    wamp::RouterConfig m_config;
    bool m_running = false;
};
