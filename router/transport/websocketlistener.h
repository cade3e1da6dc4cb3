#pragma once

#include "config/transportconfig.h"
#include "listener.h"

#include <QTcpServer>
#include <QWebSocketServer>

class QTcpSocket;

namespace wamp {

/*!
 * Listening WAMP-over-WebSocket transport.
 *
 * Connections are accepted by our own QTcpServer and the HTTP request is peeked at before QWebSocketServer
 * sees it: an upgrade request goes on to QWebSocketServer::handleConnection(), a plain GET gets the status
 * page (Crossbar's `enable_webstatus`). After the handshake the negotiated subprotocol picks the serializer;
 * Qt accepts a handshake with no matching subprotocol, so such clients are closed here with a clear reason
 * unless `require_websocket_subprotocol` is false, in which case they are served JSON.
 */
class WebSocketListener final : public Listener {
    Q_OBJECT

public:
    explicit WebSocketListener(TransportConfig config, QObject* parent = nullptr);
    ~WebSocketListener() override;

    bool start() override;
    void stop() override;
    QString errorString() const override { return m_error; }
    QString address() const override;
    QString transportId() const override { return m_config.id; }
    quint16 port() const { return m_tcp.serverPort(); }

private:
    void onTcpConnection();
    void inspectRequest(QTcpSocket* socket);
    void serveStatusPage(QTcpSocket* socket, QByteArrayView method);
    void onWebSocketConnection();

    TransportConfig m_config;
    QTcpServer m_tcp;
    QWebSocketServer m_webSockets;
    QString m_error;
};

} // namespace wamp
