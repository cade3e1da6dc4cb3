#pragma once

#include "config/routerconfig.h"
#include "realm/realm.h"
#include "session/realmendpoint.h"
#include "session/sessioninfo.h"

#include <QHash>
#include <QObject>

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

    //! Creates the realms and starts every transport; returns each transport's state.
    QList<TransportStatus> start(const RouterConfig& config);
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
    qsizetype connectionCount() const { return m_connections.size(); }
    //! Closes a session with GOODBYE \a reason (default wamp.close.killed); false if there is no such
    //! session.
    bool killSession(quint64 sessionId, const QByteArray& reason = {}, const QString& message = {});

Q_SIGNALS:
    void transportStarted(const QString& id, const QString& address);
    void transportFailed(const QString& id, const QString& error);
    void connectionRejected(const QString& transportId, const QString& peerAddress, const QString& reason);
    void sessionJoined(const wamp::SessionInfo& info);
    void sessionLeft(const wamp::SessionInfo& info, const QString& reason);
    void stopped();

private:
    void onSessionFinished(Session* session);

    ScopeIdGenerator m_scopeIds;
    std::map<QString, std::unique_ptr<Realm>, std::less<>> m_realms;
    QList<Listener*> m_listeners;
    QHash<Session*, bool> m_connections;
    QHash<quint64, Session*> m_sessionsById;
    bool m_shuttingDown = false;
};

} // namespace wamp
