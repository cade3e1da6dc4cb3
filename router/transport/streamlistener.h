#pragma once

#include "config/transportconfig.h"
#include "listener.h"

#include <memory>

class QLocalServer;
class QTcpServer;

namespace wamp {

class ByteStream;
class PendingConnection;
class RawSocketAcceptor;
class WebSocketAcceptor;

/*!
 * A listening transport on a stream endpoint: TCP, TLS (QSslServer) or a Unix domain socket. Plain TCP and
 * Unix connections are taken as socket descriptors and served by SocketStream (no QTcpSocket/QLocalSocket
 * per connection); TLS connections keep their QSslSocket (DeviceStream). Accepted connections go to the
 * WebSocket or RawSocket acceptor by transport type; a "universal" transport decides per connection by the
 * first byte (0x7F is RawSocket).
 *
 * Unix sockets: a socket file left behind by a dead process is replaced; one a live process still listens on
 * is not taken over (start() fails and says so), and a path that exists but is not a socket is never removed.
 */
class StreamListener final : public Listener {
    Q_OBJECT

public:
    explicit StreamListener(TransportConfig config, QObject* parent = nullptr);
    ~StreamListener() override;

    bool start() override;
    void stop() override;
    QString errorString() const override { return m_error; }
    QString address() const override;
    QString transportId() const override { return m_config.id; }
    //! The TCP port actually bound (useful with port 0), 0 for Unix sockets.
    quint16 port() const;

private:
    bool startTcp();
    bool startUnix();
    void dispatch(ByteStream* stream);
    void sniffFirstByte(PendingConnection* connection);

    TransportConfig m_config;
    QTcpServer* m_tcp = nullptr;
    QLocalServer* m_local = nullptr;
    WebSocketAcceptor* m_webSocket = nullptr;
    RawSocketAcceptor* m_rawSocket = nullptr;
    QString m_error;
};

} // namespace wamp
