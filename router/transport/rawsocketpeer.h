#pragma once

#include "bytestream.h"
#include "peer.h"
#include "rawsocketframing.h"

namespace wamp {

class KeepAlive;

/*!
 * A WAMP peer over RawSocket framing on a ByteStream (TCP, TLS or Unix socket), after the handshake. Serves
 * both sides: the router's listeners and the client's connecting transports.
 *
 * PING frames are answered with a PONG echoing the payload. Optional keep-alive: a PING every interval; no
 * PONG within the timeout closes the connection. Framing errors (oversized, reserved bits, unknown type)
 * close the connection with a reason naming the problem. A message larger than the other side announced in
 * its handshake cannot be delivered: the connection is closed with that reason rather than breaking the
 * protocol.
 */
class RawSocketPeer final : public Peer, private ByteStreamHandler {
    Q_OBJECT

public:
    /*!
     * Takes ownership of the connected \a stream; \a received are bytes that came after the handshake and
     * are processed first. \a maxIncoming is the limit this side announced, \a maxOutgoing the one the other
     * side announced.
     */
    RawSocketPeer(ByteStream* stream, const QByteArray& received, SerializerKind serializer,
                  QString transportId, QString transportType, qint64 maxIncoming, qint64 maxOutgoing,
                  QObject* parent = nullptr);

    QString transportType() const override { return m_transportType; }
    QString peerAddress() const override { return m_peerAddress; }
    void send(const QByteArray& encoded) override;
    void close(const QString& reason) override;
    qint64 pendingBytes() const override;

    //! Sends a PING every \a intervalMs and closes the connection when no PONG came within \a timeoutMs.
    void setKeepAlive(int intervalMs, int timeoutMs);
    //! Sends a PING now with \a payload (tests, and the client's liveness check).
    void ping(const QByteArray& payload);

    static constexpr int kCloseTimeoutMs = 2000;

Q_SIGNALS:
    void pongReceived(const QByteArray& payload);

private:
    void streamReadable(QByteArrayView bytes) override;
    void streamClosed(const QString& reason) override;
    void processFrames();
    void fail(const QString& reason);

    ByteStream* m_stream;
    QString m_transportType;
    QString m_peerAddress;
    rawsocket::FrameReader m_reader;
    qint64 m_maxOutgoing;
    QString m_closeReason;
    bool m_closing = false;
    bool m_disconnectedEmitted = false;
    KeepAlive* m_keepAlive = nullptr; // only when configured
    quint32 m_pingCounter = 0;
};

} // namespace wamp
