#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

/*!
 * The server side of the WebSocket opening handshake (RFC 6455 section 4.2) over HTTP/1.1 (RFC 7230 section
 * 3): finding and parsing the request head, checking it, and the responses. Plain functions on bytes, no
 * sockets; the frames that follow are in websocketframing.h.
 *
 * The parser is strict where leniency lets two parsers disagree on a request (RFC 7230 section 3.2.4):
 * whitespace before a header's colon, obsolete line folding and control characters are errors. It accepts a
 * bare LF as a line end and skips empty lines before the request line (RFC 7230 section 3.5).
 */
namespace wamp::websocket {

//! The most a caller buffers while requestHeadLength() is -1 before refusing the request (431 Request Header
//! Fields Too Large).
inline constexpr qsizetype kMaxRequestHead = 16 * 1024;

struct HttpRequest {
    QByteArray method, target, version;           // "GET", "/ws", "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed, in order
    //! First value, or empty; repeated headers: joined with ", " (RFC 7230), empty values skipped.
    QByteArray header(QByteArrayView lowerName) const;
    //! Comma-separated, case-insensitive; looks through every header of that name.
    bool hasToken(QByteArrayView lowerName, QByteArrayView lowerToken) const;
};

//! Finds the end of the request head ("\r\n\r\n"; also accept bare "\n\n"). Returns the head length including
//! the terminator, or -1 when not complete yet. Any mix of CRLF and LF line ends counts; empty lines before
//! the request line are skipped, not taken for the end. It does not enforce kMaxRequestHead.
qsizetype requestHeadLength(QByteArrayView bytes);
//! Parses a complete request head. nullopt + *error on malformed request line / header line (no colon,
//! obs-fold, non-token name, control chars, bad version), or when the head lacks its empty line. Bytes after
//! the empty line are ignored. \a error may be null.
std::optional<HttpRequest> parseRequest(QByteArrayView head, QString* error);

struct UpgradeRefusal {
    int status;
    QByteArray reason;
    QString message;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
};
/*!
 * Checks a request is a valid RFC 6455 opening handshake: GET (otherwise 405 with "Allow: GET"), HTTP/1.1 or
 * later (otherwise 400), Upgrade contains token "websocket" (otherwise 426 with "Upgrade: websocket"),
 * Connection contains token "upgrade" (otherwise 400), Sec-WebSocket-Version 13 (otherwise 426 Upgrade
 * Required with "Sec-WebSocket-Version: 13" extra header, and "Upgrade: websocket" as RFC 7231 requires for
 * 426), Sec-WebSocket-Key that base64-decodes (strictly: canonical, padded, standard alphabet) to exactly 16
 * bytes (otherwise 400). Returns nullopt when acceptable. message is a human-readable sentence for logs and
 * the response body.
 *
 * Host, Origin and the subprotocol are the caller's to judge.
 */
std::optional<UpgradeRefusal> checkUpgrade(const HttpRequest& request);
//! Sec-WebSocket-Protocol values offered by the client, in order, trimmed, empty items dropped (header may
//! repeat).
QList<QByteArray> offeredSubprotocols(const HttpRequest& request);
//! base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
QByteArray acceptKey(QByteArrayView key);
//! "HTTP/1.1 101 Switching Protocols" with Upgrade, Connection, Sec-WebSocket-Accept, Sec-WebSocket-Protocol
//! (only when subprotocol non-empty), Server: Wampscope. No extensions are ever accepted (permessage-deflate
//! offers are simply not answered).
QByteArray switchingProtocolsResponse(QByteArrayView key, QByteArrayView subprotocol);
//! A complete HTTP/1.1 response with Content-Type (text/plain; charset=utf-8 when \a contentType is empty),
//! Content-Length, Connection: close, Server: Wampscope, the extra headers and body.
QByteArray httpResponse(int status, QByteArrayView reason, QByteArrayView contentType, QByteArrayView body,
                        const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {});

} // namespace wamp::websocket
