#include "websockethandshake.h"

#include <QCryptographicHash>

#include <algorithm>

namespace wamp::websocket {

namespace {

constexpr QByteArrayView kAcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
constexpr QByteArrayView kDefaultContentType = "text/plain; charset=utf-8";
// Sixteen octets are 24 base64 characters, the last two "=" padding.
constexpr qsizetype kEncodedKeySize = 24;
constexpr qsizetype kKeySize = 16;
constexpr qsizetype kQuoteLimit = 60;

// tchar (RFC 7230 section 3.2.6): what a method and a header name are made of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView bytes)
{
    return !bytes.isEmpty() && std::all_of(bytes.begin(), bytes.end(), isTokenChar);
}

// Control characters, HTAB excepted; obs-text (0x80-0xFF) is allowed in values.
bool isControl(char c)
{
    return (uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7F;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && isOws(bytes.front()))
        bytes = bytes.sliced(1);
    while (!bytes.isEmpty() && isOws(bytes.back()))
        bytes.chop(1);
    return bytes;
}

// Bytes from the wire, quoted for a message: printable ASCII as is, the rest as \xNN, long input cut.
QString quoted(QByteArrayView bytes)
{
    QString out = QStringLiteral("\"");
    for (const char c : bytes.first(std::min(bytes.size(), kQuoteLimit))) {
        if (uchar(c) >= 0x20 && uchar(c) < 0x7F && c != '"' && c != '\\')
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(uint(uchar(c)), 2, 16, QLatin1Char('0'));
    }
    out += u'"';
    if (bytes.size() > kQuoteLimit)
        out += QStringLiteral(" (%1 bytes)").arg(bytes.size());
    return out;
}

// "HTTP/" DIGIT "." DIGIT (RFC 7230 section 2.6; the name is case-sensitive).
bool isHttpVersion(QByteArrayView version)
{
    return version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0' && version[5] <= '9' &&
           version[6] == '.' && version[7] >= '0' && version[7] <= '9';
}

// Calls f with each trimmed, non-empty element of a comma-separated list.
template <typename F> void forEachListItem(QByteArrayView list, F f)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = trimmedOws(comma < 0 ? list : list.first(comma));
        if (!item.isEmpty())
            f(item);
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
}

bool isValidKey(QByteArrayView key)
{
    if (key.size() != kEncodedKeySize)
        return false;
    const QByteArray encoded = key.toByteArray();
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    // Re-encoding rejects what a lenient decoder lets through: missing padding, non-zero trailing bits.
    return decoded && decoded.decoded.size() == kKeySize && decoded.decoded.toBase64() == encoded;
}

UpgradeRefusal refusal(int status, QByteArray reason, QString message,
                       QList<QPair<QByteArray, QByteArray>> extraHeaders = {})
{
    return UpgradeRefusal{status, std::move(reason), std::move(message), std::move(extraHeaders)};
}

QString presentOrMissing(const HttpRequest& request, QByteArrayView lowerName)
{
    const QByteArray value = request.header(lowerName);
    return value.isEmpty() ? QStringLiteral("there is none") : u"got " + quoted(value);
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    QByteArray joined;
    for (const auto& [name, value] : headers) {
        if (QByteArrayView(name) != lowerName || value.isEmpty())
            continue;
        if (!joined.isEmpty())
            joined += ", ";
        joined += value;
    }
    return joined;
}

bool HttpRequest::hasToken(QByteArrayView lowerName, QByteArrayView lowerToken) const
{
    bool found = false;
    for (const auto& [name, value] : headers) {
        if (QByteArrayView(name) != lowerName)
            continue;
        forEachListItem(value, [&](QByteArrayView item) {
            found = found || item.compare(lowerToken, Qt::CaseInsensitive) == 0;
        });
    }
    return found;
}

qsizetype requestHeadLength(QByteArrayView bytes)
{
    qsizetype at = 0;
    // Empty lines before the request line are skipped (RFC 7230 section 3.5), not taken for the end.
    for (;;) {
        if (bytes.sliced(at).startsWith("\r\n"))
            at += 2;
        else if (bytes.sliced(at).startsWith('\n'))
            at += 1;
        else
            break;
    }
    for (;;) {
        const qsizetype lineEnd = bytes.indexOf('\n', at);
        if (lineEnd < 0)
            return -1;
        at = lineEnd + 1;
        // The head ends where a line is empty: LF, or CR LF.
        if (at < bytes.size() && bytes[at] == '\n')
            return at + 1;
        if (at + 1 < bytes.size() && bytes[at] == '\r' && bytes[at + 1] == '\n')
            return at + 2;
    }
}

std::optional<HttpRequest> parseRequest(QByteArrayView head, QString* error)
{
    const auto failure = [error](QString message) {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    HttpRequest request;
    bool requestLineSeen = false;
    qsizetype at = 0;
    for (;;) {
        const qsizetype lineEnd = head.indexOf('\n', at);
        if (lineEnd < 0)
            return failure(QStringLiteral("HTTP request head is incomplete: no empty line ends it"));
        QByteArrayView line = head.sliced(at, lineEnd - at);
        if (line.endsWith('\r'))
            line.chop(1);
        at = lineEnd + 1;

        if (!requestLineSeen) {
            if (line.isEmpty())
                continue;
            // method SP request-target SP HTTP-version, single spaces (RFC 7230 section 3.1.1).
            const qsizetype first = line.indexOf(' ');
            const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
            if (second < 0 || line.indexOf(' ', second + 1) >= 0)
                return failure(u"HTTP request line is not \"method target version\": " + quoted(line));
            const QByteArrayView method = line.first(first);
            const QByteArrayView target = line.sliced(first + 1, second - first - 1);
            const QByteArrayView version = line.sliced(second + 1);
            if (!isToken(method))
                return failure(u"HTTP request method is not a token: " + quoted(method));
            if (target.isEmpty() || std::any_of(target.begin(), target.end(), isControl))
                return failure(u"HTTP request target is empty or holds control characters: " +
                               quoted(target));
            if (!isHttpVersion(version))
                return failure(u"HTTP request version is not HTTP/<digit>.<digit>: " + quoted(version));
            request.method = method.toByteArray();
            request.target = target.toByteArray();
            request.version = version.toByteArray();
            requestLineSeen = true;
            continue;
        }

        if (line.isEmpty())
            return request;
        if (isOws(line.front()))
            return failure(u"HTTP header line is folded (obsolete line folding is not accepted): " +
                           quoted(line));
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return failure(u"HTTP header line has no colon: " + quoted(line));
        const QByteArrayView name = line.first(colon);
        if (!isToken(name))
            return failure(u"HTTP header name is not a token: " + quoted(name));
        const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
        if (std::any_of(value.begin(), value.end(), isControl))
            return failure(u"HTTP header " + QString::fromLatin1(name) + u" holds control characters: " +
                           quoted(value));
        request.headers.append({name.toByteArray().toLower(), value.toByteArray()});
    }
}

std::optional<UpgradeRefusal> checkUpgrade(const HttpRequest& request)
{
    if (request.method != "GET")
        return refusal(405, "Method Not Allowed",
                       u"A WebSocket handshake is a GET request, not " + quoted(request.method) + u'.',
                       {{"Allow", "GET"}});
    if (!isHttpVersion(request.version) || request.version < "HTTP/1.1")
        return refusal(400, "Bad Request",
                       u"A WebSocket handshake needs HTTP/1.1 or later, not " + quoted(request.version) +
                           u'.');
    if (!request.hasToken("upgrade", "websocket"))
        return refusal(426, "Upgrade Required",
                       u"This is a WebSocket endpoint, but the request does not ask to upgrade to websocket "
                       u"(Upgrade header: " +
                           presentOrMissing(request, "upgrade") + u").",
                       {{"Upgrade", "websocket"}});
    if (!request.hasToken("connection", "upgrade"))
        return refusal(400, "Bad Request",
                       u"The WebSocket handshake's Connection header lacks the upgrade token (" +
                           presentOrMissing(request, "connection") + u").");
    if (request.header("sec-websocket-version") != "13")
        return refusal(426, "Upgrade Required",
                       u"This server speaks WebSocket version 13 only (Sec-WebSocket-Version header: " +
                           presentOrMissing(request, "sec-websocket-version") + u").",
                       {{"Sec-WebSocket-Version", "13"}, {"Upgrade", "websocket"}});
    if (!isValidKey(request.header("sec-websocket-key")))
        return refusal(400, "Bad Request",
                       u"The WebSocket handshake's Sec-WebSocket-Key is not the base64 encoding of 16 bytes "
                       u"(" +
                           presentOrMissing(request, "sec-websocket-key") + u").");
    return std::nullopt;
}

QList<QByteArray> offeredSubprotocols(const HttpRequest& request)
{
    QList<QByteArray> offered;
    for (const auto& [name, value] : request.headers) {
        if (name == "sec-websocket-protocol")
            forEachListItem(value, [&](QByteArrayView item) { offered.append(item.toByteArray()); });
    }
    return offered;
}

QByteArray acceptKey(QByteArrayView key)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(key);
    hash.addData(kAcceptGuid);
    return hash.result().toBase64();
}

QByteArray switchingProtocolsResponse(QByteArrayView key, QByteArrayView subprotocol)
{
    QByteArray out = "HTTP/1.1 101 Switching Protocols\r\n"
                     "Upgrade: websocket\r\n"
                     "Connection: Upgrade\r\n"
                     "Sec-WebSocket-Accept: ";
    out += acceptKey(key);
    out += "\r\n";
    if (!subprotocol.isEmpty()) {
        out += "Sec-WebSocket-Protocol: ";
        out += subprotocol;
        out += "\r\n";
    }
    out += "Server: Wampscope\r\n\r\n";
    return out;
}

QByteArray httpResponse(int status, QByteArrayView reason, QByteArrayView contentType, QByteArrayView body,
                        const QList<QPair<QByteArray, QByteArray>>& extraHeaders)
{
    QByteArray out = "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reason;
    out += "\r\nContent-Type: ";
    out += contentType.isEmpty() ? kDefaultContentType : contentType;
    out += "\r\nContent-Length: ";
    out += QByteArray::number(body.size());
    out += "\r\nConnection: close\r\nServer: Wampscope\r\n";
    for (const auto& [name, value] : extraHeaders) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "\r\n";
    out += body;
    return out;
}

} // namespace wamp::websocket
