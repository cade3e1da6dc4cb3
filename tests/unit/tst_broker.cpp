// Publish & subscribe through a realm with in-memory peers.

#include "fakepeer.h"

#include "wamp/errors.h"

#include <QTest>

using namespace wamp;

namespace {

quint64 subscribe(FakePeer* peer, const QByteArray& topic, quint64 requestId = 1)
{
    peer->deliver(msg::request(MessageType::Subscribe, requestId, topic));
    const Message reply = peer->take();
    if (reply.type != MessageType::Subscribed || reply.requestId != requestId)
        qFatal("SUBSCRIBE was not answered with SUBSCRIBED");
    return reply.subscriptionId;
}

Message publish(quint64 requestId, const QByteArray& topic, Value options = Value(Value::Dict{}))
{
    Message m = msg::request(MessageType::Publish, requestId, topic, std::move(options));
    m.args = Value(Value::List{Value("hello"), Value(qint64(42))});
    m.kwargs = DictBuilder().add("k", Value(true)).build();
    return m;
}

} // namespace

class TestBroker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_router = std::make_unique<Router>();
        m_router->start(testRouterConfig());
    }
    void cleanup() { m_router.reset(); }

    void subscribersShareOneSubscriptionPerTopic()
    {
        FakePeer* a = joinedPeer(*m_router);
        FakePeer* b = joinedPeer(*m_router);
        const quint64 id = subscribe(a, "com.topic", 1);
        QCOMPARE(subscribe(a, "com.topic", 2), id); // subscribing again is idempotent
        QCOMPARE(subscribe(b, "com.topic", 1), id);
        QVERIFY(subscribe(b, "com.other", 2) != id);
        QCOMPARE(m_router->realm(QStringLiteral("realm1"))->broker().subscriptionCount(), 2);
    }

    void publishReachesSubscribersButNotThePublisher()
    {
        FakePeer* publisher = joinedPeer(*m_router);
        FakePeer* a = joinedPeer(*m_router);
        FakePeer* b = joinedPeer(*m_router);
        const quint64 id = subscribe(a, "com.topic");
        subscribe(b, "com.topic");
        subscribe(publisher, "com.topic");

        publisher->deliver(publish(7, "com.topic", DictBuilder().add("acknowledge", Value(true)).build()));
        const Message published = publisher->take();
        QCOMPARE(published.type, MessageType::Published);
        QCOMPARE(published.requestId, quint64(7));
        QVERIFY(publisher->sent.isEmpty()); // excluded from its own event by default

        for (FakePeer* subscriber : {a, b}) {
            const Message event = subscriber->take();
            QCOMPARE(event.type, MessageType::Event);
            QCOMPARE(event.subscriptionId, id);
            QCOMPARE(event.publicationId, published.publicationId);
            QCOMPARE(event.args, Value(Value::List{Value("hello"), Value(qint64(42))}));
            QCOMPARE(event.kwargs, DictBuilder().add("k", Value(true)).build());
        }
    }

    void excludeMeFalseDeliversToThePublisher()
    {
        FakePeer* publisher = joinedPeer(*m_router);
        subscribe(publisher, "com.topic");
        publisher->deliver(publish(2, "com.topic", DictBuilder().add("exclude_me", Value(false)).build()));
        QCOMPARE(publisher->take().type, MessageType::Event);
        QVERIFY(publisher->sent.isEmpty()); // no PUBLISHED without acknowledge
    }

    void publicationIsEncodedOncePerSerializer()
    {
        FakePeer* publisher = joinedPeer(*m_router);
        QList<FakePeer*> json{joinedPeer(*m_router, SerializerKind::Json),
                              joinedPeer(*m_router, SerializerKind::Json)};
        QList<FakePeer*> cbor{joinedPeer(*m_router, SerializerKind::Cbor),
                              joinedPeer(*m_router, SerializerKind::Cbor)};
        for (FakePeer* peer : json + cbor)
            subscribe(peer, "com.fanout");
        publisher->deliver(publish(1, "com.fanout"));
        // Same buffer, not merely equal bytes: the encoding happened once and was shared.
        QCOMPARE(json[0]->rawSent.last().constData(), json[1]->rawSent.last().constData());
        QCOMPARE(cbor[0]->rawSent.last().constData(), cbor[1]->rawSent.last().constData());
        QVERIFY(json[0]->rawSent.last() != cbor[0]->rawSent.last());
        QCOMPARE(json[0]->take().args, cbor[0]->take().args);
    }

    void refusedRequests_data()
    {
        QTest::addColumn<Message>("request");
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<QString>("text");

        QTest::newRow("subscribe invalid URI")
            << msg::request(MessageType::Subscribe, 3, "com.My Topic") << uris::kInvalidUri
            << QStringLiteral("'com.My Topic' is not a valid topic URI");
        QTest::newRow("subscribe empty component")
            << msg::request(MessageType::Subscribe, 3, "com..topic") << uris::kInvalidUri
            << QStringLiteral("'com..topic' is not a valid topic URI");
        QTest::newRow("subscribe prefix match")
            << msg::request(MessageType::Subscribe, 3, "com",
                            DictBuilder().add("match", Value("prefix")).build())
            << uris::kInvalidArgument
            << QStringLiteral("match policy 'prefix' is not supported (only exact)");
        Message unsubscribe = msg::request(MessageType::Unsubscribe, 3);
        unsubscribe.subscriptionId = 123456;
        QTest::newRow("unsubscribe unknown") << unsubscribe << uris::kNoSuchSubscription
                                             << QStringLiteral("this session has no subscription 123456");
        QTest::newRow("acknowledged publish invalid URI")
            << publish(3, "com.#bad", DictBuilder().add("acknowledge", Value(true)).build())
            << uris::kInvalidUri << QStringLiteral("'com.#bad' is not a valid topic URI");
    }

    void refusedRequests()
    {
        QFETCH(Message, request);
        QFETCH(QByteArray, error);
        QFETCH(QString, text);
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

    void unacknowledgedPublishErrorsAreSilent()
    {
        FakePeer* peer = joinedPeer(*m_router);
        peer->deliver(publish(3, "com.#bad"));
        QVERIFY(peer->sent.isEmpty());
        QVERIFY(!peer->closed);
    }

    void unsubscribeStopsEventsAndFreesTheSubscription()
    {
        FakePeer* publisher = joinedPeer(*m_router);
        FakePeer* a = joinedPeer(*m_router);
        FakePeer* b = joinedPeer(*m_router);
        const quint64 id = subscribe(a, "com.topic");
        subscribe(b, "com.topic");

        Message unsubscribe = msg::request(MessageType::Unsubscribe, 9);
        unsubscribe.subscriptionId = id;
        publisher->deliver(unsubscribe); // not its subscription
        QCOMPARE(publisher->take().uri, uris::kNoSuchSubscription);

        a->deliver(unsubscribe);
        const Message reply = a->take();
        QCOMPARE(reply.type, MessageType::Unsubscribed);
        QCOMPARE(reply.requestId, quint64(9));
        publisher->deliver(publish(1, "com.topic"));
        QVERIFY(a->sent.isEmpty());
        QCOMPARE(b->take().type, MessageType::Event);

        b->deliver(unsubscribe);
        QCOMPARE(b->take().type, MessageType::Unsubscribed);
        QCOMPARE(m_router->realm(QStringLiteral("realm1"))->broker().subscriptionCount(), 0);
    }

    void disconnectDropsSubscriptions()
    {
        FakePeer* publisher = joinedPeer(*m_router);
        FakePeer* a = joinedPeer(*m_router);
        FakePeer* b = joinedPeer(*m_router);
        subscribe(a, "com.topic");
        subscribe(a, "com.other");
        subscribe(b, "com.topic");
        a->drop();
        publisher->deliver(publish(1, "com.topic"));
        publisher->deliver(publish(2, "com.other"));
        QCOMPARE(b->take().type, MessageType::Event);
        QVERIFY(b->sent.isEmpty());
        QCOMPARE(m_router->realm(QStringLiteral("realm1"))->broker().subscriptionCount(), 1);
    }

private:
    std::unique_ptr<Router> m_router;
};

QTEST_GUILESS_MAIN(TestBroker)
#include "tst_broker.moc"
