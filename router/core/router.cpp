#include "router.h"

#include "session/session.h"
#include "transport/streamlistener.h"
#include "wamp/errors.h"
#include "wamp/ids.h"

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
    for (const RealmConfig& realmConfig : config.realms)
        m_realms[realmConfig.name] = std::make_unique<Realm>(realmConfig, m_scopeIds);

    QList<TransportStatus> statuses;
    for (const TransportConfig& transport : config.transports) {
        auto* listener = new StreamListener(transport, this);
        TransportStatus status;
        status.id = transport.id;
        if (listener->start()) {
            status.listening = true;
            status.address = listener->address();
            connect(listener, &Listener::peerConnected, this, [this](Peer* peer) { attach(peer); });
            connect(listener, &Listener::connectionRejected, this,
                    [this, id = transport.id](const QString& address, const QString& reason) {
                        Q_EMIT connectionRejected(id, address, reason);
                    });
            m_listeners.append(listener);
            Q_EMIT transportStarted(status.id, status.address);
        } else {
            status.error = listener->errorString();
            delete listener;
            Q_EMIT transportFailed(status.id, status.error);
        }
        statuses.append(status);
    }
    return statuses;
}

Session* Router::attach(Peer* peer)
{
    auto* session = new Session(peer, *this, this);
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
    for (Listener* listener : std::as_const(m_listeners))
        listener->stop();
    const auto sessions = m_connections.keys();
    for (Session* session : sessions)
        session->close(uris::kSystemShutdown, QStringLiteral("the router is shutting down"));
    if (m_connections.isEmpty())
        Q_EMIT stopped();
}

} // namespace wamp
