#include "streamlistener.h"

#include "config/tlsconfiguration.h"
#include "descriptorlocalserver.h"
#include "descriptortcpserver.h"
#include "devicestream.h"
#include "pendingconnection.h"
#include "rawsocketacceptor.h"
#include "rawsocketframing.h"
#include "socketstream.h"
#include "websocketacceptor.h"

#include <QFileInfo>
#include <QLocalSocket>
#include <QSslServer>
#include <QSslSocket>
#include <QUrl>

#include <sys/stat.h>

namespace wamp {

namespace {

bool isSocketFile(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && S_ISSOCK(info.st_mode);
}

} // namespace

StreamListener::StreamListener(TransportConfig config, QObject* parent)
    : Listener(parent)
    , m_config(std::move(config))
{
    if (m_config.type != TransportType::RawSocket) {
        m_webSocket = new WebSocketAcceptor(m_config, this);
        connect(m_webSocket, &WebSocketAcceptor::peerReady, this, &Listener::peerConnected);
        connect(m_webSocket, &WebSocketAcceptor::rejected, this, &Listener::connectionRejected);
    }
    if (m_config.type != TransportType::WebSocket) {
        m_rawSocket = new RawSocketAcceptor(m_config, this);
        connect(m_rawSocket, &RawSocketAcceptor::peerReady, this, &Listener::peerConnected);
        connect(m_rawSocket, &RawSocketAcceptor::rejected, this, &Listener::connectionRejected);
    }
}

StreamListener::~StreamListener()
{
    stop();
}

bool StreamListener::start()
{
    const bool started = m_config.endpoint.type == Endpoint::Type::Unix ? startUnix() : startTcp();
    if (started && m_webSocket)
        m_webSocket->setAddress(address());
    return started;
}

bool StreamListener::startTcp()
{
    const Endpoint& ep = m_config.endpoint;
    QHostAddress address;
    if (ep.interface.isEmpty())
        address = ep.version == 6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4);
    else if (!address.setAddress(ep.interface)) {
        m_error = QStringLiteral("'%1' is not an IP address").arg(ep.interface);
        return false;
    }
    if (ep.tls) {
        QSslConfiguration tls;
        if (!makeServerTlsConfiguration(*ep.tls, &tls, &m_error))
            return false;
        auto* server = new QSslServer(this);
        server->setSslConfiguration(tls);
        server->setHandshakeTimeout(m_config.websocket.openHandshakeTimeoutMs);
        connect(server, &QSslServer::errorOccurred, this,
                [this](QSslSocket* socket, QAbstractSocket::SocketError) {
                    Q_EMIT connectionRejected(socket->peerAddress().toString(),
                                              QStringLiteral("TLS handshake failed: ") +
                                                  socket->errorString());
                });
        connect(server, &QSslServer::peerVerifyError, this,
                [this](QSslSocket* socket, const QSslError& error) {
                    Q_EMIT connectionRejected(socket->peerAddress().toString(),
                                              QStringLiteral("client certificate rejected: ") +
                                                  error.errorString());
                });
        // Not newConnection(): QSslServer emits that at TCP accept, before the TLS handshake is done.
        connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] {
            while (QTcpSocket* socket = server->nextPendingConnection()) {
                socket->setSocketOption(QAbstractSocket::LowDelayOption,
                                        m_config.websocket.tcpNoDelay ? 1 : 0);
                dispatch(new DeviceStream(socket));
            }
        });
        m_tcp = server;
    } else {
        m_tcp = new DescriptorTcpServer(
            [this](qintptr descriptor) {
                auto* stream = new SocketStream(descriptor, QString());
                stream->setNoDelay(m_config.websocket.tcpNoDelay);
                dispatch(stream);
            },
            this);
    }
    m_tcp->setListenBacklogSize(ep.backlog);
    if (!m_tcp->listen(address, ep.port)) {
        m_error = QStringLiteral("cannot listen on %1 port %2: %3")
                      .arg(address.toString())
                      .arg(ep.port)
                      .arg(m_tcp->errorString());
        delete std::exchange(m_tcp, nullptr);
        return false;
    }
    return true;
}

bool StreamListener::startUnix()
{
    const QString path = m_config.endpoint.path;
    if (QFileInfo::exists(path)) {
        if (!isSocketFile(path)) {
            m_error = QStringLiteral("%1 exists and is not a socket; not replacing it").arg(path);
            return false;
        }
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(500)) {
            m_error = QStringLiteral("%1 is in use by a running process").arg(path);
            return false;
        }
        QLocalServer::removeServer(path); // left behind by a process that is gone
    }
    m_local = new DescriptorLocalServer(
        [this, path](quintptr descriptor) { dispatch(new SocketStream(qintptr(descriptor), path)); }, this);
    m_local->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    m_local->setListenBacklogSize(m_config.endpoint.backlog);
    if (!m_local->listen(path)) {
        m_error = QStringLiteral("cannot listen on unix socket %1: %2").arg(path, m_local->errorString());
        delete std::exchange(m_local, nullptr);
        return false;
    }
    return true;
}

void StreamListener::stop()
{
    if (m_tcp)
        m_tcp->close();
    if (m_local) {
        m_local->close(); // also removes the socket file
        delete std::exchange(m_local, nullptr);
    }
}

quint16 StreamListener::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QString StreamListener::address() const
{
    if (m_config.endpoint.type == Endpoint::Type::Unix)
        return QStringLiteral("unix://") + m_config.endpoint.path;
    const QHostAddress host = m_tcp ? m_tcp->serverAddress() : QHostAddress();
    QString hostText = host.toString();
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        hostText = QLatin1Char('[') + hostText + QLatin1Char(']');
    const QString hostPort = hostText + QLatin1Char(':') + QString::number(port());
    const bool tls = m_config.endpoint.tls.has_value();
    QString path = QUrl(m_config.url).path();
    if (path.isEmpty())
        path = QStringLiteral("/ws");
    const QString ws = (tls ? QStringLiteral("wss://") : QStringLiteral("ws://")) + hostPort + path;
    const QString rs = (tls ? QStringLiteral("rss://") : QStringLiteral("rs://")) + hostPort;
    switch (m_config.type) {
    case TransportType::WebSocket:
        return ws;
    case TransportType::RawSocket:
        return rs;
    case TransportType::Universal:
        return ws + QStringLiteral(" and ") + rs;
    }
    return {};
}

void StreamListener::dispatch(ByteStream* stream)
{
    auto* connection = new PendingConnection(stream, this);
    if (m_config.type == TransportType::RawSocket) {
        m_rawSocket->accept(connection);
    } else if (m_config.type == TransportType::WebSocket) {
        m_webSocket->accept(connection);
    } else {
        // Universal: wait for the first byte to tell the protocols apart.
        connect(connection, &PendingConnection::timedOut, this, [this, connection] {
            Q_EMIT connectionRejected(connection->peerAddress(),
                                      QStringLiteral("sent nothing within the handshake timeout"));
            connection->reply(QByteArray());
        });
        connect(connection, &PendingConnection::dataArrived, this,
                [this, connection] { sniffFirstByte(connection); });
        connection->setDeadline(m_config.websocket.openHandshakeTimeoutMs);
    }
}

void StreamListener::sniffFirstByte(PendingConnection* connection)
{
    disconnect(connection, nullptr, this, nullptr);
    if (quint8(connection->received().at(0)) == rawsocket::kMagic)
        m_rawSocket->accept(connection);
    else
        m_webSocket->accept(connection);
}

} // namespace wamp
