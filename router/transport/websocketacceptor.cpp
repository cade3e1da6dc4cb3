#include "websocketacceptor.h"

#include "pendingconnection.h"
#include "websocketframing.h"
#include "websockethandshake.h"
#include "websocketstreampeer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace wamp {

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
{}

QString WebSocketAcceptor::subprotocolList() const
{
    QStringList subprotocols;
    for (SerializerKind kind : m_config.websocket.serializers)
        subprotocols << serializerFor(kind).subprotocol();
    return subprotocols.join(QStringLiteral(", "));
}

void WebSocketAcceptor::accept(PendingConnection* connection)
{
    connection->setParent(this);
    connect(connection, &PendingConnection::timedOut, this, [this, connection] {
        disconnect(connection, nullptr, this, nullptr);
        Q_EMIT rejected(connection->peerAddress(),
                        QStringLiteral("no HTTP request within the opening handshake timeout"));
        connection->reply(QByteArray());
    });
    connect(connection, &PendingConnection::dataArrived, this,
            [this, connection] { inspectRequest(connection); });
    connection->setDeadline(m_config.websocket.openHandshakeTimeoutMs);
    if (!connection->received().isEmpty())
        inspectRequest(connection);
}

void WebSocketAcceptor::refuse(PendingConnection* connection, int status, const QByteArray& statusText,
                               const QString& message,
                               const QList<QPair<QByteArray, QByteArray>>& extraHeaders)
{
    disconnect(connection, nullptr, this, nullptr);
    Q_EMIT rejected(connection->peerAddress(), message);
    connection->reply(websocket::httpResponse(status, statusText, "text/plain; charset=utf-8",
                                              QByteArray(message.toUtf8() + '\n'), extraHeaders));
}

void WebSocketAcceptor::inspectRequest(PendingConnection* connection)
{
    const QByteArray& received = connection->received();
    const qsizetype headLength = websocket::requestHeadLength(received);
    if (headLength < 0) {
        if (received.size() >= websocket::kMaxRequestHead)
            refuse(connection, 431, "Request Header Fields Too Large",
                   QStringLiteral("HTTP request head too large (more than %1 bytes)")
                       .arg(websocket::kMaxRequestHead));
        return;
    }
    QString error;
    const std::optional<websocket::HttpRequest> request =
        websocket::parseRequest(QByteArrayView(received).first(headLength), &error);
    if (!request) {
        refuse(connection, 400, "Bad Request", QStringLiteral("malformed HTTP request: ") + error);
        return;
    }
    if (const QString origin = QString::fromUtf8(request->header("origin"));
        !origin.isEmpty() && !originAllowed(origin)) {
        refuse(connection, 403, "Forbidden",
               QStringLiteral("origin '%1' is not in allowed_origins").arg(origin));
        return;
    }
    if (!request->hasToken("upgrade", "websocket")) {
        disconnect(connection, nullptr, this, nullptr);
        if (!m_config.websocket.enableWebStatus)
            connection->reply(QByteArray());
        else
            connection->reply(statusPage(request->method));
        return;
    }
    if (const std::optional<websocket::UpgradeRefusal> refusal = websocket::checkUpgrade(*request)) {
        refuse(connection, refusal->status, refusal->reason, refusal->message, refusal->extraHeaders);
        return;
    }

    std::optional<SerializerKind> kind;
    QByteArray subprotocol;
    for (const QByteArray& offered : websocket::offeredSubprotocols(*request)) {
        const std::optional<SerializerKind> candidate =
            serializerKindFromSubprotocol(QString::fromUtf8(offered));
        if (candidate && m_config.websocket.serializers.contains(*candidate)) {
            kind = candidate;
            subprotocol = offered;
            break;
        }
    }
    const QByteArray key = request->header("sec-websocket-key");
    if (!kind && !m_config.websocket.requireWebSocketSubprotocol)
        kind = SerializerKind::Json;
    if (!kind) {
        const QString reason = QStringLiteral("no supported WAMP subprotocol offered (this router speaks %1)")
                                   .arg(subprotocolList());
        disconnect(connection, nullptr, this, nullptr);
        Q_EMIT rejected(connection->peerAddress(), reason);
        connection->reply(websocket::switchingProtocolsResponse(key, QByteArrayView()) +
                          websocket::encodeClose(websocket::CloseCode::ProtocolError, reason));
        return;
    }

    disconnect(connection, nullptr, this, nullptr);
    QByteArray rest;
    ByteStream* stream = connection->takeStream(&rest);
    rest.remove(0, headLength);
    stream->write(websocket::switchingProtocolsResponse(key, subprotocol));
    WebSocketStreamPeer::Limits limits;
    limits.maxMessageSize = m_config.websocket.maxMessageSize;
    limits.maxFrameSize = m_config.websocket.maxFrameSize;
    limits.closeTimeoutMs = m_config.websocket.closeHandshakeTimeoutMs;
    auto* peer = new WebSocketStreamPeer(stream, rest, *kind, m_config.id, limits, this);
    peer->setDebug(m_config.debug);
    peer->setKeepAlive(m_config.websocket.autoPingIntervalMs, m_config.websocket.autoPingTimeoutMs,
                       m_config.websocket.autoPingSize);
    peer->setAnonymousRole(m_config.anonymousRole);
    Q_EMIT peerReady(peer);
}

QByteArray WebSocketAcceptor::statusPage(QByteArrayView method) const
{
    if (method != "GET" && method != "HEAD") {
        return websocket::httpResponse(
            405, "Method Not Allowed", "text/plain; charset=utf-8",
            "This is a WAMP-over-WebSocket endpoint: only GET (status) and WebSocket upgrades are served.\n",
            {{"Allow", "GET, HEAD"}});
    }
    const QByteArray body =
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Wampscope</title></head>"
                       "<body><h1>Wampscope %1</h1><p>This is a WAMP router endpoint (transport %2). "
                       "Connect a WAMP client over WebSocket to <code>%3</code> with one of the "
                       "subprotocols <code>%4</code>.</p></body></html>\n")
            .arg(QCoreApplication::applicationVersion(), m_config.id.toHtmlEscaped(),
                 m_address.toHtmlEscaped(), subprotocolList())
            .toUtf8();
    QByteArray response = websocket::httpResponse(200, "OK", "text/html; charset=utf-8", body);
    if (method == "HEAD")
        response.chop(body.size()); // the same head, Content-Length included, without the body
    return response;
}

} // namespace wamp
