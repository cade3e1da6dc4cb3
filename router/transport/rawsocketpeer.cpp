#include "rawsocketpeer.h"

#include "keepalive.h"

#include <QtEndian>

namespace wamp {

RawSocketPeer::RawSocketPeer(ByteStream* stream, const QByteArray& received, SerializerKind serializer,
                             QString transportId, QString transportType, qint64 maxIncoming,
                             qint64 maxOutgoing, QObject* parent)
    : Peer(serializer, std::move(transportId), parent)
    , m_stream(stream)
    , m_transportType(std::move(transportType))
    , m_peerAddress(stream->peerAddress())
    , m_reader(maxIncoming)
    , m_maxOutgoing(maxOutgoing)
{
    m_stream->setParent(this);
    m_stream->setHandler(this);
    if (!received.isEmpty()) {
        m_reader.append(received);
        // Processed from the event loop, once whoever made this peer has connected to its signals.
        QMetaObject::invokeMethod(this, &RawSocketPeer::processFrames, Qt::QueuedConnection);
    }
}

qint64 RawSocketPeer::pendingBytes() const
{
    return m_stream->bytesToWrite();
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
    const std::array<char, 4> header = rawsocket::frameHeader(rawsocket::FrameType::Message, encoded.size());
    m_stream->writeFrame(QByteArrayView(header.data(), header.size()), encoded);
    if (m_stream->bytesToWrite() > maxPendingBytes())
        fail(QStringLiteral("outgoing queue overflow (%1 bytes not yet written)")
                 .arg(m_stream->bytesToWrite()));
}

void RawSocketPeer::ping(const QByteArray& payload)
{
    if (!m_closing)
        m_stream->write(rawsocket::encodeFrame(rawsocket::FrameType::Ping, payload));
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

void RawSocketPeer::streamReadable(QByteArrayView bytes)
{
    if (m_closing)
        return;
    m_reader.append(bytes);
    processFrames();
}

void RawSocketPeer::processFrames()
{
    while (!m_closing) {
        std::optional<rawsocket::Frame> frame = m_reader.next();
        if (!frame)
            break;
        switch (frame->type) {
        case rawsocket::FrameType::Message:
            Q_EMIT messageReceived(frame->payload);
            break;
        case rawsocket::FrameType::Ping:
            m_stream->write(rawsocket::encodeFrame(rawsocket::FrameType::Pong, frame->payload));
            break;
        case rawsocket::FrameType::Pong:
            if (m_keepAlive)
                m_keepAlive->pongReceived();
            Q_EMIT pongReceived(frame->payload);
            break;
        }
    }
    if (!m_closing && m_reader.hasError())
        fail(m_reader.error());
}

void RawSocketPeer::close(const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeReason = reason;
    if (m_keepAlive)
        m_keepAlive->stop();
    m_stream->close(kCloseTimeoutMs);
}

void RawSocketPeer::fail(const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeReason = reason;
    if (m_keepAlive)
        m_keepAlive->stop();
    m_stream->abort(reason);
}

void RawSocketPeer::streamClosed(const QString& reason)
{
    if (m_disconnectedEmitted)
        return;
    m_disconnectedEmitted = true;
    m_closing = true;
    if (m_keepAlive)
        m_keepAlive->stop();
    Q_EMIT disconnected(m_closeReason.isEmpty() ? reason : m_closeReason);
}

} // namespace wamp
