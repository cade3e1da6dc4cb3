// Crossbar configurations in the shapes Crossbar's documentation shows (tests/data/configs) and the two files
// of resources/ (the example, its placeholder TLS files pointed at the test certificates, and the default):
// each loads with exactly the warnings listed here, is written back by ConfigWriter unchanged, and runs:
// every transport listens and a client joins through each of them.
//
// The router runs on the test thread, so every wait spins the event loop (QTest::qWaitFor).

#include "config/configloader.h"
#include "config/configwriter.h"
#include "core/router.h"
#include "serialization/serializer.h"
#include "transport/rawsocketframing.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QNetworkRequest>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace wamp;

namespace {

constexpr int kWaitMs = 10000;
// The two files of resources/: the annotated example and the embedded default configuration.
const QString kExample = QStringLiteral("example-config.json");
const QString kDefault = QStringLiteral("default-config.json");

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QString corpusDirectory()
{
    return QStringLiteral(WAMPSCOPE_TEST_DATA_DIR "/configs");
}

QString testCertificate(const char* name)
{
    return corpusDirectory() + QStringLiteral("/tls/") + QLatin1String(name);
}

QJsonObject readObject(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The example's TLS files are placeholders (/etc/wampscope/tls/...): point them at the test certificates.
QJsonObject exampleWithTestCertificates()
{
    QJsonObject document = readObject(QStringLiteral(WAMPSCOPE_RESOURCES_DIR "/example-config.json"));
    QJsonArray workers = document.value(s("workers")).toArray();
    QJsonObject worker = workers[0].toObject();
    QJsonArray transports = worker.value(s("transports")).toArray();
    for (qsizetype i = 0; i < transports.size(); ++i) {
        QJsonObject transport = transports[i].toObject();
        QJsonObject endpoint = transport.value(s("endpoint")).toObject();
        if (!endpoint.contains(s("tls")))
            continue;
        QJsonObject tls = endpoint.value(s("tls")).toObject();
        tls.insert(s("key"), testCertificate("server.key"));
        tls.insert(s("certificate"), testCertificate("server.pem"));
        if (tls.contains(s("ca_certificates")))
            tls.insert(s("ca_certificates"), QJsonArray{testCertificate("ca.pem")});
        endpoint.insert(s("tls"), tls);
        transport.insert(s("endpoint"), endpoint);
        transports[i] = transport;
    }
    worker.insert(s("transports"), transports);
    workers[0] = worker;
    document.insert(s("workers"), workers);
    return document;
}

QJsonObject sourceDocument(const QString& file)
{
    if (file == kExample)
        return exampleWithTestCertificates();
    if (file == kDefault)
        return readObject(QStringLiteral(WAMPSCOPE_RESOURCES_DIR "/default-config.json"));
    return readObject(corpusDirectory() + u'/' + file);
}

ConfigLoadResult load(const QString& file)
{
    if (file == kExample)
        return ConfigLoader::load(QJsonDocument(exampleWithTestCertificates()).toJson());
    if (file == kDefault)
        return ConfigLoader::loadFile(QStringLiteral(WAMPSCOPE_RESOURCES_DIR "/default-config.json"));
    return ConfigLoader::loadFile(corpusDirectory() + u'/' + file);
}

QByteArray helloFor(const QString& realm)
{
    return QByteArrayLiteral(R"([1,")") + realm.toUtf8() +
           QByteArrayLiteral(R"(",{"roles":{"caller":{},"callee":{},"publisher":{},"subscriber":{}}}])");
}

int rawSocketSerializerId(SerializerKind kind)
{
    switch (kind) {
    case SerializerKind::Json:
        return 1;
    case SerializerKind::MsgPack:
        return 2;
    case SerializerKind::Cbor:
        return 3;
    }
    return 0;
}

// What a client trusts and presents: the test CA, and the test client certificate for transports that
// require one.
QSslConfiguration clientTls(const TlsOptions& server)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(testCertificate("ca.pem")));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!server.caCertificates.isEmpty()) {
        tls.setLocalCertificate(QSslCertificate::fromPath(testCertificate("client.pem")).value(0));
        QFile key(testCertificate("client.key"));
        if (!key.open(QIODevice::ReadOnly))
            qFatal("cannot read the test client key");
        tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
    }
    return tls;
}

//! The type of the router's answer to HELLO over WebSocket, or nullopt with *error set.
std::optional<MessageType> joinWebSocket(const QUrl& url, SerializerKind kind,
                                         const std::optional<QSslConfiguration>& tls, const QString& realm,
                                         QString* error)
{
    QWebSocket socket;
    QList<QByteArray> received;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                     [&](const QString& text) { received << text.toUtf8(); });
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                     [&](const QByteArray& bytes) { received << bytes; });
    if (tls)
        socket.setSslConfiguration(*tls);
    QNetworkRequest request(url);
    request.setRawHeader("Sec-WebSocket-Protocol", "wamp.2." + serializerFor(kind).name().toUtf8());
    socket.open(request);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, kWaitMs)) {
        *error = s("cannot connect to %1: %2").arg(url.toString(), socket.errorString());
        return std::nullopt;
    }
    const Serializer& serializer = serializerFor(kind);
    const QByteArray hello =
        serializer.encode(*serializerFor(SerializerKind::Json).decode(helloFor(realm), nullptr));
    serializer.isBinary() ? socket.sendBinaryMessage(hello)
                          : socket.sendTextMessage(QString::fromUtf8(hello));
    if (!QTest::qWaitFor([&] { return !received.isEmpty(); }, kWaitMs)) {
        *error = s("no answer to HELLO from %1").arg(url.toString());
        return std::nullopt;
    }
    const auto answer = serializer.decodeMessage(received.first(), nullptr);
    socket.close();
    if (!answer) {
        *error = s("undecodable answer from %1").arg(url.toString());
        return std::nullopt;
    }
    return answer->type;
}

//! The type of the router's answer to HELLO over RawSocket on a connected \a device, or nullopt.
std::optional<MessageType> joinRawSocket(QIODevice& device, SerializerKind kind, const QString& realm,
                                         QString* error)
{
    QByteArray input;
    QObject::connect(&device, &QIODevice::readyRead, &device, [&] { input += device.readAll(); });
    device.write(rawsocket::handshake(15, rawSocketSerializerId(kind)));
    if (!QTest::qWaitFor([&] { return input.size() >= 4; }, kWaitMs)) {
        *error = s("no handshake reply");
        return std::nullopt;
    }
    const auto reply = rawsocket::parseHandshakeReply(input.first(4), error);
    if (!reply || !reply->accepted) {
        if (reply)
            *error = s("handshake refused: ") + rawsocket::describe(*reply->error);
        return std::nullopt;
    }
    const Serializer& serializer = serializerFor(kind);
    device.write(rawsocket::encodeFrame(
        rawsocket::FrameType::Message,
        serializer.encode(*serializerFor(SerializerKind::Json).decode(helloFor(realm), nullptr))));
    rawsocket::FrameReader reader(rawsocket::kMaxMaxLength);
    qsizetype fed = 4;
    std::optional<rawsocket::Frame> frame;
    const bool answered = QTest::qWaitFor(
        [&] {
            reader.append(QByteArrayView(input).sliced(fed));
            fed = input.size();
            while ((frame = reader.next())) {
                if (frame->type == rawsocket::FrameType::Message)
                    return true;
            }
            return false;
        },
        kWaitMs);
    if (!answered) {
        *error = s("no answer to HELLO");
        return std::nullopt;
    }
    const auto answer = serializer.decodeMessage(frame->payload, nullptr);
    if (!answer) {
        *error = s("undecodable answer");
        return std::nullopt;
    }
    return answer->type;
}

std::optional<MessageType> joinRawSocketAt(const TransportConfig& transport, const QUrl& address,
                                           const QString& realm, QString* error)
{
    const SerializerKind kind = transport.rawsocket.serializers.first();
    std::unique_ptr<QIODevice> device;
    bool connected = false;
    if (transport.endpoint.type == Endpoint::Type::Unix) {
        auto* socket = new QLocalSocket;
        device.reset(socket);
        socket->connectToServer(transport.endpoint.path);
        connected = QTest::qWaitFor([&] { return socket->state() == QLocalSocket::ConnectedState; }, kWaitMs);
    } else if (transport.endpoint.tls) {
        auto* socket = new QSslSocket;
        device.reset(socket);
        socket->setSslConfiguration(clientTls(*transport.endpoint.tls));
        socket->connectToHostEncrypted(address.host(), quint16(address.port()));
        connected = QTest::qWaitFor([&] { return socket->isEncrypted(); }, kWaitMs);
    } else {
        auto* socket = new QTcpSocket;
        device.reset(socket);
        socket->connectToHost(address.host(), quint16(address.port()));
        connected =
            QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; }, kWaitMs);
    }
    if (!connected) {
        *error = s("cannot connect to %1: %2").arg(address.toString(), device->errorString());
        return std::nullopt;
    }
    return joinRawSocket(*device, kind, realm, error);
}

// The warnings each file gives, checked exactly.
void addCorpusRows()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("warnings");
    const QString ignored = s(": not supported by Wampscope yet; ignored");
    const QString ws = s("workers[0].transports[0].options.");
    const QString uws = s("workers[0].transports[0].websocket.ws.options.");
    QTest::newRow("websocket") << s("websocket.json")
                               << QStringList{s("$schema") + ignored, s("controller") + ignored};
    QTest::newRow("websocket-production")
        << s("websocket-production.json")
        << QStringList{s("workers[0].transports[0].cookie") + ignored, ws + s("auto_fragment_size") + ignored,
                       ws + s("auto_ping_restart_on_any_traffic") + ignored,
                       ws + s("fail_by_drop") + ignored};
    QTest::newRow("rawsocket-unix-legacy") << s("rawsocket-unix-legacy.json") << QStringList();
    QTest::newRow("rawsocket") << s("rawsocket.json")
                               << QStringList{
                                      s("workers[0].transports[2].max_message_size: RawSocket announces "
                                        "lengths as powers of two from 512 bytes to 16 MiB: 100000 is "
                                        "announced and enforced as 65536")};
    QTest::newRow("tls") << s("tls.json")
                         << QStringList{s("workers[0].transports[0].endpoint.tls.chain_certificates") +
                                            ignored,
                                        s("workers[0].transports[0].endpoint.tls.dhparam") + ignored};
    QTest::newRow("universal") << s("universal.json")
                               << QStringList{s("$schema") + ignored,
                                              s("controller") + ignored,
                                              s("workers[0].transports[0].web") + ignored,
                                              uws + s("allow_null_origin") + ignored,
                                              uws + s("auto_fragment_size") + ignored,
                                              uws + s("auto_ping_restart_on_any_traffic") + ignored,
                                              uws + s("compression") + ignored,
                                              uws + s("fail_by_drop") + ignored};
    QTest::newRow("realms-roles")
        << s("realms-roles.json")
        << QStringList{
               s("controller") + ignored,
               s("workers[0].components") + ignored,
               s("workers[0].options") + ignored,
               s("workers[0].realms[0].store") + ignored,
               s("workers[0].realms[0].roles[2].authorizer") + ignored,
               s("workers[0].realms[0].roles[2].authorizer: dynamic authorizers are not implemented: role "
                 "'auditor' is allowed only what its static permissions say"),
               s("workers[0].realms[1].options.enable_meta_api") + ignored,
               s("workers[0].realms[2].roles: no roles: every session on realm 'sandbox' may call, register, "
                 "publish and subscribe anything"),
               s("workers[0].transports[1].auth.ticket: authentication method not implemented yet; clients "
                 "using it are refused"),
               s("workers[1]: worker type 'container' is not supported; ignored")};
    QTest::newRow("auth-anonymous")
        << s("auth-anonymous.json")
        << QStringList{s("workers[0].transports[2].auth.ticket: authentication method not implemented yet; "
                         "clients using it are refused")};
    QTest::newRow("example-config") << kExample << QStringList{s("$schema") + ignored};
    QTest::newRow("default-config") << kDefault << QStringList();
}

} // namespace

class TestConfigCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCorpusFileHasARow()
    {
        QStringList files = QDir(corpusDirectory()).entryList({s("*.json")}, QDir::Files, QDir::Name);
        QStringList rows{s("auth-anonymous.json"),
                         s("rawsocket-unix-legacy.json"),
                         s("rawsocket.json"),
                         s("realms-roles.json"),
                         s("tls.json"),
                         s("universal.json"),
                         s("websocket-production.json"),
                         s("websocket.json")};
        rows.sort();
        QCOMPARE(files, rows);
    }

    void loads_data() { addCorpusRows(); }
    void loads()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, warnings);
        const ConfigLoadResult result = load(file);
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.warnings, warnings);
        QVERIFY(result.config);
        QVERIFY(!result.config->realms.isEmpty());
        QVERIFY(!result.config->transports.isEmpty());
    }

    void roundTrips_data() { addCorpusRows(); }
    void roundTrips()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, warnings);
        const ConfigLoadResult loaded = load(file);
        QVERIFY(loaded.config);

        // Written back for the same directory: the very document that was read, every key kept.
        const QJsonDocument written = QJsonDocument::fromJson(ConfigWriter::toJson(*loaded.config));
        QCOMPARE(written, QJsonDocument(sourceDocument(file)));

        // Saved elsewhere (relative paths become absolute) and read again: the same model and warnings.
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString saved = directory.filePath(s("config.json"));
        QString error;
        QVERIFY2(ConfigWriter::save(*loaded.config, saved, &error), qPrintable(error));
        const ConfigLoadResult reloaded = ConfigLoader::loadFile(saved);
        QCOMPARE(reloaded.errors, QStringList());
        QCOMPARE(reloaded.warnings, warnings);
        QVERIFY(reloaded.config);
        QVERIFY(*reloaded.config == *loaded.config);
    }

    void runs_data() { addCorpusRows(); }
    void runs()
    {
        QFETCH(QString, file);
        ConfigLoadResult loaded = load(file);
        QVERIFY(loaded.config);
        RouterConfig config = *loaded.config;

        // Ports chosen by the system on the loopback interface, unix sockets in a directory of our own.
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        for (TransportConfig& transport : config.transports) {
            if (transport.endpoint.type == Endpoint::Type::Unix) {
                transport.endpoint.path = directory.filePath(transport.id + s(".sock"));
            } else {
                transport.endpoint.port = 0;
                transport.endpoint.interface = transport.endpoint.version == 6 ? s("::1") : s("127.0.0.1");
            }
        }

        Router router;
        const QList<TransportStatus> statuses = router.start(config);
        QCOMPARE(statuses.size(), config.transports.size());
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            const TransportConfig& transport = config.transports[i];
            const TransportStatus& status = statuses[i];
            QVERIFY2(status.listening, qPrintable(status.id + s(": ") + status.error));
            QCOMPARE(status.id, transport.id);

            // Anonymous sessions join the first realm that has their role (or authorizes nobody); a
            // transport without anonymous authentication refuses them.
            QString realm = config.realms.first().name;
            bool welcome = false;
            if (!transport.anonymousRole.isEmpty()) {
                for (const RealmConfig& candidate : std::as_const(config.realms)) {
                    const bool hasRole = std::any_of(
                        candidate.roles.begin(), candidate.roles.end(),
                        [&](const RoleConfig& role) { return role.name == transport.anonymousRole; });
                    if (candidate.roles.isEmpty() || hasRole) {
                        realm = candidate.name;
                        welcome = true;
                        break;
                    }
                }
            }
            const MessageType expected = welcome ? MessageType::Welcome : MessageType::Abort;

            const QStringList addresses = status.address.split(s(" and "));
            for (const QString& address : addresses) {
                const QUrl url(address);
                QString error;
                std::optional<MessageType> answer;
                if (url.scheme().startsWith(s("ws"))) {
                    std::optional<QSslConfiguration> tls;
                    if (transport.endpoint.tls)
                        tls = clientTls(*transport.endpoint.tls);
                    answer = joinWebSocket(url, transport.websocket.serializers.first(), tls, realm, &error);
                } else {
                    answer = joinRawSocketAt(transport, url, realm, &error);
                }
                QVERIFY2(answer, qPrintable(transport.id + s(" at ") + address + s(": ") + error));
                QVERIFY2(*answer == expected,
                         qPrintable(transport.id + s(" at ") + address + s(": unexpected answer to HELLO")));
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(router.sessions().isEmpty(), kWaitMs);
    }
};

QTEST_MAIN(TestConfigCorpus)
#include "tst_configcorpus.moc"
