// Router::snapshot(): every session with its message and byte counters and its subscription and
// registration counts, every registration with its invocation count, every subscription with its
// publication and event counts, over all realms.

#include "fakepeer.h"

#include <QTest>

using namespace wamp;

namespace {

qint64 bytesOf(const QList<QByteArray>& messages)
{
    qint64 total = 0;
    for (const QByteArray& message : messages)
        total += message.size();
    return total;
}

const SessionInfo& sessionIn(const RouterSnapshot& snapshot, quint64 id)
{
    for (const SessionInfo& session : snapshot.sessions) {
        if (session.id == id)
            return session;
    }
    qFatal("no session %llu in the snapshot", id);
}

} // namespace

class TestRouterSnapshot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyRouter()
    {
        Router router;
        router.start(testRouterConfig());
        const RouterSnapshot snapshot = router.snapshot();
        QVERIFY(snapshot.sessions.isEmpty());
        QVERIFY(snapshot.registrations.isEmpty());
        QVERIFY(snapshot.subscriptions.isEmpty());
    }

    void countersAndCounts()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        RealmConfig second;
        second.name = QStringLiteral("realm2");
        config.realms.append(second);
        router.start(config);

        FakePeer* callee = joinedPeer(router);
        FakePeer* caller = joinedPeer(router, SerializerKind::MsgPack);
        callee->deliver(msg::request(MessageType::Register, 1, "com.example.add"));
        const quint64 registrationId = callee->take().registrationId;
        callee->deliver(msg::request(MessageType::Subscribe, 2, "com.example.topic"));
        caller->deliver(msg::request(MessageType::Subscribe, 1, "com.example.topic"));
        callee->sent.clear();
        caller->sent.clear();

        for (quint64 request = 10; request < 13; ++request) {
            caller->deliver(msg::request(MessageType::Call, request, "com.example.add"));
            Message yield;
            yield.type = MessageType::Yield;
            yield.requestId = callee->take().requestId;
            callee->deliver(yield);
        }
        // Publisher excluded by default: one EVENT per publication, to the callee.
        caller->deliver(msg::request(MessageType::Publish, 20, "com.example.topic"));
        caller->deliver(msg::request(MessageType::Publish, 21, "com.example.topic"));

        const RouterSnapshot snapshot = router.snapshot();
        QCOMPARE(snapshot.sessions.size(), 2);
        const quint64 calleeSession = snapshot.registrations.constFirst().calleeIds.constFirst();
        const SessionInfo& calleeInfo = sessionIn(snapshot, calleeSession);
        // In: HELLO, REGISTER, SUBSCRIBE, 3 YIELD. Out: WELCOME, REGISTERED, SUBSCRIBED, 3 INVOCATION, 2
        // EVENT.
        QCOMPARE(calleeInfo.messagesIn, quint64(6));
        QCOMPARE(calleeInfo.messagesOut, quint64(8));
        QCOMPARE(calleeInfo.bytesOut, quint64(bytesOf(callee->rawSent)));
        QCOMPARE(calleeInfo.registrationCount, 1);
        QCOMPARE(calleeInfo.subscriptionCount, 1);
        QCOMPARE(calleeInfo.realm, QStringLiteral("realm1"));

        const SessionInfo& callerInfo =
            sessionIn(snapshot, snapshot.subscriptions.constFirst().subscriberIds.constLast());
        QVERIFY(callerInfo.id != calleeSession);
        // In: HELLO, SUBSCRIBE, 3 CALL, 2 PUBLISH. Out: WELCOME, SUBSCRIBED, 3 RESULT.
        QCOMPARE(callerInfo.messagesIn, quint64(7));
        QCOMPARE(callerInfo.messagesOut, quint64(5));
        QCOMPARE(callerInfo.serializer, QStringLiteral("msgpack"));
        QCOMPARE(callerInfo.registrationCount, 0);
        QCOMPARE(callerInfo.subscriptionCount, 1);

        QCOMPARE(snapshot.registrations.size(), 1);
        const RegistrationInfo& registration = snapshot.registrations.constFirst();
        QCOMPARE(registration.id, registrationId);
        QCOMPARE(registration.realm, QStringLiteral("realm1"));
        QCOMPARE(registration.procedure, QStringLiteral("com.example.add"));
        QCOMPARE(registration.invocationCount, quint64(3));

        QCOMPARE(snapshot.subscriptions.size(), 1);
        const SubscriptionInfo& subscription = snapshot.subscriptions.constFirst();
        QCOMPARE(subscription.topic, QStringLiteral("com.example.topic"));
        QCOMPARE(subscription.subscriberIds, (QList<quint64>{calleeSession, callerInfo.id}));
        QCOMPARE(subscription.publicationCount, quint64(2));
        QCOMPARE(subscription.eventCount, quint64(2));
    }

    void bytesInAreCounted()
    {
        Router router;
        router.start(testRouterConfig());
        auto* peer = new FakePeer;
        router.attach(peer);
        const QByteArray hello = peer->serializer().encodeMessage(msg::hello("realm1"));
        peer->deliverRaw(hello);
        const QByteArray subscribe =
            peer->serializer().encodeMessage(msg::request(MessageType::Subscribe, 1, "com.example.topic"));
        peer->deliverRaw(subscribe);
        const SessionInfo info = router.snapshot().sessions.constFirst();
        QCOMPARE(info.messagesIn, quint64(2));
        QCOMPARE(info.bytesIn, quint64(hello.size() + subscribe.size()));
        QCOMPARE(info.bytesOut, quint64(bytesOf(peer->rawSent)));
    }

    void leftSessionsAndTheirStateGo()
    {
        Router router;
        router.start(testRouterConfig());
        FakePeer* callee = joinedPeer(router);
        joinedPeer(router);
        callee->deliver(msg::request(MessageType::Register, 1, "com.example.add"));
        callee->deliver(msg::request(MessageType::Subscribe, 2, "com.example.topic"));
        QCOMPARE(router.snapshot().registrations.size(), 1);
        callee->drop();
        const RouterSnapshot snapshot = router.snapshot();
        QCOMPARE(snapshot.sessions.size(), 1);
        QVERIFY(snapshot.registrations.isEmpty());
        QVERIFY(snapshot.subscriptions.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRouterSnapshot)
#include "tst_routersnapshot.moc"
