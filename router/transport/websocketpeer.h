#pragma once

#include "peer.h"

class QWebSocket;

namespace wamp {

class KeepAlive;

//! A WAMP peer over a QWebSocket: one WAMP message per WebSocket message (text for JSON, binary otherwise).
class WebSocketPeer final : public Peer {
    Q_OBJECT

public:
    //! Takes ownership of \a socket, which must be connected.
    WebSocketPeer(QWebSocket* socket, SerializerKind serializer, QString transportId,
                  QObject* parent = nullptr);

    //! "websocket", or "websocket+tls" once setTls(true) said the connection is encrypted.
    QString transportType() const override
    {
        return m_tls ? QStringLiteral("websocket+tls") : QStringLiteral("websocket");
    }
    void setTls(bool tls) { m_tls = tls; }
    QString peerAddress() const override { return m_peerAddress; }
    void send(const QByteArray& encoded) override;
    void close(const QString& reason) override;

    //! Pings every \a intervalMs with \a payloadSize bytes; no pong within \a timeoutMs closes the
    //! connection.
    void setKeepAlive(int intervalMs, int timeoutMs, int payloadSize);
    void setCloseTimeout(int milliseconds) { m_closeTimeoutMs = milliseconds; }

private:
    void onDisconnected();

    QWebSocket* m_socket;
    QString m_peerAddress;
    bool m_tls = false;
    bool m_closing = false;
    bool m_disconnectedEmitted = false;
    int m_closeTimeoutMs = 2000;
    QString m_failure;
    KeepAlive* m_keepAlive = nullptr; // only when configured
};

} // namespace wamp
