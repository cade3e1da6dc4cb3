#include "streamlistener.h"

#include "config/tlsconfiguration.h"
#include "rawsocketacceptor.h"
#include "rawsocketframing.h"
#include "websocketacceptor.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
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
        m_tcp = server;
    } else {
        m_tcp = new QTcpServer(this);
    }
    m_tcp->setListenBacklogSize(ep.backlog);
    // Not newConnection(): QSslServer emits that at TCP accept, before the TLS handshake is done.
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket* socket = m_tcp->nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, m_config.websocket.tcpNoDelay ? 1 : 0);
            dispatch(socket);
        }
    });
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
    m_local = new QLocalServer(this);
    m_local->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    m_local->setListenBacklogSize(m_config.endpoint.backlog);
    connect(m_local, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_local->nextPendingConnection())
            dispatch(socket);
    });
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

void StreamListener::dispatch(QIODevice* socket)
{
    socket->setParent(this);
    auto* tcp = qobject_cast<QTcpSocket*>(socket);
    if (m_config.type == TransportType::RawSocket || !tcp) {
        m_rawSocket->accept(socket);
    } else if (m_config.type == TransportType::WebSocket) {
        m_webSocket->accept(tcp);
    } else {
        // Universal: wait for the first byte to tell the protocols apart.
        auto* timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, [this, socket] {
            Q_EMIT connectionRejected(qobject_cast<QTcpSocket*>(socket)->peerAddress().toString(),
                                      QStringLiteral("sent nothing within the handshake timeout"));
            socket->deleteLater();
        });
        timeout->start(m_config.websocket.openHandshakeTimeoutMs);
        connect(socket, &QIODevice::readyRead, this, [this, socket] { sniffFirstByte(socket); });
        if (socket->bytesAvailable() > 0)
            sniffFirstByte(socket);
    }
}

void StreamListener::sniffFirstByte(QIODevice* socket)
{
    const QByteArray first = socket->peek(1);
    if (first.isEmpty())
        return;
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    qDeleteAll(socket->findChildren<QTimer*>(Qt::FindDirectChildrenOnly));
    if (quint8(first.at(0)) == rawsocket::kMagic)
        m_rawSocket->accept(socket);
    else
        m_webSocket->accept(qobject_cast<QTcpSocket*>(socket));
}

} // namespace wamp
