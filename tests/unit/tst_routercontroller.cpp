// The GUI's handle on the router in its own thread, on real sockets: a client joins and shows up in
// sessionJoined and in snapshots with its messages counted; kill says GOODBYE; re-apply keeps sessions of
// unchanged transports; stop and restart; errors are reported; destruction says GOODBYE and does not hang.

#include "core/routercontroller.h"

#include "fakepeer.h"
#include "jsonwampclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace wamp;

namespace {

TransportConfig webSocketTransport(const QString& id, quint16 port = 0)
{
    TransportConfig transport;
    transport.id = id;
    transport.endpoint.interface = QStringLiteral("127.0.0.1");
    transport.endpoint.port = port;
    return transport;
}

RouterConfig oneTransportConfig()
{
    RouterConfig config = testRouterConfig();
    config.transports = {webSocketTransport(QStringLiteral("ws"))};
    return config;
}

QList<TransportStatus> lastTransports(const QSignalSpy& spy)
{
    return spy.isEmpty() ? QList<TransportStatus>() : spy.last().first().value<QList<TransportStatus>>();
}

RouterSnapshot lastSnapshot(const QSignalSpy& spy)
{
    return spy.isEmpty() ? RouterSnapshot() : spy.last().first().value<RouterSnapshot>();
}

const SessionInfo* findSession(const RouterSnapshot& snapshot, quint64 id)
{
    for (const SessionInfo& session : snapshot.sessions) {
        if (session.id == id)
            return &session;
    }
    return nullptr;
}

QJsonArray call(quint64 requestId, const QString& procedure, const QJsonArray& args = {})
{
    return QJsonArray{48, qint64(requestId), QJsonObject{}, procedure, args};
}

} // namespace

class TestRouterController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sessionsSnapshotsKillReapplyStop()
    {
        RouterController controller;
        QSignalSpy running(&controller, &RouterController::runningChanged);
        QSignalSpy transports(&controller, &RouterController::transportsChanged);
        QSignalSpy joined(&controller, &RouterController::sessionJoined);
        QSignalSpy left(&controller, &RouterController::sessionLeft);
        QSignalSpy snapshots(&controller, &RouterController::snapshotUpdated);
        QSignalSpy traced(&controller, &RouterController::traceRecorded);

        controller.apply(oneTransportConfig());
        QVERIFY(controller.isRunning());
        QCOMPARE(running.size(), 1);
        QTRY_COMPARE(transports.size(), 1);
        const QList<TransportStatus> statuses = lastTransports(transports);
        QCOMPARE(statuses.size(), 1);
        QVERIFY2(statuses.first().listening, qPrintable(statuses.first().error));
        QCOMPARE(controller.transports().first().address, statuses.first().address);
        const QString url = statuses.first().address;

        // Callee and subscriber A, caller and publisher B.
        JsonWampClient a;
        const quint64 aId = a.join(url);
        QVERIFY(aId);
        QTRY_COMPARE(joined.size(), 1);
        const auto joinedInfo = joined.first().first().value<SessionInfo>();
        QCOMPARE(joinedInfo.id, aId);
        QCOMPARE(joinedInfo.realm, QStringLiteral("realm1"));
        QCOMPARE(joinedInfo.transportId, QStringLiteral("ws"));
        QCOMPARE(joinedInfo.serializer, QStringLiteral("json"));
        QCOMPARE(joinedInfo.messagesIn, quint64(1));
        QCOMPARE(joinedInfo.messagesOut, quint64(1));

        qint64 aBytesIn = joinedInfo.bytesIn;
        aBytesIn += a.send({32, 1, QJsonObject{}, QStringLiteral("com.example.topic")});
        QCOMPARE(a.next().at(0).toInt(), 33);
        aBytesIn += a.send({64, 2, QJsonObject{}, QStringLiteral("com.example.add")});
        const QJsonArray registered = a.next();
        QCOMPARE(registered.at(0).toInt(), 65);

        JsonWampClient b;
        const quint64 bId = b.join(url);
        QVERIFY(bId);
        b.send(call(3, QStringLiteral("com.example.add"), {1, 2}));
        const QJsonArray invocation = a.next();
        QCOMPARE(invocation.at(0).toInt(), 68);
        aBytesIn += a.send({70, invocation.at(1), QJsonObject{}, QJsonArray{3}});
        QCOMPARE(b.next(), (QJsonArray{50, 3, QJsonObject{}, QJsonArray{3}}));
        b.send({16, 4, QJsonObject{}, QStringLiteral("com.example.topic"), QJsonArray{QStringLiteral("hi")}});
        QCOMPARE(a.next().at(0).toInt(), 36);

        // HELLO, SUBSCRIBE, REGISTER, YIELD in; WELCOME, SUBSCRIBED, REGISTERED, INVOCATION, EVENT out.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const SessionInfo* session = findSession(lastSnapshot(snapshots), aId);
                return session && session->messagesOut == 5 && session->messagesIn == 4;
            }(),
            3000);
        RouterSnapshot snapshot = lastSnapshot(snapshots);
        QCOMPARE(snapshot.sessions.size(), 2);
        const SessionInfo* session = findSession(snapshot, aId);
        QCOMPARE(session->bytesIn, quint64(aBytesIn));
        QVERIFY(session->bytesOut > 0);
        QCOMPARE(session->subscriptionCount, 1);
        QCOMPARE(session->registrationCount, 1);
        QCOMPARE(findSession(snapshot, bId)->messagesIn, quint64(3));
        QCOMPARE(findSession(snapshot, bId)->registrationCount, 0);

        QCOMPARE(snapshot.registrations.size(), 1);
        const RegistrationInfo registration = snapshot.registrations.first();
        QCOMPARE(registration.realm, QStringLiteral("realm1"));
        QCOMPARE(registration.procedure, QStringLiteral("com.example.add"));
        QCOMPARE(registration.id, quint64(registered.at(2).toInteger()));
        QCOMPARE(registration.match, QStringLiteral("exact"));
        QCOMPARE(registration.invoke, QStringLiteral("single"));
        QCOMPARE(registration.calleeIds, QList<quint64>{aId});
        QCOMPARE(registration.invocationCount, quint64(1));

        QCOMPARE(snapshot.subscriptions.size(), 1);
        const SubscriptionInfo subscription = snapshot.subscriptions.first();
        QCOMPARE(subscription.topic, QStringLiteral("com.example.topic"));
        QCOMPARE(subscription.subscriberIds, QList<quint64>{aId});
        QCOMPARE(subscription.publicationCount, quint64(1));
        QCOMPARE(subscription.eventCount, quint64(1));

        // The trace tap is on by default.
        QTRY_VERIFY(!traced.isEmpty());
        QCOMPARE(traced.first().first().value<QList<TraceEntry>>().first().type, MessageType::Hello);

        // Kill A: GOODBYE with the reason; its registration and subscription go with it.
        controller.killSession(aId, QStringLiteral("killed from the test"));
        const QJsonArray goodbye = a.next();
        QCOMPARE(goodbye.at(0).toInt(), 6);
        QCOMPARE(goodbye.at(2).toString(), QStringLiteral("wamp.close.killed"));
        QCOMPARE(goodbye.at(1).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("killed from the test"));
        a.send({6, QJsonObject{}, QStringLiteral("wamp.close.goodbye_and_out")});
        QTRY_COMPARE(left.size(), 1);
        QCOMPARE(left.first().first().value<SessionInfo>().id, aId);
        QTRY_VERIFY(lastSnapshot(snapshots).sessions.size() == 1);
        QVERIFY(lastSnapshot(snapshots).registrations.isEmpty());
        QVERIFY(lastSnapshot(snapshots).subscriptions.isEmpty());

        // Re-apply with a second transport: the first keeps listening and B stays connected.
        RouterConfig twoTransports = oneTransportConfig();
        twoTransports.transports.append(webSocketTransport(QStringLiteral("ws2")));
        controller.apply(twoTransports);
        QCOMPARE(running.size(), 1);
        QTRY_COMPARE(transports.size(), 2);
        const QList<TransportStatus> reapplied = lastTransports(transports);
        QCOMPARE(reapplied.size(), 2);
        QCOMPARE(reapplied.first().address, url);
        QVERIFY(reapplied.last().listening);
        b.send(call(5, QStringLiteral("com.example.add")));
        const QJsonArray error = b.next();
        QCOMPARE(error.at(0).toInt(), 8);
        QCOMPARE(error.at(4).toString(), QStringLiteral("wamp.error.no_such_procedure"));

        // Stop: GOODBYE to B, every transport stopped, an empty snapshot.
        controller.stop();
        QVERIFY(!controller.isRunning());
        QCOMPARE(running.size(), 2);
        QCOMPARE(running.last().first().toBool(), false);
        const QJsonArray shutdown = b.next();
        QCOMPARE(shutdown.at(2).toString(), QStringLiteral("wamp.close.system_shutdown"));
        b.send({6, QJsonObject{}, QStringLiteral("wamp.close.goodbye_and_out")});
        QTRY_COMPARE(left.size(), 2);
        QTRY_COMPARE(transports.size(), 3);
        for (const TransportStatus& status : lastTransports(transports))
            QVERIFY(!status.listening);
        QTRY_VERIFY(lastSnapshot(snapshots).sessions.isEmpty());

        // And start again: a new router on the same configuration.
        controller.apply(oneTransportConfig());
        QTRY_COMPARE(transports.size(), 4);
        QVERIFY(lastTransports(transports).first().listening);
        JsonWampClient c;
        QVERIFY(c.join(lastTransports(transports).first().address));
        QTRY_COMPARE(joined.size(), 3);
    }

    void transportErrorsAreReported()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost));
        RouterConfig config = testRouterConfig();
        config.transports = {webSocketTransport(QStringLiteral("taken"), blocker.serverPort())};

        RouterController controller;
        QSignalSpy failed(&controller, &RouterController::transportFailed);
        QSignalSpy transports(&controller, &RouterController::transportsChanged);
        controller.apply(config);
        QTRY_COMPARE(transports.size(), 1);
        const TransportStatus status = lastTransports(transports).first();
        QVERIFY(!status.listening);
        QVERIFY(!status.error.isEmpty());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("taken"));
        QCOMPARE(failed.first().last().toString(), status.error);
    }

    void traceCanBeSwitchedOff()
    {
        RouterController controller;
        QSignalSpy transports(&controller, &RouterController::transportsChanged);
        QSignalSpy traced(&controller, &RouterController::traceRecorded);
        controller.setTraceEnabled(false);
        controller.apply(oneTransportConfig());
        QTRY_COMPARE(transports.size(), 1);
        JsonWampClient client;
        QVERIFY(client.join(lastTransports(transports).first().address));
        QTest::qWait(300);
        QVERIFY(traced.isEmpty());

        controller.setTraceEnabled(true);
        client.send(call(1, QStringLiteral("com.example.nothing")));
        QCOMPARE(client.next().at(0).toInt(), 8);
        QTRY_VERIFY(!traced.isEmpty());
        QCOMPARE(traced.first().first().value<QList<TraceEntry>>().first().type, MessageType::Call);
    }

    void destructionSaysGoodbyeWithoutHanging()
    {
        auto controller = std::make_unique<RouterController>();
        QSignalSpy transports(controller.get(), &RouterController::transportsChanged);
        controller->apply(oneTransportConfig());
        QTRY_COMPARE(transports.size(), 1);
        JsonWampClient client;
        QVERIFY(client.join(lastTransports(transports).first().address));

        // The client cannot answer GOODBYE while the destructor blocks this thread: the grace time applies.
        QElapsedTimer timer;
        timer.start();
        controller.reset();
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        const QJsonArray goodbye = client.next();
        QCOMPARE(goodbye.at(0).toInt(), 6);
        QCOMPARE(goodbye.at(2).toString(), QStringLiteral("wamp.close.system_shutdown"));
        QVERIFY(client.waitClosed());
    }

    void destructionWhenStoppedOrNeverStarted()
    {
        {
            RouterController neverStarted;
        }
        RouterController controller;
        QSignalSpy transports(&controller, &RouterController::transportsChanged);
        controller.apply(oneTransportConfig());
        controller.stop();
        controller.stop();
        QTRY_COMPARE(transports.size(), 2);
        QVERIFY(!controller.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestRouterController)
#include "tst_routercontroller.moc"
