// Re-applying a changed configuration to a running router: only what changed is touched.

#include "fakepeer.h"

#include "wamp/errors.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace wamp;

namespace {

TransportConfig webSocket(const QString& id)
{
    TransportConfig transport;
    transport.id = id;
    transport.endpoint.interface = QStringLiteral("127.0.0.1");
    return transport;
}

//! A WebSocket client that joins realm1 and records what the router sends.
class JoinedClient : public QObject {
public:
    explicit JoinedClient(const QString& url)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [this](const QString& text) { received << text; });
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Sec-WebSocket-Protocol", "wamp.2.json");
        socket.open(request);
    }
    bool join()
    {
        if (!QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            return false;
        socket.sendTextMessage(QStringLiteral(R"([1,"realm1",{"roles":{"caller":{}}}])"));
        return QTest::qWaitFor([this] { return !received.isEmpty(); }, 5000) &&
               received.first().startsWith(QStringLiteral("[2,"));
    }

    QWebSocket socket;
    QStringList received;
};

QString addressOf(const QList<TransportStatus>& statuses, const QString& id)
{
    for (const TransportStatus& status : statuses) {
        if (status.id == id)
            return status.address;
    }
    return {};
}

} // namespace

class TestRouterApply : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void onlyChangedTransportsRestart()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        config.transports = {webSocket(QStringLiteral("stable")), webSocket(QStringLiteral("changing")),
                             webSocket(QStringLiteral("removed"))};
        const QList<TransportStatus> first = router.start(config);
        QCOMPARE(first.size(), 3);

        JoinedClient onStable(addressOf(first, QStringLiteral("stable")));
        JoinedClient onChanging(addressOf(first, QStringLiteral("changing")));
        JoinedClient onRemoved(addressOf(first, QStringLiteral("removed")));
        QVERIFY(onStable.join() && onChanging.join() && onRemoved.join());
        QCOMPARE(router.sessions().size(), 3);

        QSignalSpy started(&router, &Router::transportStarted);
        QSignalSpy stopped(&router, &Router::transportStopped);
        config.transports[1].websocket.maxMessageSize = 4096; // changed
        config.transports.removeLast();                       // removed
        config.transports.append(webSocket(QStringLiteral("added")));
        const QList<TransportStatus> second = router.apply(config);

        QCOMPARE(second.size(), 3);
        for (const TransportStatus& status : second)
            QVERIFY2(status.listening, qPrintable(status.id + QLatin1Char(' ') + status.error));
        QCOMPARE(addressOf(second, QStringLiteral("stable")), addressOf(first, QStringLiteral("stable")));
        QCOMPARE(started.size(), 2); // changing (restarted) and added
        QCOMPARE(stopped.size(), 2); // changing and removed
        QCOMPARE(router.transports().size(), 3);

        // The sessions of the changed and the removed transport are told; the stable one hears nothing.
        QTRY_COMPARE(onChanging.received.size(), 2);
        QVERIFY(onChanging.received.last().contains(QStringLiteral("wamp.close.system_shutdown")));
        QTRY_COMPARE(onRemoved.received.size(), 2);
        QTest::qWait(100);
        QCOMPARE(onStable.received.size(), 1);
        QCOMPARE(onStable.socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(router.sessions().size(), 1);

        // The restarted transport serves new clients with its new settings.
        JoinedClient again(addressOf(second, QStringLiteral("changing")));
        QVERIFY(again.join());
        JoinedClient added(addressOf(second, QStringLiteral("added")));
        QVERIFY(added.join());
    }

    void applyingTheSameConfigurationChangesNothing()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        config.transports = {webSocket(QStringLiteral("ws"))};
        const QString address = router.start(config).first().address;
        FakePeer* peer = joinedPeer(router);
        QSignalSpy started(&router, &Router::transportStarted);
        QSignalSpy stopped(&router, &Router::transportStopped);
        QCOMPARE(router.apply(config).first().address, address);
        QCOMPARE(started.size(), 0);
        QCOMPARE(stopped.size(), 0);
        QVERIFY(peer->sent.isEmpty());
    }

    void removedRealmClosesItsSessions()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        RealmConfig other;
        other.name = QStringLiteral("other");
        config.realms.append(other);
        router.start(config);
        FakePeer* onRealm1 = joinedPeer(router);
        auto* onOther = new FakePeer;
        router.attach(onOther);
        onOther->deliver(msg::hello("other"));
        QCOMPARE(onOther->take().type, MessageType::Welcome);

        config.realms.removeLast();
        router.apply(config);
        const Message goodbye = onOther->take();
        QCOMPARE(goodbye.type, MessageType::Goodbye);
        QCOMPARE(goodbye.uri, uris::kCloseRealm);
        QVERIFY(onRealm1->sent.isEmpty());
        QVERIFY(!router.realm(QStringLiteral("other")));

        auto* late = new FakePeer;
        router.attach(late);
        late->deliver(msg::hello("other"));
        QCOMPARE(late->take().uri, uris::kNoSuchRealm);
    }

    void changedRolesApplyToRunningSessions()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        Permission everything;
        everything.match = MatchPolicy::Prefix;
        everything.allowCall = everything.allowRegister = everything.allowPublish =
            everything.allowSubscribe = true;
        config.realms[0].roles = {RoleConfig{QStringLiteral("anonymous"), {everything}}};
        router.start(config);
        FakePeer* peer = joinedPeer(router);
        peer->deliver(msg::request(MessageType::Subscribe, 1, "com.topic"));
        QCOMPARE(peer->take().type, MessageType::Subscribed);

        // Subscribe no longer allowed: new requests are refused, the session stays.
        config.realms[0].roles[0].permissions[0].allowSubscribe = false;
        router.apply(config);
        QVERIFY(peer->sent.isEmpty());
        peer->deliver(msg::request(MessageType::Subscribe, 2, "com.other"));
        QCOMPARE(peer->take().uri, uris::kNotAuthorized);

        // The role disappears: the session is closed.
        config.realms[0].roles[0].name = QStringLiteral("renamed");
        router.apply(config);
        const Message goodbye = peer->take();
        QCOMPARE(goodbye.type, MessageType::Goodbye);
        QCOMPARE(goodbye.uri, uris::kCloseRealm);
    }
};

QTEST_MAIN(TestRouterApply)
#include "tst_routerapply.moc"
