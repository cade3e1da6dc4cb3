#pragma once

#include "config/transportconfig.h"

#include <QObject>
#include <QWebSocketServer>

class QTcpSocket;

namespace wamp {

class Peer;

/*!
 * Turns accepted TCP (or TLS) connections into WAMP-over-WebSocket peers.
 *
 * The HTTP request head is peeked at before QWebSocketServer sees it: an upgrade request goes on to
 * QWebSocketServer::handleConnection(), a plain GET gets the status page (Crossbar's `enable_webstatus`).
 * After the handshake the negotiated subprotocol picks the serializer; Qt accepts a handshake with no
 * matching subprotocol, so such clients are closed here with a clear reason unless
 * `require_websocket_subprotocol` is false, in which case they are served JSON.
 */
class WebSocketAcceptor final : public QObject {
    Q_OBJECT

public:
    explicit WebSocketAcceptor(TransportConfig config, QObject* parent = nullptr);

    //! Takes over a connected socket (re-parented to this acceptor until it becomes a peer).
    void accept(QTcpSocket* socket);
    //! Where clients connect, shown on the status page.
    void setAddress(const QString& address) { m_address = address; }

Q_SIGNALS:
    void peerReady(wamp::Peer* peer);
    void rejected(const QString& peerAddress, const QString& reason);

private:
    void inspectRequest(QTcpSocket* socket);
    void serveStatusPage(QTcpSocket* socket, QByteArrayView method);
    void onWebSocketConnection();
    QString subprotocolList() const;
    bool originAllowed(const QString& origin) const;

    TransportConfig m_config;
    QWebSocketServer m_webSockets;
    QString m_address;
};

} // namespace wamp
