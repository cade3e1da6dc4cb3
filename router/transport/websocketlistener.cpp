#include "websocketlistener.h"

#include "websocketpeer.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace wamp {

namespace {

// An HTTP request head larger than this is refused: nothing legitimate needs more before the upgrade.
constexpr qint64 kMaxRequestHead = 16 * 1024;

bool headerHasToken(QByteArrayView head, QByteArrayView name, QByteArrayView token)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().toLower() != name)
            continue;
        for (const QByteArray& part : line.mid(colon + 1).split(',')) {
            if (part.trimmed().toLower() == token)
                return true;
        }
    }
    return false;
}

} // namespace

WebSocketListener::WebSocketListener(TransportConfig config, QObject* parent)
    : Listener(parent)
    , m_config(std::move(config))
    , m_webSockets(QStringLiteral("Wampscope"), QWebSocketServer::NonSecureMode)
{
    QStringList subprotocols;
    for (SerializerKind kind : m_config.serializers)
        subprotocols << serializerFor(kind).subprotocol();
    m_webSockets.setSupportedSubprotocols(subprotocols);
    m_webSockets.setHandshakeTimeout(m_config.websocket.openHandshakeTimeoutMs);
    m_webSockets.setMaxPendingConnections(m_config.endpoint.backlog);
    connect(&m_tcp, &QTcpServer::pendingConnectionAvailable, this, &WebSocketListener::onTcpConnection);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &WebSocketListener::onWebSocketConnection);
    connect(&m_webSockets, &QWebSocketServer::serverError, this, [this](QWebSocketProtocol::CloseCode code) {
        Q_EMIT connectionRejected(QString(), QStringLiteral("WebSocket handshake failed (%1: %2)")
                                                 .arg(int(code))
                                                 .arg(m_webSockets.errorString()));
    });
}

WebSocketListener::~WebSocketListener() = default;

bool WebSocketListener::start()
{
    const TcpEndpoint& ep = m_config.endpoint;
    QHostAddress address;
    if (ep.interface.isEmpty())
        address = ep.version == 6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4);
    else if (!address.setAddress(ep.interface)) {
        m_error = QStringLiteral("'%1' is not an IP address").arg(ep.interface);
        return false;
    }
    m_tcp.setListenBacklogSize(ep.backlog);
    if (!m_tcp.listen(address, ep.port)) {
        m_error = QStringLiteral("cannot listen on %1 port %2: %3")
                      .arg(address.toString())
                      .arg(ep.port)
                      .arg(m_tcp.errorString());
        return false;
    }
    m_error.clear();
    return true;
}

void WebSocketListener::stop()
{
    m_tcp.close();
}

QString WebSocketListener::address() const
{
    QHostAddress host = m_tcp.serverAddress();
    QString hostText = host.toString();
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        hostText = QLatin1Char('[') + hostText + QLatin1Char(']');
    QString path = QUrl(m_config.url).path();
    if (path.isEmpty())
        path = QStringLiteral("/ws");
    return QStringLiteral("ws://%1:%2%3").arg(hostText).arg(m_tcp.serverPort()).arg(path);
}

void WebSocketListener::onTcpConnection()
{
    while (QTcpSocket* socket = m_tcp.nextPendingConnection()) {
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Until the request head is complete the socket is ours; a client that never sends one is dropped.
        auto* timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, [this, socket] {
            Q_EMIT connectionRejected(socket->peerAddress().toString(),
                                      QStringLiteral("no HTTP request within the opening handshake timeout"));
            socket->abort();
            socket->deleteLater();
        });
        timeout->start(m_config.websocket.openHandshakeTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspectRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            inspectRequest(socket);
    }
}

void WebSocketListener::inspectRequest(QTcpSocket* socket)
{
    const QByteArray head = socket->peek(kMaxRequestHead);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= kMaxRequestHead) {
            Q_EMIT connectionRejected(socket->peerAddress().toString(),
                                      QStringLiteral("HTTP request head too large"));
            socket->write("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        }
        return;
    }
    // From here on the socket is handed over or answered: stop watching it.
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    qDeleteAll(socket->findChildren<QTimer*>(Qt::FindDirectChildrenOnly));
    const QByteArrayView requestHead(head.constData(), end);
    if (headerHasToken(requestHead, "upgrade", "websocket")) {
        disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
        m_webSockets.handleConnection(socket);
        return;
    }
    const qsizetype space = requestHead.indexOf(' ');
    serveStatusPage(socket, space > 0 ? requestHead.first(space) : QByteArrayView());
}

void WebSocketListener::serveStatusPage(QTcpSocket* socket, QByteArrayView method)
{
    if (!m_config.websocket.enableWebStatus) {
        socket->disconnectFromHost();
        return;
    }
    QByteArray status = "200 OK";
    QByteArray body;
    if (method != "GET" && method != "HEAD") {
        status = "405 Method Not Allowed";
        body =
            "This is a WAMP-over-WebSocket endpoint: only GET (status) and WebSocket upgrades are served.\n";
    } else {
        QStringList protocols;
        for (SerializerKind kind : m_config.serializers)
            protocols << serializerFor(kind).subprotocol();
        body = QStringLiteral(
                   "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Wampscope</title></head>"
                   "<body><h1>Wampscope %1</h1><p>This is a WAMP router endpoint (transport %2). "
                   "Connect a WAMP client over WebSocket to <code>%3</code> with one of the "
                   "subprotocols <code>%4</code>.</p></body></html>\n")
                   .arg(QCoreApplication::applicationVersion(), m_config.id.toHtmlEscaped(), address(),
                        protocols.join(QStringLiteral(", ")))
                   .toUtf8();
    }
    QByteArray response =
        "HTTP/1.1 " + status + "\r\nServer: Wampscope\r\nContent-Type: " +
        (status.startsWith("200") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8") +
        "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    if (method != "HEAD")
        response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

void WebSocketListener::onWebSocketConnection()
{
    while (QWebSocket* socket = m_webSockets.nextPendingConnection()) {
        socket->setMaxAllowedIncomingMessageSize(quint64(m_config.websocket.maxMessageSize));
        socket->setMaxAllowedIncomingFrameSize(quint64(m_config.websocket.maxFrameSize));
        socket->setParent(this);
        std::optional<SerializerKind> kind = serializerKindFromSubprotocol(socket->subprotocol());
        if (!kind && !m_config.websocket.requireWebSocketSubprotocol)
            kind = SerializerKind::Json;
        if (!kind) {
            QStringList offered;
            for (SerializerKind k : m_config.serializers)
                offered << serializerFor(k).subprotocol();
            const QString reason =
                QStringLiteral("no supported WAMP subprotocol offered (this router speaks %1)")
                    .arg(offered.join(QStringLiteral(", ")));
            Q_EMIT connectionRejected(socket->peerAddress().toString(), reason);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            socket->close(QWebSocketProtocol::CloseCodeProtocolError, reason);
            continue;
        }
        auto* peer = new WebSocketPeer(socket, *kind, m_config.id, this);
        peer->setDebug(m_config.debug);
        Q_EMIT peerConnected(peer);
    }
}

} // namespace wamp
