#include "rawsocketacceptor.h"

#include "rawsocketframing.h"
#include "rawsocketpeer.h"

#include <QAbstractSocket>
#include <QLocalSocket>
#include <QSslSocket>
#include <QTimer>

namespace wamp {

namespace {

QString addressOf(QIODevice* socket)
{
    if (auto* tcp = qobject_cast<QAbstractSocket*>(socket))
        return tcp->peerAddress().toString() + QLatin1Char(':') + QString::number(tcp->peerPort());
    return QStringLiteral("unix socket client");
}

void closeSocket(QIODevice* socket)
{
    if (auto* tcp = qobject_cast<QAbstractSocket*>(socket))
        tcp->disconnectFromHost();
    else if (auto* local = qobject_cast<QLocalSocket*>(socket))
        local->disconnectFromServer();
    // Whatever the peer does, the socket goes once the reply had a moment to leave.
    QTimer::singleShot(1000, socket, &QObject::deleteLater);
}

} // namespace

RawSocketAcceptor::RawSocketAcceptor(TransportConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

qint64 RawSocketAcceptor::maxMessageSize() const
{
    return m_config.rawsocket.effectiveMaxMessageSize();
}

void RawSocketAcceptor::accept(QIODevice* socket)
{
    socket->setParent(this);
    auto* timeout = new QTimer(socket);
    timeout->setObjectName(QStringLiteral("handshakeTimeout"));
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [this, socket] {
        refuse(
            socket,
            QStringLiteral("no RawSocket handshake within %1 ms").arg(m_config.rawsocket.handshakeTimeoutMs),
            std::nullopt);
    });
    timeout->start(m_config.rawsocket.handshakeTimeoutMs);
    connect(socket, &QIODevice::readyRead, this, [this, socket] { readHandshake(socket); });
    if (socket->bytesAvailable() >= 4)
        readHandshake(socket);
}

void RawSocketAcceptor::readHandshake(QIODevice* socket)
{
    if (socket->bytesAvailable() < 4) {
        // A wrong first byte is reported at once: the client is not going to send a RawSocket handshake.
        if (socket->bytesAvailable() > 0 && quint8(socket->peek(1).at(0)) != rawsocket::kMagic) {
            QString error;
            bool reserved = false;
            rawsocket::parseHandshake(socket->peek(4), &error, &reserved);
            refuse(socket, error, std::nullopt);
        }
        return;
    }
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    delete socket->findChild<QTimer*>(QStringLiteral("handshakeTimeout"), Qt::FindDirectChildrenOnly);

    QString error;
    bool reservedBitsUsed = false;
    const std::optional<rawsocket::HandshakeRequest> request =
        rawsocket::parseHandshake(socket->read(4), &error, &reservedBitsUsed);
    if (!request) {
        refuse(socket, error,
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
        refuse(socket,
               QStringLiteral("serializer %1 is not served here (%2)")
                   .arg(request->serializerId)
                   .arg(offered.join(QStringLiteral(", "))),
               int(rawsocket::HandshakeError::SerializerUnsupported));
        return;
    }
    if (m_config.rawsocket.maxConnections > 0 && m_connections >= m_config.rawsocket.maxConnections) {
        refuse(socket,
               QStringLiteral("maximum connection count (%1) reached").arg(m_config.rawsocket.maxConnections),
               int(rawsocket::HandshakeError::MaxConnectionCountReached));
        return;
    }

    const int exponent = rawsocket::lengthExponentFor(maxMessageSize());
    socket->write(rawsocket::handshake(exponent, request->serializerId));
    const bool tls = qobject_cast<QSslSocket*>(socket) != nullptr;
    auto* peer = new RawSocketPeer(socket, *kind, m_config.id,
                                   tls ? QStringLiteral("rawsocket+tls") : QStringLiteral("rawsocket"),
                                   maxMessageSize(), request->maxLength(), this);
    peer->setDebug(m_config.debug);
    peer->setAnonymousRole(m_config.anonymousRole);
    peer->setKeepAlive(m_config.rawsocket.pingIntervalMs, m_config.rawsocket.pingTimeoutMs);
    ++m_connections;
    connect(peer, &QObject::destroyed, this, [this] { --m_connections; });
    Q_EMIT peerReady(peer);
}

void RawSocketAcceptor::refuse(QIODevice* socket, const QString& reason, std::optional<int> errorCode)
{
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    delete socket->findChild<QTimer*>(QStringLiteral("handshakeTimeout"), Qt::FindDirectChildrenOnly);
    Q_EMIT rejected(addressOf(socket), reason);
    if (errorCode)
        socket->write(rawsocket::handshakeError(rawsocket::HandshakeError(*errorCode)));
    closeSocket(socket);
}

} // namespace wamp
