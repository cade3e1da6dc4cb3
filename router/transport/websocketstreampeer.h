#pragma once

#include "bytestream.h"
#include "peer.h"
#include "websocketframing.h"

namespace wamp {

class KeepAlive;

/*!
 * A WAMP peer over WebSocket on a ByteStream, router side, after the opening handshake: one WAMP message per
 * WebSocket message (text for JSON, binary otherwise; either is accepted), framing by websocket::FrameReader.
 *
 * Protocol errors in the client's frames close the connection with the close code RFC 6455 prescribes
 * (1002, 1007, 1009) and a reason naming the problem. Pings are answered; optional keep-alive pings; a close
 * handshake the other side does not finish within the close timeout is cut short.
 */
class WebSocketStreamPeer final : public Peer, private ByteStreamHandler {
    Q_OBJECT

public:
    struct Limits {
        qint64 maxMessageSize = 0; //!< <= 0: unlimited
        qint64 maxFrameSize = 0;   //!< <= 0: unlimited
        int closeTimeoutMs = 2000;
    };

    //! Takes ownership of \a stream; \a received are bytes that followed the opening handshake.
    WebSocketStreamPeer(ByteStream* stream, const QByteArray& received, SerializerKind serializer,
                        QString transportId, Limits limits, QObject* parent = nullptr);

    //! "websocket", or "websocket+tls" on an encrypted stream.
    QString transportType() const override;
    QString peerAddress() const override { return m_peerAddress; }
    void send(const QByteArray& encoded) override;
    void close(const QString& reason) override;
    qint64 pendingBytes() const override;

    //! Pings every \a intervalMs with \a payloadSize bytes; no pong within \a timeoutMs closes the
    //! connection.
    void setKeepAlive(int intervalMs, int timeoutMs, int payloadSize);

private:
    void streamReadable(QByteArrayView bytes) override;
    void streamClosed(const QString& reason) override;
    void processFrames();
    void onCloseFrame(quint16 code, const QString& reason);
    //! Starts the closing handshake with \a code; \a failure (if any) becomes the disconnect reason.
    void sendClose(quint16 code, const QString& reason);
    void fail(const QString& reason);

    ByteStream* m_stream;
    QString m_peerAddress;
    websocket::FrameReader m_reader;
    int m_closeTimeoutMs;
    QString m_disconnectReason;
    bool m_closeSent = false;
    bool m_closing = false; // nothing more is sent or delivered
    bool m_disconnectedEmitted = false;
    KeepAlive* m_keepAlive = nullptr; // only when configured
};

} // namespace wamp
