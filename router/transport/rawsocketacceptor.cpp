#include "rawsocketacceptor.h"

#include "pendingconnection.h"
#include "rawsocketframing.h"
#include "rawsocketpeer.h"

namespace wamp {

RawSocketAcceptor::RawSocketAcceptor(TransportConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

qint64 RawSocketAcceptor::maxMessageSize() const
{
    return m_config.rawsocket.effectiveMaxMessageSize();
}

void RawSocketAcceptor::accept(PendingConnection* connection)
{
    connection->setParent(this);
    connect(connection, &PendingConnection::timedOut, this, [this, connection] {
        refuse(
            connection,
            QStringLiteral("no RawSocket handshake within %1 ms").arg(m_config.rawsocket.handshakeTimeoutMs),
            std::nullopt);
    });
    connect(connection, &PendingConnection::dataArrived, this,
            [this, connection] { readHandshake(connection); });
    connection->setDeadline(m_config.rawsocket.handshakeTimeoutMs);
    if (!connection->received().isEmpty())
        readHandshake(connection);
}

void RawSocketAcceptor::readHandshake(PendingConnection* connection)
{
    const QByteArray& received = connection->received();
    QString error;
    bool reservedBitsUsed = false;
    if (received.size() < 4) {
        // A wrong first byte is reported at once: the client is not going to send a RawSocket handshake.
        if (!received.isEmpty() && quint8(received.at(0)) != rawsocket::kMagic) {
            rawsocket::parseHandshake(received, &error, &reservedBitsUsed);
            refuse(connection, error, std::nullopt);
        }
        return;
    }
    const std::optional<rawsocket::HandshakeRequest> request =
        rawsocket::parseHandshake(received, &error, &reservedBitsUsed);
    if (!request) {
        refuse(connection, error,
               reservedBitsUsed ? std::optional<int>(int(rawsocket::HandshakeError::ReservedBitsUsed))
                                : std::nullopt);
        return;
    }
    std::optional<SerializerKind> kind;
    for (SerializerKind candidate : m_config.rawsocket.serializers) {
        if (serializerFor(candidate).rawSocketId() == request->serializerId)
            kind = candidate;
    }
    if (!kind) {
        QStringList offered;
        for (SerializerKind candidate : m_config.rawsocket.serializers)
            offered << serializerFor(candidate).name();
        refuse(connection,
               QStringLiteral("serializer %1 is not served here (%2)")
                   .arg(request->serializerId)
                   .arg(offered.join(QStringLiteral(", "))),
               int(rawsocket::HandshakeError::SerializerUnsupported));
        return;
    }
    if (m_config.rawsocket.maxConnections > 0 && m_connections >= m_config.rawsocket.maxConnections) {
        refuse(connection,
               QStringLiteral("maximum connection count (%1) reached").arg(m_config.rawsocket.maxConnections),
               int(rawsocket::HandshakeError::MaxConnectionCountReached));
        return;
    }

    disconnect(connection, nullptr, this, nullptr);
    QByteArray rest;
    ByteStream* stream = connection->takeStream(&rest);
    rest.remove(0, 4);
    const int exponent = rawsocket::lengthExponentFor(maxMessageSize());
    stream->write(rawsocket::handshake(exponent, request->serializerId));
    const bool tls = stream->isEncrypted();
    auto* peer = new RawSocketPeer(stream, rest, *kind, m_config.id,
                                   tls ? QStringLiteral("rawsocket+tls") : QStringLiteral("rawsocket"),
                                   maxMessageSize(), request->maxLength(), this);
    peer->setDebug(m_config.debug);
    peer->setAnonymousRole(m_config.anonymousRole);
    peer->setKeepAlive(m_config.rawsocket.pingIntervalMs, m_config.rawsocket.pingTimeoutMs);
    ++m_connections;
    connect(peer, &QObject::destroyed, this, [this] { --m_connections; });
    Q_EMIT peerReady(peer);
}

void RawSocketAcceptor::refuse(PendingConnection* connection, const QString& reason,
                               std::optional<int> errorCode)
{
    disconnect(connection, nullptr, this, nullptr);
    Q_EMIT rejected(connection->peerAddress(), reason);
    connection->reply(errorCode ? rawsocket::handshakeError(rawsocket::HandshakeError(*errorCode))
                                : QByteArray());
}

} // namespace wamp
