#include "websocketstreampeer.h"

#include "keepalive.h"

#include <QTimer>

namespace wamp {

WebSocketStreamPeer::WebSocketStreamPeer(ByteStream* stream, const QByteArray& received,
                                         SerializerKind serializer, QString transportId, Limits limits,
                                         QObject* parent)
    : Peer(serializer, std::move(transportId), parent)
    , m_stream(stream)
    , m_peerAddress(stream->peerAddress())
    , m_reader(websocket::Role::Server, limits.maxMessageSize, limits.maxFrameSize)
    , m_closeTimeoutMs(limits.closeTimeoutMs)
{
    m_stream->setParent(this);
    m_stream->setHandler(this);
    if (!received.isEmpty()) {
        m_reader.append(received);
        // Processed from the event loop, once whoever made this peer has connected to its signals.
        QMetaObject::invokeMethod(this, &WebSocketStreamPeer::processFrames, Qt::QueuedConnection);
    }
}

QString WebSocketStreamPeer::transportType() const
{
    return m_stream->isEncrypted() ? QStringLiteral("websocket+tls") : QStringLiteral("websocket");
}

qint64 WebSocketStreamPeer::pendingBytes() const
{
    return m_stream->bytesToWrite();
}

void WebSocketStreamPeer::send(const QByteArray& encoded)
{
    if (m_closing || m_closeSent)
        return;
    const websocket::Opcode opcode =
        serializer().isBinary() ? websocket::Opcode::Binary : websocket::Opcode::Text;
    m_stream->writeFrame(websocket::serverFrameHeader(opcode, encoded.size()).view(), encoded);
    if (m_stream->bytesToWrite() > maxPendingBytes())
        fail(QStringLiteral("outgoing queue overflow (%1 bytes not yet written)")
                 .arg(m_stream->bytesToWrite()));
}

void WebSocketStreamPeer::close(const QString& reason)
{
    if (m_closing || m_closeSent)
        return;
    m_disconnectReason = reason;
    sendClose(websocket::CloseCode::Normal, reason);
}

void WebSocketStreamPeer::sendClose(quint16 code, const QString& reason)
{
    m_closeSent = true;
    if (m_keepAlive)
        m_keepAlive->stop();
    m_stream->write(websocket::encodeClose(code, reason));
    // The other side answers with its close frame (onCloseFrame); one that never does is cut off.
    QTimer::singleShot(m_closeTimeoutMs, this, [this] {
        if (!m_disconnectedEmitted)
            m_stream->abort(QStringLiteral("close handshake timed out"));
    });
}

void WebSocketStreamPeer::fail(const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_disconnectReason = reason;
    if (m_keepAlive)
        m_keepAlive->stop();
    m_stream->abort(reason);
}

void WebSocketStreamPeer::setKeepAlive(int intervalMs, int timeoutMs, int payloadSize)
{
    delete std::exchange(m_keepAlive, nullptr);
    if (intervalMs <= 0)
        return;
    m_keepAlive = new KeepAlive(
        intervalMs, timeoutMs,
        [this, payload = QByteArray(qBound(0, payloadSize, 125), 'p')] {
            if (!m_closing && !m_closeSent)
                m_stream->write(websocket::encodeFrame(websocket::Opcode::Ping, payload));
        },
        this);
    connect(m_keepAlive, &KeepAlive::timedOut, this, [this] {
        fail(QStringLiteral("keep-alive: no pong within %1 ms").arg(m_keepAlive->timeoutMs()));
    });
}

void WebSocketStreamPeer::streamReadable(QByteArrayView bytes)
{
    if (m_closing)
        return;
    m_reader.append(bytes);
    processFrames();
}

void WebSocketStreamPeer::processFrames()
{
    while (!m_closing) {
        std::optional<websocket::Event> event = m_reader.next();
        if (!event)
            break;
        switch (event->kind) {
        case websocket::Event::Kind::Text:
        case websocket::Event::Kind::Binary:
            if (!m_closeSent)
                Q_EMIT messageReceived(event->payload);
            break;
        case websocket::Event::Kind::Ping:
            if (!m_closeSent)
                m_stream->write(websocket::encodeFrame(websocket::Opcode::Pong, event->payload));
            break;
        case websocket::Event::Kind::Pong:
            if (m_keepAlive)
                m_keepAlive->pongReceived();
            break;
        case websocket::Event::Kind::Close:
            onCloseFrame(event->closeCode, event->closeReason);
            return;
        }
    }
    if (!m_closing && m_reader.hasError()) {
        const QString error = m_reader.error();
        if (m_disconnectReason.isEmpty())
            m_disconnectReason = error;
        if (!m_closeSent)
            sendClose(m_reader.errorCloseCode(), error);
        m_closing = true;
        m_stream->close(m_closeTimeoutMs);
    }
}

void WebSocketStreamPeer::onCloseFrame(quint16 code, const QString& reason)
{
    if (m_disconnectReason.isEmpty() && (code != websocket::CloseCode::Normal || !reason.isEmpty()) &&
        code != 0)
        m_disconnectReason = QStringLiteral("close code %1 %2").arg(code).arg(reason).trimmed();
    if (!m_closeSent) {
        // Echo the status code (RFC 6455, 5.5.1); a close frame without one is answered without one.
        m_closeSent = true;
        if (m_keepAlive)
            m_keepAlive->stop();
        m_stream->write(websocket::encodeClose(code, QString()));
    }
    // Both close frames are exchanged: the server closes the TCP connection first (RFC 6455, 7.1.1).
    m_closing = true;
    m_stream->close(m_closeTimeoutMs);
}

void WebSocketStreamPeer::streamClosed(const QString& reason)
{
    if (m_disconnectedEmitted)
        return;
    m_disconnectedEmitted = true;
    m_closing = true;
    if (m_keepAlive)
        m_keepAlive->stop();
    Q_EMIT disconnected(m_disconnectReason.isEmpty() ? reason : m_disconnectReason);
}

} // namespace wamp
