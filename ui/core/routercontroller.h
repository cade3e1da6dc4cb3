#pragma once

#include "config/routerconfig.h"
#include "core/router.h"
#include "core/routersnapshot.h"
#include "session/sessioninfo.h"
#include "trace/traceentry.h"

#include <QList>
#include <QObject>
#include <QThread>

class RouterWorker;

/*!
 * The GUI's handle on the router, which runs in its own thread (QThread with its own event loop): commands go
 * in as queued calls, what happens comes out as queued value-type signals. Widgets and models talk to this
 * class only, never to router internals, so the router's thread is free to route at full speed while the
 * window paints.
 */
class RouterController : public QObject {
    Q_OBJECT

public:
    //! How often snapshotUpdated() is emitted while the router runs.
    static constexpr int kSnapshotIntervalMs = 500;

    explicit RouterController(QObject* parent = nullptr);
    //! Ends every session with GOODBYE (waiting up to a second for the answers) and stops the thread.
    ~RouterController() override;

    bool isRunning() const { return m_running; }
    const wamp::RouterConfig& config() const { return m_config; }
    //! The last state reported by transportsChanged().
    const QList<wamp::TransportStatus>& transports() const { return m_transports; }

public Q_SLOTS:
    //! Starts the router on \a config (or re-applies it when running: only changed transports restart).
    void apply(const wamp::RouterConfig& config);
    //! Ends every session with GOODBYE wamp.close.system_shutdown and stops listening.
    void stop();
    //! Ends a session with GOODBYE wamp.close.killed, \a reason as the message.
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
    //! Sessions with their counters, registrations and subscriptions: after each apply, every
    //! kSnapshotIntervalMs while running, and an empty one after stop.
    void snapshotUpdated(const wamp::RouterSnapshot& snapshot);

private:
    void setRunning(bool running);

    QThread m_thread;
    RouterWorker* m_worker; // lives in m_thread, which deletes it when it finishes
    wamp::RouterConfig m_config;
    QList<wamp::TransportStatus> m_transports;
    bool m_running = false;
};
