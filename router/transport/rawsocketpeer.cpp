#include "rawsocketpeer.h"

#include "keepalive.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QLocalSocket>
#include <QtEndian>

namespace wamp {

namespace {

QString describePeer(QIODevice* device)
{
    if (auto* socket = qobject_cast<QAbstractSocket*>(device)) {
        const QHostAddress address = socket->peerAddress();
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                 : address.toString();
        return host + QLatin1Char(':') + QString::number(socket->peerPort());
    }
    if (auto* local = qobject_cast<QLocalSocket*>(device))
        return QStringLiteral("unix:") + local->fullServerName();
    return QStringLiteral("unknown");
}

} // namespace

RawSocketPeer::RawSocketPeer(QIODevice* device, SerializerKind serializer, QString transportId,
                             QString transportType, qint64 maxIncoming, qint64 maxOutgoing, QObject* parent)
    : Peer(serializer, std::move(transportId), parent)
    , m_device(device)
    , m_transportType(std::move(transportType))
    , m_peerAddress(describePeer(device))
    , m_reader(maxIncoming)
    , m_maxOutgoing(maxOutgoing)
{
    m_device->setParent(this);
    connect(m_device, &QIODevice::readyRead, this, &RawSocketPeer::onReadyRead);
    connect(m_device, &QIODevice::bytesWritten, this, &RawSocketPeer::removePending);
    // Queued, as for WebSocketPeer: a disconnect noticed inside send() must not tear down routing state
    // while the broker iterates over receivers.
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device)) {
        connect(socket, &QAbstractSocket::disconnected, this, &RawSocketPeer::onDisconnected,
                Qt::QueuedConnection);
        // A TLS client that ends with close_notify (Twisted does, then waits for the TCP close) is reported
        // by QSslSocket as RemoteHostClosedError only, with the TCP connection still open: close our side.
        connect(socket, &QAbstractSocket::errorOccurred, this, [socket](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::RemoteHostClosedError &&
                socket->state() == QAbstractSocket::ConnectedState)
                socket->disconnectFromHost();
        });
    } else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        connect(local, &QLocalSocket::disconnected, this, &RawSocketPeer::onDisconnected,
                Qt::QueuedConnection);

    // Bytes that arrived together with the handshake are already waiting.
    if (m_device->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &RawSocketPeer::onReadyRead, Qt::QueuedConnection);
}

void RawSocketPeer::send(const QByteArray& encoded)
{
    if (m_closing)
        return;
    if (encoded.size() > m_maxOutgoing) {
        fail(QStringLiteral("cannot deliver a message of %1 bytes: the peer accepts at most %2")
                 .arg(encoded.size())
                 .arg(m_maxOutgoing));
        return;
    }
    const QByteArray frame = rawsocket::encodeFrame(rawsocket::FrameType::Message, encoded);
    m_device->write(frame);
    if (!addPending(frame.size()))
        fail(QStringLiteral("outgoing queue overflow (%1 bytes not yet written)").arg(pendingBytes()));
}

void RawSocketPeer::ping(const QByteArray& payload)
{
    if (!m_closing)
        m_device->write(rawsocket::encodeFrame(rawsocket::FrameType::Ping, payload));
}

void RawSocketPeer::setKeepAlive(int intervalMs, int timeoutMs)
{
    delete std::exchange(m_keepAlive, nullptr);
    if (intervalMs <= 0)
        return;
    m_keepAlive = new KeepAlive(
        intervalMs, timeoutMs,
        [this] {
            QByteArray payload(4, Qt::Uninitialized);
            qToBigEndian(++m_pingCounter, payload.data());
            ping(payload);
        },
        this);
    connect(m_keepAlive, &KeepAlive::timedOut, this, [this] {
        fail(QStringLiteral("keep-alive: no PONG within %1 ms").arg(m_keepAlive->timeoutMs()));
    });
}

void RawSocketPeer::onReadyRead()
{
    if (m_closing)
        return;
    m_reader.append(m_device->readAll());
    while (std::optional<rawsocket::Frame> frame = m_reader.next()) {
        switch (frame->type) {
        case rawsocket::FrameType::Message:
            Q_EMIT messageReceived(frame->payload);
            break;
        case rawsocket::FrameType::Ping:
            m_device->write(rawsocket::encodeFrame(rawsocket::FrameType::Pong, frame->payload));
            break;
        case rawsocket::FrameType::Pong:
            if (m_keepAlive)
                m_keepAlive->pongReceived();
            Q_EMIT pongReceived(frame->payload);
            break;
        }
        if (m_closing)
            return;
    }
    if (m_reader.hasError())
        fail(m_reader.error());
}

void RawSocketPeer::close(const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeReason = reason;
    disconnectDevice();
}

void RawSocketPeer::fail(const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeReason = reason;
    if (m_keepAlive)
        m_keepAlive->stop();
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
        socket->abort();
    else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        local->abort();
    QMetaObject::invokeMethod(this, &RawSocketPeer::onDisconnected, Qt::QueuedConnection);
}

void RawSocketPeer::disconnectDevice()
{
    if (m_keepAlive)
        m_keepAlive->stop();
    // Flush what is queued, then close; a peer that does not let us finish is cut off.
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
        socket->disconnectFromHost();
    else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        local->disconnectFromServer();
    QTimer::singleShot(kCloseTimeoutMs, this, [this] {
        if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
            socket->abort();
        else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
            local->abort();
        onDisconnected();
    });
}

void RawSocketPeer::onDisconnected()
{
    if (m_disconnectedEmitted)
        return;
    m_disconnectedEmitted = true;
    m_closing = true;
    if (m_keepAlive)
        m_keepAlive->stop();
    Q_EMIT disconnected(m_closeReason.isEmpty() ? QStringLiteral("connection closed") : m_closeReason);
}

} // namespace wamp
