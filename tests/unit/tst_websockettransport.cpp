// The listening WebSocket transport on real sockets (127.0.0.1, port 0): subprotocols, limits, status page.

#include "core/router.h"
#include "fakepeer.h"
#include "transport/streamlistener.h"
#include "wamp/errors.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace wamp;

namespace {

TransportConfig localTransport()
{
    TransportConfig transport;
    transport.id = QStringLiteral("ws-test");
    transport.endpoint.interface = QStringLiteral("127.0.0.1");
    transport.endpoint.port = 0;
    return transport;
}

//! A raw QWebSocket client that records what it receives.
class Client : public QObject {
public:
    explicit Client(const QString& url, const QStringList& subprotocols)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [this](const QString& text) { received << text.toUtf8(); });
        connect(&socket, &QWebSocket::binaryMessageReceived, this,
                [this](const QByteArray& b) { received << b; });
        QNetworkRequest request{QUrl(url)};
        if (!subprotocols.isEmpty())
            request.setRawHeader("Sec-WebSocket-Protocol", subprotocols.join(QStringLiteral(", ")).toUtf8());
        socket.open(request);
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, 8000);
    }

    QWebSocket socket;
    QList<QByteArray> received;
};

const QByteArray kHello = R"([1,"realm1",{"roles":{"caller":{}}}])";

} // namespace

class TestWebSocketTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { m_router = std::make_unique<Router>(); }
    void cleanup() { m_router.reset(); }

    void negotiatesEachSerializer_data()
    {
        QTest::addColumn<QStringList>("offered");
        QTest::addColumn<QString>("chosen");
        QTest::newRow("json") << QStringList{QStringLiteral("wamp.2.json")} << QStringLiteral("json");
        QTest::newRow("msgpack") << QStringList{QStringLiteral("wamp.2.msgpack")}
                                 << QStringLiteral("msgpack");
        QTest::newRow("cbor") << QStringList{QStringLiteral("wamp.2.cbor")} << QStringLiteral("cbor");
        QTest::newRow("client preference wins")
            << QStringList{QStringLiteral("wamp.2.cbor"), QStringLiteral("wamp.2.json")}
            << QStringLiteral("cbor");
        QTest::newRow("unknown ones skipped")
            << QStringList{QStringLiteral("wamp.2.ubjson"), QStringLiteral("wamp.2.msgpack")}
            << QStringLiteral("msgpack");
    }

    void negotiatesEachSerializer()
    {
        QFETCH(QStringList, offered);
        QFETCH(QString, chosen);
        Client client(start(localTransport()), offered);
        QVERIFY(client.waitConnected());
        QCOMPARE(client.socket.subprotocol(), QStringLiteral("wamp.2.") + chosen);
        const Serializer& serializer = serializerFor(*serializerKindFromName(chosen));
        const QByteArray hello =
            serializer.encode(*serializerFor(SerializerKind::Json).decode(kHello, nullptr));
        serializer.isBinary() ? client.socket.sendBinaryMessage(hello)
                              : client.socket.sendTextMessage(QString::fromUtf8(hello));
        QTRY_COMPARE(client.received.size(), 1);
        const auto welcome = serializer.decodeMessage(client.received.first(), nullptr);
        QVERIFY(welcome);
        QCOMPARE(welcome->type, MessageType::Welcome);
        QCOMPARE(m_router->sessions().first().serializer, chosen);
        QCOMPARE(m_router->sessions().first().transportId, QStringLiteral("ws-test"));

        client.socket.close();
        QTRY_VERIFY(m_router->sessions().isEmpty());
    }

    void clientWithoutSubprotocolIsRefused()
    {
        QSignalSpy rejected(m_router.get(), &Router::connectionRejected);
        Client client(start(localTransport()), {});
        QVERIFY(client.waitClosed());
        QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodeProtocolError);
        QVERIFY(
            client.socket.closeReason().startsWith(QStringLiteral("no supported WAMP subprotocol offered")));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(m_router->connectionCount(), 0);
    }

    void serializersListLimitsWhatIsOffered()
    {
        TransportConfig transport = localTransport();
        transport.websocket.serializers = {SerializerKind::MsgPack};
        const QString url = start(transport);
        Client refused(url, {QStringLiteral("wamp.2.json")});
        QVERIFY(refused.waitClosed());
        QCOMPARE(refused.socket.closeCode(), QWebSocketProtocol::CloseCodeProtocolError);
        QVERIFY(refused.socket.closeReason().contains(QStringLiteral("wamp.2.msgpack")));
        Client accepted(url, {QStringLiteral("wamp.2.json"), QStringLiteral("wamp.2.msgpack")});
        QVERIFY(accepted.waitConnected());
        QCOMPARE(accepted.socket.subprotocol(), QStringLiteral("wamp.2.msgpack"));
    }

    void subprotocolOptionalServesJson()
    {
        TransportConfig transport = localTransport();
        transport.websocket.requireWebSocketSubprotocol = false;
        Client client(start(transport), {});
        QVERIFY(client.waitConnected());
        client.socket.sendTextMessage(QString::fromUtf8(kHello));
        QTRY_COMPARE(client.received.size(), 1);
        QVERIFY(client.received.first().startsWith("[2,"));
    }

    void oversizedMessageClosesWith1009()
    {
        TransportConfig transport = localTransport();
        transport.websocket.maxMessageSize = 1024;
        transport.websocket.maxFrameSize = 1024;
        Client client(start(transport), {QStringLiteral("wamp.2.json")});
        QVERIFY(client.waitConnected());
        client.socket.sendTextMessage(QString::fromUtf8(kHello));
        QTRY_COMPARE(client.received.size(), 1);
        client.socket.sendTextMessage(
            QStringLiteral("[16,1,{},\"com.big\",[\"%1\"]]").arg(QString(2000, u'x')));
        QVERIFY(client.waitClosed());
        QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        QTRY_VERIFY(m_router->sessions().isEmpty());
    }

    void plainHttpGetShowsTheStatusPage()
    {
        start(localTransport());
        const QByteArray response = httpRequest("GET /ws HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.constData());
        QVERIFY(response.contains("WAMP router"));
        QVERIFY(response.contains("wamp.2.json, wamp.2.msgpack, wamp.2.cbor"));
        QVERIFY(httpRequest("POST / HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 405"));
    }

    void statusPageCanBeDisabled()
    {
        TransportConfig transport = localTransport();
        transport.websocket.enableWebStatus = false;
        start(transport);
        QCOMPARE(httpRequest("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), QByteArray());
    }

    void silentClientIsDroppedAfterTheHandshakeTimeout()
    {
        TransportConfig transport = localTransport();
        transport.websocket.openHandshakeTimeoutMs = 200;
        start(transport);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 3000);
    }

    void portInUseFailsWithAClearError()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost));
        TransportConfig transport = localTransport();
        transport.endpoint.port = blocker.serverPort();
        RouterConfig config = testRouterConfig();
        config.transports = {transport};
        const QList<TransportStatus> statuses = m_router->start(config);
        QCOMPARE(statuses.size(), 1);
        QVERIFY(!statuses.first().listening);
        QVERIFY2(statuses.first().error.contains(QStringLiteral("port %1").arg(blocker.serverPort())),
                 qPrintable(statuses.first().error));
    }

    void allowedOriginsAreEnforced_data()
    {
        QTest::addColumn<QByteArray>("originHeader");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("listed") << QByteArray("Origin: https://app.example.com\r\n") << true;
        QTest::newRow("wildcard") << QByteArray("Origin: https://dev.example.org\r\n") << true;
        QTest::newRow("not listed") << QByteArray("Origin: https://evil.test\r\n") << false;
        QTest::newRow("no origin (not a browser)") << QByteArray() << true;
    }

    void allowedOriginsAreEnforced()
    {
        QFETCH(QByteArray, originHeader);
        QFETCH(bool, accepted);
        TransportConfig transport = localTransport();
        transport.websocket.allowedOrigins = {QStringLiteral("https://app.example.com"),
                                              QStringLiteral("https://*.example.org")};
        start(transport);
        QSignalSpy rejected(m_router.get(), &Router::connectionRejected);
        const QByteArray response = httpRequest(upgradeRequest(originHeader), /*waitForClose=*/!accepted);
        if (accepted) {
            QVERIFY2(response.startsWith("HTTP/1.1 101"), response.constData());
        } else {
            QVERIFY2(response.startsWith("HTTP/1.1 403 Forbidden"), response.constData());
            QCOMPARE(rejected.size(), 1);
            QCOMPARE(rejected.first().at(2).toString(),
                     QStringLiteral("origin 'https://evil.test' is not in allowed_origins"));
        }
    }

    void autoPingClosesAPeerThatNeverPongs()
    {
        TransportConfig transport = localTransport();
        transport.websocket.autoPingIntervalMs = 100;
        transport.websocket.autoPingTimeoutMs = 200;
        transport.websocket.autoPingSize = 10;
        const QString url = start(transport);

        // QWebSocket answers pings by itself: it stays connected across several intervals.
        Client answering(url, {QStringLiteral("wamp.2.json")});
        QVERIFY(answering.waitConnected());

        // A raw client that completes the upgrade and then never reads: no pong, so it is cut off.
        QTcpSocket silent;
        QByteArray received;
        connect(&silent, &QTcpSocket::readyRead, this, [&] { received += silent.readAll(); });
        silent.connectToHost(QHostAddress::LocalHost, m_port);
        QTRY_COMPARE(silent.state(), QAbstractSocket::ConnectedState);
        silent.write(upgradeRequest({}));
        QTRY_VERIFY(received.startsWith("HTTP/1.1 101"));
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 3000);
        QVERIFY(received.contains(QByteArray(10, 'p'))); // the ping payload of auto_ping_size bytes
        QCOMPARE(answering.socket.state(), QAbstractSocket::ConnectedState);
    }

    void closeHandshakeTimeoutCutsOffAPeerThatNeverAnswers()
    {
        TransportConfig transport = localTransport();
        transport.websocket.closeHandshakeTimeoutMs = 200;
        start(transport);
        QTcpSocket silent;
        QByteArray received;
        connect(&silent, &QTcpSocket::readyRead, this, [&] { received += silent.readAll(); });
        silent.connectToHost(QHostAddress::LocalHost, m_port);
        QTRY_COMPARE(silent.state(), QAbstractSocket::ConnectedState);
        silent.write(upgradeRequest({}));
        QTRY_VERIFY(received.startsWith("HTTP/1.1 101"));
        QTRY_COMPARE(m_router->connectionCount(), 1);
        m_router->shutdown(); // no session yet: the router closes the transport and waits for the close reply
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 2000);
    }

    void slowReaderIsDisconnectedPastItsOutgoingCap()
    {
        StreamListener listener(localTransport());
        QVERIFY(listener.start());
        Peer* peer = nullptr;
        connect(&listener, &Listener::peerConnected, this, [&peer](Peer* p) { peer = p; });
        Client client(listener.address(), {QStringLiteral("wamp.2.msgpack")});
        QTRY_VERIFY(peer);
        QSignalSpy disconnected(peer, &Peer::disconnected);
        peer->setMaxPendingBytes(256 * 1024);
        // Sent without returning to the event loop, so nothing drains: the cap is crossed on the 5th message.
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 8; ++i)
            peer->send(chunk);
        QTRY_COMPARE(disconnected.size(), 1);
        QVERIFY2(
            disconnected.first().first().toString().startsWith(QStringLiteral("outgoing queue overflow")),
            qPrintable(disconnected.first().first().toString()));
        QVERIFY(client.waitClosed());
    }

private:
    QString start(TransportConfig transport)
    {
        RouterConfig config = testRouterConfig();
        config.transports = {std::move(transport)};
        const QList<TransportStatus> statuses = m_router->start(config);
        if (statuses.size() != 1 || !statuses.first().listening)
            qFatal("transport did not start");
        m_port = quint16(QUrl(statuses.first().address).port());
        return statuses.first().address;
    }

    static QByteArray upgradeRequest(const QByteArray& extraHeaders)
    {
        return "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
               "Sec-WebSocket-Protocol: wamp.2.json\r\n" +
               extraHeaders + "\r\n";
    }

    // The router runs on this thread, so waiting must spin the event loop (no blocking socket calls).
    // Returns what the server sent, once it closed the connection (or once it answered, if !waitForClose).
    QByteArray httpRequest(const QByteArray& request, bool waitForClose = true)
    {
        QTcpSocket socket;
        QByteArray response;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { response += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 3000))
            return "not connected";
        socket.write(request);
        if (!waitForClose)
            return QTest::qWaitFor([&] { return response.contains("\r\n\r\n"); }, 3000) ? response
                                                                                        : "no answer";
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 3000))
            return "not closed by the server";
        return response;
    }

    std::unique_ptr<Router> m_router;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestWebSocketTransport)
#include "tst_websockettransport.moc"
