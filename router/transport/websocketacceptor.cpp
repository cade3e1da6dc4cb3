#include "websocketacceptor.h"

#include "websocketpeer.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
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

QString headerValue(QByteArrayView head, QByteArrayView name)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return QString::fromUtf8(line.mid(colon + 1).trimmed());
    }
    return {};
}

} // namespace

bool WebSocketAcceptor::originAllowed(const QString& origin) const
{
    if (m_config.websocket.allowedOrigins.isEmpty())
        return true;
    for (const QString& pattern : m_config.websocket.allowedOrigins) {
        const QRegularExpression expression(
            QRegularExpression::anchoredPattern(
                QRegularExpression::escape(pattern).replace(QStringLiteral("\\*"), QStringLiteral(".*"))),
            QRegularExpression::CaseInsensitiveOption);
        if (expression.match(origin).hasMatch())
            return true;
    }
    return false;
}

WebSocketAcceptor::WebSocketAcceptor(TransportConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_webSockets(QStringLiteral("Wampscope"), QWebSocketServer::NonSecureMode)
{
    m_webSockets.setSupportedSubprotocols(subprotocolList().split(QStringLiteral(", ")));
    m_webSockets.setHandshakeTimeout(m_config.websocket.openHandshakeTimeoutMs);
    m_webSockets.setMaxPendingConnections(m_config.endpoint.backlog);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &WebSocketAcceptor::onWebSocketConnection);
    connect(&m_webSockets, &QWebSocketServer::serverError, this, [this](QWebSocketProtocol::CloseCode code) {
        Q_EMIT rejected(QString(), QStringLiteral("WebSocket handshake failed (%1: %2)")
                                       .arg(int(code))
                                       .arg(m_webSockets.errorString()));
    });
}

QString WebSocketAcceptor::subprotocolList() const
{
    QStringList subprotocols;
    for (SerializerKind kind : m_config.websocket.serializers)
        subprotocols << serializerFor(kind).subprotocol();
    return subprotocols.join(QStringLiteral(", "));
}

void WebSocketAcceptor::accept(QTcpSocket* socket)
{
    socket->setParent(this);
    // Until the request head is complete the socket is ours; a client that never sends one is dropped.
    auto* timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [this, socket] {
        Q_EMIT rejected(socket->peerAddress().toString(),
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

void WebSocketAcceptor::inspectRequest(QTcpSocket* socket)
{
    const QByteArray head = socket->peek(kMaxRequestHead);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= kMaxRequestHead) {
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            Q_EMIT rejected(socket->peerAddress().toString(), QStringLiteral("HTTP request head too large"));
            socket->write("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        }
        return;
    }
    // From here on the socket is handed over or answered: stop watching it.
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    qDeleteAll(socket->findChildren<QTimer*>(Qt::FindDirectChildrenOnly));
    const QByteArrayView requestHead(head.constData(), end);
    if (const QString origin = headerValue(requestHead, "origin");
        !origin.isEmpty() && !originAllowed(origin)) {
        Q_EMIT rejected(socket->peerAddress().toString(),
                        QStringLiteral("origin '%1' is not in allowed_origins").arg(origin));
        socket->write("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                      "This origin is not allowed to connect.\n");
        socket->disconnectFromHost();
        return;
    }
    if (headerHasToken(requestHead, "upgrade", "websocket")) {
        disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
        m_webSockets.handleConnection(socket);
        return;
    }
    const qsizetype space = requestHead.indexOf(' ');
    serveStatusPage(socket, space > 0 ? requestHead.first(space) : QByteArrayView());
}

void WebSocketAcceptor::serveStatusPage(QTcpSocket* socket, QByteArrayView method)
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
        body = QStringLiteral(
                   "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Wampscope</title></head>"
                   "<body><h1>Wampscope %1</h1><p>This is a WAMP router endpoint (transport %2). "
                   "Connect a WAMP client over WebSocket to <code>%3</code> with one of the "
                   "subprotocols <code>%4</code>.</p></body></html>\n")
                   .arg(QCoreApplication::applicationVersion(), m_config.id.toHtmlEscaped(),
                        m_address.toHtmlEscaped(), subprotocolList())
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

void WebSocketAcceptor::onWebSocketConnection()
{
    while (QWebSocket* socket = m_webSockets.nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(quint64(m_config.websocket.maxMessageSize));
        socket->setMaxAllowedIncomingFrameSize(quint64(m_config.websocket.maxFrameSize));
        std::optional<SerializerKind> kind = serializerKindFromSubprotocol(socket->subprotocol());
        if (!kind && !m_config.websocket.requireWebSocketSubprotocol)
            kind = SerializerKind::Json;
        if (!kind) {
            const QString reason =
                QStringLiteral("no supported WAMP subprotocol offered (this router speaks %1)")
                    .arg(subprotocolList());
            Q_EMIT rejected(socket->peerAddress().toString(), reason);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            socket->close(QWebSocketProtocol::CloseCodeProtocolError, reason);
            continue;
        }
        auto* peer = new WebSocketPeer(socket, *kind, m_config.id, this);
        peer->setDebug(m_config.debug);
        peer->setTls(m_config.endpoint.tls.has_value());
        peer->setCloseTimeout(m_config.websocket.closeHandshakeTimeoutMs);
        peer->setKeepAlive(m_config.websocket.autoPingIntervalMs, m_config.websocket.autoPingTimeoutMs,
                           m_config.websocket.autoPingSize);
        peer->setAnonymousRole(m_config.anonymousRole);
        Q_EMIT peerReady(peer);
    }
}

} // namespace wamp
