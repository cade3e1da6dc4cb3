#include "router.h"

#include "session/session.h"
#include "transport/streamlistener.h"
#include "wamp/errors.h"
#include "wamp/ids.h"

#include <algorithm>

namespace wamp {

Router::Router(QObject* parent)
    : QObject(parent)
{}

Router::~Router()
{
    // Sessions point into realms: end them first.
    for (Session* session : m_connections.keys())
        delete session;
}

QList<TransportStatus> Router::start(const RouterConfig& config)
{
    return apply(config);
}

QList<TransportStatus> Router::apply(const RouterConfig& config)
{
    applyRealms(config.realms);

    // Transports that are gone or changed stop (their sessions are closed); new and changed ones start;
    // unchanged ones keep listening and keep their sessions.
    for (auto it = m_transports.begin(); it != m_transports.end();) {
        const auto next = std::find_if(config.transports.cbegin(), config.transports.cend(),
                                       [&](const TransportConfig& t) { return t.id == it->first; });
        if (next != config.transports.cend() && *next == it->second.config && it->second.listener) {
            ++it;
            continue;
        }
        stopTransport(it->first);
        it = m_transports.erase(it);
    }
    QList<TransportStatus> statuses;
    for (const TransportConfig& transport : config.transports) {
        if (const auto it = m_transports.find(transport.id); it != m_transports.end())
            statuses.append(it->second.status);
        else
            statuses.append(startTransport(transport));
    }
    return statuses;
}

void Router::applyRealms(const QList<RealmConfig>& realms)
{
    for (auto it = m_realms.begin(); it != m_realms.end();) {
        const bool kept = std::any_of(realms.cbegin(), realms.cend(),
                                      [&](const RealmConfig& realm) { return realm.name == it->first; });
        if (kept) {
            ++it;
            continue;
        }
        // Sessions leave the realm synchronously when closed, so it can go right after.
        closeSessions([&](const Session& s) { return s.realm() == it->second.get(); }, uris::kCloseRealm,
                      QStringLiteral("realm '%1' was removed from the configuration").arg(it->first));
        it = m_realms.erase(it);
    }
    for (const RealmConfig& realmConfig : realms) {
        const auto it = m_realms.find(realmConfig.name);
        if (it == m_realms.end()) {
            m_realms[realmConfig.name] = std::make_unique<Realm>(realmConfig, m_scopeIds);
            continue;
        }
        Realm* realm = it->second.get();
        if (realm->config() == realmConfig)
            continue;
        realm->reconfigure(realmConfig);
        closeSessions(
            [realm](const Session& s) { return s.realm() == realm && !realm->hasRole(s.info().authrole); },
            uris::kCloseRealm, QStringLiteral("the session's role was removed from the realm"));
    }
}

TransportStatus Router::startTransport(const TransportConfig& transport)
{
    auto* listener = new StreamListener(transport, this);
    TransportState state;
    state.config = transport;
    state.status.id = transport.id;
    if (listener->start()) {
        state.status.listening = true;
        state.status.address = listener->address();
        state.listener = listener;
        connect(listener, &Listener::peerConnected, this, [this](Peer* peer) { attach(peer); });
        connect(listener, &Listener::connectionRejected, this,
                [this, id = transport.id](const QString& address, const QString& reason) {
                    Q_EMIT connectionRejected(id, address, reason);
                });
        Q_EMIT transportStarted(transport.id, state.status.address);
    } else {
        state.status.error = listener->errorString();
        delete listener;
        Q_EMIT transportFailed(transport.id, state.status.error);
    }
    m_transports[transport.id] = state;
    return state.status;
}

void Router::stopTransport(const QString& id)
{
    const auto it = m_transports.find(id);
    if (it == m_transports.end())
        return;
    if (Listener* listener = std::exchange(it->second.listener, nullptr)) {
        listener->stop();
        listener->deleteLater();
        Q_EMIT transportStopped(id);
    }
    closeSessions([&id](const Session& s) { return s.peer().transportId() == id; }, uris::kSystemShutdown,
                  QStringLiteral("transport '%1' was stopped or reconfigured").arg(id));
}

void Router::closeSessions(const std::function<bool(const Session&)>& which, const QByteArray& reason,
                           const QString& message)
{
    const auto sessions = m_connections.keys();
    for (Session* session : sessions) {
        if (which(*session))
            session->close(reason, message);
    }
}

QList<TransportStatus> Router::transports() const
{
    QList<TransportStatus> statuses;
    for (const auto& [id, state] : m_transports)
        statuses.append(state.status);
    return statuses;
}

Session* Router::attach(Peer* peer)
{
    auto* session = new Session(peer, *this, this);
    session->setObserver(m_observer);
    m_connections.insert(session, true);
    connect(session, &Session::joined, this, [this, session](const SessionInfo& info) {
        m_sessionsById.insert(info.id, session);
        Q_EMIT sessionJoined(info);
    });
    connect(session, &Session::left, this, [this](const SessionInfo& info, const QString& reason) {
        m_sessionsById.remove(info.id);
        Q_EMIT sessionLeft(info, reason);
    });
    connect(session, &Session::finished, this, &Router::onSessionFinished);
    if (m_shuttingDown)
        session->close(uris::kSystemShutdown, QStringLiteral("the router is shutting down"));
    return session;
}

void Router::onSessionFinished(Session* session)
{
    m_connections.remove(session);
    session->deleteLater();
    if (m_shuttingDown && m_connections.isEmpty())
        Q_EMIT stopped();
}

RealmEndpoint* Router::findRealm(QByteArrayView name)
{
    const auto it = m_realms.find(QString::fromUtf8(name));
    return it == m_realms.end() ? nullptr : it->second.get();
}

quint64 Router::newSessionId()
{
    quint64 id = randomGlobalId();
    while (m_sessionsById.contains(id))
        id = randomGlobalId();
    return id;
}

Realm* Router::realm(const QString& name) const
{
    const auto it = m_realms.find(name);
    return it == m_realms.end() ? nullptr : it->second.get();
}

QList<SessionInfo> Router::sessions() const
{
    QList<SessionInfo> result;
    for (const Session* session : m_sessionsById)
        result.append(session->info());
    return result;
}

RouterSnapshot Router::snapshot() const
{
    RouterSnapshot snapshot;
    for (const auto& [name, realm] : m_realms) {
        snapshot.registrations += realm->dealer().registrations(name);
        snapshot.subscriptions += realm->broker().subscriptions(name);
    }
    QHash<quint64, qsizetype> rowOf;
    rowOf.reserve(m_sessionsById.size());
    snapshot.sessions.reserve(m_sessionsById.size());
    for (const Session* session : m_sessionsById) {
        rowOf.insert(session->id(), snapshot.sessions.size());
        snapshot.sessions.append(session->info());
    }
    for (const RegistrationInfo& registration : std::as_const(snapshot.registrations)) {
        for (quint64 callee : registration.calleeIds) {
            if (const auto row = rowOf.constFind(callee); row != rowOf.cend())
                ++snapshot.sessions[*row].registrationCount;
        }
    }
    for (const SubscriptionInfo& subscription : std::as_const(snapshot.subscriptions)) {
        for (quint64 subscriber : subscription.subscriberIds) {
            if (const auto row = rowOf.constFind(subscriber); row != rowOf.cend())
                ++snapshot.sessions[*row].subscriptionCount;
        }
    }
    return snapshot;
}

void Router::setObserver(MessageObserver* observer)
{
    m_observer = observer;
    for (Session* session : m_connections.keys())
        session->setObserver(observer);
}

bool Router::killSession(quint64 sessionId, const QByteArray& reason, const QString& message)
{
    Session* session = m_sessionsById.value(sessionId);
    if (!session)
        return false;
    session->close(reason.isEmpty() ? uris::kKilled : reason, message);
    return true;
}

void Router::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    for (auto& [id, state] : m_transports) {
        if (state.listener)
            state.listener->stop();
    }
    const auto sessions = m_connections.keys();
    for (Session* session : sessions)
        session->close(uris::kSystemShutdown, QStringLiteral("the router is shutting down"));
    if (m_connections.isEmpty())
        Q_EMIT stopped();
}

} // namespace wamp
