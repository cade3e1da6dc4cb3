// The WAMP client library against the in-process router over real sockets (127.0.0.1 port 0, Unix sockets,
// TLS with a certificate made at test time), every transport x serializer; plus fake routers for what a good
// router never does (no subprotocol, replies to unknown requests, refused RawSocket handshakes, silence).

#include "client/client.h"
#include "client/clienttransport.h"
#include "core/router.h"
#include "fakepeer.h"
#include "transport/rawsocketframing.h"
#include "wamp/errors.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <limits>
#include <memory>
#include <vector>

using namespace wamp;

namespace {

const QByteArray kRealm = QByteArrayLiteral("realm1");

Value list(Value::List items)
{
    return Value(std::move(items));
}

//! Nested containers, non-ASCII text, every byte value, the integer extremes and doubles.
Value complexArgs()
{
    QByteArray allBytes;
    for (int i = 0; i < 256; ++i)
        allBytes.append(char(i));
    return list({
        DictBuilder()
            .add("nested", list({Value(1), list({Value("deep"), Value(nullptr)}),
                                 DictBuilder().add("k", Value(false)).build()}))
            .build(),
        Value(QString::fromUtf8("ünïcødé ✓ 日本語 😀")),
        Value::binary(allBytes),
        Value(std::numeric_limits<quint64>::max()),
        Value(std::numeric_limits<qint64>::min()),
        Value(3.25),
        Value(-1.5e300),
        Value(true),
        Value(nullptr),
        list({}),
        Value(Value::Dict{}),
    });
}

Value complexKwargs()
{
    return DictBuilder()
        .add("binary", Value::binary(QByteArray("\x00\x01\xff", 3)))
        .add(QString::fromUtf8("clé ✓").toUtf8(), Value(QString::fromUtf8("välue")))
        .add("max", Value(std::numeric_limits<quint64>::max()))
        .add("list", list({Value(-1), Value(0.5)}))
        .build();
}

//! What one request's callback received, and how often.
struct Outcome {
    int calls = 0;
    RequestResult result;

    RequestCallback callback()
    {
        return [this](const RequestResult& r) {
            ++calls;
            result = r;
        };
    }
};

//! Records a client's signals.
struct Watch {
    explicit Watch(Client* client)
    {
        QObject::connect(client, &Client::joined, client, [this](quint64 id, const Value& details) {
            sessionId = id;
            welcome = details;
        });
        QObject::connect(client, &Client::left, client, [this](const QByteArray& reason) { left << reason; });
        QObject::connect(client, &Client::failed, client, [this](const QString& error) { failed << error; });
        QObject::connect(client, &Client::disconnected, client, [this] { ++disconnected; });
    }

    quint64 sessionId = 0;
    Value welcome;
    QList<QByteArray> left;
    QStringList failed;
    int disconnected = 0;
};

//! A router stand-in on a QWebSocketServer: answers HELLO with WELCOME, then plays the test's script.
class FakeWebSocketRouter : public QObject {
public:
    //! \a answer: WELCOME for HELLO and GOODBYE for GOODBYE; otherwise the fake stays silent.
    explicit FakeWebSocketRouter(const QStringList& subprotocols, bool answer = true)
        : answering(answer)
        , m_server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
    {
        m_server.setSupportedSubprotocols(subprotocols);
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            socket = m_server.nextPendingConnection();
            socket->setParent(this); // nextPendingConnection() hands over ownership
            connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
                received << *serializerFor(SerializerKind::Json).decodeMessage(text.toUtf8(), nullptr);
                if (answering && received.last().type == MessageType::Hello)
                    socket->sendTextMessage(QStringLiteral("[2,4711,{}]"));
                if (answering && received.last().type == MessageType::Goodbye)
                    socket->sendTextMessage(QStringLiteral("[6,{},\"wamp.close.goodbye_and_out\"]"));
            });
        });
    }

    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort()); }
    void send(const char* json) { socket->sendTextMessage(QString::fromUtf8(json)); }

    bool answering;
    QWebSocket* socket = nullptr;
    QList<Message> received;

private:
    QWebSocketServer m_server;
};

} // namespace

class TestClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            qWarning("openssl is not installed: the TLS rows are left out");
            return;
        }
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key,
                       QStringLiteral("-out"), m_cert, QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
        QVERIFY(openssl.waitForFinished(60000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
        m_haveCertificate = true;
    }

    void init() { m_router = std::make_unique<Router>(); }

    void cleanup()
    {
        m_clients.clear();
        m_router.reset();
    }

    void joinAndLeave_data() { transportRows(); }
    void joinAndLeave()
    {
        const ConnectingTransportConfig config = fetchRouter();
        auto* client = newClient();
        Watch watch(client);
        QVERIFY(client->openAndJoin(config, kRealm));
        QCOMPARE(client->state(), Client::State::Connecting);
        QTRY_VERIFY(watch.sessionId != 0);
        QCOMPARE(client->sessionId(), watch.sessionId);
        QCOMPARE(watch.welcome["realm"].toString(), QStringLiteral("realm1"));
        QCOMPARE(m_router->sessions().size(), 1);
        const SessionInfo info = m_router->sessions().first();
        QCOMPARE(info.id, watch.sessionId);
        QCOMPARE(info.serializer, serializerFor(currentSerializer()).name());
        QCOMPARE(client->peer()->serializerKind(), currentSerializer());

        client->leave();
        QCOMPARE(client->state(), Client::State::Leaving);
        QTRY_COMPARE(watch.left, QList<QByteArray>{uris::kGoodbyeAndOut});
        QTRY_COMPARE(watch.disconnected, 1);
        QVERIFY(watch.failed.isEmpty());
        QCOMPARE(client->state(), Client::State::Disconnected);
        QTRY_VERIFY(m_router->sessions().isEmpty());
    }

    void callRoundTripsAComplexPayload_data() { transportRows(); }
    void callRoundTripsAComplexPayload()
    {
        const ConnectingTransportConfig config = fetchRouter();
        Client* callee = joinedClient(config);
        Client* caller = joinedClient(config);
        QVERIFY(callee && caller);

        Invocation seen;
        Outcome registered;
        callee->registerProcedure(
            "com.example.echo",
            [&seen](const Invocation& invocation) {
                seen = invocation;
                return InvocationResult::result(invocation.args, invocation.kwargs);
            },
            registered.callback());
        QTRY_COMPARE(registered.calls, 1);
        QVERIFY2(registered.result.ok(), qPrintable(registered.result.errorMessage()));
        QVERIFY(registered.result.id > 0);

        Outcome called;
        caller->call("com.example.echo", complexArgs(), complexKwargs(), called.callback());
        QTRY_COMPARE(called.calls, 1);
        QVERIFY2(called.result.ok(), qPrintable(called.result.errorMessage()));
        QCOMPARE(seen.registrationId, registered.result.id);
        QCOMPARE(seen.args, complexArgs());
        QCOMPARE(called.result.args, complexArgs());
        QCOMPARE(called.result.kwargs, complexKwargs());
        QVERIFY(called.result.details.isDict());

        // Many calls in a row: answered in order, each once.
        QList<qint64> answers;
        for (int i = 0; i < 200; ++i)
            caller->call("com.example.echo", list({Value(i)}), {},
                         [&answers](const RequestResult& r) { answers << r.args.list().at(0).toInt(); });
        QTRY_COMPARE(answers.size(), 200);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(answers.at(i), i);
        QCOMPARE(caller->pendingRequestCount(), 0);

        Outcome unregistered;
        callee->unregisterProcedure(registered.result.id, unregistered.callback());
        QTRY_COMPARE(unregistered.calls, 1);
        QVERIFY(unregistered.result.ok());
        Outcome afterwards;
        caller->call("com.example.echo", {}, {}, afterwards.callback());
        QTRY_COMPARE(afterwards.calls, 1);
        QCOMPARE(afterwards.result.error, uris::kNoSuchProcedure);
    }

    void calleeErrorReachesTheCaller_data() { transportRows(); }
    void calleeErrorReachesTheCaller()
    {
        const ConnectingTransportConfig config = fetchRouter();
        Client* callee = joinedClient(config);
        Client* caller = joinedClient(config);
        QVERIFY(callee && caller);
        Outcome registered;
        callee->registerProcedure(
            "com.example.fail",
            [](const Invocation&) {
                return InvocationResult::failure("com.example.error.bad_input",
                                                 list({Value(1), Value(QString::fromUtf8("zwei ✓"))}),
                                                 DictBuilder().add("field", Value("name")).build());
            },
            registered.callback());
        QTRY_COMPARE(registered.calls, 1);

        Outcome called;
        caller->call("com.example.fail", list({Value("x")}), {}, called.callback());
        QTRY_COMPARE(called.calls, 1);
        QCOMPARE(called.result.error, QByteArray("com.example.error.bad_input"));
        QCOMPARE(called.result.args, list({Value(1), Value(QString::fromUtf8("zwei ✓"))}));
        QCOMPARE(called.result.kwargs, DictBuilder().add("field", Value("name")).build());
        QCOMPARE(called.result.errorMessage(), QStringLiteral("com.example.error.bad_input: 1"));

        Outcome missing;
        caller->call("com.example.nobody", {}, {}, missing.callback());
        QTRY_COMPARE(missing.calls, 1);
        QCOMPARE(missing.result.error, uris::kNoSuchProcedure);

        Outcome duplicate;
        caller->registerProcedure("com.example.fail", {}, duplicate.callback());
        QTRY_COMPARE(duplicate.calls, 1);
        QCOMPARE(duplicate.result.error, uris::kProcedureAlreadyExists);
    }

    void subscribeAndPublish_data() { transportRows(); }
    void subscribeAndPublish()
    {
        const ConnectingTransportConfig config = fetchRouter();
        Client* subscriber = joinedClient(config);
        Client* publisher = joinedClient(config);
        QVERIFY(subscriber && publisher);

        QList<Event> events;
        QList<Event> ownEvents;
        Outcome subscribed;
        subscriber->subscribe(
            "com.example.topic", [&events](const Event& e) { events << e; }, subscribed.callback());
        Outcome ownSubscribed;
        publisher->subscribe(
            "com.example.topic", [&ownEvents](const Event& e) { ownEvents << e; }, ownSubscribed.callback());
        QTRY_COMPARE(subscribed.calls, 1);
        QTRY_COMPARE(ownSubscribed.calls, 1);
        QVERIFY(subscribed.result.ok());
        QCOMPARE(ownSubscribed.result.id, subscribed.result.id);

        Outcome published;
        publisher->publish("com.example.topic", complexArgs(), complexKwargs(), {.acknowledge = true},
                           published.callback());
        QTRY_COMPARE(published.calls, 1);
        QVERIFY2(published.result.ok(), qPrintable(published.result.errorMessage()));
        QVERIFY(published.result.id > 0);
        QTRY_COMPARE(events.size(), 1);
        QCOMPARE(events.first().subscriptionId, subscribed.result.id);
        QCOMPARE(events.first().publicationId, published.result.id);
        QCOMPARE(events.first().args, complexArgs());
        QCOMPARE(events.first().kwargs, complexKwargs());

        // exclude_me false: the publisher receives its own event too.
        Outcome notExcluded;
        publisher->publish("com.example.topic", list({Value(2)}), {},
                           {.acknowledge = true, .excludeMe = false}, notExcluded.callback());
        QTRY_COMPARE(events.size(), 2);
        QTRY_COMPARE(ownEvents.size(), 1);
        QCOMPARE(ownEvents.first().args, list({Value(2)}));
        QCOMPARE(notExcluded.calls, 1);

        // Without acknowledge, done is called at once.
        Outcome fireAndForget;
        publisher->publish("com.example.topic", list({Value(3)}), {}, {}, fireAndForget.callback());
        QCOMPARE(fireAndForget.calls, 1);
        QVERIFY(fireAndForget.result.ok());
        QTRY_COMPARE(events.size(), 3);

        Outcome unsubscribed;
        subscriber->unsubscribe(subscribed.result.id, unsubscribed.callback());
        QTRY_COMPARE(unsubscribed.calls, 1);
        QVERIFY(unsubscribed.result.ok());
        Outcome lastPublish;
        publisher->publish("com.example.topic", list({Value(4)}), {}, {.acknowledge = true},
                           lastPublish.callback());
        QTRY_COMPARE(lastPublish.calls, 1);
        // An answer the subscriber gets after this publish was routed comes after any event for it.
        Outcome probe;
        subscriber->call("com.example.nobody", {}, {}, probe.callback());
        QTRY_COMPARE(probe.calls, 1);
        QCOMPARE(events.size(), 3);

        Outcome notSubscribed;
        subscriber->unsubscribe(subscribed.result.id, notSubscribed.callback());
        QTRY_COMPARE(notSubscribed.calls, 1);
        QCOMPARE(notSubscribed.result.error, uris::kNoSuchSubscription);
        QVERIFY(subscriber->isJoined());
    }

    void killedSessionSurfacesAsLeft_data() { transportRows(); }
    void killedSessionSurfacesAsLeft()
    {
        const ConnectingTransportConfig config = fetchRouter();
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(config, kRealm);
        QTRY_VERIFY(watch.sessionId != 0);
        QVERIFY(m_router->killSession(watch.sessionId));
        QTRY_COMPARE(watch.left, QList<QByteArray>{uris::kKilled});
        QTRY_COMPARE(watch.disconnected, 1);
        QVERIFY(watch.failed.isEmpty());
        QTRY_VERIFY(m_router->sessions().isEmpty());
    }

    void unknownRealmFails_data() { transportRows(); }
    void unknownRealmFails()
    {
        const ConnectingTransportConfig config = fetchRouter();
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(config, "no.such.realm");
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY2(watch.failed.first().startsWith(QString::fromUtf8(uris::kNoSuchRealm) + u':'),
                 qPrintable(watch.failed.first()));
        QVERIFY(watch.failed.first().contains(QStringLiteral("no.such.realm")));
        QTRY_COMPARE(watch.disconnected, 1);
        QCOMPARE(watch.sessionId, quint64(0));

        // The same Client can open again.
        QVERIFY(client->openAndJoin(config, kRealm));
        QTRY_VERIFY(watch.sessionId != 0);
        QCOMPARE(watch.failed.size(), 1);
    }

    void droppedTransportFailsEveryPendingRequestOnce_data() { transportRows(); }
    void droppedTransportFailsEveryPendingRequestOnce()
    {
        const ConnectingTransportConfig config = fetchRouter();
        auto* caller = newClient();
        Watch watch(caller);
        caller->openAndJoin(config, kRealm);
        QTRY_VERIFY(watch.sessionId != 0);

        // The client calls itself: with a separate callee the router could fail the calls first (when it
        // drops the callee before the caller), and the local path would go untested.
        QList<InvocationResponder> parked;
        Outcome registered;
        caller->registerDeferredProcedure(
            "com.example.never",
            [&parked](const Invocation&, InvocationResponder responder) { parked << responder; },
            registered.callback());
        QTRY_COMPARE(registered.calls, 1);
        std::vector<std::unique_ptr<Outcome>> calls;
        for (int i = 0; i < 3; ++i) {
            calls.push_back(std::make_unique<Outcome>());
            caller->call("com.example.never", list({Value(i)}), {}, calls.back()->callback());
        }
        Outcome subscribed;
        caller->subscribe(
            "com.example.topic", [](const Event&) {}, subscribed.callback());
        QTRY_COMPARE(parked.size(), 3);
        QTRY_COMPARE(subscribed.calls, 1);
        QCOMPARE(caller->pendingRequestCount(), 3);

        m_router.reset(); // every connection drops without GOODBYE
        QTRY_COMPARE(watch.disconnected, 1);
        for (const auto& call : calls) {
            QCOMPARE(call->calls, 1);
            QCOMPARE(call->result.error, uris::kCanceled);
            QVERIFY(call->result.errorMessage().contains(QStringLiteral("connection lost")));
        }
        QCOMPARE(watch.failed.size(), 1);
        QVERIFY2(watch.failed.first().startsWith(QStringLiteral("connection lost")),
                 qPrintable(watch.failed.first()));
        QCOMPARE(caller->pendingRequestCount(), 0);
        QCOMPARE(caller->state(), Client::State::Disconnected);

        // Answers of a session that is gone go nowhere.
        for (const InvocationResponder& responder : std::as_const(parked))
            responder.reply(InvocationResult::result());
        QTest::qWait(20);
        for (const auto& call : calls)
            QCOMPARE(call->calls, 1);
        Outcome late;
        caller->call("com.example.never", {}, {}, late.callback());
        QCOMPARE(late.calls, 0); // never from inside call()
        QTRY_COMPARE(late.calls, 1);
        QCOMPARE(late.result.error, QByteArray("wampscope.error.not_joined"));
    }

    void calleeLeavingCancelsItsCalls()
    {
        const ConnectingTransportConfig config =
            startRouter(QStringLiteral("websocket"), false, SerializerKind::Json);
        Client* callee = joinedClient(config);
        Client* caller = joinedClient(config);
        QVERIFY(callee && caller);
        QList<InvocationResponder> parked;
        Outcome registered;
        callee->registerDeferredProcedure(
            "com.example.never",
            [&parked](const Invocation&, InvocationResponder responder) { parked << responder; },
            registered.callback());
        QTRY_COMPARE(registered.calls, 1);
        Outcome called;
        caller->call("com.example.never", {}, {}, called.callback());
        QTRY_COMPARE(parked.size(), 1);
        destroy(callee); // the router fails the call on the callee's behalf
        QTRY_COMPARE(called.calls, 1);
        QCOMPARE(called.result.error, uris::kCanceled);
        parked.clear(); // the responder outlives its Client: no crash, no answer
        QVERIFY(caller->isJoined());
    }

    void destroyedClientCallsNothing()
    {
        const ConnectingTransportConfig config =
            startRouter(QStringLiteral("websocket"), false, SerializerKind::Json);
        Client* callee = joinedClient(config);
        Client* caller = joinedClient(config);
        QVERIFY(callee && caller);
        QList<InvocationResponder> parked;
        Outcome registered;
        callee->registerDeferredProcedure(
            "com.example.never",
            [&parked](const Invocation&, InvocationResponder responder) { parked << responder; },
            registered.callback());
        QTRY_COMPARE(registered.calls, 1);
        Outcome called;
        Outcome notJoined;
        caller->call("com.example.never", {}, {}, called.callback());
        QTRY_COMPARE(parked.size(), 1);
        caller->leave();
        caller->call("com.example.never", {}, {}, notJoined.callback()); // queued not_joined
        destroy(caller);
        parked.first().reply(InvocationResult::result(list({Value(1)})));
        QTest::qWait(50);
        QCOMPARE(called.calls, 0);
        QCOMPARE(notJoined.calls, 0);
    }

    void deferredAnswers()
    {
        const ConnectingTransportConfig config =
            startRouter(QStringLiteral("websocket"), false, SerializerKind::Cbor);
        Client* callee = joinedClient(config);
        Client* caller = joinedClient(config);
        QVERIFY(callee && caller);
        Outcome registered;
        callee->registerDeferredProcedure(
            "com.example.later",
            [callee](const Invocation& invocation, InvocationResponder responder) {
                if (invocation.args.list().at(0).toInt() == 0)
                    return; // dropped without an answer
                QTimer::singleShot(10, callee, [responder, args = invocation.args] {
                    responder.reply(InvocationResult::result(args));
                    responder.reply(InvocationResult::failure("com.example.too_late")); // ignored
                });
            },
            registered.callback());
        QTRY_COMPARE(registered.calls, 1);
        Outcome answered;
        caller->call("com.example.later", list({Value(7)}), {}, answered.callback());
        Outcome dropped;
        caller->call("com.example.later", list({Value(0)}), {}, dropped.callback());
        QTRY_COMPARE(answered.calls, 1);
        QCOMPARE(answered.result.args, list({Value(7)}));
        QTRY_COMPARE(dropped.calls, 1);
        QCOMPARE(dropped.result.error, QByteArray("wampscope.error.no_answer"));
        QTest::qWait(30);
        QCOMPARE(answered.calls, 1);
        QVERIFY(callee->isJoined());
    }

    void callTimeout()
    {
        const ConnectingTransportConfig config =
            startRouter(QStringLiteral("websocket"), false, SerializerKind::MsgPack);
        Client* callee = joinedClient(config);
        Client* caller = joinedClient(config);
        QVERIFY(callee && caller);
        QList<InvocationResponder> parked;
        Outcome registered;
        callee->registerDeferredProcedure(
            "com.example.slow",
            [&parked](const Invocation&, InvocationResponder responder) { parked << responder; },
            registered.callback());
        QTRY_COMPARE(registered.calls, 1);

        QElapsedTimer clock;
        clock.start();
        Outcome slow;
        Outcome slower;
        Outcome patient;
        caller->call("com.example.slow", {}, {}, slower.callback(), {.timeoutMs = 300});
        caller->call("com.example.slow", {}, {}, slow.callback(), {.timeoutMs = 100});
        caller->call("com.example.slow", {}, {}, patient.callback());
        QTRY_COMPARE(slow.calls, 1);
        QCOMPARE(slow.result.error, QByteArray("wamp.error.timeout"));
        QCOMPARE(slower.calls, 0);
        QTRY_COMPARE(slower.calls, 1);
        QVERIFY(clock.elapsed() >= 290);
        QCOMPARE(slower.result.error, QByteArray("wamp.error.timeout"));
        QCOMPARE(parked.size(), 3);

        // Late answers for timed-out calls are dropped, not taken for a protocol violation.
        for (const InvocationResponder& responder : std::as_const(parked))
            responder.reply(InvocationResult::result(list({Value("late")})));
        QTRY_COMPARE(patient.calls, 1);
        QCOMPARE(patient.result.args, list({Value("late")}));
        QTest::qWait(20);
        QCOMPARE(slow.calls, 1);
        QCOMPARE(slower.calls, 1);
        QVERIFY(caller->isJoined());
    }

    void requestIdsAreSequentialAndHelloAnnouncesRoles()
    {
        FakeWebSocketRouter fake({QStringLiteral("wamp.2.json")});
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(jsonWebSocket(fake.url()), kRealm);
        QTRY_COMPARE(watch.sessionId, quint64(4711));
        client->call("com.a", {}, {}, {});
        client->subscribe("com.b", {}, {});
        client->publish("com.c", {}, {}, {});
        client->registerProcedure("com.d", {}, {});
        QTRY_COMPARE(fake.received.size(), 5);
        const Message& hello = fake.received.at(0);
        QCOMPARE(hello.type, MessageType::Hello);
        QCOMPARE(hello.uri, kRealm);
        const Value none(Value::Dict{});
        QCOMPARE(hello.details["roles"], DictBuilder()
                                             .add("caller", none)
                                             .add("callee", none)
                                             .add("publisher", none)
                                             .add("subscriber", none)
                                             .build());
        for (int i = 1; i < 5; ++i)
            QCOMPARE(fake.received.at(i).requestId, quint64(i));
    }

    void routerProtocolViolations_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QString>("expected");
        QTest::newRow("result for unknown request")
            << QByteArray("[50,99,{}]") << QStringLiteral("request id 99");
        QTest::newRow("error for unknown request")
            << QByteArray("[8,48,99,{},\"wamp.error.x\"]") << QStringLiteral("CALL request id 99");
        QTest::newRow("event for unknown subscription")
            << QByteArray("[36,5,6,{}]") << QStringLiteral("subscription 5");
        QTest::newRow("invocation for unknown registration")
            << QByteArray("[68,1,5,{}]") << QStringLiteral("registration 5");
        QTest::newRow("second welcome") << QByteArray("[2,1,{}]") << QStringLiteral("WELCOME");
        QTest::newRow("client message") << QByteArray("[48,1,{},\"com.x\"]") << QStringLiteral("CALL");
        QTest::newRow("interrupt") << QByteArray("[69,1,{}]") << QStringLiteral("INTERRUPT");
        QTest::newRow("not json") << QByteArray("[50,") << QStringLiteral("undecodable");
    }

    void routerProtocolViolations()
    {
        QFETCH(QByteArray, script);
        QFETCH(QString, expected);
        FakeWebSocketRouter fake({QStringLiteral("wamp.2.json")});
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(jsonWebSocket(fake.url()), kRealm);
        QTRY_VERIFY(watch.sessionId != 0);
        Outcome pending;
        client->call("com.pending", {}, {}, pending.callback());
        QTRY_COMPARE(fake.received.size(), 2);
        fake.send(script.constData());
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY2(watch.failed.first().startsWith(QStringLiteral("protocol violation by the router: ")),
                 qPrintable(watch.failed.first()));
        QVERIFY2(watch.failed.first().contains(expected), qPrintable(watch.failed.first()));
        QCOMPARE(pending.calls, 1);
        QCOMPARE(pending.result.error, uris::kCanceled);
        QTRY_COMPARE(fake.received.size(), 3);
        QCOMPARE(fake.received.last().type, MessageType::Abort);
        QCOMPARE(fake.received.last().uri, uris::kProtocolViolation);
        QTRY_COMPARE(watch.disconnected, 1);
    }

    void joinWithoutAnswerTimesOut()
    {
        FakeWebSocketRouter fake({QStringLiteral("wamp.2.json")}, false);
        auto* client = newClient();
        Watch watch(client);
        ConnectingTransportConfig config = jsonWebSocket(fake.url());
        config.connectTimeoutMs = 200;
        client->openAndJoin(config, kRealm);
        QTRY_COMPARE(watch.failed.size(), 1);
        QCOMPARE(watch.failed.first(),
                 QStringLiteral("no WELCOME or ABORT within 200 ms after HELLO for realm 'realm1'"));
        QTRY_COMPARE(watch.disconnected, 1);
    }

    void leaveWithoutAnswerTimesOut()
    {
        FakeWebSocketRouter fake({QStringLiteral("wamp.2.json")});
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(jsonWebSocket(fake.url()), kRealm);
        QTRY_VERIFY(watch.sessionId != 0);
        fake.answering = false;
        Outcome pending;
        client->call("com.pending", {}, {}, pending.callback());
        client->leave("com.example.bye");
        QCOMPARE(pending.calls, 0);
        QTRY_COMPARE_WITH_TIMEOUT(watch.left, QList<QByteArray>{"com.example.bye"},
                                  Client::kGoodbyeTimeoutMs + 2000);
        QCOMPARE(pending.calls, 1);
        QCOMPARE(pending.result.error, uris::kCanceled);
        QTRY_COMPARE(watch.disconnected, 1);
        QVERIFY(watch.failed.isEmpty());
    }

    void routerWithoutSubprotocolIsRefused()
    {
        FakeWebSocketRouter fake({});
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(jsonWebSocket(fake.url()), kRealm);
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY2(watch.failed.first().contains(
                     QStringLiteral("chose no WebSocket subprotocol (offered wamp.2.json)")),
                 qPrintable(watch.failed.first()));
        QCOMPARE(watch.disconnected, 1);
    }

    void subprotocolPreferenceIsOffered()
    {
        const ConnectingTransportConfig base =
            startRouter(QStringLiteral("websocket"), false, SerializerKind::Json);
        ConnectingTransportConfig config = base;
        config.serializers = {SerializerKind::Cbor, SerializerKind::Json};
        Client* client = joinedClient(config);
        QVERIFY(client);
        QCOMPARE(client->peer()->serializerKind(), SerializerKind::Cbor);
    }

    void rawSocketHandshakeRefusal()
    {
        TransportConfig transport = localTransport(QStringLiteral("rawsocket"), false);
        transport.rawsocket.serializers = {SerializerKind::Json};
        const QString address = startTransport(transport);
        auto config = ConnectingTransportConfig::fromUrl(address, SerializerKind::Cbor, nullptr);
        QVERIFY(config);
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(*config, kRealm);
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY2(watch.failed.first().contains(
                     QStringLiteral("refused the RawSocket handshake: ") +
                     rawsocket::describe(rawsocket::HandshakeError::SerializerUnsupported)),
                 qPrintable(watch.failed.first()));
    }

    void rawSocketLimitsComeFromTheHandshake()
    {
        TransportConfig transport = localTransport(QStringLiteral("rawsocket"), false);
        transport.rawsocket.maxMessageSize = 1024; // the router announces 2^10
        const QString address = startTransport(transport);
        auto config = ConnectingTransportConfig::fromUrl(address, SerializerKind::MsgPack, nullptr);
        QVERIFY(config);
        Client* client = joinedClient(*config);
        QVERIFY(client);
        Watch watch(client);
        Outcome tooBig;
        client->call("com.example.big", list({Value(QString(2000, u'x'))}), {}, tooBig.callback());
        QTRY_COMPARE(tooBig.calls, 1);
        QCOMPARE(tooBig.result.error, uris::kCanceled);
        QVERIFY2(tooBig.result.errorMessage().contains(QStringLiteral("at most 1024")),
                 qPrintable(tooBig.result.errorMessage()));
        QCOMPARE(watch.failed.size(), 1);
    }

    void tlsNeedsTrust()
    {
        if (!m_haveCertificate)
            QFAIL("openssl is not installed (scripts/install-deps.sh --test installs it)");
        const ConnectingTransportConfig trusted =
            startRouter(QStringLiteral("websocket"), true, SerializerKind::Json);
        ConnectingTransportConfig untrusted = trusted;
        untrusted.endpoint->tls->caCertificates.clear();
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(untrusted, kRealm);
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY2(watch.failed.first().contains(QStringLiteral("self-signed")),
                 qPrintable(watch.failed.first()));

        ConnectingTransportConfig unverified = untrusted;
        unverified.endpoint->tls->verifyPeer = false;
        QVERIFY(joinedClient(unverified));

        ConnectingTransportConfig missingCa = trusted;
        missingCa.endpoint->tls->caCertificates = {m_dir.filePath(QStringLiteral("missing.pem"))};
        auto* failing = newClient();
        Watch failingWatch(failing);
        failing->openAndJoin(missingCa, kRealm);
        QTRY_COMPARE(failingWatch.failed.size(), 1);
        QVERIFY2(failingWatch.failed.first().contains(QStringLiteral("missing.pem")),
                 qPrintable(failingWatch.failed.first()));
    }

    void connectTimeout_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("stage");
        QTest::newRow("websocket upgrade unanswered") << QStringLiteral("ws") << QString();
        QTest::newRow("rawsocket handshake unanswered")
            << QStringLiteral("rs") << QStringLiteral("no RawSocket handshake reply");
    }

    void connectTimeout()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, stage);
        QTcpServer silent; // accepts, reads nothing, answers nothing
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(silent.serverPort());
        auto config = ConnectingTransportConfig::fromUrl(url, SerializerKind::Json, nullptr);
        QVERIFY(config);
        config->connectTimeoutMs = 300;
        auto* client = newClient();
        Watch watch(client);
        QElapsedTimer clock;
        clock.start();
        client->openAndJoin(*config, kRealm);
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY(clock.elapsed() >= 290);
        QVERIFY(clock.elapsed() < 3000);
        QVERIFY2(watch.failed.first().startsWith(QStringLiteral("connect timeout after 300 ms to ") + url),
                 qPrintable(watch.failed.first()));
        QVERIFY2(watch.failed.first().contains(stage), qPrintable(watch.failed.first()));
        QCOMPARE(watch.disconnected, 1);
        QCOMPARE(client->state(), Client::State::Disconnected);
    }

    void closedPortFailsQuickly_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("websocket") << QStringLiteral("ws");
        QTest::newRow("rawsocket") << QStringLiteral("rs");
    }

    void closedPortFailsQuickly()
    {
        QFETCH(QString, scheme);
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const QString url = QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(port);
        auto config = ConnectingTransportConfig::fromUrl(url, SerializerKind::Json, nullptr);
        QVERIFY(config);
        auto* client = newClient();
        Watch watch(client);
        QElapsedTimer clock;
        clock.start();
        client->openAndJoin(*config, kRealm);
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY2(watch.failed.first().startsWith(QStringLiteral("cannot connect to ") + url),
                 qPrintable(watch.failed.first()));
        QVERIFY2(watch.failed.first().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(watch.failed.first()));
        QCOMPARE(watch.disconnected, 1);
    }

    void missingUnixSocketFails()
    {
        auto config = ConnectingTransportConfig::fromUrl(QStringLiteral("unix://") +
                                                             m_dir.filePath(QStringLiteral("nobody.sock")),
                                                         SerializerKind::Json, nullptr);
        QVERIFY(config);
        auto* client = newClient();
        Watch watch(client);
        client->openAndJoin(*config, kRealm);
        QCOMPARE(watch.failed.size(), 0); // never from inside open()
        QTRY_COMPARE(watch.failed.size(), 1);
        QVERIFY2(watch.failed.first().startsWith(QStringLiteral("cannot connect to unix://")),
                 qPrintable(watch.failed.first()));
        QCOMPARE(watch.disconnected, 1);
    }

    void requestsBeforeJoiningFailLater()
    {
        auto* client = newClient();
        Outcome called;
        Outcome published;
        client->call("com.x", {}, {}, called.callback());
        client->publish("com.x", {}, {}, {}, published.callback());
        QCOMPARE(called.calls, 0);
        QTRY_COMPARE(called.calls, 1);
        QTRY_COMPARE(published.calls, 1);
        QCOMPARE(called.result.error, QByteArray("wampscope.error.not_joined"));
        QCOMPARE(published.result.error, QByteArray("wampscope.error.not_joined"));
        QVERIFY(!client->join(kRealm));
        client->leave(); // nothing to leave
        QCOMPARE(client->state(), Client::State::Disconnected);
    }

    void fromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("error");
        const int ws = int(ConnectingTransportConfig::Type::WebSocket);
        const int rs = int(ConnectingTransportConfig::Type::RawSocket);
        const QString none;
        QTest::newRow("ws") << QStringLiteral("ws://127.0.0.1:8080/ws") << true << ws
                            << QStringLiteral("127.0.0.1") << 8080 << false << none << none;
        QTest::newRow("ws default port") << QStringLiteral("ws://example.com/") << true << ws
                                         << QStringLiteral("example.com") << 80 << false << none << none;
        QTest::newRow("wss default port") << QStringLiteral("wss://example.com/ws") << true << ws
                                          << QStringLiteral("example.com") << 443 << true << none << none;
        QTest::newRow("ws ipv6") << QStringLiteral("ws://[::1]:9000/") << true << ws << QStringLiteral("::1")
                                 << 9000 << false << none << none;
        QTest::newRow("rs") << QStringLiteral("rs://localhost:8081") << true << rs
                            << QStringLiteral("localhost") << 8081 << false << none << none;
        QTest::newRow("rss") << QStringLiteral("rss://10.0.0.1:443/") << true << rs
                             << QStringLiteral("10.0.0.1") << 443 << true << none << none;
        QTest::newRow("unix") << QStringLiteral("unix:///tmp/wamp.sock") << true << rs << none << 0 << false
                              << QStringLiteral("/tmp/wamp.sock") << none;
        QTest::newRow("upper-case scheme") << QStringLiteral("RS://localhost:1") << true << rs
                                           << QStringLiteral("localhost") << 1 << false << none << none;
        QTest::newRow("empty") << QString() << false << 0 << none << 0 << false << none
                               << QStringLiteral("empty URL");
        QTest::newRow("http") << QStringLiteral("http://host:80/") << false << 0 << none << 0 << false << none
                              << QStringLiteral("unsupported scheme 'http'");
        QTest::newRow("no scheme") << QStringLiteral("localhost:8080") << false << 0 << none << 0 << false
                                   << none << QStringLiteral("unsupported scheme 'localhost'");
        QTest::newRow("rs without port") << QStringLiteral("rs://localhost") << false << 0 << none << 0
                                         << false << none << QStringLiteral("names no port");
        QTest::newRow("rs with path") << QStringLiteral("rs://localhost:1/x") << false << 0 << none << 0
                                      << false << none << QStringLiteral("takes no path");
        QTest::newRow("ws without host") << QStringLiteral("ws:///path") << false << 0 << none << 0 << false
                                         << none << QStringLiteral("names no host");
        QTest::newRow("unix with host") << QStringLiteral("unix://tmp/wamp.sock") << false << 0 << none << 0
                                        << false << none << QStringLiteral("unix:///path/to/socket");
        QTest::newRow("unix without path") << QStringLiteral("unix://") << false << 0 << none << 0 << false
                                           << none << QStringLiteral("names no socket path");
        QTest::newRow("bad port") << QStringLiteral("ws://host:99999/") << false << 0 << none << 0 << false
                                  << none << QStringLiteral("not a valid URL");
    }

    void fromUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QFETCH(int, type);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, tls);
        QFETCH(QString, path);
        QFETCH(QString, error);
        QString problem;
        const auto config = ConnectingTransportConfig::fromUrl(url, SerializerKind::MsgPack, &problem);
        QCOMPARE(config.has_value(), valid);
        if (!valid) {
            QVERIFY2(problem.contains(error), qPrintable(problem));
            return;
        }
        QVERIFY2(config->validate().isEmpty(), qPrintable(config->validate()));
        QCOMPARE(int(config->type), type);
        QVERIFY(config->endpoint);
        QCOMPARE(config->endpoint->host, host);
        QCOMPARE(int(config->endpoint->port), port);
        QCOMPARE(config->endpoint->tls.has_value(), tls);
        QCOMPARE(config->endpoint->path, path);
        QCOMPARE(config->serializer, SerializerKind::MsgPack);
        QCOMPARE(config->serializers, QList<SerializerKind>{SerializerKind::MsgPack});
        if (config->type == ConnectingTransportConfig::Type::WebSocket)
            QCOMPARE(config->url, url);
    }

    void validate_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok") << QString() << QString();
        QTest::newRow("no url") << QStringLiteral("url=") << QStringLiteral("url is required");
        QTest::newRow("no serializers") << QStringLiteral("serializers=") << QStringLiteral("at least one");
        QTest::newRow("duplicate serializer")
            << QStringLiteral("serializers=json,json") << QStringLiteral("lists 'json' twice");
        QTest::newRow("wss without tls endpoint")
            << QStringLiteral("url=wss://h/") << QStringLiteral("wss:// but the endpoint has no tls");
        QTest::newRow("unix websocket") << QStringLiteral("unix") << QStringLiteral("not supported");
        QTest::newRow("timeout") << QStringLiteral("timeout=0") << QStringLiteral("must be positive");
        QTest::newRow("rawsocket without endpoint")
            << QStringLiteral("rawsocket") << QStringLiteral("endpoint is required");
    }

    void validate()
    {
        QFETCH(QString, change);
        QFETCH(QString, error);
        ConnectingTransportConfig config;
        config.url = QStringLiteral("ws://h:1/");
        config.endpoint = ConnectingEndpoint{ConnectingEndpoint::Type::Tcp, QStringLiteral("h"), 1, {}, {}};
        if (change.startsWith(u"url="))
            config.url = change.mid(4);
        else if (change == u"serializers=")
            config.serializers.clear();
        else if (change == u"serializers=json,json")
            config.serializers = {SerializerKind::Json, SerializerKind::Json};
        else if (change == u"unix")
            config.endpoint =
                ConnectingEndpoint{ConnectingEndpoint::Type::Unix, {}, 0, {}, QStringLiteral("/x")};
        else if (change == u"timeout=0")
            config.connectTimeoutMs = 0;
        else if (change == u"rawsocket") {
            config.type = ConnectingTransportConfig::Type::RawSocket;
            config.endpoint.reset();
        }
        const QString problem = config.validate();
        if (error.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(error), qPrintable(problem));
    }

private:
    //! Rows for every transport x serializer: WebSocket, RawSocket over TCP and over a Unix socket, and both
    //! over TLS.
    void transportRows()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<SerializerKind>("serializer");
        for (const QString& transport :
             {QStringLiteral("websocket"), QStringLiteral("rawsocket"), QStringLiteral("unix")}) {
            for (SerializerKind kind : allSerializerKinds()) {
                const QString name = transport + u'-' + serializerFor(kind).name();
                QTest::newRow(qPrintable(name)) << transport << false << kind;
            }
        }
        // TLS rows need the certificate made in initTestCase() (which runs before any _data function).
        if (!m_haveCertificate)
            return;
        for (const QString& transport : {QStringLiteral("websocket"), QStringLiteral("rawsocket")}) {
            for (SerializerKind kind : allSerializerKinds()) {
                const QString name = transport + QStringLiteral("-tls-") + serializerFor(kind).name();
                QTest::newRow(qPrintable(name)) << transport << true << kind;
            }
        }
    }

    SerializerKind currentSerializer() const { return m_serializer; }

    //! Starts the router for the current data row and returns the client configuration to reach it.
    ConnectingTransportConfig fetchRouter()
    {
        QFETCH(QString, transport);
        QFETCH(bool, tls);
        QFETCH(SerializerKind, serializer);
        return startRouter(transport, tls, serializer);
    }

    TransportConfig localTransport(const QString& transport, bool tls)
    {
        TransportConfig config;
        config.id = QStringLiteral("client-test");
        config.type = transport == u"websocket" ? TransportType::WebSocket : TransportType::RawSocket;
        if (transport == u"unix") {
            config.endpoint.type = Endpoint::Type::Unix;
            config.endpoint.path = m_dir.filePath(QStringLiteral("wamp-%1.sock").arg(++m_socketCounter));
        } else {
            config.endpoint.interface = QStringLiteral("127.0.0.1");
            config.endpoint.port = 0;
        }
        if (tls) {
            TlsOptions options;
            options.certificate = m_cert;
            options.key = m_key;
            config.endpoint.tls = options;
        }
        return config;
    }

    QString startTransport(const TransportConfig& transport)
    {
        RouterConfig config = testRouterConfig();
        config.transports = {transport};
        const QList<TransportStatus> statuses = m_router->start(config);
        if (statuses.size() != 1 || !statuses.first().listening)
            qFatal("transport did not start: %s",
                   statuses.isEmpty() ? "no status" : qPrintable(statuses.first().error));
        return statuses.first().address;
    }

    ConnectingTransportConfig startRouter(const QString& transport, bool tls, SerializerKind serializer)
    {
        m_serializer = serializer;
        const QString address = startTransport(localTransport(transport, tls));
        QString error;
        std::optional<ConnectingTransportConfig> config =
            ConnectingTransportConfig::fromUrl(address, serializer, &error);
        if (!config)
            qFatal("cannot use the router's address %s: %s", qPrintable(address), qPrintable(error));
        if (tls)
            config->endpoint->tls->caCertificates = {m_cert};
        return *config;
    }

    static ConnectingTransportConfig jsonWebSocket(const QString& url)
    {
        return *ConnectingTransportConfig::fromUrl(url, SerializerKind::Json, nullptr);
    }

    Client* newClient()
    {
        m_clients.push_back(std::make_unique<Client>());
        return m_clients.back().get();
    }

    void destroy(Client* client)
    {
        std::erase_if(m_clients, [client](const std::unique_ptr<Client>& c) { return c.get() == client; });
    }

    //! A client joined to realm1, or nullptr (with a warning) when joining failed.
    Client* joinedClient(const ConnectingTransportConfig& config)
    {
        Client* client = newClient();
        QString error;
        connect(client, &Client::failed, client, [&error](const QString& e) { error = e; });
        client->openAndJoin(config, kRealm);
        if (!QTest::qWaitFor([&] { return client->isJoined() || !error.isEmpty(); }, 5000) ||
            !error.isEmpty()) {
            qWarning("joining failed: %s", qPrintable(error));
            disconnect(client, &Client::failed, client, nullptr);
            return nullptr;
        }
        disconnect(client, &Client::failed, client, nullptr);
        return client;
    }

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    bool m_haveCertificate = false;
    int m_socketCounter = 0;
    SerializerKind m_serializer = SerializerKind::Json;
    std::unique_ptr<Router> m_router;
    std::vector<std::unique_ptr<Client>> m_clients;
};

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
