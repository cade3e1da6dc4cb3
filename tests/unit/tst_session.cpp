// The session state machine: opening, closing, and every kind of bad input a client can send.

#include "fakepeer.h"

#include "wamp/errors.h"

#include <QSignalSpy>
#include <QTest>

using namespace wamp;

class TestSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_router = std::make_unique<Router>();
        m_router->start(testRouterConfig());
    }
    void cleanup() { m_router.reset(); }

    void welcomeAnnouncesExactlyTheImplementedRoles()
    {
        auto* peer = new FakePeer;
        m_router->attach(peer);
        peer->deliver(msg::hello("realm1"));
        const Message welcome = peer->take();
        QCOMPARE(welcome.type, MessageType::Welcome);
        QVERIFY(welcome.sessionId >= 1 && welcome.sessionId <= kMaxId);
        const Value& roles = welcome.details["roles"];
        QCOMPARE(roles.dict().size(), size_t(2));
        QCOMPARE(roles["broker"]["features"], DictBuilder().add("publisher_exclusion", Value(true)).build());
        QCOMPARE(roles["dealer"]["features"], Value(Value::Dict{}));
        QCOMPARE(welcome.details["realm"].toString(), QStringLiteral("realm1"));
        QCOMPARE(welcome.details["authrole"].toString(), QStringLiteral("anonymous"));
        QCOMPARE(welcome.details["authmethod"].toString(), QStringLiteral("anonymous"));
        QVERIFY(!welcome.details["authid"].toString().isEmpty());
        QCOMPARE(m_router->sessions().size(), 1);
        QCOMPARE(m_router->sessions().first().id, welcome.sessionId);
    }

    void helloIsRefused_data()
    {
        QTest::addColumn<Message>("hello");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QString>("text");

        QTest::newRow("unknown realm") << msg::hello("nowhere") << uris::kNoSuchRealm
                                       << QStringLiteral("no realm 'nowhere' on this router");
        QTest::newRow("invalid realm URI") << msg::hello("bad realm") << uris::kInvalidUri
                                           << QStringLiteral("'bad realm' is not a valid realm URI");
        Message noRoles = msg::hello("realm1");
        noRoles.details = Value(Value::Dict{});
        QTest::newRow("no roles") << noRoles << uris::kProtocolViolation
                                  << QStringLiteral(
                                         "HELLO.Details.roles must be a non-empty dict of client roles");
        Message badRole = msg::hello("realm1");
        badRole.details =
            DictBuilder().add("roles", DictBuilder().add("dealer", Value(Value::Dict{})).build()).build();
        QTest::newRow("router role claimed")
            << badRole << uris::kProtocolViolation
            << QStringLiteral("HELLO.Details.roles has unknown role 'dealer'");
    }

    void helloIsRefused()
    {
        QFETCH(Message, hello);
        QFETCH(QByteArray, reason);
        QFETCH(QString, text);
        auto* peer = new FakePeer;
        m_router->attach(peer);
        peer->deliver(hello);
        const Message abort = peer->take();
        QCOMPARE(abort.type, MessageType::Abort);
        QCOMPARE(abort.uri, reason);
        QCOMPARE(abort.details["message"].toString(), text);
        QVERIFY(peer->closed);
        QVERIFY(m_router->sessions().isEmpty());
    }

    void badInputAbortsWithProtocolViolation_data()
    {
        QTest::addColumn<bool>("joinFirst");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");

        QTest::newRow("CALL before HELLO")
            << false << QByteArray(R"([48,1,{},"com.x"])")
            << QStringLiteral("received CALL before the session was established (send HELLO first)");
        QTest::newRow("GOODBYE before HELLO")
            << false << QByteArray(R"([6,{},"wamp.close.normal"])")
            << QStringLiteral("received GOODBYE before the session was established (send HELLO first)");
        QTest::newRow("second HELLO")
            << true << QByteArray(R"([1,"realm1",{"roles":{"caller":{}}}])")
            << QStringLiteral("HELLO received while the session is already established");
        QTest::newRow("unknown message code")
            << true << QByteArray("[7,{}]") << QStringLiteral("unknown message code 7");
        QTest::newRow("code out of any range")
            << true << QByteArray("[99999999999,1]") << QStringLiteral("unknown message code 99999999999");
        QTest::newRow("not a list") << true << QByteArray(R"({"a":1})")
                                    << QStringLiteral("a WAMP message must be a list, got dict");
        QTest::newRow("wrong field type")
            << true << QByteArray(R"([32,"x",{},"com.topic"])")
            << QStringLiteral("SUBSCRIBE field 1: Request|id must be id, got string");
        QTest::newRow("too few fields")
            << true << QByteArray("[32,1,{}]") << QStringLiteral("SUBSCRIBE takes 3 fields, got 2");
        QTest::newRow("request id zero")
            << true << QByteArray(R"([32,0,{},"com.topic"])")
            << QStringLiteral("SUBSCRIBE field 1: Request|id 0 is outside 1..2^53");
        QTest::newRow("malformed JSON") << true << QByteArray("[48,1,{")
                                        << QStringLiteral("invalid JSON at byte 7: unexpected end of input");
        QTest::newRow("router-to-client message")
            << true << QByteArray("[36,1,2,{}]")
            << QStringLiteral("EVENT is a router-to-client message; a client must not send it");
        QTest::newRow("ERROR for an EVENT")
            << true << QByteArray(R"([8,36,1,{},"com.err"])")
            << QStringLiteral("a client may only send ERROR for an INVOCATION, not for EVENT");
        QTest::newRow("AUTHENTICATE unasked") << true << QByteArray(R"([5,"sig",{}])")
                                              << QStringLiteral("AUTHENTICATE received without a CHALLENGE");
    }

    void badInputAbortsWithProtocolViolation()
    {
        QFETCH(bool, joinFirst);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);

        FakePeer* bystander = joinedPeer(*m_router);
        FakePeer* peer = nullptr;
        if (joinFirst) {
            peer = joinedPeer(*m_router);
        } else {
            peer = new FakePeer;
            m_router->attach(peer);
        }
        QSignalSpy left(m_router.get(), &Router::sessionLeft);
        peer->deliverRaw(bytes);
        const Message abort = peer->take();
        QCOMPARE(abort.type, MessageType::Abort);
        QCOMPARE(abort.uri, uris::kProtocolViolation);
        QCOMPARE(abort.details["message"].toString(), text);
        QVERIFY(peer->closed);
        QCOMPARE(left.size(), joinFirst ? 1 : 0);

        // The other session is untouched and still routes.
        QVERIFY(!bystander->closed);
        bystander->deliver(msg::request(MessageType::Subscribe, 5, "com.still.alive"));
        QCOMPARE(bystander->take().type, MessageType::Subscribed);
    }

    void malformedMsgPackAndCbor_data()
    {
        QTest::addColumn<SerializerKind>("kind");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("msgpack truncated") << SerializerKind::MsgPack << QByteArray::fromHex("9330");
        QTest::newRow("msgpack garbage") << SerializerKind::MsgPack << QByteArray::fromHex("c1c1c1");
        QTest::newRow("cbor truncated") << SerializerKind::Cbor << QByteArray::fromHex("8330");
        QTest::newRow("cbor garbage") << SerializerKind::Cbor << QByteArray::fromHex("ffff");
    }

    void malformedMsgPackAndCbor()
    {
        QFETCH(SerializerKind, kind);
        QFETCH(QByteArray, bytes);
        FakePeer* peer = joinedPeer(*m_router, kind);
        peer->deliverRaw(bytes);
        const Message abort = peer->take();
        QCOMPARE(abort.type, MessageType::Abort);
        QCOMPARE(abort.uri, uris::kProtocolViolation);
        QVERIFY(!abort.details["message"].toString().isEmpty());
        QVERIFY(peer->closed);
    }

    void clientGoodbyeKeepsTheTransportForANewSession()
    {
        FakePeer* peer = joinedPeer(*m_router);
        const quint64 firstId = m_router->sessions().first().id;
        peer->deliver(msg::goodbye());
        const Message reply = peer->take();
        QCOMPARE(reply.type, MessageType::Goodbye);
        QCOMPARE(reply.uri, uris::kGoodbyeAndOut);
        QVERIFY(!peer->closed);
        QVERIFY(m_router->sessions().isEmpty());

        peer->deliver(msg::hello("realm1"));
        const Message welcome = peer->take();
        QCOMPARE(welcome.type, MessageType::Welcome);
        QVERIFY(welcome.sessionId != firstId);
    }

    void killSendsGoodbyeAndClosesOnReply()
    {
        FakePeer* peer = joinedPeer(*m_router);
        const quint64 id = m_router->sessions().first().id;
        QVERIFY(m_router->killSession(id, {}, QStringLiteral("bye")));
        QVERIFY(!m_router->killSession(id + 1 > kMaxId ? 1 : id + 1)); // no such session
        const Message goodbye = peer->take();
        QCOMPARE(goodbye.type, MessageType::Goodbye);
        QCOMPARE(goodbye.uri, uris::kKilled);
        QCOMPARE(goodbye.details["message"].toString(), QStringLiteral("bye"));
        QVERIFY(m_router->sessions().isEmpty());
        QVERIFY(!peer->closed);
        peer->deliver(msg::goodbye());
        QVERIFY(peer->closed);
    }

    void routerGoodbyeTimesOutWithoutReply()
    {
        FakePeer* peer = joinedPeer(*m_router);
        // The peer is deleted with its session once closed: watch it through a spy, not the pointer.
        QSignalSpy closed(peer, &Peer::disconnected);
        m_router->killSession(m_router->sessions().first().id);
        QCOMPARE(peer->take().type, MessageType::Goodbye);
        // Anything but GOODBYE is ignored while closing.
        peer->deliver(msg::request(MessageType::Subscribe, 1, "com.topic"));
        QVERIFY(peer->sent.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, Session::kGoodbyeTimeoutMs + 2000);
        QTRY_COMPARE(m_router->connectionCount(), 0);
    }

    void shutdownSaysSystemShutdownToEverySession()
    {
        FakePeer* a = joinedPeer(*m_router, SerializerKind::Json);
        FakePeer* b = joinedPeer(*m_router, SerializerKind::MsgPack);
        auto* notJoined = new FakePeer;
        m_router->attach(notJoined);
        QSignalSpy stopped(m_router.get(), &Router::stopped);
        m_router->shutdown();
        QCOMPARE(a->take().uri, uris::kSystemShutdown);
        QCOMPARE(b->take().uri, uris::kSystemShutdown);
        QVERIFY(notJoined->closed);
        a->deliver(msg::goodbye());
        b->deliver(msg::goodbye());
        QTRY_COMPARE(stopped.size(), 1);
        QCOMPARE(m_router->connectionCount(), 0);
    }

    void disconnectWithoutGoodbyeLeavesTheRealm()
    {
        FakePeer* peer = joinedPeer(*m_router);
        QSignalSpy left(m_router.get(), &Router::sessionLeft);
        peer->drop();
        QCOMPARE(left.size(), 1);
        QVERIFY(left.first().at(1).toString().contains(QStringLiteral("connection lost")));
        QVERIFY(m_router->sessions().isEmpty());
        QTRY_COMPARE(m_router->connectionCount(), 0);
    }

private:
    std::unique_ptr<Router> m_router;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
