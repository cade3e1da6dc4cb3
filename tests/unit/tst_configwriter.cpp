// ConfigWriter: an unchanged configuration is written back as read, an edit changes exactly the keys it
// concerns, elements created in code come out in Crossbar's shape, relative paths survive a move, and a
// failed save leaves the existing file alone.

// moc takes a double slash inside a raw string literal for a comment, so URLs in raw strings are written
// with JSON's escaped slash ("ws:\/\/host").

#include "config/configloader.h"
#include "config/configwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>
#include <functional>

using namespace wamp;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

// A Crossbar configuration with keys the model holds and keys it does not (other workers, keys only warned
// about, the legacy serializer, the "*" shorthand and origin), for edits to be made on.
const QByteArray kDocument = R"({
    "$schema": "https:\/\/raw.githubusercontent.com/crossbario/crossbar/master/crossbar.json",
    "version": 2,
    "controller": {"id": "node1"},
    "workers": [
        {"type": "container", "components": []},
        {
            "type": "router",
            "id": "router1",
            "options": {"pythonpath": [".."]},
            "realms": [
                {
                    "name": "realm1",
                    "store": {"type": "memory"},
                    "roles": [
                        {
                            "name": "anonymous",
                            "permissions": [
                                {"uri": "com.example.*", "allow": {"call": true}},
                                {"uri": "com.example.add", "match": "exact", "allow": {"call": true, "register": false},
                                 "disclose": {"caller": true}, "cache": true}
                            ]
                        },
                        {"name": "backend", "authorizer": "com.example.authorize"}
                    ]
                }
            ],
            "transports": [
                {
                    "type": "websocket",
                    "endpoint": {"type": "tcp", "port": 8080, "shared": true},
                    "url": "ws:\/\/localhost:8080/ws",
                    "options": {"allowed_origins": ["*"], "compression": {"deflate": {}}, "max_message_size": 1048576},
                    "auth": {"anonymous": {"type": "static", "role": "anonymous"}, "ticket": {"type": "static"}},
                    "cookie": {"name": "cbtid"}
                },
                {
                    "type": "rawsocket",
                    "serializer": "msgpack",
                    "endpoint": {"type": "unix", "path": "/tmp/wampscope-writer-test.sock"}
                },
                {
                    "type": "universal",
                    "endpoint": {"type": "tcp", "port": 8081},
                    "rawsocket": {"serializers": ["json"]},
                    "websocket": {"ws": {"type": "websocket", "options": {"fail_by_drop": true}}},
                    "web": {"paths": {}}
                }
            ]
        }
    ]
})";

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

// Sets (or with "<removed>", removes) the value at a slash-separated path such as "workers/1/realms/0/name".
QJsonValue changed(const QJsonValue& node, QStringList path, const QJsonValue& value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    const bool remove = path.isEmpty() && value == QJsonValue(s("<removed>"));
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = key.toInt();
        if (remove)
            array.removeAt(index);
        else
            array[index] = changed(array[index], path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (remove)
        object.remove(key);
    else
        object.insert(key, changed(object.value(key), path, value));
    return object;
}

const char* const kTestKey = WAMPSCOPE_TEST_DATA_DIR "/configs/tls/server.key";
const char* const kTestCertificate = WAMPSCOPE_TEST_DATA_DIR "/configs/tls/server.pem";

// The first place where two JSON values differ ("workers/1/name: "a" != "b""), or an empty string.
QString firstDifference(const QJsonValue& actual, const QJsonValue& expected, const QString& path = {})
{
    if (actual.isObject() && expected.isObject()) {
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        QStringList keys = a.keys() + e.keys();
        keys.removeDuplicates();
        for (const QString& key : std::as_const(keys)) {
            const QString difference = firstDifference(a.value(key), e.value(key), path + u'/' + key);
            if (!difference.isEmpty())
                return difference;
        }
        return {};
    }
    if (actual.isArray() && expected.isArray() && actual.toArray().size() == expected.toArray().size()) {
        for (qsizetype i = 0; i < actual.toArray().size(); ++i) {
            const QString difference =
                firstDifference(actual.toArray()[i], expected.toArray()[i], path + u'/' + QString::number(i));
            if (!difference.isEmpty())
                return difference;
        }
        return {};
    }
    if (actual == expected)
        return {};
    const auto text = [](const QJsonValue& value) {
        return value.isUndefined()
                   ? s("(absent)")
                   : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    };
    return path + s(": ") + text(actual) + s(" != ") + text(expected);
}

using Edit = std::function<void(RouterConfig&)>;

RealmConfig& realm(RouterConfig& config)
{
    return config.realms[0];
}

Permission& permission(RouterConfig& config, int index)
{
    return config.realms[0].roles[0].permissions[index];
}

TransportConfig& transport(RouterConfig& config, int index)
{
    return config.transports[index];
}

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestConfigWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void edits_data()
    {
        QTest::addColumn<Edit>("edit");
        // Path below workers/1 → new value, or "<removed>".
        QTest::addColumn<QJsonObject>("changes");
        const auto row = [](const char* name, Edit edit, const QJsonObject& changes) {
            QTest::newRow(name) << edit << changes;
        };
        row("nothing", [](RouterConfig&) {}, {});
        row("port", [](RouterConfig& c) { transport(c, 0).endpoint.port = 9000; },
            {{s("transports/0/endpoint/port"), 9000}});
        row("interface", [](RouterConfig& c) { transport(c, 0).endpoint.interface = s("127.0.0.1"); },
            {{s("transports/0/endpoint/interface"), s("127.0.0.1")}});
        row("tls added",
            [](RouterConfig& c) {
                TlsOptions tls;
                tls.key = s(kTestKey);
                tls.certificate = s(kTestCertificate);
                transport(c, 0).endpoint.tls = tls;
            },
            {{s("transports/0/endpoint/tls"),
              QJsonObject{{s("key"), s(kTestKey)}, {s("certificate"), s(kTestCertificate)}}}});
        row("debug", [](RouterConfig& c) { transport(c, 0).debug = true; },
            {{s("transports/0/debug"), true}});
        row("url", [](RouterConfig& c) { transport(c, 0).url = s("ws://example.com/ws"); },
            {{s("transports/0/url"), s("ws://example.com/ws")}});
        row("url cleared", [](RouterConfig& c) { transport(c, 0).url.clear(); },
            {{s("transports/0/url"), s("<removed>")}});
        row("serializers",
            [](RouterConfig& c) { transport(c, 0).websocket.serializers = {SerializerKind::Cbor}; },
            {{s("transports/0/serializers"), QJsonArray{s("cbor")}}});
        row("websocket option", [](RouterConfig& c) { transport(c, 0).websocket.maxMessageSize = 65536; },
            {{s("transports/0/options/max_message_size"), 65536}});
        row("websocket option back to its default",
            [](RouterConfig& c) {
                transport(c, 0).websocket.maxMessageSize = WebSocketOptions().maxMessageSize;
            },
            {{s("transports/0/options/max_message_size"), 16 * 1024 * 1024}});
        row("new websocket option",
            [](RouterConfig& c) { transport(c, 0).websocket.autoPingIntervalMs = 30000; },
            {{s("transports/0/options/auto_ping_interval"), 30000}});
        row("allowed origins",
            [](RouterConfig& c) { transport(c, 0).websocket.allowedOrigins = {s("https://example.com")}; },
            {{s("transports/0/options/allowed_origins"), QJsonArray{s("https://example.com")}}});
        row("anonymous role", [](RouterConfig& c) { transport(c, 0).anonymousRole = s("backend"); },
            {{s("transports/0/auth/anonymous/role"), s("backend")}});
        row("anonymous refused", [](RouterConfig& c) { transport(c, 0).anonymousRole.clear(); },
            {{s("transports/0/auth/anonymous"), s("<removed>")}});
        row("anonymous role without auth",
            [](RouterConfig& c) { transport(c, 2).anonymousRole = s("backend"); },
            {{s("transports/2/auth"),
              QJsonObject{
                  {s("anonymous"), QJsonObject{{s("type"), s("static")}, {s("role"), s("backend")}}}}}});
        row("id", [](RouterConfig& c) { transport(c, 1).id = s("unix"); },
            {{s("transports/1/id"), s("unix")}});
        row("legacy serializer",
            [](RouterConfig& c) { transport(c, 1).rawsocket.serializers = {SerializerKind::Json}; },
            {{s("transports/1/serializer"), s("json")}});
        row("legacy serializer to a list",
            [](RouterConfig& c) {
                transport(c, 1).rawsocket.serializers = {SerializerKind::Json, SerializerKind::MsgPack};
            },
            {{s("transports/1/serializer"), s("<removed>")},
             {s("transports/1/serializers"), QJsonArray{s("json"), s("msgpack")}}});
        row("unix path", [](RouterConfig& c) { transport(c, 1).endpoint.path = s("/tmp/other.sock"); },
            {{s("transports/1/endpoint/path"), s("/tmp/other.sock")}});
        row("rawsocket option", [](RouterConfig& c) { transport(c, 1).rawsocket.pingIntervalMs = 30000; },
            {{s("transports/1/options"), QJsonObject{{s("auto_ping_interval"), 30000}}}});
        row("universal rawsocket", [](RouterConfig& c) { transport(c, 2).rawsocket.maxMessageSize = 65536; },
            {{s("transports/2/rawsocket/max_message_size"), 65536}});
        row("universal websocket", [](RouterConfig& c) { transport(c, 2).websocket.enableWebStatus = false; },
            {{s("transports/2/websocket/ws/options/enable_webstatus"), false}});
        row("universal url", [](RouterConfig& c) { transport(c, 2).url = s("ws://example.com/ws"); },
            {{s("transports/2/websocket/ws/url"), s("ws://example.com/ws")}});
        row("realm name", [](RouterConfig& c) { realm(c).name = s("realm2"); },
            {{s("realms/0/name"), s("realm2")}});
        row("uri_check", [](RouterConfig& c) { realm(c).uriCheck = UriCheck::Loose; },
            {{s("realms/0/options"), QJsonObject{{s("uri_check"), s("loose")}}}});
        row("role name", [](RouterConfig& c) { realm(c).roles[1].name = s("service"); },
            {{s("realms/0/roles/1/name"), s("service")}});
        row("role removed", [](RouterConfig& c) { realm(c).roles.removeLast(); },
            {{s("realms/0/roles/1"), s("<removed>")}});
        row("allow publish", [](RouterConfig& c) { permission(c, 0).allowPublish = true; },
            {{s("realms/0/roles/0/permissions/0/allow/publish"), true}});
        row("shorthand uri", [](RouterConfig& c) { permission(c, 0).uri = s("com.other."); },
            {{s("realms/0/roles/0/permissions/0/uri"), s("com.other.")},
             {s("realms/0/roles/0/permissions/0/match"), s("prefix")}});
        row("match", [](RouterConfig& c) { permission(c, 1).match = MatchPolicy::Prefix; },
            {{s("realms/0/roles/0/permissions/1/match"), s("prefix")}});
        row("disclose", [](RouterConfig& c) { permission(c, 1).discloseCaller = false; },
            {{s("realms/0/roles/0/permissions/1/disclose/caller"), false}});
        row("disclose publisher", [](RouterConfig& c) { permission(c, 1).disclosePublisher = true; },
            {{s("realms/0/roles/0/permissions/1/disclose/publisher"), true}});
        row("cache", [](RouterConfig& c) { permission(c, 1).cache = false; },
            {{s("realms/0/roles/0/permissions/1/cache"), false}});
        row("permission added",
            [](RouterConfig& c) {
                Permission added;
                added.uri = s("com.example.status");
                added.allowSubscribe = true;
                realm(c).roles[1].permissions.append(added);
            },
            {{s("realms/0/roles/1/permissions"),
              QJsonArray{
                  QJsonObject{{s("uri"), s("com.example.status")},
                              {s("match"), s("exact")},
                              {s("allow"), QJsonObject{{s("call"), false},
                                                       {s("register"), false},
                                                       {s("publish"), false},
                                                       {s("subscribe"), true}}},
                              {s("disclose"), QJsonObject{{s("caller"), false}, {s("publisher"), false}}},
                              {s("cache"), true}}}}});
    }

    void edits()
    {
        QFETCH(Edit, edit);
        QFETCH(QJsonObject, changes);
        const ConfigLoadResult loaded = ConfigLoader::load(kDocument);
        QCOMPARE(loaded.errors, QStringList());
        RouterConfig config = *loaded.config;
        edit(config);

        QJsonValue expected = object(kDocument);
        for (auto it = changes.begin(); it != changes.end(); ++it)
            expected = changed(expected, QString(s("workers/1/") + it.key()).split(u'/'), it.value());
        const QByteArray written = ConfigWriter::toJson(config);
        const QString difference = firstDifference(QJsonDocument::fromJson(written).object(), expected);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));

        // What was written means what was edited, and warns as before.
        const ConfigLoadResult reloaded = ConfigLoader::load(written);
        QCOMPARE(reloaded.errors, QStringList());
        QVERIFY(*reloaded.config == config);
        if (changes.isEmpty())
            QCOMPARE(reloaded.warnings, loaded.warnings);
    }

    // Without an id a transport is numbered by its place: when that changes, the id is written.
    void removingATransportKeepsTheOthersIds()
    {
        RouterConfig config = *ConfigLoader::load(kDocument).config;
        config.transports.removeFirst();
        const QJsonObject worker =
            object(ConfigWriter::toJson(config)).value(s("workers")).toArray()[1].toObject();
        const QJsonArray transports = worker.value(s("transports")).toArray();
        QCOMPARE(transports.size(), 2);
        QCOMPARE(transports[0].toObject().value(s("id")), QJsonValue(s("transport2")));
        QCOMPARE(transports[1].toObject().value(s("id")), QJsonValue(s("transport3")));
        QVERIFY(*ConfigLoader::load(ConfigWriter::toJson(config)).config == config);
    }

    // The keys of the old type would be unknown to the new one; what every transport has stays.
    void changingATransportsType()
    {
        RouterConfig config = *ConfigLoader::load(kDocument).config;
        transport(config, 0).type = TransportType::RawSocket;
        const QJsonObject written = object(ConfigWriter::toJson(config))
                                        .value(s("workers"))
                                        .toArray()[1]
                                        .toObject()
                                        .value(s("transports"))
                                        .toArray()[0]
                                        .toObject();
        const QJsonObject source = object(kDocument)
                                       .value(s("workers"))
                                       .toArray()[1]
                                       .toObject()
                                       .value(s("transports"))
                                       .toArray()[0]
                                       .toObject();
        QCOMPARE(written, (QJsonObject{{s("type"), s("rawsocket")},
                                       {s("endpoint"), source.value(s("endpoint"))},
                                       {s("auth"), source.value(s("auth"))}}));
    }

    void elementsCreatedInCode()
    {
        RouterConfig config;
        RealmConfig realm;
        realm.name = s("realm1");
        RoleConfig role;
        role.name = s("anonymous");
        Permission everything;
        everything.match = MatchPolicy::Prefix;
        everything.allowCall = everything.allowRegister = everything.allowPublish =
            everything.allowSubscribe = true;
        role.permissions = {everything};
        realm.roles = {role};
        config.realms = {realm};
        TransportConfig websocket;
        websocket.id = s("ws");
        websocket.endpoint.interface = s("127.0.0.1");
        websocket.endpoint.port = 8080;
        websocket.url = s("ws://127.0.0.1:8080/ws");
        TransportConfig unix;
        unix.id = s("unix");
        unix.type = TransportType::RawSocket;
        unix.endpoint.type = Endpoint::Type::Unix;
        unix.endpoint.path = s("/tmp/wampscope-writer-test.sock");
        unix.rawsocket.serializers = {SerializerKind::MsgPack};
        unix.anonymousRole.clear();
        TransportConfig universal;
        universal.id = s("universal");
        universal.type = TransportType::Universal;
        universal.endpoint.port = 8090;
        universal.url = s("/ws");
        config.transports = {websocket, unix, universal};

        const QByteArray written = ConfigWriter::toJson(config);
        const QByteArray expected = R"({
            "version": 2,
            "workers": [{
                "type": "router",
                "realms": [{
                    "name": "realm1",
                    "roles": [{
                        "name": "anonymous",
                        "permissions": [{
                            "uri": "",
                            "match": "prefix",
                            "allow": {"call": true, "register": true, "publish": true, "subscribe": true},
                            "disclose": {"caller": false, "publisher": false},
                            "cache": true
                        }]
                    }]
                }],
                "transports": [
                    {"id": "ws", "type": "websocket", "endpoint": {"type": "tcp", "interface": "127.0.0.1", "port": 8080},
                     "url": "ws:\/\/127.0.0.1:8080/ws"},
                    {"id": "unix", "type": "rawsocket", "endpoint": {"type": "unix", "path": "/tmp/wampscope-writer-test.sock"},
                     "serializers": ["msgpack"], "auth": {}},
                    {"id": "universal", "type": "universal", "endpoint": {"type": "tcp", "port": 8090},
                     "websocket": {"ws": {"type": "websocket"}}}
                ]
            }]
        })";
        QCOMPARE(QJsonDocument::fromJson(written), QJsonDocument::fromJson(expected));
        const ConfigLoadResult reloaded = ConfigLoader::load(written);
        QCOMPARE(reloaded.errors, QStringList());
        QCOMPARE(reloaded.warnings, QStringList());
        QVERIFY(*reloaded.config == config);
    }

    void sourceIsNotCompared()
    {
        const RouterConfig loaded = *ConfigLoader::load(kDocument).config;
        RouterConfig stripped = loaded;
        stripped.source = {};
        for (RealmConfig& realm : stripped.realms) {
            realm.source = {};
            for (RoleConfig& role : realm.roles) {
                role.source = {};
                for (Permission& permission : role.permissions)
                    permission.source = {};
            }
        }
        for (TransportConfig& transport : stripped.transports)
            transport.source = {};
        QVERIFY(stripped == loaded);
        QVERIFY(stripped.transports[0] == loaded.transports[0]);
        QVERIFY(stripped.realms[0] == loaded.realms[0]);
        stripped.transports[0].endpoint.port = 1;
        QVERIFY(!(stripped == loaded));
    }

    // Relative paths stay relative where they still name the same files, and become absolute elsewhere.
    void relativePaths()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        QVERIFY(first.isValid() && second.isValid());
        QDir(first.path()).mkpath(s("tls"));
        QDir(first.path()).mkpath(s("run"));
        for (const char* name : {"server.key", "server.pem"}) {
            QVERIFY(QFile::copy(QStringLiteral(WAMPSCOPE_TEST_DATA_DIR "/configs/tls/") + QLatin1String(name),
                                first.filePath(s("tls/") + QLatin1String(name))));
        }
        const QByteArray json = R"({"version": 2, "workers": [{"type": "router",
            "realms": [{"name": "realm1", "roles": [{"name": "anonymous"}]}],
            "transports": [
                {"type": "websocket", "endpoint": {"type": "tcp", "port": 8443,
                 "tls": {"key": "tls/server.key", "certificate": "tls/server.pem"}}},
                {"type": "rawsocket", "endpoint": {"type": "unix", "path": "run/router.sock"}}
            ]}]})";
        QFile file(first.filePath(s("config.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        const ConfigLoadResult loaded = ConfigLoader::loadFile(file.fileName());
        QCOMPARE(loaded.errors, QStringList());

        QCOMPARE(QJsonDocument::fromJson(ConfigWriter::toJson(*loaded.config)),
                 QJsonDocument::fromJson(json));
        QString error;
        QVERIFY2(ConfigWriter::save(*loaded.config, first.filePath(s("copy.json")), &error),
                 qPrintable(error));
        QCOMPARE(QJsonDocument::fromJson(readAll(first.filePath(s("copy.json")))),
                 QJsonDocument::fromJson(json));

        const QString moved = second.filePath(s("config.json"));
        QVERIFY2(ConfigWriter::save(*loaded.config, moved, &error), qPrintable(error));
        const QJsonArray transports = object(readAll(moved))
                                          .value(s("workers"))
                                          .toArray()[0]
                                          .toObject()
                                          .value(s("transports"))
                                          .toArray();
        const QJsonObject tls =
            transports[0].toObject().value(s("endpoint")).toObject().value(s("tls")).toObject();
        QCOMPARE(tls.value(s("key")).toString(), first.filePath(s("tls/server.key")));
        QCOMPARE(tls.value(s("certificate")).toString(), first.filePath(s("tls/server.pem")));
        QCOMPARE(transports[1].toObject().value(s("endpoint")).toObject().value(s("path")).toString(),
                 first.filePath(s("run/router.sock")));
        const ConfigLoadResult reloaded = ConfigLoader::loadFile(moved);
        QCOMPARE(reloaded.errors, QStringList());
        QVERIFY(*reloaded.config == *loaded.config);
    }

    // Read from bytes, a relative TLS path means the current directory: saved elsewhere it becomes absolute.
    void relativePathsOfAConfigurationReadFromBytes()
    {
        const QString key = QDir::current().relativeFilePath(
            QStringLiteral(WAMPSCOPE_TEST_DATA_DIR "/configs/tls/server.key"));
        const QString certificate = QDir::current().relativeFilePath(
            QStringLiteral(WAMPSCOPE_TEST_DATA_DIR "/configs/tls/server.pem"));
        QVERIFY(QDir::isRelativePath(key));
        const ConfigLoadResult loaded = ConfigLoader::load(
            R"({"version": 2, "workers": [{"type": "router", "realms": [{"name": "realm1", "roles": [{"name": "a"}]}],
                "transports": [{"type": "websocket", "endpoint": {"type": "tcp", "port": 8443,
                "tls": {"key": ")" +
            key.toUtf8() + R"(", "certificate": ")" + certificate.toUtf8() + R"("}}}]}]})");
        QCOMPARE(loaded.errors, QStringList());
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(s("config.json"));
        QString error;
        QVERIFY2(ConfigWriter::save(*loaded.config, path, &error), qPrintable(error));
        const ConfigLoadResult reloaded = ConfigLoader::loadFile(path);
        QCOMPARE(reloaded.errors, QStringList());
        QCOMPARE(reloaded.config->transports[0].endpoint.tls->key,
                 QDir::cleanPath(QDir::current().absoluteFilePath(key)));
    }

    void saveReplacesTheFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(s("config.json"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents");
        old.close();
        const RouterConfig config = *ConfigLoader::load(kDocument).config;
        QString error;
        QVERIFY2(ConfigWriter::save(config, path, &error), qPrintable(error));
        QCOMPARE(QJsonDocument::fromJson(readAll(path)), QJsonDocument::fromJson(kDocument));
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden), QStringList{s("config.json")});
    }

    void saveToADirectoryFails()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(s("config.json"));
        QVERIFY(QDir(directory.path()).mkdir(s("config.json")));
        QString error;
        QVERIFY(!ConfigWriter::save(*ConfigLoader::load(kDocument).config, path, &error));
        QCOMPARE(error, s("cannot save the configuration to %1: it is a directory").arg(path));
        QVERIFY(QFileInfo(path).isDir());
    }

    void saveToAMissingDirectoryFails()
    {
        const QString path = s("/nonexistent/wampscope/config.json");
        QString error;
        QVERIFY(!ConfigWriter::save(*ConfigLoader::load(kDocument).config, path, &error));
        QVERIFY2(error.startsWith(s("cannot save the configuration to %1: ").arg(path)), qPrintable(error));
        QVERIFY(error.size() > s("cannot save the configuration to %1: ").arg(path).size());
    }

    // A write that fails half-way (here: the process may not write files over 64 bytes) leaves the old file.
    void failedWriteLeavesTheFileAlone()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(s("config.json"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents");
        old.close();

        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit small = saved;
        small.rlim_cur = 64;
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        QString error;
        const bool written = ConfigWriter::save(*ConfigLoader::load(kDocument).config, path, &error);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!written);
        QVERIFY2(error.startsWith(s("cannot save the configuration to %1: ").arg(path)), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("old contents"));
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden), QStringList{s("config.json")});
    }

private:
    static QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_configwriter.moc"
