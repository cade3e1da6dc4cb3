// Static role permissions: which permission applies (Crossbar's precedence) and what the router answers.

#include "fakepeer.h"

#include "realm/authorizer.h"
#include "wamp/errors.h"

#include <QTest>

using namespace wamp;

namespace {

Permission permission(const QString& uri, MatchPolicy match, bool call, bool reg, bool publish,
                      bool subscribe)
{
    Permission p;
    p.uri = uri;
    p.match = match;
    p.allowCall = call;
    p.allowRegister = reg;
    p.allowPublish = publish;
    p.allowSubscribe = subscribe;
    return p;
}

QList<RoleConfig> roles()
{
    RoleConfig frontend{
        QStringLiteral("frontend"),
        {permission(QStringLiteral("com.app."), MatchPolicy::Prefix, true, false, false, true),
         permission(QStringLiteral("com.app.admin."), MatchPolicy::Prefix, false, false, false, false),
         permission(QStringLiteral("com.app.admin.status"), MatchPolicy::Exact, true, false, false, false),
         permission(QStringLiteral("com..events"), MatchPolicy::Wildcard, false, false, true, true),
         permission(QStringLiteral("com.app..events"), MatchPolicy::Wildcard, false, false, false, true)}};
    RoleConfig backend{QStringLiteral("backend"),
                       {permission(QString(), MatchPolicy::Prefix, true, true, true, true)}};
    return {frontend, backend};
}

} // namespace

class TestAuthorization : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decisions_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("action");
        QTest::addColumn<QByteArray>("uri");
        QTest::addColumn<bool>("allowed");

        const int call = int(Action::Call), reg = int(Action::Register), pub = int(Action::Publish),
                  sub = int(Action::Subscribe);
        QTest::newRow("prefix allows call") << "frontend" << call << QByteArray("com.app.add") << true;
        QTest::newRow("prefix denies register") << "frontend" << reg << QByteArray("com.app.add") << false;
        QTest::newRow("longer prefix wins")
            << "frontend" << call << QByteArray("com.app.admin.reboot") << false;
        QTest::newRow("exact beats prefix")
            << "frontend" << call << QByteArray("com.app.admin.status") << true;
        QTest::newRow("exact is exact") << "frontend" << call << QByteArray("com.app.admin.status2") << false;
        QTest::newRow("prefix is not a component match")
            << "frontend" << call << QByteArray("com.apple") << false;
        QTest::newRow("wildcard matches one component")
            << "frontend" << pub << QByteArray("com.x.events") << true;
        QTest::newRow("wildcard needs same length")
            << "frontend" << pub << QByteArray("com.x.y.events") << false;
        QTest::newRow("prefix beats wildcard") << "frontend" << pub << QByteArray("com.app.events") << false;
        QTest::newRow("more literal wildcard wins")
            << "frontend" << sub << QByteArray("com.zz.events") << true;
        QTest::newRow("nothing applies") << "frontend" << sub << QByteArray("org.other") << false;
        QTest::newRow("empty prefix covers all") << "backend" << reg << QByteArray("anything.at.all") << true;
        QTest::newRow("unknown role") << "guest" << call << QByteArray("com.app.add") << false;
    }

    void decisions()
    {
        QFETCH(QString, role);
        QFETCH(int, action);
        QFETCH(QByteArray, uri);
        QFETCH(bool, allowed);
        const Authorizer authorizer(roles());
        QCOMPARE(authorizer.allows(role, Action(action), uri), allowed);
    }

    void realmWithoutRolesAllowsEverything()
    {
        const Authorizer authorizer({});
        QVERIFY(!authorizer.enforces());
        QVERIFY(authorizer.hasRole(QStringLiteral("whoever")));
        QVERIFY(authorizer.allows(QStringLiteral("whoever"), Action::Register, "com.x"));
    }

    void routerAnswersNotAuthorized_data()
    {
        QTest::addColumn<Message>("request");
        QTest::addColumn<QString>("text");
        QTest::newRow("register")
            << msg::request(MessageType::Register, 1, "com.app.add")
            << QStringLiteral("role 'anonymous' is not allowed to register 'com.app.add' on realm 'realm1'");
        QTest::newRow("call")
            << msg::request(MessageType::Call, 2, "com.app.secret")
            << QStringLiteral("role 'anonymous' is not allowed to call 'com.app.secret' on realm 'realm1'");
        QTest::newRow("subscribe")
            << msg::request(MessageType::Subscribe, 3, "com.app.secret")
            << QStringLiteral(
                   "role 'anonymous' is not allowed to subscribe 'com.app.secret' on realm 'realm1'");
        QTest::newRow("acknowledged publish")
            << msg::request(MessageType::Publish, 4, "com.app.news",
                            DictBuilder().add("acknowledge", Value(true)).build())
            << QStringLiteral("role 'anonymous' is not allowed to publish 'com.app.news' on realm 'realm1'");
    }

    void routerAnswersNotAuthorized()
    {
        QFETCH(Message, request);
        QFETCH(QString, text);
        Router router;
        RouterConfig config = testRouterConfig();
        config.realms[0].roles = {RoleConfig{
            QStringLiteral("anonymous"),
            {permission(QStringLiteral("com.app.public"), MatchPolicy::Exact, true, false, false, true)}}};
        router.start(config);
        FakePeer* peer = joinedPeer(router);
        peer->deliver(request);
        const Message error = peer->take();
        QCOMPARE(error.type, MessageType::Error);
        QCOMPARE(error.requestType, request.type);
        QCOMPARE(error.requestId, request.requestId);
        QCOMPARE(error.uri, uris::kNotAuthorized);
        QCOMPARE(error.args, Value(Value::List{Value(text)}));

        // What the role may do still works.
        peer->deliver(msg::request(MessageType::Subscribe, 10, "com.app.public"));
        QCOMPARE(peer->take().type, MessageType::Subscribed);
    }

    void unacknowledgedPublishIsDroppedSilently()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        config.realms[0].roles = {RoleConfig{QStringLiteral("anonymous"), {}}};
        router.start(config);
        FakePeer* peer = joinedPeer(router);
        peer->deliver(msg::request(MessageType::Publish, 1, "com.app.news"));
        QVERIFY(peer->sent.isEmpty());
        QVERIFY(!peer->closed);
    }

    void unknownRoleIsRefusedAtHello()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        config.realms[0].roles = {RoleConfig{QStringLiteral("backend"), {}}};
        router.start(config);
        auto* peer = new FakePeer;
        router.attach(peer);
        peer->deliver(msg::hello("realm1"));
        const Message abort = peer->take();
        QCOMPARE(abort.type, MessageType::Abort);
        QCOMPARE(abort.uri, uris::kNoSuchRole);
        QCOMPARE(abort.details["message"].toString(),
                 QStringLiteral("role 'anonymous' is not defined on realm 'realm1'"));
    }

    void transportRoleAndNoAnonymous()
    {
        Router router;
        RouterConfig config = testRouterConfig();
        config.realms[0].roles = {RoleConfig{QStringLiteral("public"), {}}};
        router.start(config);
        auto* peer = new FakePeer;
        peer->setAnonymousRole(QStringLiteral("public"));
        router.attach(peer);
        peer->deliver(msg::hello("realm1"));
        const Message welcome = peer->take();
        QCOMPARE(welcome.type, MessageType::Welcome);
        QCOMPARE(welcome.details["authrole"].toString(), QStringLiteral("public"));

        auto* closed = new FakePeer;
        closed->setAnonymousRole(QString());
        router.attach(closed);
        closed->deliver(msg::hello("realm1"));
        QCOMPARE(closed->take().uri, uris::kNoAuthMethod);
    }
};

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
