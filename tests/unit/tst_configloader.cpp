// moc takes a double slash inside a raw string literal for a comment, so URLs in raw strings are written
// with JSON's escaped slash ("ws:\/\/host").
//
// ConfigLoader's validation, one row per rule, valid and invalid: each row checks the exact errors and
// warnings (JSON path and message). TLS rows use files made with the openssl CLI in a temporary directory;
// "@DIR@" in a row stands for that directory.

#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace wamp;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QByteArray document(const QByteArray& realms, const QByteArray& transports)
{
    return R"({"version": 2, "workers": [{"type": "router", "realms": [)" + realms + R"(], "transports": [)" +
           transports + "]}]}";
}

// A realm that validates without warnings.
const QByteArray kRealm = R"({"name": "realm1", "roles": [{"name": "anonymous"}]})";

QByteArray withTransport(const QByteArray& transport)
{
    return document(kRealm, transport);
}

QByteArray withRealms(const QByteArray& realms)
{
    return document(realms, {});
}

// A permission in realm1's role.
QByteArray withPermission(const QByteArray& permission)
{
    return withRealms(R"({"name": "realm1", "roles": [{"name": "anonymous", "permissions": [)" + permission +
                      "]}]}");
}

QByteArray websocket(const QByteArray& extra)
{
    return withTransport(R"({"type": "websocket", "endpoint": {"type": "tcp", "port": 8080})" +
                         (extra.isEmpty() ? QByteArray() : ", " + extra) + "}");
}

QByteArray websocketOptions(const QByteArray& options)
{
    return websocket(R"("options": {)" + options + "}");
}

QByteArray rawsocket(const QByteArray& extra)
{
    return withTransport(R"({"type": "rawsocket", "endpoint": {"type": "tcp", "port": 8080})" +
                         (extra.isEmpty() ? QByteArray() : ", " + extra) + "}");
}

QByteArray universal(const QByteArray& extra)
{
    return withTransport(R"({"type": "universal", "endpoint": {"type": "tcp", "port": 8080})" +
                         (extra.isEmpty() ? QByteArray() : ", " + extra) + "}");
}

QByteArray endpoint(const QByteArray& endpoint)
{
    return withTransport(R"({"type": "rawsocket", "endpoint": )" + endpoint + "}");
}

QByteArray tls(const QByteArray& tls)
{
    return endpoint(R"({"type": "tcp", "port": 8443, "tls": )" + tls + "}");
}

const QString kTransport = s("workers[0].transports[0]");
const QString kIgnored = s(": not supported by Wampscope yet; ignored");

QString transportPath(const char* rest)
{
    return kTransport + QLatin1String(rest);
}

QString permissionPath(const char* rest)
{
    return s("workers[0].realms[0].roles[0].permissions[0]") + QLatin1String(rest);
}

void row(const char* name, const QByteArray& json, const QStringList& errors,
         const QStringList& warnings = {})
{
    QTest::newRow(name) << json << errors << warnings;
}

void valid(const char* name, const QByteArray& json, const QStringList& warnings = {})
{
    row(name, json, {}, warnings);
}

} // namespace

class TestConfigLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto openssl = [this](const QStringList& arguments) {
            QProcess process;
            process.setWorkingDirectory(m_dir.path());
            process.start(s("openssl"), arguments);
            return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
                   process.exitCode() == 0;
        };
        QVERIFY(openssl({s("req"), s("-x509"), s("-newkey"), s("rsa:2048"), s("-nodes"), s("-keyout"),
                         s("server.key"), s("-out"), s("server.pem"), s("-days"), s("2"), s("-subj"),
                         s("/CN=localhost")}));
        QVERIFY(openssl(
            {s("ecparam"), s("-genkey"), s("-name"), s("prime256v1"), s("-noout"), s("-out"), s("ec.key")}));
        QFile text(m_dir.filePath(s("notpem.pem")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not a PEM file\n");
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QStringList>("warnings");

        // The document.
        row("syntax error", "{\n  \"version\": 2,\n  \"workers\": [,]\n}\n",
            {s("line 3, column 16: illegal value")});
        row("unterminated", "{\"version\": 2", {s("line 1, column 14: invalid termination by number")});
        row("top level a list", "[1, 2]", {s("(top level): must be an object")});
        // Qt's parser takes only an object or an array at the top.
        row("top level a string", "\"config\"", {s("line 1, column 2: illegal value")});
        valid("version 2", withRealms(kRealm));
        row("version 1", R"({"version": 1, "workers": [{"type": "router", "realms": [)" + kRealm + "]}]}",
            {s("version: 1 is out of range 2..2")});
        row("version 3", R"({"version": 3, "workers": [{"type": "router", "realms": [)" + kRealm + "]}]}",
            {s("version: 3 is out of range 2..2")});
        row("version a string",
            R"({"version": "2", "workers": [{"type": "router", "realms": [)" + kRealm + "]}]}",
            {s("version: must be an integer")});
        row("unknown top-level key",
            R"({"version": 2, "nodes": [], "workers": [{"type": "router", "realms": [)" + kRealm + "]}]}",
            {s("nodes: unknown key")});
        valid(
            "controller and $schema warned",
            R"({"$schema": "x", "controller": {}, "version": 2, "workers": [{"type": "router", "realms": [)" +
                kRealm + "]}]}",
            {s("$schema") + kIgnored, s("controller") + kIgnored});

        // Workers.
        row("workers missing", R"({"version": 2})", {s("workers: must be a list with one router worker")});
        row("workers not a list", R"({"version": 2, "workers": {"type": "router"}})",
            {s("workers: must be a list with one router worker")});
        row("no router worker", R"({"version": 2, "workers": [{"type": "container"}]})",
            {s("workers: no worker with \"type\": \"router\"")},
            {s("workers[0]: worker type 'container' is not supported; ignored")});
        row("two router workers",
            R"({"version": 2, "workers": [{"type": "router", "realms": [)" + kRealm +
                R"(]}, {"type": "router", "realms": []}]})",
            {s("workers[1]: only one router worker is supported")});
        valid(
            "other worker types warned",
            R"({"version": 2, "workers": [{"type": "guest", "executable": "x"}, {"type": "router", "realms": [)" +
                kRealm + R"(]}, {"type": "proxy"}]})",
            {s("workers[0]: worker type 'guest' is not supported; ignored"),
             s("workers[2]: worker type 'proxy' is not supported; ignored")});
        row("unknown worker key",
            R"({"version": 2, "workers": [{"type": "router", "bogus": 1, "realms": [)" + kRealm + "]}]}",
            {s("workers[0].bogus: unknown key")});
        valid("worker options, components and connections warned",
              R"({"version": 2, "workers": [{"type": "router", "id": "r1", "options": {}, "components": [], )"
              R"("connections": [], "realms": [)" +
                  kRealm + "]}]}",
              {s("workers[0].components") + kIgnored, s("workers[0].connections") + kIgnored,
               s("workers[0].options") + kIgnored});
        row("realms not a list", R"({"version": 2, "workers": [{"type": "router", "realms": {}}]})",
            {s("workers[0].realms: must be a list"), s("workers[0].realms: at least one realm is required")});
        row("no realm", R"({"version": 2, "workers": [{"type": "router", "realms": []}]})",
            {s("workers[0].realms: at least one realm is required")});
        row("transports not a list",
            R"({"version": 2, "workers": [{"type": "router", "realms": [)" + kRealm +
                R"(], "transports": {}}]})",
            {s("workers[0].transports: must be a list")});
        valid("no transports", withRealms(kRealm));

        // Realms.
        row("realm not an object", withRealms(kRealm + ", []"),
            {s("workers[0].realms[1]: must be an object")});
        row("realm name missing", withRealms(kRealm + R"(, {"roles": []})"),
            {s("workers[0].realms[1].name: is required")});
        row("realm name not a string", withRealms(kRealm + R"(, {"name": 1})"),
            {s("workers[0].realms[1].name: must be a string")});
        row("realm name not a URI", withRealms(kRealm + R"(, {"name": "bad realm"})"),
            {s("workers[0].realms[1].name: 'bad realm' is not a valid realm URI")});
        row("realm name with an empty component", withRealms(kRealm + R"(, {"name": "com..example"})"),
            {s("workers[0].realms[1].name: 'com..example' is not a valid realm URI")});
        valid("realm name with dots", withRealms(R"({"name": "com.example.app", "roles": [{"name": "a"}]})"));
        row("realm defined twice", withRealms(kRealm + ", " + kRealm),
            {s("workers[0].realms[1].name: realm 'realm1' is defined twice")});
        row("unknown realm key", withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], "bogus": 1})"),
            {s("workers[0].realms[0].bogus: unknown key")});
        valid("realm store warned",
              withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], "store": {}})"),
              {s("workers[0].realms[0].store") + kIgnored});
        valid("no roles warned", withRealms(R"({"name": "realm1"})"),
              {s("workers[0].realms[0].roles: no roles: every session on realm 'realm1' may call, register, "
                 "publish and subscribe anything")});
        valid("empty roles warned", withRealms(R"({"name": "realm1", "roles": []})"),
              {s("workers[0].realms[0].roles: no roles: every session on realm 'realm1' may call, register, "
                 "publish and subscribe anything")});
        row("roles not a list", withRealms(R"({"name": "realm1", "roles": {"name": "a"}})"),
            {s("workers[0].realms[0].roles: must be a list")},
            {s("workers[0].realms[0].roles: no roles: every session on realm 'realm1' may call, register, "
               "publish and subscribe anything")});
        valid("uri_check strict", withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], )"
                                             R"("options": {"uri_check": "strict"}})"));
        valid("uri_check loose", withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], )"
                                            R"("options": {"uri_check": "loose"}})"));
        row("uri_check unknown",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], )"
                       R"("options": {"uri_check": "lenient"}})"),
            {s("workers[0].realms[0].options.uri_check: 'lenient' is not one of strict, loose")});
        row("uri_check not a string",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], )"
                       R"("options": {"uri_check": true}})"),
            {s("workers[0].realms[0].options.uri_check: must be a string")});
        valid(
            "realm options warned",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], "options": {"enable_meta_api": true, )"
                       R"("bridge_meta_api": false, "event_dispatching_chunk_size": 100}})"),
            {s("workers[0].realms[0].options.bridge_meta_api") + kIgnored,
             s("workers[0].realms[0].options.enable_meta_api") + kIgnored,
             s("workers[0].realms[0].options.event_dispatching_chunk_size") + kIgnored});
        row("unknown realm option",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], )"
                       R"("options": {"strict": true}})"),
            {s("workers[0].realms[0].options.strict: unknown key")});
        row("realm options not an object",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a"}], "options": []})"),
            {s("workers[0].realms[0].options: must be an object")});

        // Roles.
        row("role not an object", withRealms(R"({"name": "realm1", "roles": ["anonymous"]})"),
            {s("workers[0].realms[0].roles[0]: must be an object")});
        row("role name missing", withRealms(R"({"name": "realm1", "roles": [{"permissions": []}]})"),
            {s("workers[0].realms[0].roles[0].name: is required")});
        row("role defined twice",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a"}, {"name": "a"}]})"),
            {s("workers[0].realms[0].roles[1].name: role 'a' is defined twice")});
        row("unknown role key", withRealms(R"({"name": "realm1", "roles": [{"name": "a", "allow": {}}]})"),
            {s("workers[0].realms[0].roles[0].allow: unknown key")});
        valid(
            "role authorizer warned",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a", "authorizer": "com.example.auth"}]})"),
            {s("workers[0].realms[0].roles[0].authorizer") + kIgnored,
             s("workers[0].realms[0].roles[0].authorizer: dynamic authorizers are not implemented: role 'a' "
               "is allowed only what its static permissions say")});
        row("permissions not a list",
            withRealms(R"({"name": "realm1", "roles": [{"name": "a", "permissions": {}}]})"),
            {s("workers[0].realms[0].roles[0].permissions: must be a list")});

        // Permissions.
        valid("permission exact", withPermission(R"({"uri": "com.example.add", "match": "exact"})"));
        valid("permission exact by default", withPermission(R"({"uri": "com.example.add"})"));
        valid("permission prefix", withPermission(R"({"uri": "com.example.", "match": "prefix"})"));
        valid("permission prefix without the dot",
              withPermission(R"({"uri": "com.example", "match": "prefix"})"));
        valid("permission prefix of everything", withPermission(R"({"uri": "", "match": "prefix"})"));
        valid("permission shorthand prefix", withPermission(R"({"uri": "com.example.*"})"));
        valid("permission shorthand for everything", withPermission(R"({"uri": "*"})"));
        valid("permission wildcard", withPermission(R"({"uri": "com..update", "match": "wildcard"})"));
        valid("permission wildcard of empty components",
              withPermission(R"({"uri": "..", "match": "wildcard"})"));
        row("permission not an object", withPermission(R"("com.example")"),
            {permissionPath(": must be an object")});
        row("permission uri missing", withPermission(R"({"allow": {"call": true}})"),
            {permissionPath(".uri: is required (\"\" with match prefix covers every URI)")});
        row("permission uri not a string", withPermission(R"({"uri": 1})"),
            {permissionPath(".uri: must be a string")});
        row("permission match unknown", withPermission(R"({"uri": "com.example", "match": "regex"})"),
            {permissionPath(".match: 'regex' is not one of exact, prefix, wildcard")});
        row("permission exact with empty component", withPermission(R"({"uri": "com..update"})"),
            {permissionPath(".uri: 'com..update' is not a valid URI pattern for match exact")});
        row("permission exact with a space", withPermission(R"({"uri": "com.my app", "match": "exact"})"),
            {permissionPath(".uri: 'com.my app' is not a valid URI pattern for match exact")});
        row("permission prefix with empty component",
            withPermission(R"({"uri": "com..x", "match": "prefix"})"),
            {permissionPath(".uri: 'com..x' is not a valid URI pattern for match prefix")});
        row("permission wildcard with a space", withPermission(R"({"uri": "com. .x", "match": "wildcard"})"),
            {permissionPath(".uri: 'com. .x' is not a valid URI pattern for match wildcard")});
        valid("permission allow every action",
              withPermission(R"({"uri": "", "match": "prefix", "allow": {"call": true, "register": true, )"
                             R"("publish": true, "subscribe": true}})"));
        row("permission allow unknown action",
            withPermission(R"({"uri": "a", "allow": {"call": true, "kill": true}})"),
            {permissionPath(".allow.kill: unknown key")});
        row("permission allow not a bool", withPermission(R"({"uri": "a", "allow": {"call": 1}})"),
            {permissionPath(".allow.call: must be true or false")});
        row("permission allow not an object", withPermission(R"({"uri": "a", "allow": ["call"]})"),
            {permissionPath(".allow: must be an object")});
        valid("permission disclose",
              withPermission(R"({"uri": "a", "disclose": {"caller": true, "publisher": true}})"));
        row("permission disclose unknown key",
            withPermission(R"({"uri": "a", "disclose": {"callee": true}})"),
            {permissionPath(".disclose.callee: unknown key")});
        row("permission disclose not a bool",
            withPermission(R"({"uri": "a", "disclose": {"caller": "yes"}})"),
            {permissionPath(".disclose.caller: must be true or false")});
        valid("permission cache", withPermission(R"({"uri": "a", "cache": false})"));
        row("permission cache not a bool", withPermission(R"({"uri": "a", "cache": "no"})"),
            {permissionPath(".cache: must be true or false")});
        row("permission unknown key", withPermission(R"({"uri": "a", "authorizer": "x"})"),
            {permissionPath(".authorizer: unknown key")});

        // Transports.
        valid("websocket", websocket({}));
        valid("rawsocket", rawsocket({}));
        valid("universal", universal({}));
        row("transport not an object", withTransport(R"("websocket")"),
            {kTransport + s(": must be an object")});
        row("transport type missing", withTransport(R"({"endpoint": {"type": "tcp", "port": 8080}})"),
            {transportPath(".type: is required (websocket, rawsocket or universal)")});
        row("transport type not a string",
            withTransport(R"({"type": 1, "endpoint": {"type": "tcp", "port": 8080}})"),
            {transportPath(".type: must be a string"),
             transportPath(".type: is required (websocket, rawsocket or universal)")});
        row("transport type unknown",
            withTransport(R"({"type": "web", "endpoint": {"type": "tcp", "port": 8080}})"),
            {transportPath(".type: 'web' is not one of websocket, rawsocket, universal")});
        row("transport id used twice",
            withTransport(R"({"id": "a", "type": "websocket", "endpoint": {"type": "tcp", "port": 8080}}, )"
                          R"({"id": "a", "type": "rawsocket", "endpoint": {"type": "tcp", "port": 8081}})"),
            {s("workers[0].transports[1].id: 'a' is used twice")});
        row("transport id clashes with a default id",
            withTransport(
                R"({"id": "transport2", "type": "websocket", "endpoint": {"type": "tcp", "port": 8080}}, )"
                R"({"type": "rawsocket", "endpoint": {"type": "tcp", "port": 8081}})"),
            {s("workers[0].transports[1].id: 'transport2' is used twice")});
        row("transport id not a string", websocket(R"("id": 7)"), {transportPath(".id: must be a string")});
        valid("transport debug", websocket(R"("debug": true)"));
        row("transport debug not a bool", websocket(R"("debug": "yes")"),
            {transportPath(".debug: must be true or false")});
        row("unknown websocket key", websocket(R"("max_message_size": 1000)"),
            {transportPath(".max_message_size: unknown key")});
        row("unknown rawsocket key", rawsocket(R"("url": "rs:\/\/x")"), {transportPath(".url: unknown key")});
        valid("websocket url", websocket(R"("url": "ws:\/\/localhost:8080/ws")"));
        row("websocket url not a string", websocket(R"("url": 8080)"),
            {transportPath(".url: must be a string")});
        valid("websocket cookie warned", websocket(R"("cookie": {"name": "cbtid"})"),
              {transportPath(".cookie") + kIgnored});

        // Endpoints.
        row("endpoint missing", withTransport(R"({"type": "websocket"})"),
            {transportPath(".endpoint: is required")});
        row("endpoint not an object", withTransport(R"({"type": "websocket", "endpoint": 8080})"),
            {transportPath(".endpoint: must be an object")});
        row("endpoint type missing", endpoint(R"({"port": 8080})"),
            {transportPath(".endpoint.type: is required (tcp or unix)")});
        row("endpoint type unknown", endpoint(R"({"type": "udp", "port": 8080})"),
            {transportPath(".endpoint.type: 'udp' is not one of tcp, unix")});
        valid("tcp port 1", endpoint(R"({"type": "tcp", "port": 1})"));
        valid("tcp port 65535", endpoint(R"({"type": "tcp", "port": 65535})"));
        row("tcp port 0", endpoint(R"({"type": "tcp", "port": 0})"),
            {transportPath(".endpoint.port: 0 is out of range 1..65535")});
        row("tcp port 65536", endpoint(R"({"type": "tcp", "port": 65536})"),
            {transportPath(".endpoint.port: 65536 is out of range 1..65535")});
        row("tcp port negative", endpoint(R"({"type": "tcp", "port": -1})"),
            {transportPath(".endpoint.port: -1 is out of range 1..65535")});
        row("tcp port a string", endpoint(R"({"type": "tcp", "port": "8080"})"),
            {transportPath(".endpoint.port: must be an integer")});
        row("tcp port a fraction", endpoint(R"({"type": "tcp", "port": 80.5})"),
            {transportPath(".endpoint.port: must be an integer")});
        row("tcp port missing", endpoint(R"({"type": "tcp"})"),
            {transportPath(".endpoint.port: is required")});
        valid("tcp version 4 interface",
              endpoint(R"({"type": "tcp", "port": 80, "interface": "127.0.0.1"})"));
        valid("tcp version 6 interface",
              endpoint(R"({"type": "tcp", "port": 80, "version": 6, "interface": "::1"})"));
        valid("tcp version 6 any interface", endpoint(R"({"type": "tcp", "port": 80, "version": 6})"));
        row("tcp version 5", endpoint(R"({"type": "tcp", "port": 80, "version": 5})"),
            {transportPath(".endpoint.version: must be 4 or 6")});
        row("tcp version 7", endpoint(R"({"type": "tcp", "port": 80, "version": 7})"),
            {transportPath(".endpoint.version: 7 is out of range 4..6")});
        row("tcp IPv6 interface on version 4", endpoint(R"({"type": "tcp", "port": 80, "interface": "::1"})"),
            {transportPath(".endpoint.interface: '::1' is not an IPv4 address (set \"version\" to match)")});
        row("tcp IPv4 interface on version 6",
            endpoint(R"({"type": "tcp", "port": 80, "version": 6, "interface": "127.0.0.1"})"),
            {transportPath(
                ".endpoint.interface: '127.0.0.1' is not an IPv6 address (set \"version\" to match)")});
        row("tcp interface a host name", endpoint(R"({"type": "tcp", "port": 80, "interface": "localhost"})"),
            {transportPath(".endpoint.interface: 'localhost' is not an IP address")});
        valid("tcp backlog", endpoint(R"({"type": "tcp", "port": 80, "backlog": 1024})"));
        row("tcp backlog 0", endpoint(R"({"type": "tcp", "port": 80, "backlog": 0})"),
            {transportPath(".endpoint.backlog: 0 is out of range 1..65535")});
        row("tcp unknown key", endpoint(R"({"type": "tcp", "port": 80, "host": "127.0.0.1"})"),
            {transportPath(".endpoint.host: unknown key")});
        valid("tcp shared and user_timeout warned",
              endpoint(R"({"type": "tcp", "port": 80, "shared": true, "user_timeout": 1000})"),
              {transportPath(".endpoint.shared") + kIgnored,
               transportPath(".endpoint.user_timeout") + kIgnored});
        valid("unix", endpoint(R"({"type": "unix", "path": "@DIR@/router.sock"})"));
        valid("unix backlog", endpoint(R"({"type": "unix", "path": "@DIR@/router.sock", "backlog": 10})"));
        row("unix path missing", endpoint(R"({"type": "unix"})"),
            {transportPath(".endpoint.path: is required")});
        row("unix path not a string", endpoint(R"({"type": "unix", "path": 1})"),
            {transportPath(".endpoint.path: must be a string")});
        row("unix path too long",
            endpoint("{\"type\": \"unix\", \"path\": \"@DIR@/" + QByteArray(110, 'x') + "\"}"),
            {transportPath(".endpoint.path: '@DIR@/") + QString(110, u'x') +
             s("' is longer than the 107 bytes a unix socket path may have")});
        row("unix directory missing", endpoint(R"({"type": "unix", "path": "@DIR@/missing/router.sock"})"),
            {transportPath(".endpoint.path: directory @DIR@/missing does not exist")});
        row("unix unknown key", endpoint(R"({"type": "unix", "path": "@DIR@/router.sock", "port": 80})"),
            {transportPath(".endpoint.port: unknown key")});
        row("websocket on a unix endpoint",
            withTransport(R"({"type": "websocket", "endpoint": {"type": "unix", "path": "@DIR@/ws.sock"}})"),
            {transportPath(
                ".endpoint.type: WebSocket needs a tcp endpoint (RawSocket serves unix sockets)")});
        row("universal on a unix endpoint",
            withTransport(R"({"type": "universal", "endpoint": {"type": "unix", "path": "@DIR@/ws.sock"}})"),
            {transportPath(
                ".endpoint.type: WebSocket needs a tcp endpoint (RawSocket serves unix sockets)")});
        valid(
            "rawsocket on a unix endpoint",
            withTransport(R"({"type": "rawsocket", "endpoint": {"type": "unix", "path": "@DIR@/rs.sock"}})"));

        // TLS.
        valid("tls", tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem"})"));
        valid("tls with client CA and ciphers",
              tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem", )"
                  R"("ca_certificates": ["@DIR@/server.pem"], "ciphers": "ECDHE-RSA-AES128-GCM-SHA256"})"));
        row("tls key missing", tls(R"({"certificate": "@DIR@/server.pem"})"),
            {transportPath(".endpoint.tls.key: is required")});
        row("tls certificate missing", tls(R"({"key": "@DIR@/server.key"})"),
            {transportPath(".endpoint.tls.certificate: is required")});
        row("tls both missing", tls("{}"),
            {transportPath(".endpoint.tls.key: is required"),
             transportPath(".endpoint.tls.certificate: is required")});
        row("tls not an object", tls(R"("server.pem")"), {transportPath(".endpoint.tls: must be an object")});
        row("tls certificate unreadable",
            tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/none.pem"})"),
            {transportPath(
                ".endpoint.tls: cannot read TLS certificate @DIR@/none.pem: No such file or directory")});
        row("tls key unreadable", tls(R"({"key": "@DIR@/none.key", "certificate": "@DIR@/server.pem"})"),
            {transportPath(".endpoint.tls: cannot read TLS key @DIR@/none.key: No such file or directory")});
        row("tls certificate not PEM",
            tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/notpem.pem"})"),
            {transportPath(".endpoint.tls: TLS certificate @DIR@/notpem.pem holds no PEM certificate")});
        row("tls key not PEM", tls(R"({"key": "@DIR@/notpem.pem", "certificate": "@DIR@/server.pem"})"),
            {transportPath(
                ".endpoint.tls: TLS key @DIR@/notpem.pem holds no unencrypted PEM private key (RSA, EC "
                "or DSA)")});
        row("tls key not matching", tls(R"({"key": "@DIR@/ec.key", "certificate": "@DIR@/server.pem"})"),
            {transportPath(
                ".endpoint.tls: TLS key @DIR@/ec.key does not match certificate @DIR@/server.pem")});
        row("tls CA unreadable",
            tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem", "ca_certificates": ["@DIR@/ca.pem"]})"),
            {transportPath(
                ".endpoint.tls: cannot read TLS CA certificate @DIR@/ca.pem: No such file or directory")});
        row("tls CA not PEM",
            tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem", )"
                R"("ca_certificates": ["@DIR@/notpem.pem"]})"),
            {transportPath(".endpoint.tls: TLS CA certificate @DIR@/notpem.pem holds no PEM certificate")});
        row("tls CA list empty",
            tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem", "ca_certificates": []})"),
            {transportPath(".endpoint.tls.ca_certificates: must be a non-empty list of strings")});
        row("tls ciphers unknown",
            tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem", "ciphers": "NO-SUCH-CIPHER"})"),
            {transportPath(
                ".endpoint.tls: TLS ciphers 'NO-SUCH-CIPHER' name no cipher this OpenSSL supports")});
        valid("tls dhparam and chain warned",
              tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem", "dhparam": "dh.pem", )"
                  R"("chain_certificates": []})"),
              {transportPath(".endpoint.tls.chain_certificates") + kIgnored,
               transportPath(".endpoint.tls.dhparam") + kIgnored});
        row("tls unknown key",
            tls(R"({"key": "@DIR@/server.key", "certificate": "@DIR@/server.pem", "password": "x"})"),
            {transportPath(".endpoint.tls.password: unknown key")});

        // Serializers.
        valid("websocket serializers", websocket(R"("serializers": ["cbor", "msgpack", "json"])"));
        row("websocket serializer unknown", websocket(R"("serializers": ["json", "ubjson"])"),
            {transportPath(".serializers[1]: 'ubjson' is not one of json, msgpack, cbor")});
        row("websocket serializers empty", websocket(R"("serializers": [])"),
            {transportPath(".serializers: must be a non-empty list of strings")});
        row("websocket serializers not strings", websocket(R"("serializers": ["json", 2])"),
            {transportPath(".serializers[1]: must be a string")});
        row("websocket serializers a string", websocket(R"("serializers": "json")"),
            {transportPath(".serializers: must be a non-empty list of strings")});
        row("websocket legacy serializer", websocket(R"("serializer": "json")"),
            {transportPath(".serializer: unknown key")});
        valid("rawsocket serializers", rawsocket(R"("serializers": ["json", "msgpack"])"));
        valid("rawsocket legacy serializer", rawsocket(R"("serializer": "msgpack")"));
        row("rawsocket legacy serializer unknown", rawsocket(R"("serializer": "ubjson")"),
            {transportPath(".serializer: 'ubjson' is not one of json, msgpack, cbor")});
        row("rawsocket legacy serializer not a string", rawsocket(R"("serializer": ["json"])"),
            {transportPath(".serializer: must be a string")});
        row("rawsocket serializer and serializers",
            rawsocket(R"("serializer": "json", "serializers": ["json"])"),
            {transportPath(".serializer: give either serializers or the legacy serializer, not both")});
        row("rawsocket serializer unknown", rawsocket(R"("serializers": ["msgpack", "xml"])"),
            {transportPath(".serializers[1]: 'xml' is not one of json, msgpack, cbor")});

        // WebSocket options: every one Wampscope implements, in and out of range.
        const auto option = [](const char* name, const QByteArray& options, const char* error) {
            if (*error)
                row(name, websocketOptions(options), {transportPath(".options.") + QLatin1String(error)});
            else
                valid(name, websocketOptions(options));
        };
        option("max_message_size 1", R"("max_message_size": 1)", "");
        option("max_message_size 64 MiB", R"("max_message_size": 67108864)", "");
        option("max_message_size 0", R"("max_message_size": 0)",
               "max_message_size: 0 is out of range 1..67108864");
        option("max_message_size 64 MiB + 1", R"("max_message_size": 67108865)",
               "max_message_size: 67108865 is out of range 1..67108864");
        option("max_frame_size 65536", R"("max_frame_size": 65536)", "");
        option("max_frame_size 0", R"("max_frame_size": 0)", "max_frame_size: 0 is out of range 1..67108864");
        option("max_frame_size 64 MiB + 1", R"("max_frame_size": 67108865)",
               "max_frame_size: 67108865 is out of range 1..67108864");
        option("require_websocket_subprotocol", R"("require_websocket_subprotocol": false)", "");
        option("require_websocket_subprotocol not a bool", R"("require_websocket_subprotocol": 0)",
               "require_websocket_subprotocol: must be true or false");
        option("enable_webstatus", R"("enable_webstatus": false)", "");
        option("enable_webstatus not a bool", R"("enable_webstatus": "off")",
               "enable_webstatus: must be true or false");
        option("open_handshake_timeout", R"("open_handshake_timeout": 2500)", "");
        option("open_handshake_timeout 0", R"("open_handshake_timeout": 0)",
               "open_handshake_timeout: 0 is out of range 1..3600000");
        option("open_handshake_timeout over an hour", R"("open_handshake_timeout": 3600001)",
               "open_handshake_timeout: 3600001 is out of range 1..3600000");
        option("close_handshake_timeout", R"("close_handshake_timeout": 1000)", "");
        option("close_handshake_timeout 0", R"("close_handshake_timeout": 0)",
               "close_handshake_timeout: 0 is out of range 1..3600000");
        option("allowed_origins",
               "\"allowed_origins\": [\"https://*.example.com\", \"http://localhost:8080\"]", "");
        option("allowed_origins any", R"("allowed_origins": ["*"])", "");
        option("allowed_origins empty", R"("allowed_origins": [])",
               "allowed_origins: must be a non-empty list of strings");
        option("allowed_origins a string", R"("allowed_origins": "*")",
               "allowed_origins: must be a non-empty list of strings");
        option("auto_ping_interval", R"("auto_ping_interval": 10000)", "");
        option("auto_ping_interval 0 (off)", R"("auto_ping_interval": 0)", "");
        option("auto_ping_interval negative", R"("auto_ping_interval": -1)",
               "auto_ping_interval: -1 is out of range 0..3600000");
        option("auto_ping_timeout", R"("auto_ping_timeout": 5000)", "");
        option("auto_ping_timeout 0", R"("auto_ping_timeout": 0)",
               "auto_ping_timeout: 0 is out of range 1..3600000");
        option("auto_ping_size 125", R"("auto_ping_size": 125)", "");
        option("auto_ping_size 3", R"("auto_ping_size": 3)", "auto_ping_size: 3 is out of range 4..125");
        option("auto_ping_size 126", R"("auto_ping_size": 126)",
               "auto_ping_size: 126 is out of range 4..125");
        option("tcp_nodelay", R"("tcp_nodelay": false)", "");
        option("tcp_nodelay not a bool", R"("tcp_nodelay": "no")", "tcp_nodelay: must be true or false");
        option("unknown option", R"("bogus": 1)", "bogus: unknown key");
        row("options not an object", websocket(R"("options": [])"),
            {transportPath(".options: must be an object")});
        // Crossbar's options that Wampscope accepts without acting on them.
        for (const char* name :
             {"external_port", "enable_hybi10", "enable_rfc6455", "validate_utf8", "mask_server_frames",
              "require_masked_client_frames", "apply_mask", "auto_fragment_size", "fail_by_drop",
              "echo_close_codereason", "compression", "show_server_version", "enable_flash_policy",
              "flash_policy", "enable_webstatus_json", "allow_null_origin",
              "auto_ping_restart_on_any_traffic"}) {
            QTest::newRow(qPrintable(s("ignored option ") + QLatin1String(name)))
                << websocketOptions('"' + QByteArray(name) + "\": true") << QStringList()
                << QStringList{transportPath(".options.") + QLatin1String(name) + kIgnored};
        }

        // RawSocket.
        const auto rawWarning = [](qint64 size, qint64 effective) {
            return transportPath(
                       ".max_message_size: RawSocket announces lengths as powers of two from 512 bytes to "
                       "16 MiB: %1 is announced and enforced as %2")
                .arg(size)
                .arg(effective);
        };
        valid("rawsocket max_message_size 128 KiB", rawsocket(R"("max_message_size": 131072)"));
        valid("rawsocket max_message_size 16 MiB", rawsocket(R"("max_message_size": 16777216)"));
        valid("rawsocket max_message_size 512", rawsocket(R"("max_message_size": 512)"));
        row("rawsocket max_message_size 0", rawsocket(R"("max_message_size": 0)"),
            {transportPath(".max_message_size: 0 is out of range 1..67108864")});
        row("rawsocket max_message_size 64 MiB + 1", rawsocket(R"("max_message_size": 67108865)"),
            {transportPath(".max_message_size: 67108865 is out of range 1..67108864")});
        valid("rawsocket max_message_size 64 MiB", rawsocket(R"("max_message_size": 67108864)"),
              {rawWarning(67108864, 16777216)});
        valid("rawsocket max_message_size not a power of two", rawsocket(R"("max_message_size": 100000)"),
              {rawWarning(100000, 65536)});
        valid("rawsocket max_message_size below 512", rawsocket(R"("max_message_size": 1)"),
              {rawWarning(1, 512)});
        valid("rawsocket options",
              rawsocket(R"("options": {"handshake_timeout": 5000, "auto_ping_interval": 30000, )"
                        R"("auto_ping_timeout": 10000, "max_connections": 100})"));
        row("rawsocket handshake_timeout 0", rawsocket(R"("options": {"handshake_timeout": 0})"),
            {transportPath(".options.handshake_timeout: 0 is out of range 1..3600000")});
        row("rawsocket auto_ping_interval negative", rawsocket(R"("options": {"auto_ping_interval": -5})"),
            {transportPath(".options.auto_ping_interval: -5 is out of range 0..3600000")});
        row("rawsocket auto_ping_timeout 0", rawsocket(R"("options": {"auto_ping_timeout": 0})"),
            {transportPath(".options.auto_ping_timeout: 0 is out of range 1..3600000")});
        row("rawsocket max_connections negative", rawsocket(R"("options": {"max_connections": -1})"),
            {transportPath(".options.max_connections: -1 is out of range 0..1000000")});
        row("rawsocket unknown option", rawsocket(R"("options": {"auto_ping_size": 4})"),
            {transportPath(".options.auto_ping_size: unknown key")});

        // Universal.
        valid("universal sections",
              universal(R"("rawsocket": {"serializers": ["msgpack"], "max_message_size": 65536}, )"
                        R"("websocket": {"ws": {"type": "websocket", "serializers": ["json"], "url": "/ws", )"
                        R"("options": {"enable_webstatus": false}}})"));
        valid("universal legacy rawsocket serializer", universal(R"("rawsocket": {"serializer": "json"})"));
        row("universal rawsocket not an object", universal(R"("rawsocket": true)"),
            {transportPath(".rawsocket: must be an object")});
        row("universal rawsocket unknown key", universal(R"("rawsocket": {"endpoint": {}})"),
            {transportPath(".rawsocket.endpoint: unknown key")});
        valid("universal rawsocket auth warned", universal(R"("rawsocket": {"auth": {}})"),
              {transportPath(".rawsocket.auth") + kIgnored});
        row("universal rawsocket max_message_size 0", universal(R"("rawsocket": {"max_message_size": 0})"),
            {transportPath(".rawsocket.max_message_size: 0 is out of range 1..67108864")});
        row("universal websocket not an object", universal(R"("websocket": [])"),
            {transportPath(".websocket: must be an object")});
        row("universal two websocket paths", universal(R"("websocket": {"ws": {}, "ws2": {}})"),
            {transportPath(
                ".websocket: has 2 paths; Wampscope serves one WebSocket service per universal transport")});
        row("universal websocket service not an object", universal(R"("websocket": {"ws": "websocket"})"),
            {transportPath(".websocket.ws: must be an object")});
        row("universal websocket unknown key", universal(R"("websocket": {"ws": {"endpoint": {}}})"),
            {transportPath(".websocket.ws.endpoint: unknown key")});
        row("universal websocket option out of range",
            universal(R"("websocket": {"ws": {"options": {"max_frame_size": 0}}})"),
            {transportPath(".websocket.ws.options.max_frame_size: 0 is out of range 1..67108864")});
        valid("universal websocket cookie warned", universal(R"("websocket": {"ws": {"cookie": {}}})"),
              {transportPath(".websocket.ws.cookie") + kIgnored});
        valid("universal web and mqtt warned", universal(R"("web": {"paths": {}}, "mqtt": {})"),
              {transportPath(".mqtt") + kIgnored, transportPath(".web") + kIgnored});
        row("universal unknown key", universal(R"("serializers": ["json"])"),
            {transportPath(".serializers: unknown key")});

        // Authentication.
        valid("auth anonymous", websocket(R"("auth": {"anonymous": {"type": "static", "role": "public"}})"));
        valid("auth anonymous default role", websocket(R"("auth": {"anonymous": {}})"));
        valid("auth on rawsocket",
              rawsocket(R"("auth": {"anonymous": {"type": "static", "role": "backend"}})"));
        valid("auth on universal", universal(R"("auth": {"anonymous": {"role": "public"}})"));
        row("auth anonymous dynamic",
            websocket(R"("auth": {"anonymous": {"type": "dynamic", "authenticator": "com.example.auth"}})"),
            {transportPath(
                ".auth.anonymous.type: 'dynamic' is not supported (static); dynamic authenticators are "
                "not implemented")},
            {transportPath(".auth.anonymous.authenticator") + kIgnored});
        row("auth anonymous not an object", websocket(R"("auth": {"anonymous": true})"),
            {transportPath(".auth.anonymous: must be an object")});
        row("auth anonymous role not a string", websocket(R"("auth": {"anonymous": {"role": 1}})"),
            {transportPath(".auth.anonymous.role: must be a string")});
        row("auth anonymous unknown key",
            websocket(R"("auth": {"anonymous": {"role": "a", "principals": {}}})"),
            {transportPath(".auth.anonymous.principals: unknown key")});
        row("auth not an object", websocket(R"("auth": "anonymous")"),
            {transportPath(".auth: must be an object")});
        for (const char* method : {"wampcra", "ticket", "cryptosign", "scram", "tls", "cookie"}) {
            QTest::newRow(qPrintable(s("auth method ") + QLatin1String(method)))
                << websocket(R"("auth": {")" + QByteArray(method) + R"(": {"type": "static"}})")
                << QStringList()
                << QStringList{
                       transportPath(".auth.") + QLatin1String(method) +
                       s(": authentication method not implemented yet; clients using it are refused")};
        }
        row("auth method unknown", websocket(R"("auth": {"password": {}})"),
            {transportPath(".auth.password: unknown authentication method")});

        // Every error of a file at once.
        row("five errors at once",
            R"({"version": 3, "workers": [{"type": "router", "realms": [{"name": "bad realm"}, )" + kRealm +
                R"(], "transports": [{"type": "websocket", "endpoint": {"type": "tcp", "port": 70000}, )"
                R"("serializers": ["json", "ubjson"], "options": {"bogus": true}}]}]})",
            {s("version: 3 is out of range 2..2"),
             s("workers[0].realms[0].name: 'bad realm' is not a valid realm URI"),
             transportPath(".endpoint.port: 70000 is out of range 1..65535"),
             transportPath(".serializers[1]: 'ubjson' is not one of json, msgpack, cbor"),
             transportPath(".options.bogus: unknown key")});
    }

    void validation()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, errors);
        QFETCH(QStringList, warnings);
        json.replace("@DIR@", m_dir.path().toUtf8());
        errors.replaceInStrings(s("@DIR@"), m_dir.path());
        warnings.replaceInStrings(s("@DIR@"), m_dir.path());
        const ConfigLoadResult result = ConfigLoader::load(json);
        QCOMPARE(result.errors, errors);
        QCOMPARE(result.warnings, warnings);
        QCOMPARE(result.config.has_value(), errors.isEmpty());
    }

    // What the rules above produce in the model.
    void modelValues()
    {
        const ConfigLoadResult result = ConfigLoader::load(withTransport(
            R"({"type": "websocket", "endpoint": {"type": "tcp", "port": 8080}, )"
            R"("options": {"allowed_origins": ["*"]}}, )"
            R"({"id": "rs", "type": "rawsocket", "serializer": "msgpack", )"
            R"("endpoint": {"type": "unix", "path": "router.sock"}, "auth": {"ticket": {}}}, )"
            R"({"type": "universal", "endpoint": {"type": "tcp", "port": 8081}, "websocket": {"wamp": {}}, )"
            R"("auth": {"anonymous": {"role": "public"}}}, )"
            R"({"type": "websocket", "endpoint": {"type": "tcp", "port": 8082}, "auth": {"anonymous": {}}})"));
        QCOMPARE(result.errors, QStringList());
        const QList<TransportConfig>& transports = result.config->transports;
        QCOMPARE(transports.size(), 4);
        QCOMPARE(transports[0].id, s("transport1"));
        QCOMPARE(transports[1].id, s("rs"));
        QCOMPARE(transports[2].id, s("transport3"));
        QCOMPARE(transports[3].id, s("transport4"));
        QCOMPARE(transports[0].websocket.allowedOrigins, QStringList());
        QCOMPARE(transports[0].anonymousRole, s("anonymous"));
        QCOMPARE(transports[1].rawsocket.serializers, QList<SerializerKind>{SerializerKind::MsgPack});
        // Without a file, a relative unix socket path is relative to the current directory.
        QCOMPARE(transports[1].endpoint.path, QDir::current().absoluteFilePath(s("router.sock")));
        QCOMPARE(transports[1].anonymousRole, QString());
        QCOMPARE(transports[2].url, s("/wamp"));
        QCOMPARE(transports[2].anonymousRole, s("public"));
        QCOMPARE(transports[3].anonymousRole, s("anonymous"));

        const ConfigLoadResult permissions = ConfigLoader::load(withRealms(
            R"({"name": "realm1", "options": {"uri_check": "loose"}, "roles": [{"name": "a", "permissions": [)"
            R"({"uri": "com.example.*"}, {"uri": "com..update", "match": "wildcard", "cache": false, )"
            R"("allow": {"call": true, "subscribe": true}, "disclose": {"caller": true}}]}]})"));
        QCOMPARE(permissions.errors, QStringList());
        const RealmConfig& realm = permissions.config->realms.first();
        QCOMPARE(realm.uriCheck, UriCheck::Loose);
        const Permission& shorthand = realm.roles.first().permissions[0];
        QCOMPARE(shorthand.uri, s("com.example."));
        QCOMPARE(shorthand.match, MatchPolicy::Prefix);
        const Permission& wildcard = realm.roles.first().permissions[1];
        QCOMPARE(wildcard.match, MatchPolicy::Wildcard);
        QVERIFY(wildcard.allowCall && wildcard.allowSubscribe && !wildcard.allowPublish &&
                !wildcard.allowRegister);
        QVERIFY(wildcard.discloseCaller && !wildcard.disclosePublisher && !wildcard.cache);
    }

    // Like Crossbar, a configuration file's relative paths are relative to its directory.
    void fileRelativePaths()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        QVERIFY(QDir(directory.path()).mkpath(s("tls")));
        QVERIFY(QDir(directory.path()).mkpath(s("run")));
        QVERIFY(QFile::copy(m_dir.filePath(s("server.key")), directory.filePath(s("tls/server.key"))));
        QVERIFY(QFile::copy(m_dir.filePath(s("server.pem")), directory.filePath(s("tls/server.pem"))));
        QFile file(directory.filePath(s("config.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(withTransport(
            R"({"type": "websocket", "endpoint": {"type": "tcp", "port": 8443, "tls": )"
            R"({"key": "tls/server.key", "certificate": "tls/server.pem", "ca_certificates": ["tls/server.pem"]}}}, )"
            R"({"type": "rawsocket", "endpoint": {"type": "unix", "path": "run/router.sock"}}, )"
            R"({"type": "rawsocket", "endpoint": {"type": "unix", "path": "missing/router.sock"}})"));
        file.close();

        const ConfigLoadResult result = ConfigLoader::loadFile(file.fileName());
        QCOMPARE(result.errors, QStringList{s("workers[0].transports[2].endpoint.path: directory ") +
                                            directory.filePath(s("missing")) + s(" does not exist")});

        QFile fixed(file.fileName());
        QVERIFY(fixed.open(QIODevice::WriteOnly));
        fixed.write(withTransport(
            R"({"type": "websocket", "endpoint": {"type": "tcp", "port": 8443, "tls": )"
            R"({"key": "tls/server.key", "certificate": "tls/server.pem", "ca_certificates": ["tls/server.pem"]}}}, )"
            R"({"type": "rawsocket", "endpoint": {"type": "unix", "path": "run/router.sock"}})"));
        fixed.close();
        const ConfigLoadResult loaded = ConfigLoader::loadFile(file.fileName());
        QCOMPARE(loaded.errors, QStringList());
        const TlsOptions& tls = *loaded.config->transports[0].endpoint.tls;
        QCOMPARE(tls.key, directory.filePath(s("tls/server.key")));
        QCOMPARE(tls.certificate, directory.filePath(s("tls/server.pem")));
        QCOMPARE(tls.caCertificates, QStringList{directory.filePath(s("tls/server.pem"))});
        QCOMPARE(loaded.config->transports[1].endpoint.path, directory.filePath(s("run/router.sock")));
    }

    void missingFile()
    {
        const ConfigLoadResult result = ConfigLoader::loadFile(s("/nonexistent/wampscope.json"));
        QCOMPARE(result.errors,
                 QStringList{s("/nonexistent/wampscope.json: cannot read: No such file or directory")});
        QVERIFY(!result.config);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
