#pragma once

#include "peer.h"
#include "rawsocketframing.h"

class QIODevice;

namespace wamp {

class KeepAlive;

/*!
 * A WAMP peer over RawSocket framing on any stream socket (QTcpSocket, QSslSocket, QLocalSocket), after the
 * handshake. Serves both sides: the router's listeners and the client's connecting transports.
 *
 * PING frames are answered with a PONG echoing the payload. Optional keep-alive: a PING every interval; no
 * PONG within the timeout closes the connection. Framing errors (oversized, reserved bits, unknown type)
 * close the connection with a reason naming the problem. A message larger than the other side announced in
 * its handshake cannot be delivered: the connection is closed with that reason rather than breaking the
 * protocol.
 */
class RawSocketPeer final : public Peer {
    Q_OBJECT

public:
    /*!
     * Takes ownership of the connected \a device. \a maxIncoming is the limit this side announced,
     * \a maxOutgoing the one the other side announced.
     */
    RawSocketPeer(QIODevice* device, SerializerKind serializer, QString transportId, QString transportType,
                  qint64 maxIncoming, qint64 maxOutgoing, QObject* parent = nullptr);

    QString transportType() const override { return m_transportType; }
    QString peerAddress() const override { return m_peerAddress; }
    void send(const QByteArray& encoded) override;
    void close(const QString& reason) override;

    //! Sends a PING every \a intervalMs and closes the connection when no PONG came within \a timeoutMs.
    void setKeepAlive(int intervalMs, int timeoutMs);
    //! Sends a PING now with \a payload (tests, and the client's liveness check).
    void ping(const QByteArray& payload);

    static constexpr int kCloseTimeoutMs = 2000;

Q_SIGNALS:
    void pongReceived(const QByteArray& payload);

private:
    void onReadyRead();
    void fail(const QString& reason);
    void disconnectDevice();
    void onDisconnected();

    QIODevice* m_device;
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
