// Routed RPC through a realm with in-memory peers, including teardown with calls in flight.

#include "fakepeer.h"

#include "wamp/errors.h"

#include <QTest>

using namespace wamp;

namespace {

quint64 registerProcedure(FakePeer* callee, const QByteArray& procedure, quint64 requestId = 1)
{
    callee->deliver(msg::request(MessageType::Register, requestId, procedure));
    const Message reply = callee->take();
    if (reply.type != MessageType::Registered || reply.requestId != requestId)
        qFatal("REGISTER was not answered with REGISTERED");
    return reply.registrationId;
}

Message call(quint64 requestId, const QByteArray& procedure)
{
    Message m = msg::request(MessageType::Call, requestId, procedure);
    m.args = Value(Value::List{Value(qint64(2)), Value(qint64(3))});
    m.kwargs = DictBuilder().add("unit", Value("apples")).build();
    return m;
}

Message answer(MessageType type, quint64 invocationId)
{
    Message m;
    m.type = type;
    m.requestId = invocationId;
    if (type == MessageType::Error) {
        m.requestType = MessageType::Invocation;
        m.uri = "com.example.error.bad_input";
    }
    m.args = Value(Value::List{Value(qint64(5))});
    m.kwargs = DictBuilder().add("why", Value("because")).build();
    return m;
}

} // namespace

class TestDealer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_router = std::make_unique<Router>();
        m_router->start(testRouterConfig());
    }
    void cleanup() { m_router.reset(); }

    const Dealer& dealer() const { return m_router->realm(QStringLiteral("realm1"))->dealer(); }

    void callIsInvokedAndYieldBecomesResult()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        const quint64 registrationId = registerProcedure(callee, "com.example.add");

        caller->deliver(call(77, "com.example.add"));
        const Message invocation = callee->take();
        QCOMPARE(invocation.type, MessageType::Invocation);
        QCOMPARE(invocation.registrationId, registrationId);
        QCOMPARE(invocation.args, Value(Value::List{Value(qint64(2)), Value(qint64(3))}));
        QCOMPARE(invocation.kwargs, DictBuilder().add("unit", Value("apples")).build());
        QCOMPARE(dealer().pendingCallCount(), 1);

        callee->deliver(answer(MessageType::Yield, invocation.requestId));
        const Message result = caller->take();
        QCOMPARE(result.type, MessageType::Result);
        QCOMPARE(result.requestId, quint64(77));
        QCOMPARE(result.args, Value(Value::List{Value(qint64(5))}));
        QCOMPARE(result.kwargs, DictBuilder().add("why", Value("because")).build());
        QCOMPARE(dealer().pendingCallCount(), 0);
    }

    void invocationIdsAreSequentialPerCallee()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        registerProcedure(callee, "com.example.add");
        for (quint64 i = 1; i <= 3; ++i) {
            caller->deliver(call(100 + i, "com.example.add"));
            QCOMPARE(callee->take().requestId, i);
        }
    }

    void calleeErrorReachesTheCaller()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        registerProcedure(callee, "com.example.add");
        caller->deliver(call(5, "com.example.add"));
        callee->deliver(answer(MessageType::Error, callee->take().requestId));
        const Message error = caller->take();
        QCOMPARE(error.type, MessageType::Error);
        QCOMPARE(error.requestType, MessageType::Call);
        QCOMPARE(error.requestId, quint64(5));
        QCOMPARE(error.uri, QByteArray("com.example.error.bad_input"));
        QCOMPARE(error.args, Value(Value::List{Value(qint64(5))}));
        QCOMPARE(error.kwargs, DictBuilder().add("why", Value("because")).build());
    }

    void calleeErrorWithInvalidUriIsReplaced()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        registerProcedure(callee, "com.example.add");
        caller->deliver(call(5, "com.example.add"));
        Message bad = answer(MessageType::Error, callee->take().requestId);
        bad.uri = "not a uri";
        callee->deliver(bad);
        const Message error = caller->take();
        QCOMPARE(error.uri, uris::kInvalidUri);
        QCOMPARE(error.args,
                 Value(Value::List{Value("the callee answered with an invalid error URI 'not a uri'")}));
    }

    void refusedRequests_data()
    {
        QTest::addColumn<Message>("request");
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<QString>("text");

        QTest::newRow("register existing")
            << msg::request(MessageType::Register, 2, "com.example.taken") << uris::kProcedureAlreadyExists
            << QStringLiteral("'com.example.taken' is already registered");
        QTest::newRow("register invalid URI")
            << msg::request(MessageType::Register, 2, "com.Example") << uris::kInvalidUri
            << QStringLiteral("'com.Example' is not a valid procedure URI");
        QTest::newRow("register reserved")
            << msg::request(MessageType::Register, 2, "wamp.session.count") << uris::kInvalidUri
            << QStringLiteral("'wamp.session.count' is in the reserved wamp. namespace");
        QTest::newRow("register prefix")
            << msg::request(MessageType::Register, 2, "com",
                            DictBuilder().add("match", Value("prefix")).build())
            << uris::kInvalidArgument
            << QStringLiteral("match policy 'prefix' is not supported (only exact)");
        QTest::newRow("register roundrobin")
            << msg::request(MessageType::Register, 2, "com.x",
                            DictBuilder().add("invoke", Value("roundrobin")).build())
            << uris::kInvalidArgument
            << QStringLiteral("invocation policy 'roundrobin' is not supported (only single)");
        QTest::newRow("call unknown") << call(2, "com.example.nope") << uris::kNoSuchProcedure
                                      << QStringLiteral("no callee registered for 'com.example.nope'");
        QTest::newRow("call invalid URI") << call(2, "com.example.#") << uris::kInvalidUri
                                          << QStringLiteral("'com.example.#' is not a valid procedure URI");
        Message unregister = msg::request(MessageType::Unregister, 2);
        unregister.registrationId = 424242;
        QTest::newRow("unregister unknown") << unregister << uris::kNoSuchRegistration
                                            << QStringLiteral("this session has no registration 424242");
    }

    void refusedRequests()
    {
        QFETCH(Message, request);
        QFETCH(QByteArray, error);
        QFETCH(QString, text);
        FakePeer* owner = joinedPeer(*m_router);
        registerProcedure(owner, "com.example.taken");
        FakePeer* peer = joinedPeer(*m_router);
        peer->deliver(request);
        const Message reply = peer->take();
        QCOMPARE(reply.type, MessageType::Error);
        QCOMPARE(reply.requestType, request.type);
        QCOMPARE(reply.requestId, request.requestId);
        QCOMPARE(reply.uri, error);
        QCOMPARE(reply.args, Value(Value::List{Value(text)}));
        QVERIFY(!peer->closed);
    }

    void unregisterFreesTheProcedure()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* other = joinedPeer(*m_router);
        const quint64 id = registerProcedure(callee, "com.example.add");
        Message unregister = msg::request(MessageType::Unregister, 4);
        unregister.registrationId = id;
        other->deliver(unregister); // not the owner
        QCOMPARE(other->take().uri, uris::kNoSuchRegistration);
        callee->deliver(unregister);
        const Message reply = callee->take();
        QCOMPARE(reply.type, MessageType::Unregistered);
        QCOMPARE(reply.requestId, quint64(4));
        other->deliver(call(1, "com.example.add"));
        QCOMPARE(other->take().uri, uris::kNoSuchProcedure);
        registerProcedure(other, "com.example.add"); // free again
    }

    void calleeLeavingCancelsCallsInFlight()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        registerProcedure(callee, "com.example.slow");
        caller->deliver(call(1, "com.example.slow"));
        caller->deliver(call(2, "com.example.slow"));
        QCOMPARE(dealer().pendingCallCount(), 2);
        callee->drop();
        QList<quint64> canceled;
        for (int i = 0; i < 2; ++i) {
            const Message error = caller->take();
            QCOMPARE(error.type, MessageType::Error);
            QCOMPARE(error.uri, uris::kCanceled);
            canceled << error.requestId;
        }
        std::sort(canceled.begin(), canceled.end());
        QCOMPARE(canceled, (QList<quint64>{1, 2}));
        QCOMPARE(dealer().pendingCallCount(), 0);
        QCOMPARE(dealer().registrationCount(), 0);
        caller->deliver(call(3, "com.example.slow"));
        QCOMPARE(caller->take().uri, uris::kNoSuchProcedure);
    }

    void resultForAVanishedCallerIsDropped()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        registerProcedure(callee, "com.example.add");
        caller->deliver(call(1, "com.example.add"));
        const quint64 invocationId = callee->take().requestId;
        caller->drop();
        QCOMPARE(dealer().pendingCallCount(), 0);
        callee->deliver(answer(MessageType::Yield, invocationId));
        callee->deliver(answer(MessageType::Error, invocationId));
        QVERIFY(callee->sent.isEmpty());
        QVERIFY(!callee->closed);
    }

    void callerGoodbyeMidCallIsHarmless()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        registerProcedure(callee, "com.example.add");
        caller->deliver(call(1, "com.example.add"));
        const quint64 invocationId = callee->take().requestId;
        caller->deliver(msg::goodbye());
        QCOMPARE(caller->take().type, MessageType::Goodbye);
        callee->deliver(answer(MessageType::Yield, invocationId));
        QVERIFY(caller->sent.isEmpty());
    }

    void duplicateCallRequestIdIsAProtocolViolation()
    {
        FakePeer* callee = joinedPeer(*m_router);
        FakePeer* caller = joinedPeer(*m_router);
        registerProcedure(callee, "com.example.add");
        caller->deliver(call(9, "com.example.add"));
        caller->deliver(call(9, "com.example.add"));
        const Message abort = caller->take();
        QCOMPARE(abort.type, MessageType::Abort);
        QCOMPARE(abort.uri, uris::kProtocolViolation);
        QCOMPARE(abort.details["message"].toString(),
                 QStringLiteral("CALL request id 9 is already in use by a call in flight"));
        QCOMPARE(dealer().pendingCallCount(), 0); // the aborted caller's call is gone too
    }

    void calleeCanCallItself()
    {
        FakePeer* peer = joinedPeer(*m_router);
        registerProcedure(peer, "com.example.echo");
        peer->deliver(call(1, "com.example.echo"));
        const Message invocation = peer->take();
        QCOMPARE(invocation.type, MessageType::Invocation);
        peer->deliver(answer(MessageType::Yield, invocation.requestId));
        QCOMPARE(peer->take().type, MessageType::Result);
    }

private:
    std::unique_ptr<Router> m_router;
};

QTEST_GUILESS_MAIN(TestDealer)
#include "tst_dealer.moc"
