#pragma once

#include "config/routerconfig.h"
#include "core/routersnapshot.h"
#include "realm/realm.h"
#include "session/messageobserver.h"
#include "session/realmendpoint.h"
#include "session/sessioninfo.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace wamp {

class Listener;
class Peer;
class Session;

//! The state of one listening transport after start().
struct TransportStatus {
    QString id;
    bool listening = false;
    QString address; //!< where clients connect, when listening
    QString error;   //!< why it failed, otherwise
};

/*!
 * The WAMP router: realms, listening transports and the sessions they bring. Runs on the thread it lives in;
 * reports what happens through value-type signals.
 */
class Router : public QObject, public RealmDirectory {
    Q_OBJECT

public:
    explicit Router(QObject* parent = nullptr);
    ~Router() override;

    //! Creates the realms and starts every transport; returns each transport's state. Same as apply().
    QList<TransportStatus> start(const RouterConfig& config);
    /*!
     * Moves the running router to \a config: realms are added, updated in place (sessions whose role went
     * away are closed) or removed (their sessions get GOODBYE wamp.close.close_realm); transports that are
     * new or changed start (a changed one restarts and its sessions are closed), removed ones stop, and
     * unchanged ones keep listening with their sessions connected. Returns each configured transport's state.
     */
    QList<TransportStatus> apply(const RouterConfig& config);
    //! The state of every configured transport.
    QList<TransportStatus> transports() const;
    //! Ends every session with GOODBYE wamp.close.system_shutdown, stops listening; emits stopped() when the
    //! last session is gone (or at once when there is none).
    void shutdown();

    //! Attaches a connected peer (from a listener, or an in-memory peer in tests). The router takes
    //! ownership.
    Session* attach(Peer* peer);

    RealmEndpoint* findRealm(QByteArrayView name) override;
    quint64 newSessionId() override;

    Realm* realm(const QString& name) const;
    QList<SessionInfo> sessions() const;
    /*!
     * Every joined session (with its message counters and its subscription and registration counts), every
     * registration and every subscription, over all realms. Costs a walk over all of them: for an inspector
     * polling a few times a second, not for the routing path.
     */
    RouterSnapshot snapshot() const;
    qsizetype connectionCount() const { return m_connections.size(); }
    //! Reports every message of every session to \a observer (nullptr: none). Not owned.
    void setObserver(MessageObserver* observer);

    //! Closes a session with GOODBYE \a reason (default wamp.close.killed); false if there is no such
    //! session.
    bool killSession(quint64 sessionId, const QByteArray& reason = {}, const QString& message = {});

Q_SIGNALS:
    void transportStarted(const QString& id, const QString& address);
    void transportFailed(const QString& id, const QString& error);
    void transportStopped(const QString& id);
    void connectionRejected(const QString& transportId, const QString& peerAddress, const QString& reason);
    void sessionJoined(const wamp::SessionInfo& info);
    void sessionLeft(const wamp::SessionInfo& info, const QString& reason);
    void stopped();

private:
    struct TransportState {
        TransportConfig config;
        TransportStatus status;
        Listener* listener = nullptr;
    };

    void onSessionFinished(Session* session);
    void applyRealms(const QList<RealmConfig>& realms);
    TransportStatus startTransport(const TransportConfig& transport);
    void stopTransport(const QString& id);
    void closeSessions(const std::function<bool(const Session&)>& which, const QByteArray& reason,
                       const QString& message);

    ScopeIdGenerator m_scopeIds;
    std::map<QString, std::unique_ptr<Realm>, std::less<>> m_realms;
    std::map<QString, TransportState> m_transports;
    QHash<Session*, bool> m_connections;
    QHash<quint64, Session*> m_sessionsById;
    bool m_shuttingDown = false;
    MessageObserver* m_observer = nullptr;
};

} // namespace wamp

Q_DECLARE_METATYPE(wamp::TransportStatus)
