#include "websocketpeer.h"

#include "keepalive.h"

#include <QTimer>
#include <QWebSocket>

namespace wamp {

WebSocketPeer::WebSocketPeer(QWebSocket* socket, SerializerKind serializer, QString transportId,
                             QObject* parent)
    : Peer(serializer, std::move(transportId), parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    const QHostAddress address = m_socket->peerAddress();
    m_peerAddress = (address.protocol() == QAbstractSocket::IPv6Protocol
                         ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                         : address.toString()) +
                    QLatin1Char(':') + QString::number(m_socket->peerPort());

    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString& text) { Q_EMIT messageReceived(text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Peer::messageReceived);
    connect(m_socket, &QWebSocket::bytesWritten, this, &WebSocketPeer::removePending);
    // Queued: a disconnect can be noticed in the middle of send() (abort on overflow), and the session must
    // not tear down broker state while the broker is iterating over subscribers.
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketPeer::onDisconnected, Qt::QueuedConnection);
}

void WebSocketPeer::send(const QByteArray& encoded)
{
    if (m_closing)
        return;
    const qint64 written = serializer().isBinary() ? m_socket->sendBinaryMessage(encoded)
                                                   : m_socket->sendTextMessage(QString::fromUtf8(encoded));
    if (!addPending(written)) {
        // The reader does not keep up: drop it instead of buffering without bound (see Peer).
        m_closing = true;
        m_socket->abort();
        QMetaObject::invokeMethod(this, &WebSocketPeer::onDisconnected, Qt::QueuedConnection);
    }
}

void WebSocketPeer::close(const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    // A close reason must fit a control frame (123 bytes of payload).
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, reason.left(40));
    // A peer that never completes the closing handshake is cut off.
    QTimer::singleShot(m_closeTimeoutMs, m_socket, [socket = m_socket] { socket->abort(); });
}

void WebSocketPeer::setKeepAlive(int intervalMs, int timeoutMs, int payloadSize)
{
    delete std::exchange(m_keepAlive, nullptr);
    if (intervalMs <= 0)
        return;
    m_keepAlive = new KeepAlive(
        intervalMs, timeoutMs,
        [this, payload = QByteArray(payloadSize, 'p')] {
            if (!m_closing)
                m_socket->ping(payload);
        },
        this);
    connect(m_socket, &QWebSocket::pong, m_keepAlive, &KeepAlive::pongReceived);
    connect(m_keepAlive, &KeepAlive::timedOut, this, [this] {
        m_failure = QStringLiteral("keep-alive: no pong within %1 ms").arg(m_keepAlive->timeoutMs());
        m_closing = true;
        m_socket->abort();
    });
}

void WebSocketPeer::onDisconnected()
{
    if (m_disconnectedEmitted)
        return;
    m_disconnectedEmitted = true;
    m_closing = true;
    if (m_keepAlive)
        m_keepAlive->stop();
    QString reason;
    if (!m_failure.isEmpty())
        reason = m_failure;
    else if (pendingBytes() > maxPendingBytes())
        reason = QStringLiteral("outgoing queue overflow (%1 bytes not yet written)").arg(pendingBytes());
    else if (m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal ||
             !m_socket->closeReason().isEmpty())
        reason =
            QStringLiteral("close code %1 %2").arg(int(m_socket->closeCode())).arg(m_socket->closeReason());
    else
        reason = QStringLiteral("connection closed");
    Q_EMIT disconnected(reason.trimmed());
}

} // namespace wamp
