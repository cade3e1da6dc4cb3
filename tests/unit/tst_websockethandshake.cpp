#include "transport/websockethandshake.h"

#include <QRandomGenerator>
#include <QTest>

using namespace wamp::websocket;

// Rows follow RFC 6455 section 4 (opening handshake, server side) and RFC 7230 section 3 (HTTP/1.1 message
// syntax). The browser requests are as Chrome 120 and Firefox 121 send them, the Autobahn one as
// Autobahn|Python 22.7 does (capitalised "WebSocket", subprotocols without spaces).
class tst_WebSocketHandshake : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void requestHeadLength_data();
    void requestHeadLength();
    void headSplitAtEveryByte_data();
    void headSplitAtEveryByte();
    void parseRequest_data();
    void parseRequest();
    void parseRequestErrors_data();
    void parseRequestErrors();
    void headerAndTokens();
    void checkUpgrade_data();
    void checkUpgrade();
    void offeredSubprotocols_data();
    void offeredSubprotocols();
    void acceptKey_data();
    void acceptKey();
    void switchingProtocolsResponse_data();
    void switchingProtocolsResponse();
    void httpResponse_data();
    void httpResponse();
    void wholeHandshake();
    void corruptedRequests();
};

namespace {

QByteArray head(const QByteArrayList& lines)
{
    return lines.join("\r\n") + "\r\n\r\n";
}

const QByteArrayList chromeLines{
    "GET /ws HTTP/1.1",
    "Host: localhost:8080",
    "Connection: Upgrade",
    "Pragma: no-cache",
    "Cache-Control: no-cache",
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
    "Safari/537.36",
    "Upgrade: websocket",
    "Origin: http://localhost:8080",
    "Sec-WebSocket-Version: 13",
    "Accept-Encoding: gzip, deflate, br",
    "Accept-Language: en-US,en;q=0.9",
    "Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==",
    "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
    "Sec-WebSocket-Protocol: wamp.2.json, wamp.2.msgpack",
};

const QByteArrayList firefoxLines{
    "GET /ws?realm=realm1 HTTP/1.1",
    "Host: 127.0.0.1:8080",
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Accept: */*",
    "Accept-Language: en-US,en;q=0.5",
    "Accept-Encoding: gzip, deflate, br",
    "Sec-WebSocket-Version: 13",
    "Origin: http://127.0.0.1:8080",
    "Sec-WebSocket-Protocol: wamp.2.cbor",
    "Sec-WebSocket-Extensions: permessage-deflate",
    "Sec-WebSocket-Key: AAECAwQFBgcICQoLDA0ODw==",
    "Connection: keep-alive, Upgrade",
    "Sec-Fetch-Dest: empty",
    "Sec-Fetch-Mode: websocket",
    "Sec-Fetch-Site: same-origin",
    "Pragma: no-cache",
    "Cache-Control: no-cache",
    "Upgrade: websocket",
};

const QByteArrayList autobahnLines{
    "GET / HTTP/1.1",
    "User-Agent: AutobahnPython/22.7.1",
    "Host: 127.0.0.1:8080",
    "Upgrade: WebSocket",
    "Connection: Upgrade",
    "Pragma: no-cache",
    "Cache-Control: no-cache",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "Sec-WebSocket-Protocol: wamp.2.json.batched,wamp.2.json,wamp.2.msgpack",
    "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover; client_max_window_bits",
    "Sec-WebSocket-Version: 13",
};

// A minimal valid handshake, to vary one header at a time.
const QByteArrayList minimalLines{
    "GET /ws HTTP/1.1",
    "Host: example.com",
    "Upgrade: websocket",
    "Connection: Upgrade",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "Sec-WebSocket-Version: 13",
};

// minimalLines with the header \a name (case-sensitive, as written there) replaced, or removed when \a
// value is null, or added at the end when absent.
QByteArrayList withHeader(const QByteArray& name, const QByteArray& value)
{
    QByteArrayList lines;
    bool replaced = false;
    for (const QByteArray& line : minimalLines) {
        if (!line.startsWith(QByteArray(name + ':'))) {
            lines.append(line);
        } else if (!value.isNull()) {
            lines.append(name + ": " + value);
            replaced = true;
        } else {
            replaced = true;
        }
    }
    if (!replaced)
        lines.append(name + ": " + value);
    return lines;
}

QByteArrayList withRequestLine(const QByteArray& requestLine)
{
    QByteArrayList lines = minimalLines;
    lines.first() = requestLine;
    return lines;
}

HttpRequest parsed(const QByteArray& bytes)
{
    QString error;
    const std::optional<HttpRequest> request = parseRequest(bytes, &error);
    if (!request)
        qFatal("test request does not parse: %s", qPrintable(error));
    return *request;
}

QByteArrayList headerLines(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QByteArrayList lines;
    for (const auto& [name, value] : headers)
        lines.append(name + ": " + value);
    return lines;
}

} // namespace

void tst_WebSocketHandshake::requestHeadLength_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("length");

    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("request line only") << QByteArray("GET / HTTP/1.1\r\n") << -1;
    QTest::newRow("CRLF CRLF") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << 27;
    QTest::newRow("bare LF LF") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << 24;
    QTest::newRow("CRLF then LF") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\n") << 26;
    QTest::newRow("LF then CRLF") << QByteArray("GET / HTTP/1.1\nHost: a\n\r\n") << 25;
    QTest::newRow("no headers") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 18;
    QTest::newRow("frame bytes after the head") << QByteArray("GET / HTTP/1.1\r\n\r\n\x81\x85") << 18;
    QTest::newRow("a second request after")
        << QByteArray("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n") << 18;
    QTest::newRow("ends in CR") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r") << -1;
    QTest::newRow("CR CR is no end") << QByteArray("GET / HTTP/1.1\r\r\nHost: a\r\n") << -1;
    QTest::newRow("empty lines before the request line")
        << QByteArray("\r\n\n\r\nGET / HTTP/1.1\r\n\r\n") << 23;
    QTest::newRow("only empty lines") << QByteArray("\r\n\r\n") << -1;
}

void tst_WebSocketHandshake::requestHeadLength()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, length);

    QCOMPARE(wamp::websocket::requestHeadLength(bytes), qsizetype(length));
}

void tst_WebSocketHandshake::headSplitAtEveryByte_data()
{
    QTest::addColumn<QByteArray>("head");

    QTest::newRow("Chrome") << head(chromeLines);
    QTest::newRow("Firefox") << head(firefoxLines);
    QTest::newRow("Autobahn") << head(autobahnLines);
    QTest::newRow("bare LF") << QByteArray(chromeLines.join('\n') + "\n\n");
}

void tst_WebSocketHandshake::headSplitAtEveryByte()
{
    QFETCH(QByteArray, head);

    // The first WebSocket frame may come in the same read as the end of the head.
    const QByteArray stream = head + "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58";
    for (qsizetype received = 0; received <= stream.size(); ++received) {
        const qsizetype expected = received < head.size() ? -1 : head.size();
        QCOMPARE(wamp::websocket::requestHeadLength(stream.first(received)), expected);
    }
    QString error;
    const std::optional<HttpRequest> request =
        wamp::websocket::parseRequest(stream.first(head.size()), &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(wamp::websocket::checkUpgrade(*request).has_value(), false);
}

void tst_WebSocketHandshake::parseRequest_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArrayList>("headers"); // "name: value", names lower-cased

    QByteArrayList chrome;
    for (const QByteArray& line : chromeLines.sliced(1)) {
        const qsizetype colon = line.indexOf(':');
        chrome.append(line.first(colon).toLower() + line.sliced(colon));
    }
    QTest::newRow("Chrome") << head(chromeLines) << QByteArray("GET") << QByteArray("/ws")
                            << QByteArray("HTTP/1.1") << chrome;
    QTest::newRow("Firefox, query in the target")
        << head(firefoxLines) << QByteArray("GET") << QByteArray("/ws?realm=realm1") << QByteArray("HTTP/1.1")
        << QByteArrayList{
               "host: 127.0.0.1:8080",
               "user-agent: Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
               "accept: */*",
               "accept-language: en-US,en;q=0.5",
               "accept-encoding: gzip, deflate, br",
               "sec-websocket-version: 13",
               "origin: http://127.0.0.1:8080",
               "sec-websocket-protocol: wamp.2.cbor",
               "sec-websocket-extensions: permessage-deflate",
               "sec-websocket-key: AAECAwQFBgcICQoLDA0ODw==",
               "connection: keep-alive, Upgrade",
               "sec-fetch-dest: empty",
               "sec-fetch-mode: websocket",
               "sec-fetch-site: same-origin",
               "pragma: no-cache",
               "cache-control: no-cache",
               "upgrade: websocket"};
    QTest::newRow("values trimmed, empty value kept, repeats kept in order")
        << QByteArray("GET / HTTP/1.1\r\nX-A:  one \t\r\nX-Empty:\r\nx-a:two\r\nX-Tab:\tin\tside\t\r\n\r\n")
        << QByteArray("GET") << QByteArray("/") << QByteArray("HTTP/1.1")
        << QByteArrayList{"x-a: one", "x-empty: ", "x-a: two", "x-tab: in\tside"};
    QTest::newRow("obs-text in a value") << QByteArray("GET / HTTP/1.1\r\nX-Name: Gr\xc3\xbc\xc3\x9f"
                                                       "e\r\n\r\n")
                                         << QByteArray("GET") << QByteArray("/") << QByteArray("HTTP/1.1")
                                         << QByteArrayList{"x-name: Gr\xc3\xbc\xc3\x9f"
                                                           "e"};
    QTest::newRow("colon in a value")
        << QByteArray("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n") << QByteArray("GET") << QByteArray("/")
        << QByteArray("HTTP/1.1") << QByteArrayList{"host: [::1]:8080"};
    QTest::newRow("bare LF line ends")
        << QByteArray("GET /ws HTTP/1.1\nHost: a\n\n") << QByteArray("GET") << QByteArray("/ws")
        << QByteArray("HTTP/1.1") << QByteArrayList{"host: a"};
    QTest::newRow("empty lines before the request line")
        << QByteArray("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n") << QByteArray("GET") << QByteArray("/")
        << QByteArray("HTTP/1.1") << QByteArrayList{"host: a"};
    QTest::newRow("other methods and versions parse")
        << QByteArray("POST /x HTTP/1.0\r\n\r\n") << QByteArray("POST") << QByteArray("/x")
        << QByteArray("HTTP/1.0") << QByteArrayList{};
    QTest::newRow("absolute-form target")
        << QByteArray("GET ws://example.com/ws HTTP/1.1\r\n\r\n") << QByteArray("GET")
        << QByteArray("ws://example.com/ws") << QByteArray("HTTP/1.1") << QByteArrayList{};
    QTest::newRow("bytes after the head ignored")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\nNot: a header\r\n") << QByteArray("GET")
        << QByteArray("/") << QByteArray("HTTP/1.1") << QByteArrayList{"host: a"};
}

void tst_WebSocketHandshake::parseRequest()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, version);
    QFETCH(QByteArrayList, headers);

    QString error = QStringLiteral("untouched");
    const std::optional<HttpRequest> request = wamp::websocket::parseRequest(head, &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(error, QStringLiteral("untouched"));
    QCOMPARE(request->method, method);
    QCOMPARE(request->target, target);
    QCOMPARE(request->version, version);
    QCOMPARE(headerLines(request->headers), headers);
    QVERIFY(wamp::websocket::parseRequest(head, nullptr));
}

void tst_WebSocketHandshake::parseRequestErrors_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("error");

    const auto row = [](const char* name, const QByteArray& head, const QString& error) {
        QTest::newRow(name) << head << error;
    };
    row("header without colon", "GET / HTTP/1.1\r\nHost example.com\r\n\r\n",
        QStringLiteral("HTTP header line has no colon: \"Host example.com\""));
    row("obs-fold with space", "GET / HTTP/1.1\r\nX-Long: a\r\n b\r\n\r\n",
        QStringLiteral("HTTP header line is folded (obsolete line folding is not accepted): \" b\""));
    row("obs-fold with tab", "GET / HTTP/1.1\r\nX-Long: a\r\n\tb\r\n\r\n",
        QStringLiteral("HTTP header line is folded (obsolete line folding is not accepted): \"\\x09b\""));
    row("space before the colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        QStringLiteral("HTTP header name is not a token: \"Host \""));
    row("empty header name", "GET / HTTP/1.1\r\n: a\r\n\r\n",
        QStringLiteral("HTTP header name is not a token: \"\""));
    row("separator in the name", "GET / HTTP/1.1\r\nX(y): a\r\n\r\n",
        QStringLiteral("HTTP header name is not a token: \"X(y)\""));
    row("non-ASCII in the name", "GET / HTTP/1.1\r\nX-\xc3\xa9: a\r\n\r\n",
        QStringLiteral("HTTP header name is not a token: \"X-\\xc3\\xa9\""));
    row("NUL in a value", QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 26),
        QStringLiteral("HTTP header X holds control characters: \"a\\x00b\""));
    row("bare CR in a value", "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n",
        QStringLiteral("HTTP header X holds control characters: \"a\\x0db\""));
    row("DEL in a value", "GET / HTTP/1.1\r\nX: a\x7f\r\n\r\n",
        QStringLiteral("HTTP header X holds control characters: \"a\\x7f\""));
    row("request line, two parts", "GET /\r\n\r\n",
        QStringLiteral("HTTP request line is not \"method target version\": \"GET /\""));
    row("request line, four parts", "GET / x HTTP/1.1\r\n\r\n",
        QStringLiteral("HTTP request line is not \"method target version\": \"GET / x HTTP/1.1\""));
    row("request line, double space", "GET  / HTTP/1.1\r\n\r\n",
        QStringLiteral("HTTP request line is not \"method target version\": \"GET  / HTTP/1.1\""));
    row("request line, trailing space", "GET / HTTP/1.1 \r\n\r\n",
        QStringLiteral("HTTP request line is not \"method target version\": \"GET / HTTP/1.1 \""));
    row("request line, tab", "GET\t/ HTTP/1.1\r\n\r\n",
        QStringLiteral("HTTP request line is not \"method target version\": \"GET\\x09/ HTTP/1.1\""));
    row("TLS ClientHello", QByteArray::fromHex("16030100a5010000a10303") + "\r\n\r\n",
        QStringLiteral("HTTP request line is not \"method target version\": "
                       "\"\\x16\\x03\\x01\\x00\\xa5\\x01\\x00\\x00\\xa1\\x03\\x03\""));
    row("method not a token", "G(T / HTTP/1.1\r\n\r\n",
        QStringLiteral("HTTP request method is not a token: \"G(T\""));
    row("control character in the target", "GET /\x01 HTTP/1.1\r\n\r\n",
        QStringLiteral("HTTP request target is empty or holds control characters: \"/\\x01\""));
    row("version lower-case", "GET / http/1.1\r\n\r\n",
        QStringLiteral("HTTP request version is not HTTP/<digit>.<digit>: \"http/1.1\""));
    row("version without minor", "GET / HTTP/1\r\n\r\n",
        QStringLiteral("HTTP request version is not HTTP/<digit>.<digit>: \"HTTP/1\""));
    row("version with two digits", "GET / HTTP/1.10\r\n\r\n",
        QStringLiteral("HTTP request version is not HTTP/<digit>.<digit>: \"HTTP/1.10\""));
    row("version not HTTP", "GET / RTSP/1.0\r\n\r\n",
        QStringLiteral("HTTP request version is not HTTP/<digit>.<digit>: \"RTSP/1.0\""));
    row("no empty line", "GET / HTTP/1.1\r\nHost: a\r\n",
        QStringLiteral("HTTP request head is incomplete: no empty line ends it"));
    row("empty", "", QStringLiteral("HTTP request head is incomplete: no empty line ends it"));
    row("long line cut in the message", "GET / HTTP/1.1\r\n" + QByteArray(100, 'x') + "\r\n\r\n",
        QStringLiteral("HTTP header line has no colon: \"%1\" (100 bytes)").arg(QString(60, u'x')));
}

void tst_WebSocketHandshake::parseRequestErrors()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, error);

    QString actual;
    QVERIFY(!wamp::websocket::parseRequest(head, &actual));
    QCOMPARE(actual, error);
    QVERIFY(!wamp::websocket::parseRequest(head, nullptr));
}

void tst_WebSocketHandshake::headerAndTokens()
{
    const HttpRequest request = parsed("GET / HTTP/1.1\r\n"
                                       "Connection: keep-alive\r\n"
                                       "X-Empty:\r\n"
                                       "connection: Upgrade , ,\r\n"
                                       "Upgrade: h2c, WebSocket\r\n"
                                       "X-Empty: \r\n"
                                       "X-One: 1\r\n"
                                       "Sec-WebSocket-Protocol: a,b\r\n"
                                       "Sec-WebSocket-Protocol: c\r\n"
                                       "\r\n");
    QCOMPARE(request.header("x-one"), QByteArray("1"));
    QCOMPARE(request.header("connection"), QByteArray("keep-alive, Upgrade , ,"));
    QCOMPARE(request.header("sec-websocket-protocol"), QByteArray("a,b, c"));
    QCOMPARE(request.header("x-empty"), QByteArray());
    QCOMPARE(request.header("missing"), QByteArray());
    QCOMPARE(request.header("X-One"), QByteArray()); // names are looked up lower-cased

    QVERIFY(request.hasToken("connection", "upgrade"));
    QVERIFY(request.hasToken("connection", "keep-alive"));
    QVERIFY(request.hasToken("upgrade", "websocket"));
    QVERIFY(request.hasToken("upgrade", "h2c"));
    QVERIFY(request.hasToken("sec-websocket-protocol", "b"));
    QVERIFY(request.hasToken("sec-websocket-protocol", "c"));
    QVERIFY(!request.hasToken("connection", "close"));
    QVERIFY(!request.hasToken("connection", ""));
    QVERIFY(!request.hasToken("upgrade", "web"));
    QVERIFY(!request.hasToken("missing", "x"));
    QVERIFY(!request.hasToken("x-empty", ""));
}

void tst_WebSocketHandshake::checkUpgrade_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status"); // 0: accepted
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArrayList>("extraHeaders");
    QTest::addColumn<QString>("message");

    const auto accepted = [](const char* name, const QByteArrayList& lines) {
        QTest::newRow(name) << head(lines) << 0 << QByteArray() << QByteArrayList{} << QString();
    };
    accepted("minimal", minimalLines);
    accepted("Chrome", chromeLines);
    accepted("Firefox, Connection: keep-alive, Upgrade", firefoxLines);
    accepted("Autobahn, Upgrade: WebSocket", autobahnLines);
    accepted("no Host (not judged here)", withHeader("Host", {}));
    accepted("HTTP/1.2", withRequestLine("GET /ws HTTP/1.2"));
    accepted("HTTP/2.0 syntax", withRequestLine("GET /ws HTTP/2.0"));
    accepted("tokens in any case", withHeader("Connection", "UPGRADE"));
    accepted("Upgrade with several protocols", withHeader("Upgrade", "h2c, websocket"));
    accepted("key of 16 0xff bytes", withHeader("Sec-WebSocket-Key", "/////////////////////w=="));
    accepted("key of 16 zero bytes", withHeader("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA=="));

    const auto refused = [](const char* name, const QByteArrayList& lines, int status, const char* reason,
                            const QByteArrayList& extra, const QString& message) {
        QTest::newRow(name) << head(lines) << status << QByteArray(reason) << extra << message;
    };
    refused("POST", withRequestLine("POST /ws HTTP/1.1"), 405, "Method Not Allowed", {"Allow: GET"},
            QStringLiteral("A WebSocket handshake is a GET request, not \"POST\"."));
    refused("lower-case get (methods are case-sensitive)", withRequestLine("get /ws HTTP/1.1"), 405,
            "Method Not Allowed", {"Allow: GET"},
            QStringLiteral("A WebSocket handshake is a GET request, not \"get\"."));
    refused("HTTP/1.0", withRequestLine("GET /ws HTTP/1.0"), 400, "Bad Request", {},
            QStringLiteral("A WebSocket handshake needs HTTP/1.1 or later, not \"HTTP/1.0\"."));
    refused("HTTP/0.9", withRequestLine("GET /ws HTTP/0.9"), 400, "Bad Request", {},
            QStringLiteral("A WebSocket handshake needs HTTP/1.1 or later, not \"HTTP/0.9\"."));
    refused("plain GET, no Upgrade", withHeader("Upgrade", {}), 426, "Upgrade Required",
            {"Upgrade: websocket"},
            QStringLiteral("This is a WebSocket endpoint, but the request does not ask to upgrade to "
                           "websocket (Upgrade header: there is none)."));
    refused("Upgrade: h2c", withHeader("Upgrade", "h2c"), 426, "Upgrade Required", {"Upgrade: websocket"},
            QStringLiteral("This is a WebSocket endpoint, but the request does not ask to upgrade to "
                           "websocket (Upgrade header: got \"h2c\")."));
    refused("Upgrade: websocket/13 is another token", withHeader("Upgrade", "websocket/13"), 426,
            "Upgrade Required", {"Upgrade: websocket"},
            QStringLiteral("This is a WebSocket endpoint, but the request does not ask to upgrade to "
                           "websocket (Upgrade header: got \"websocket/13\")."));
    refused("no Connection", withHeader("Connection", {}), 400, "Bad Request", {},
            QStringLiteral("The WebSocket handshake's Connection header lacks the upgrade token (there is "
                           "none)."));
    refused("Connection: keep-alive", withHeader("Connection", "keep-alive"), 400, "Bad Request", {},
            QStringLiteral("The WebSocket handshake's Connection header lacks the upgrade token (got "
                           "\"keep-alive\")."));
    refused("version 8", withHeader("Sec-WebSocket-Version", "8"), 426, "Upgrade Required",
            {"Sec-WebSocket-Version: 13", "Upgrade: websocket"},
            QStringLiteral("This server speaks WebSocket version 13 only (Sec-WebSocket-Version header: got "
                           "\"8\")."));
    refused("no version", withHeader("Sec-WebSocket-Version", {}), 426, "Upgrade Required",
            {"Sec-WebSocket-Version: 13", "Upgrade: websocket"},
            QStringLiteral("This server speaks WebSocket version 13 only (Sec-WebSocket-Version header: "
                           "there is none)."));
    QByteArrayList twoVersions = minimalLines;
    twoVersions.append("Sec-WebSocket-Version: 8");
    refused("versions 13 and 8", twoVersions, 426, "Upgrade Required",
            {"Sec-WebSocket-Version: 13", "Upgrade: websocket"},
            QStringLiteral("This server speaks WebSocket version 13 only (Sec-WebSocket-Version header: got "
                           "\"13, 8\")."));
    const auto badKey = [&](const char* name, const QByteArray& key, const QString& shown) {
        refused(name, withHeader("Sec-WebSocket-Key", key), 400, "Bad Request", {},
                u"The WebSocket handshake's Sec-WebSocket-Key is not the base64 encoding of 16 bytes (" +
                    shown + u").");
    };
    badKey("no key", {}, QStringLiteral("there is none"));
    badKey("key of 15 bytes", "AAECAwQFBgcICQoLDA0O", QStringLiteral("got \"AAECAwQFBgcICQoLDA0O\""));
    badKey("key of 17 bytes", "AAECAwQFBgcICQoLDA0ODxA=", QStringLiteral("got \"AAECAwQFBgcICQoLDA0ODxA=\""));
    badKey("key not base64", "this is not base64 at all",
           QStringLiteral("got \"this is not base64 at all\""));
    badKey("key of 24 characters, not base64", "dGhlIHNhbXBsZSBub25jZQ!!",
           QStringLiteral("got \"dGhlIHNhbXBsZSBub25jZQ!!\""));
    badKey("key without padding", "dGhlIHNhbXBsZSBub25jZQ", QStringLiteral("got \"dGhlIHNhbXBsZSBub25jZQ\""));
    badKey("key in the URL-safe alphabet",
           "_____________________w==", QStringLiteral("got \"_____________________w==\""));
    badKey("key with non-zero trailing bits",
           "AAECAwQFBgcICQoLDA0ODx==", QStringLiteral("got \"AAECAwQFBgcICQoLDA0ODx==\""));
    badKey("key with a space inside",
           "dGhlIHNhbXBs ZSBub25jZQ==", QStringLiteral("got \"dGhlIHNhbXBs ZSBub25jZQ==\""));
    QByteArrayList twoKeys = minimalLines;
    twoKeys.append("Sec-WebSocket-Key: AAECAwQFBgcICQoLDA0ODw==");
    refused(
        "two keys", twoKeys, 400, "Bad Request", {},
        QStringLiteral("The WebSocket handshake's Sec-WebSocket-Key is not the base64 encoding of 16 bytes "
                       "(got \"dGhlIHNhbXBsZSBub25jZQ==, AAECAwQFBgcICQoLDA0ODw==\")."));
}

void tst_WebSocketHandshake::checkUpgrade()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArrayList, extraHeaders);
    QFETCH(QString, message);

    const std::optional<UpgradeRefusal> refusal = wamp::websocket::checkUpgrade(parsed(head));
    QCOMPARE(refusal.has_value(), status != 0);
    if (!refusal)
        return;
    QCOMPARE(refusal->status, status);
    QCOMPARE(refusal->reason, reason);
    QCOMPARE(headerLines(refusal->extraHeaders), extraHeaders);
    QCOMPARE(refusal->message, message);
}

void tst_WebSocketHandshake::offeredSubprotocols_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArrayList>("offered");

    QTest::newRow("none") << head(minimalLines) << QByteArrayList{};
    QTest::newRow("Chrome") << head(chromeLines) << QByteArrayList{"wamp.2.json", "wamp.2.msgpack"};
    QTest::newRow("Firefox") << head(firefoxLines) << QByteArrayList{"wamp.2.cbor"};
    QTest::newRow("Autobahn, no spaces")
        << head(autobahnLines) << QByteArrayList{"wamp.2.json.batched", "wamp.2.json", "wamp.2.msgpack"};
    QByteArrayList repeated = minimalLines;
    repeated.append("Sec-WebSocket-Protocol: wamp.2.cbor");
    repeated.append("X-Other: wamp.2.fake");
    repeated.append("sec-websocket-protocol: wamp.2.json ,\twamp.2.msgpack");
    QTest::newRow("repeated header, in order")
        << head(repeated) << QByteArrayList{"wamp.2.cbor", "wamp.2.json", "wamp.2.msgpack"};
    QTest::newRow("empty items dropped")
        << head(withHeader("Sec-WebSocket-Protocol", ", wamp.2.json,, ,wamp.2.cbor,"))
        << QByteArrayList{"wamp.2.json", "wamp.2.cbor"};
    QTest::newRow("empty header") << head(withHeader("Sec-WebSocket-Protocol", "")) << QByteArrayList{};
    QTest::newRow("case kept") << head(withHeader("Sec-WebSocket-Protocol", "WAMP.2.JSON"))
                               << QByteArrayList{"WAMP.2.JSON"};
}

void tst_WebSocketHandshake::offeredSubprotocols()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArrayList, offered);

    QCOMPARE(wamp::websocket::offeredSubprotocols(parsed(head)), offered);
}

void tst_WebSocketHandshake::acceptKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("accept");

    // RFC 6455 section 1.3.
    QTest::newRow("RFC 6455") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==")
                              << QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    // The MDN example; the other two computed with Python's hashlib and base64.
    QTest::newRow("MDN") << QByteArray("x3JJHMbDL1EzLkh9GBhXDw==")
                         << QByteArray("HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
    QTest::newRow("bytes 0..15") << QByteArray("AAECAwQFBgcICQoLDA0ODw==")
                                 << QByteArray("Bz3qJYTGdOe8gUSpLosEdiLKDrk=");
    QTest::newRow("16 0xff bytes") << QByteArray("/////////////////////w==")
                                   << QByteArray("XXpj4jYzLM2yUE0C7TIgMwTQh2g=");
}

void tst_WebSocketHandshake::acceptKey()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, accept);

    QCOMPARE(wamp::websocket::acceptKey(key), accept);
}

void tst_WebSocketHandshake::switchingProtocolsResponse_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("subprotocol");
    QTest::addColumn<QByteArray>("response");

    QTest::newRow("with subprotocol") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==") << QByteArray("wamp.2.json")
                                      << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                                    "Upgrade: websocket\r\n"
                                                    "Connection: Upgrade\r\n"
                                                    "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                                                    "Sec-WebSocket-Protocol: wamp.2.json\r\n"
                                                    "Server: Wampscope\r\n"
                                                    "\r\n");
    QTest::newRow("without subprotocol")
        << QByteArray("x3JJHMbDL1EzLkh9GBhXDw==") << QByteArray()
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                      "Upgrade: websocket\r\n"
                      "Connection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: HSmrc0sMlYUkAGmm5OPpG2HaGWk=\r\n"
                      "Server: Wampscope\r\n"
                      "\r\n");
}

void tst_WebSocketHandshake::switchingProtocolsResponse()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, subprotocol);
    QFETCH(QByteArray, response);

    QCOMPARE(wamp::websocket::switchingProtocolsResponse(key, subprotocol), response);
}

void tst_WebSocketHandshake::httpResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArrayList>("extraHeaders");
    QTest::addColumn<QByteArray>("response");

    QTest::newRow("426 with version")
        << 426 << QByteArray("Upgrade Required") << QByteArray() << QByteArray("Only version 13.\n")
        << QByteArrayList{"Sec-WebSocket-Version", "13"}
        << QByteArray("HTTP/1.1 426 Upgrade Required\r\n"
                      "Content-Type: text/plain; charset=utf-8\r\n"
                      "Content-Length: 17\r\n"
                      "Connection: close\r\n"
                      "Server: Wampscope\r\n"
                      "Sec-WebSocket-Version: 13\r\n"
                      "\r\n"
                      "Only version 13.\n");
    QTest::newRow("UTF-8 body, length in bytes")
        << 400 << QByteArray("Bad Request") << QByteArray() << QByteArray("Grüße\n") << QByteArrayList{}
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Content-Type: text/plain; charset=utf-8\r\n"
                      "Content-Length: 8\r\n"
                      "Connection: close\r\n"
                      "Server: Wampscope\r\n"
                      "\r\n"
                      "Grüße\n");
    QTest::newRow("HTML, two extra headers, empty body")
        << 405 << QByteArray("Method Not Allowed") << QByteArray("text/html; charset=utf-8") << QByteArray()
        << QByteArrayList{"Allow", "GET", "Cache-Control", "no-store"}
        << QByteArray("HTTP/1.1 405 Method Not Allowed\r\n"
                      "Content-Type: text/html; charset=utf-8\r\n"
                      "Content-Length: 0\r\n"
                      "Connection: close\r\n"
                      "Server: Wampscope\r\n"
                      "Allow: GET\r\n"
                      "Cache-Control: no-store\r\n"
                      "\r\n");
}

void tst_WebSocketHandshake::httpResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArrayList, extraHeaders); // name, value, name, value...

    QList<QPair<QByteArray, QByteArray>> extra;
    for (qsizetype i = 0; i + 1 < extraHeaders.size(); i += 2)
        extra.append({extraHeaders.at(i), extraHeaders.at(i + 1)});
    QFETCH(QByteArray, response);
    QCOMPARE(wamp::websocket::httpResponse(status, reason, contentType, body, extra), response);
}

void tst_WebSocketHandshake::wholeHandshake()
{
    // What the listener will do: wait for the head, parse, check, pick a subprotocol, answer.
    const QByteArray received = head(chromeLines) + "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58";
    const qsizetype length = wamp::websocket::requestHeadLength(received);
    QCOMPARE(length, head(chromeLines).size());
    QString error;
    const std::optional<HttpRequest> request =
        wamp::websocket::parseRequest(QByteArrayView(received).first(length), &error);
    QVERIFY2(request, qPrintable(error));
    QVERIFY(!wamp::websocket::checkUpgrade(*request));
    QVERIFY(request->header("sec-websocket-extensions").startsWith("permessage-deflate"));
    const QList<QByteArray> offered = wamp::websocket::offeredSubprotocols(*request);
    QCOMPARE(offered.value(0), QByteArray("wamp.2.json"));
    const QByteArray response =
        wamp::websocket::switchingProtocolsResponse(request->header("sec-websocket-key"), offered.value(0));
    QCOMPARE(response, QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                                  "Upgrade: websocket\r\n"
                                  "Connection: Upgrade\r\n"
                                  "Sec-WebSocket-Accept: HSmrc0sMlYUkAGmm5OPpG2HaGWk=\r\n"
                                  "Sec-WebSocket-Protocol: wamp.2.json\r\n"
                                  "Server: Wampscope\r\n"
                                  "\r\n"));
    // permessage-deflate was offered and is not answered.
    QVERIFY(!response.contains("Extensions"));
    QCOMPARE(received.sliced(length), QByteArray("\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"));
}

void tst_WebSocketHandshake::corruptedRequests()
{
    // Browser requests with random octets changed or cut short: every step either answers or refuses with
    // a message, and never reads outside its input (ASan).
    QRandomGenerator random(6455);
    const QByteArray original = head(chromeLines);
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = original.first(random.bounded(original.size() + 1));
        for (int flips = random.bounded(4); flips > 0 && !bytes.isEmpty(); --flips)
            bytes[random.bounded(bytes.size())] = char(random.bounded(256));
        const qsizetype length = wamp::websocket::requestHeadLength(bytes);
        QVERIFY(length == -1 || (length >= 2 && length <= bytes.size()));
        QString error;
        const std::optional<HttpRequest> request = wamp::websocket::parseRequest(
            length < 0 ? QByteArrayView(bytes) : QByteArrayView(bytes).first(length), &error);
        if (!request) {
            QVERIFY(!error.isEmpty());
            continue;
        }
        if (const std::optional<UpgradeRefusal> refusal = wamp::websocket::checkUpgrade(*request)) {
            QVERIFY(refusal->status == 400 || refusal->status == 405 || refusal->status == 426);
            QVERIFY(!refusal->message.isEmpty());
        } else {
            QCOMPARE(wamp::websocket::acceptKey(request->header("sec-websocket-key")).size(), 28);
        }
    }
}

QTEST_APPLESS_MAIN(tst_WebSocketHandshake)
#include "tst_websockethandshake.moc"
