// The router's own WebSocket implementation on the wire: a raw TCP client writes hand-made frames (masked or
// not, fragmented, broken) and reads the router's frames with the framing module in client role. Each bad
// input must get the close code RFC 6455 prescribes and leave no session behind.

#include "core/router.h"
#include "fakepeer.h"
#include "transport/websocketframing.h"

#include <QTcpSocket>
#include <QTest>

using namespace wamp;
using namespace wamp::websocket;

namespace {

constexpr int kWaitMs = 5000;
const QByteArray kHello = R"([1,"realm1",{"roles":{"caller":{}}}])";
constexpr quint32 kMask = 0x1a2b3c4d;

QByteArray upgradeRequest(const QByteArray& version = "13",
                          const QByteArray& key = "dGhlIHNhbXBsZSBub25jZQ==")
{
    return "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
           "Sec-WebSocket-Key: " +
           key + "\r\nSec-WebSocket-Version: " + version +
           "\r\nSec-WebSocket-Protocol: wamp.2.json\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n";
}

QByteArray clientFrame(Opcode opcode, QByteArrayView payload, bool fin = true)
{
    return encodeFrame(opcode, payload, Role::Client, fin, kMask);
}

//! A TCP client speaking WebSocket by hand.
class WireClient {
public:
    explicit WireClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onReadyRead(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool connected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                               kWaitMs);
    }
    void send(const QByteArray& bytes) { m_socket.write(bytes); }
    //! Sends the upgrade request (plus \a after in the same write) and waits for the 101 response.
    bool upgrade(const QByteArray& after = {})
    {
        send(upgradeRequest() + after);
        return QTest::qWaitFor([this] { return !m_head.isEmpty(); }, kWaitMs) &&
               m_head.startsWith("HTTP/1.1 101 ");
    }
    bool waitForEvents(qsizetype count)
    {
        return QTest::qWaitFor([&] { return events.size() >= count; }, kWaitMs);
    }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                               kWaitMs);
    }
    std::optional<Event> closeEvent() const
    {
        for (const Event& event : events) {
            if (event.kind == Event::Kind::Close)
                return event;
        }
        return std::nullopt;
    }
    const QByteArray& head() const { return m_head; }
    const QByteArray& raw() const { return m_raw; }

    QList<Event> events;

private:
    void onReadyRead()
    {
        const QByteArray bytes = m_socket.readAll();
        m_raw += bytes;
        if (m_head.isEmpty()) {
            m_pending += bytes;
            const qsizetype end = m_pending.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_head = m_pending.left(end + 4);
            m_reader.append(QByteArrayView(m_pending).sliced(end + 4));
        } else {
            m_reader.append(bytes);
        }
        while (std::optional<Event> event = m_reader.next())
            events << *event;
    }

    QTcpSocket m_socket;
    QByteArray m_raw;
    QByteArray m_pending;
    QByteArray m_head;
    FrameReader m_reader{Role::Client, 0, 0};
};

} // namespace

class TestWebSocketWire : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_router = std::make_unique<Router>();
        TransportConfig transport;
        transport.id = QStringLiteral("ws-wire");
        transport.endpoint.interface = QStringLiteral("127.0.0.1");
        transport.endpoint.port = 0;
        transport.websocket.maxMessageSize = 4096;
        RouterConfig config = testRouterConfig();
        config.transports = {transport};
        const QList<TransportStatus> statuses = m_router->start(config);
        QVERIFY(statuses.size() == 1 && statuses.first().listening);
        m_port = quint16(QUrl(statuses.first().address).port());
    }
    void cleanup() { m_router.reset(); }

    void handshakeAnswersPerRfc6455()
    {
        WireClient client(m_port);
        QVERIFY(client.connected());
        QVERIFY(client.upgrade());
        // The RFC's own example key and its accept value; no extension is accepted.
        QVERIFY(client.head().contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(client.head().contains("\r\nSec-WebSocket-Protocol: wamp.2.json\r\n"));
        QVERIFY(!client.head().toLower().contains("sec-websocket-extensions"));
    }

    void helloInTheSameSegmentAsTheUpgrade()
    {
        WireClient client(m_port);
        QVERIFY(client.connected());
        QVERIFY(client.upgrade(clientFrame(Opcode::Text, kHello)));
        QVERIFY(client.waitForEvents(1));
        QCOMPARE(client.events.first().kind, Event::Kind::Text);
        QVERIFY(client.events.first().payload.startsWith("[2,"));
    }

    void fragmentedMessageWithInterleavedPing()
    {
        WireClient client(m_port);
        QVERIFY(client.connected());
        QVERIFY(client.upgrade());
        client.send(clientFrame(Opcode::Text, kHello.first(5), false) +
                    clientFrame(Opcode::Ping, "are you there") +
                    clientFrame(Opcode::Continuation, kHello.sliced(5, 10), false) +
                    clientFrame(Opcode::Continuation, kHello.sliced(15), true));
        QVERIFY(client.waitForEvents(2));
        QCOMPARE(client.events.at(0).kind, Event::Kind::Pong);
        QCOMPARE(client.events.at(0).payload, QByteArray("are you there"));
        QCOMPARE(client.events.at(1).kind, Event::Kind::Text);
        QVERIFY(client.events.at(1).payload.startsWith("[2,"));
        QCOMPARE(m_router->sessions().size(), 1);
    }

    void closeHandshakeIsEchoedAndTheSessionEnds()
    {
        WireClient client(m_port);
        QVERIFY(client.connected());
        QVERIFY(client.upgrade(clientFrame(Opcode::Text, kHello)));
        QVERIFY(client.waitForEvents(1));
        client.send(encodeClose(CloseCode::GoingAway, u"bye", Role::Client, kMask));
        QVERIFY(client.waitClosed()); // the server closes the TCP connection first
        const std::optional<Event> close = client.closeEvent();
        QVERIFY(close);
        QCOMPARE(close->closeCode, CloseCode::GoingAway);
        QTRY_VERIFY_WITH_TIMEOUT(m_router->sessions().isEmpty(), kWaitMs);
    }

    void badFramesCloseWithTheRightCode_data()
    {
        QTest::addColumn<QByteArray>("frames");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("unmasked frame")
            << encodeFrame(Opcode::Text, kHello) << int(CloseCode::ProtocolError) << QStringLiteral("mask");
        QTest::newRow("reserved bits") <<
            [] {
                QByteArray frame = clientFrame(Opcode::Text, kHello);
                frame[0] = char(quint8(frame[0]) | 0x40);
                return frame;
            }() << int(CloseCode::ProtocolError)
                                       << QStringLiteral("reserved bits");
        QTest::newRow("unknown opcode")
            << clientFrame(Opcode(3), "x") << int(CloseCode::ProtocolError) << QStringLiteral("opcode");
        QTest::newRow("continuation first") << clientFrame(Opcode::Continuation, "x")
                                            << int(CloseCode::ProtocolError) << QStringLiteral("ontinuation");
        QTest::newRow("invalid UTF-8 text") << clientFrame(Opcode::Text, "[1,\"\xc3\x28\"]")
                                            << int(CloseCode::InvalidPayload) << QStringLiteral("UTF-8");
        QTest::newRow("message over max_message_size")
            << clientFrame(Opcode::Text, QByteArray(5000, 'x')) << int(CloseCode::TooBig) << QString();
        QTest::newRow("fragments over max_message_size")
            << clientFrame(Opcode::Text, QByteArray(3000, 'x'), false) +
                   clientFrame(Opcode::Continuation, QByteArray(3000, 'x'), true)
            << int(CloseCode::TooBig) << QString();
        QTest::newRow("long ping") << clientFrame(Opcode::Ping, QByteArray(126, 'p'))
                                   << int(CloseCode::ProtocolError) << QString();
    }

    void badFramesCloseWithTheRightCode()
    {
        QFETCH(QByteArray, frames);
        QFETCH(int, code);
        QFETCH(QString, reasonPart);
        WireClient client(m_port);
        QVERIFY(client.connected());
        QVERIFY(client.upgrade(clientFrame(Opcode::Text, kHello)));
        QVERIFY(client.waitForEvents(1));
        QCOMPARE(m_router->sessions().size(), 1);
        client.send(frames);
        QVERIFY(client.waitClosed());
        const std::optional<Event> close = client.closeEvent();
        QVERIFY2(close, client.raw().toHex().constData());
        QCOMPARE(int(close->closeCode), code);
        QVERIFY2(close->closeReason.contains(reasonPart), qPrintable(close->closeReason));
        QTRY_VERIFY_WITH_TIMEOUT(m_router->sessions().isEmpty(), kWaitMs);
    }

    void badUpgradesGetHttpErrors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("headerPart");
        QTest::newRow("version 8") << upgradeRequest("8") << QByteArray("426")
                                   << QByteArray("Sec-WebSocket-Version: 13");
        QTest::newRow("short key") << upgradeRequest("13", "c2hvcnQ=") << QByteArray("400") << QByteArray();
        QTest::newRow("malformed header")
            << QByteArray("GET /ws HTTP/1.1\r\nHost localhost\r\n\r\n") << QByteArray("400") << QByteArray();
        QTest::newRow("head too large")
            << QByteArray("GET /ws HTTP/1.1\r\nX-Filler: " + QByteArray(20000, 'f')) << QByteArray("431")
            << QByteArray();
    }

    void badUpgradesGetHttpErrors()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, headerPart);
        WireClient client(m_port);
        QVERIFY(client.connected());
        client.send(request);
        QVERIFY(client.waitClosed());
        QVERIFY2(client.raw().startsWith(QByteArray("HTTP/1.1 " + status + ' ')),
                 client.raw().left(200).constData());
        QVERIFY(client.raw().contains(headerPart));
        QCOMPARE(m_router->connectionCount(), 0);
    }

private:
    std::unique_ptr<Router> m_router;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestWebSocketWire)
#include "tst_websocketwire.moc"
