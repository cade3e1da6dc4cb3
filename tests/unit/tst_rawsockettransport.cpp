// The listening RawSocket transport on real sockets (TCP on 127.0.0.1 port 0, TLS, Unix): handshake, limits,
// framing errors, keep-alive, unix socket files, TLS files and client certificates, the universal transport.
//
// The router runs on the test thread, so every wait spins the event loop (QTest::qWaitFor, QTRY_*): a
// blocking waitFor* on data the router must produce would never see it.

#include "config/configloader.h"
#include "core/router.h"
#include "fakepeer.h"
#include "transport/rawsocketframing.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <memory>

using namespace wamp;

namespace {

constexpr int kWaitMs = 5000;

QByteArray hex(const char* digits)
{
    return QByteArray::fromHex(digits);
}

//! A message written as JSON, in \a kind's wire format.
QByteArray wire(SerializerKind kind, QByteArrayView json)
{
    const std::optional<Value> value = serializerFor(SerializerKind::Json).decode(json, nullptr);
    if (!value)
        qFatal("bad JSON in the test: %s", json.constData());
    return serializerFor(kind).encode(*value);
}

QByteArray helloJson(const QByteArray& padding = {})
{
    QByteArray hello = R"([1,"realm1",{"roles":{"caller":{},"callee":{},"publisher":{},"subscriber":{}})";
    if (!padding.isEmpty())
        hello += R"(,"pad":")" + padding + '"';
    return hello + "}]";
}

//! HELLO as JSON, padded to exactly \a size bytes.
QByteArray helloOfSize(qsizetype size)
{
    const qsizetype overhead = helloJson("x").size() - 1;
    return helloJson(QByteArray(size - overhead, 'x'));
}

QByteArray header(int firstOctet, quint32 length)
{
    QByteArray bytes(4, '\0');
    bytes[0] = char(firstOctet);
    bytes[1] = char(length >> 16);
    bytes[2] = char(length >> 8);
    bytes[3] = char(length);
    return bytes;
}

/*!
 * A RawSocket client on any stream socket, written for the tests: sends raw bytes, records the router's
 * handshake reply, splits what follows into frames, decodes messages, and answers PINGs unless told not to.
 */
class RsClient : public QObject {
public:
    explicit RsClient(QIODevice* device)
        : m_device(device)
    {
        m_device->setParent(this);
        connect(m_device, &QIODevice::readyRead, this, &RsClient::onReadyRead);
        if (auto* tcp = qobject_cast<QAbstractSocket*>(m_device))
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }

    static std::unique_ptr<RsClient> tcp(quint16 port)
    {
        auto* socket = new QTcpSocket;
        socket->connectToHost(QHostAddress::LocalHost, port);
        return std::make_unique<RsClient>(socket);
    }
    static std::unique_ptr<RsClient> local(const QString& path)
    {
        auto* socket = new QLocalSocket;
        socket->connectToServer(path);
        return std::make_unique<RsClient>(socket);
    }
    static std::unique_ptr<RsClient> tls(quint16 port, const QSslConfiguration& configuration)
    {
        auto* socket = new QSslSocket;
        socket->setSslConfiguration(configuration);
        auto client = std::make_unique<RsClient>(socket);
        QObject::connect(socket, &QSslSocket::sslErrors, client.get(),
                         [client = client.get()](const QList<QSslError>& errors) {
                             for (const QSslError& error : errors)
                                 client->sslErrors << error.errorString();
                         });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
        return client;
    }

    bool isConnected() const
    {
        if (auto* ssl = qobject_cast<QSslSocket*>(m_device))
            return ssl->isEncrypted() && ssl->state() == QAbstractSocket::ConnectedState;
        if (auto* tcp = qobject_cast<QAbstractSocket*>(m_device))
            return tcp->state() == QAbstractSocket::ConnectedState;
        return qobject_cast<QLocalSocket*>(m_device)->state() == QLocalSocket::ConnectedState;
    }
    bool isClosed() const
    {
        if (auto* tcp = qobject_cast<QAbstractSocket*>(m_device))
            return tcp->state() == QAbstractSocket::UnconnectedState;
        return qobject_cast<QLocalSocket*>(m_device)->state() == QLocalSocket::UnconnectedState;
    }
    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return isConnected(); }, kWaitMs);
    }
    bool waitClosed(int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([this] { return isClosed(); }, timeoutMs);
    }

    void write(const QByteArray& bytes) { m_device->write(bytes); }

    //! Sends the 4-byte handshake and returns the router's 4-byte reply (empty if none came).
    QByteArray handshake(int exponent, int serializerId)
    {
        for (SerializerKind kind : allSerializerKinds()) {
            if (serializerFor(kind).rawSocketId() == serializerId)
                m_kind = kind;
        }
        write(rawsocket::handshake(exponent, serializerId));
        return waitReply();
    }
    QByteArray waitReply()
    {
        return QTest::qWaitFor([this] { return reply.size() == 4 || isClosed(); }, kWaitMs) ? reply
                                                                                            : QByteArray();
    }
    //! Connects, shakes hands with \a kind accepting 2^(9 + exponent) bytes, and joins realm1.
    bool join(SerializerKind kind = SerializerKind::Json, int exponent = 15)
    {
        if (!waitConnected())
            return false;
        const QByteArray answer = handshake(exponent, serializerFor(kind).rawSocketId());
        if (answer.size() != 4 || (quint8(answer[1]) & 0x0F) != serializerFor(kind).rawSocketId())
            return false;
        return hello();
    }
    //! After the handshake: HELLO, and true on WELCOME.
    bool hello()
    {
        send(helloJson());
        const std::optional<Message> welcome = next();
        return welcome && welcome->type == MessageType::Welcome;
    }

    void send(QByteArrayView json)
    {
        write(rawsocket::encodeFrame(rawsocket::FrameType::Message, wire(m_kind, json)));
    }
    //! The next message from the router, waiting for it; nullopt if none came.
    std::optional<Message> next(int timeoutMs = kWaitMs)
    {
        if (!QTest::qWaitFor([this] { return !messages.isEmpty(); }, timeoutMs)) {
            if (!frameError.isEmpty())
                qWarning("no message; the last frame error was: %s", qPrintable(frameError));
            return std::nullopt;
        }
        return messages.takeFirst();
    }
    quint64 newRequestId() { return ++m_lastRequestId; }

    QIODevice* device() const { return m_device; }

    QByteArray reply;
    QList<Message> messages;
    QList<QByteArray> pings;
    QList<QByteArray> pongs;
    QStringList sslErrors;
    QString frameError;
    bool answerPings = true;

private:
    void onReadyRead()
    {
        QByteArray bytes = m_device->readAll();
        if (reply.size() < 4) {
            const qsizetype take = std::min<qsizetype>(4 - reply.size(), bytes.size());
            reply += bytes.first(take);
            bytes.remove(0, take);
        }
        m_reader.append(bytes);
        while (std::optional<rawsocket::Frame> frame = m_reader.next()) {
            switch (frame->type) {
            case rawsocket::FrameType::Message: {
                QString error;
                if (auto message = serializerFor(m_kind).decodeMessage(frame->payload, &error))
                    messages << *message;
                else
                    frameError = error;
                break;
            }
            case rawsocket::FrameType::Ping:
                pings << frame->payload;
                if (answerPings)
                    write(rawsocket::encodeFrame(rawsocket::FrameType::Pong, frame->payload));
                break;
            case rawsocket::FrameType::Pong:
                pongs << frame->payload;
                break;
            }
        }
        if (m_reader.hasError())
            frameError = m_reader.error();
    }

    QIODevice* m_device;
    SerializerKind m_kind = SerializerKind::Json;
    rawsocket::FrameReader m_reader{rawsocket::kMaxMaxLength};
    quint64 m_lastRequestId = 100;
};

/*!
 * A joined session that is not part of the row under test: it subscribes to a topic, and stillRoutes()
 * checks that a publication still reaches it, so a row shows that bad input on one connection leaves the
 * others alone.
 */
class Bystander {
public:
    explicit Bystander(std::unique_ptr<RsClient> client, SerializerKind kind = SerializerKind::Json)
        : m_client(std::move(client))
    {
        m_joined = m_client->join(kind);
        if (m_joined) {
            m_client->send(R"([32,1,{},"com.bystander.topic"])");
            const auto subscribed = m_client->next();
            m_joined = subscribed && subscribed->type == MessageType::Subscribed;
        }
    }
    bool joined() const { return m_joined; }
    bool stillRoutes()
    {
        if (!m_joined || !m_client->isConnected())
            return false;
        const quint64 request = m_client->newRequestId();
        m_client->send(
            QStringLiteral(R"([16,%1,{"acknowledge":true,"exclude_me":false},"com.bystander.topic"])")
                .arg(request)
                .toUtf8());
        QList<MessageType> types;
        for (int i = 0; i < 2; ++i) {
            const auto message = m_client->next();
            if (!message)
                return false;
            types << message->type;
        }
        return types.contains(MessageType::Event) && types.contains(MessageType::Published);
    }

private:
    std::unique_ptr<RsClient> m_client;
    bool m_joined = false;
};

TransportConfig rawSocketTransport()
{
    TransportConfig transport;
    transport.id = QStringLiteral("rs-test");
    transport.type = TransportType::RawSocket;
    transport.endpoint.interface = QStringLiteral("127.0.0.1");
    transport.endpoint.port = 0;
    return transport;
}

TransportConfig unixTransport(const QString& path)
{
    TransportConfig transport;
    transport.id = QStringLiteral("unix-test");
    transport.type = TransportType::RawSocket;
    transport.endpoint.type = Endpoint::Type::Unix;
    transport.endpoint.path = path;
    return transport;
}

quint16 portOf(const TransportStatus& status)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral(R"(://[^ ]+:(\d+))")).match(status.address);
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

// Leaves a stale socket file at \a path, as a process that died without cleaning up would: bound, never
// unlinked, nobody listening.
bool leaveStaleSocketFile(const QString& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    std::memcpy(address.sun_path, encoded.constData(),
                std::min<size_t>(encoded.size(), sizeof address.sun_path - 1));
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

//! Runs the openssl CLI with space-separated \a arguments.
bool runOpenssl(const QString& directory, const char* arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(directory);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), QString::fromLatin1(arguments).split(u' '));
    // The router is not running yet: blocking here starves nothing.
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        qWarning("openssl %s failed: %s", arguments, openssl.readAll().constData());
        return false;
    }
    return true;
}

} // namespace

class TestRawSocketTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void handshakeAndCallForEachSerializer_data();
    void handshakeAndCallForEachSerializer();
    void serializersListLimitsWhatIsAccepted();
    void legacySerializerKeyFromTheConfiguration();
    void reservedHandshakeOctetsGetError3_data();
    void reservedHandshakeOctetsGetError3();
    void wrongMagicIsClosedWithoutReply_data();
    void wrongMagicIsClosedWithoutReply();
    void maxConnectionsGetError4();
    void handshakeTimeout_data();
    void handshakeTimeout();
    void announcedLengthIsEnforced_data();
    void announcedLengthIsEnforced();
    void messageAboveTheClientsLimitClosesThatClient();
    void pingIsAnsweredWithPong();
    void badFrameHeaderCloses_data();
    void badFrameHeaderCloses();
    void keepAliveClosesSilentClients();
    void zeroLengthMessageIsAProtocolViolation();
    void manyFramesInOneWrite();
    void oneFrameByteByByte();

    void unixSocketServes();
    void staleUnixSocketFileIsReplaced();
    void liveUnixSocketIsNotTaken();
    void regularFileIsNotReplaced();

    void rawSocketOverTls();
    void clientCertificates_data();
    void clientCertificates();
    void badTlsFilesFailToStart_data();
    void badTlsFilesFailToStart();

    void universalServesRawSocketWebSocketAndHttp();
    void universalOverTls();

private:
    QList<TransportStatus> start(QList<TransportConfig> transports);
    quint16 startTcp(const TransportConfig& transport);
    QString pki(const char* file) const { return m_pki.filePath(QString::fromLatin1(file)); }
    QSslConfiguration trustingServer() const;
    QSslConfiguration presenting(const QString& certificate, const QString& key) const;
    QStringList rejections() const;

    QTemporaryDir m_pki;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<QSignalSpy> m_rejected;
};

void TestRawSocketTransport::initTestCase()
{
    QVERIFY(m_pki.isValid());
    const QString dir = m_pki.path();
    // The server's self-signed certificate (RSA 2048); a CA for client certificates and a client certificate
    // it signed (EC keys: quick to make); a key of another size than the server certificate's.
    QVERIFY(runOpenssl(dir, "req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 1 "
                            "-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost"));
    QVERIFY(runOpenssl(dir,
                       "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key "
                       "-out ca.pem -days 1 -subj /CN=WampscopeTestCA"));
    QVERIFY(runOpenssl(dir, "req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout client.key "
                            "-out client.csr -subj /CN=client"));
    QVERIFY(runOpenssl(dir, "x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
                            "-out client.pem -days 1"));
    QVERIFY(runOpenssl(dir, "genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out key1024.pem"));
    QFile notPem(pki("not-pem.txt"));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("this is not a PEM file\n");
}

void TestRawSocketTransport::init()
{
    m_router = std::make_unique<Router>();
    m_rejected = std::make_unique<QSignalSpy>(m_router.get(), &Router::connectionRejected);
}

void TestRawSocketTransport::cleanup()
{
    m_rejected.reset();
    m_router.reset();
}

QList<TransportStatus> TestRawSocketTransport::start(QList<TransportConfig> transports)
{
    RouterConfig config = testRouterConfig();
    config.transports = std::move(transports);
    return m_router->start(config);
}

quint16 TestRawSocketTransport::startTcp(const TransportConfig& transport)
{
    const QList<TransportStatus> statuses = start({transport});
    if (statuses.size() != 1 || !statuses.first().listening) {
        qWarning("transport did not start: %s", qPrintable(statuses.value(0).error));
        return 0;
    }
    return portOf(statuses.first());
}

QSslConfiguration TestRawSocketTransport::trustingServer() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(pki("cert.pem")));
    return configuration;
}

//! trustingServer(), presenting the client certificate in the PEM files \a certificate and \a key.
QSslConfiguration TestRawSocketTransport::presenting(const QString& certificate, const QString& key) const
{
    QSslConfiguration configuration = trustingServer();
    QFile keyFile(m_pki.filePath(key));
    const QByteArray pem = keyFile.open(QIODevice::ReadOnly) ? keyFile.readAll() : QByteArray();
    QSslKey privateKey(pem, QSsl::Rsa);
    if (privateKey.isNull())
        privateKey = QSslKey(pem, QSsl::Ec);
    configuration.setLocalCertificate(QSslCertificate::fromPath(m_pki.filePath(certificate)).value(0));
    configuration.setPrivateKey(privateKey);
    return configuration;
}

QStringList TestRawSocketTransport::rejections() const
{
    QStringList reasons;
    for (const QList<QVariant>& arguments : std::as_const(*m_rejected))
        reasons << arguments.at(2).toString();
    return reasons;
}

void TestRawSocketTransport::handshakeAndCallForEachSerializer_data()
{
    QTest::addColumn<SerializerKind>("kind");
    QTest::addColumn<QByteArray>("expectedReply");
    // Default max_message_size 128 kB = 2^17: exponent 8 in the high nibble.
    QTest::newRow("json") << SerializerKind::Json << hex("7f810000");
    QTest::newRow("msgpack") << SerializerKind::MsgPack << hex("7f820000");
    QTest::newRow("cbor") << SerializerKind::Cbor << hex("7f830000");
}

void TestRawSocketTransport::handshakeAndCallForEachSerializer()
{
    QFETCH(SerializerKind, kind);
    QFETCH(QByteArray, expectedReply);
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);

    auto callee = RsClient::tcp(port);
    QVERIFY(callee->waitConnected());
    QCOMPARE(callee->handshake(15, serializerFor(kind).rawSocketId()), expectedReply);
    QVERIFY(callee->hello());
    QCOMPARE(m_router->sessions().size(), 1);
    QCOMPARE(m_router->sessions().first().serializer, serializerFor(kind).name());
    QCOMPARE(m_router->sessions().first().transportType, QStringLiteral("rawsocket"));
    QCOMPARE(m_router->sessions().first().transportId, QStringLiteral("rs-test"));

    callee->send(R"([64,1,{},"com.example.add"])");
    const auto registered = callee->next();
    QVERIFY(registered);
    QCOMPARE(registered->type, MessageType::Registered);

    auto caller = RsClient::tcp(port);
    QVERIFY(caller->join(kind));
    caller->send(R"([48,7,{},"com.example.add",[2,3]])");
    const auto invocation = callee->next();
    QVERIFY(invocation);
    QCOMPARE(invocation->type, MessageType::Invocation);
    QCOMPARE(invocation->args, Value(Value::List{Value(2), Value(3)}));
    callee->send(QStringLiteral("[70,%1,{},[5]]").arg(invocation->requestId).toUtf8());
    const auto result = caller->next();
    QVERIFY(result);
    QCOMPARE(result->type, MessageType::Result);
    QCOMPARE(result->requestId, quint64(7));
    QCOMPARE(result->args, Value(Value::List{Value(5)}));

    caller->device()->close();
    QTRY_COMPARE(m_router->sessions().size(), 1);
}

void TestRawSocketTransport::serializersListLimitsWhatIsAccepted()
{
    TransportConfig transport = rawSocketTransport();
    transport.rawsocket.serializers = {SerializerKind::MsgPack};
    const quint16 port = startTcp(transport);
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port), SerializerKind::MsgPack);
    QVERIFY(bystander.joined());

    auto json = RsClient::tcp(port);
    QVERIFY(json->waitConnected());
    QCOMPARE(json->handshake(15, 1), hex("7f100000"));
    QVERIFY(json->waitClosed());
    QCOMPARE(m_rejected->size(), 1);
    QVERIFY2(rejections().first().contains(QStringLiteral("serializer 1 is not served here (msgpack)")),
             qPrintable(rejections().first()));

    auto cbor = RsClient::tcp(port);
    QVERIFY(cbor->waitConnected());
    QCOMPARE(cbor->handshake(15, 3), hex("7f100000"));
    QVERIFY(cbor->waitClosed());

    auto msgpack = RsClient::tcp(port);
    QVERIFY(msgpack->join(SerializerKind::MsgPack));
    QCOMPARE(msgpack->reply, hex("7f820000"));
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::legacySerializerKeyFromTheConfiguration()
{
    const ConfigLoadResult loaded = ConfigLoader::load(R"({"version": 2, "workers": [{"type": "router",
        "realms": [{"name": "realm1"}],
        "transports": [{"id": "legacy", "type": "rawsocket", "serializer": "cbor",
                        "endpoint": {"type": "tcp", "interface": "127.0.0.1", "port": 9999}}]}]})");
    QVERIFY2(loaded.config, qPrintable(loaded.errors.join(u'\n')));
    QCOMPARE(loaded.config->transports.size(), 1);
    TransportConfig transport = loaded.config->transports.first();
    QVERIFY((transport.rawsocket.serializers == QList<SerializerKind>{SerializerKind::Cbor}));
    transport.endpoint.port = 0;
    const quint16 port = startTcp(transport);
    QVERIFY(port);

    auto json = RsClient::tcp(port);
    QVERIFY(json->waitConnected());
    QCOMPARE(json->handshake(15, 1), hex("7f100000"));
    QVERIFY(json->waitClosed());
    auto cbor = RsClient::tcp(port);
    QVERIFY(cbor->join(SerializerKind::Cbor));
    QCOMPARE(cbor->reply, hex("7f830000"));
}

void TestRawSocketTransport::reservedHandshakeOctetsGetError3_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("octet 3") << hex("7ff10100");
    QTest::newRow("octet 4") << hex("7ff10001");
}

void TestRawSocketTransport::reservedHandshakeOctetsGetError3()
{
    QFETCH(QByteArray, request);
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port));
    QVERIFY(bystander.joined());

    auto client = RsClient::tcp(port);
    QVERIFY(client->waitConnected());
    client->write(request);
    QCOMPARE(client->waitReply(), hex("7f300000"));
    QVERIFY(client->waitClosed());
    QCOMPARE(m_rejected->size(), 1);
    QVERIFY(rejections().first().contains(QStringLiteral("reserved octets")));
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::wrongMagicIsClosedWithoutReply_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("reasonMentions");
    QTest::newRow("HTTP request") << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                  << QStringList{QStringLiteral("0x47"), QStringLiteral("HTTP")};
    // The start of a TLS 1.2 ClientHello record: handshake (0x16), version 3.1, length, ClientHello (0x01).
    QTest::newRow("TLS ClientHello") << hex("160301020001000200fc0303") << QStringList{QStringLiteral("TLS")};
    // A client that sends a single wrong byte is refused at once, and the reason still names the byte.
    QTest::newRow("one wrong byte") << QByteArray("G") << QStringList{QStringLiteral("0x47")};
}

void TestRawSocketTransport::wrongMagicIsClosedWithoutReply()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, reasonMentions);
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port));
    QVERIFY(bystander.joined());

    auto client = RsClient::tcp(port);
    QVERIFY(client->waitConnected());
    client->write(bytes);
    QVERIFY(client->waitClosed());
    QCOMPARE(client->reply, QByteArray());
    QCOMPARE(m_rejected->size(), 1);
    const QString reason = rejections().first();
    for (const QString& mention : reasonMentions)
        QVERIFY2(reason.contains(mention), qPrintable(reason));
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::maxConnectionsGetError4()
{
    TransportConfig limited = rawSocketTransport();
    limited.rawsocket.maxConnections = 1;
    TransportConfig other = rawSocketTransport();
    other.id = QStringLiteral("bystanders");
    const QList<TransportStatus> statuses = start({limited, other});
    QCOMPARE(statuses.size(), 2);
    const quint16 port = portOf(statuses.at(0));
    Bystander bystander(RsClient::tcp(portOf(statuses.at(1))));
    QVERIFY(bystander.joined());

    auto first = RsClient::tcp(port);
    QVERIFY(first->join());
    auto second = RsClient::tcp(port);
    QVERIFY(second->waitConnected());
    QCOMPARE(second->handshake(15, 1), hex("7f400000"));
    QVERIFY(second->waitClosed());
    QVERIFY2(rejections().value(0).contains(QStringLiteral("maximum connection count (1)")),
             qPrintable(rejections().value(0)));
    QVERIFY(first->isConnected());

    // The slot is free again once the first connection is gone.
    first->device()->close();
    QTRY_COMPARE(m_router->sessions().size(), 1);
    auto third = RsClient::tcp(port);
    QVERIFY(third->join());
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::handshakeTimeout_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("two bytes") << hex("7f81");
}

void TestRawSocketTransport::handshakeTimeout()
{
    QFETCH(QByteArray, sent);
    TransportConfig transport = rawSocketTransport();
    transport.rawsocket.handshakeTimeoutMs = 200;
    const quint16 port = startTcp(transport);
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port));
    QVERIFY(bystander.joined());

    auto client = RsClient::tcp(port);
    QVERIFY(client->waitConnected());
    QElapsedTimer elapsed;
    elapsed.start();
    client->write(sent);
    QVERIFY(client->waitClosed(3000));
    QVERIFY2(elapsed.elapsed() >= 150, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(client->reply, QByteArray());
    QCOMPARE(rejections(), QStringList{QStringLiteral("no RawSocket handshake within 200 ms")});
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::announcedLengthIsEnforced_data()
{
    QTest::addColumn<qint64>("maxMessageSize");
    QTest::addColumn<QByteArray>("expectedReply");
    QTest::addColumn<qsizetype>("limit");
    QTest::newRow("1024") << qint64(1024) << hex("7f110000") << qsizetype(1024);
    QTest::newRow("1500 is announced and enforced as 1024")
        << qint64(1500) << hex("7f110000") << qsizetype(1024);
    QTest::newRow("512") << qint64(512) << hex("7f010000") << qsizetype(512);
}

void TestRawSocketTransport::announcedLengthIsEnforced()
{
    QFETCH(qint64, maxMessageSize);
    QFETCH(QByteArray, expectedReply);
    QFETCH(qsizetype, limit);
    TransportConfig transport = rawSocketTransport();
    transport.rawsocket.maxMessageSize = maxMessageSize;
    const quint16 port = startTcp(transport);
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port));
    QVERIFY(bystander.joined());

    // A header announcing one byte more than announced closes the connection before any payload.
    auto tooLong = RsClient::tcp(port);
    QVERIFY(tooLong->waitConnected());
    QCOMPARE(tooLong->handshake(15, 1), expectedReply);
    tooLong->write(header(0, quint32(limit + 1)));
    QVERIFY(tooLong->waitClosed());
    QVERIFY(tooLong->messages.isEmpty());

    // Exactly the announced length is a message (here a valid HELLO, padded).
    auto exact = RsClient::tcp(port);
    QVERIFY(exact->waitConnected());
    QCOMPARE(exact->handshake(15, 1), expectedReply);
    const QByteArray hello = helloOfSize(limit);
    QCOMPARE(hello.size(), limit);
    exact->write(rawsocket::encodeFrame(rawsocket::FrameType::Message, hello));
    const auto welcome = exact->next();
    QVERIFY(welcome);
    QCOMPARE(welcome->type, MessageType::Welcome);
    QVERIFY(exact->isConnected());
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::messageAboveTheClientsLimitClosesThatClient()
{
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port));
    QVERIFY(bystander.joined());
    QSignalSpy left(m_router.get(), &Router::sessionLeft);

    auto callee = RsClient::tcp(port);
    QVERIFY(callee->join());
    callee->send(R"([64,1,{},"com.example.big"])");
    QVERIFY(callee->next());
    // The caller accepts 2^9 = 512 bytes; the result is larger.
    auto caller = RsClient::tcp(port);
    QVERIFY(caller->join(SerializerKind::Json, 0));
    caller->send(R"([48,1,{},"com.example.big"])");
    const auto invocation = callee->next();
    QVERIFY(invocation);
    callee->send(
        QStringLiteral(R"([70,%1,{},["%2"]])").arg(invocation->requestId).arg(QString(2000, u'x')).toUtf8());

    QVERIFY(caller->waitClosed());
    QVERIFY(caller->messages.isEmpty());
    QTRY_COMPARE(left.size(), 1);
    const QString reason = left.first().at(1).toString();
    QVERIFY2(reason.contains(QStringLiteral("the peer accepts at most 512")), qPrintable(reason));
    QVERIFY(callee->isConnected());
    QCOMPARE(m_router->sessions().size(), 2);
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::pingIsAnsweredWithPong()
{
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    auto client = RsClient::tcp(port);
    QVERIFY(client->join());
    const QByteArray payload = hex("00ff7f80") + "ping";
    client->write(rawsocket::encodeFrame(rawsocket::FrameType::Ping, payload));
    client->write(rawsocket::encodeFrame(rawsocket::FrameType::Ping, {}));
    QTRY_COMPARE(client->pongs.size(), 2);
    QCOMPARE(client->pongs.at(0), payload);
    QCOMPARE(client->pongs.at(1), QByteArray());
    QVERIFY(client->isConnected());
    QVERIFY(client->messages.isEmpty());
}

void TestRawSocketTransport::badFrameHeaderCloses_data()
{
    QTest::addColumn<int>("firstOctet");
    QTest::newRow("reserved frame type 3") << 0x03;
    QTest::newRow("reserved frame type 7") << 0x07;
    QTest::newRow("reserved bit 3") << 0x08;
    QTest::newRow("reserved bit 7") << 0x80;
}

void TestRawSocketTransport::badFrameHeaderCloses()
{
    QFETCH(int, firstOctet);
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port));
    QVERIFY(bystander.joined());
    QSignalSpy left(m_router.get(), &Router::sessionLeft);

    auto client = RsClient::tcp(port);
    QVERIFY(client->join());
    client->write(header(firstOctet, 2) + "[]");
    QVERIFY(client->waitClosed());
    QTRY_COMPARE(left.size(), 1);
    QCOMPARE(m_router->sessions().size(), 1);
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::keepAliveClosesSilentClients()
{
    TransportConfig transport = rawSocketTransport();
    transport.rawsocket.pingIntervalMs = 100;
    transport.rawsocket.pingTimeoutMs = 300;
    const quint16 port = startTcp(transport);
    QVERIFY(port);
    QSignalSpy left(m_router.get(), &Router::sessionLeft);

    auto silent = RsClient::tcp(port);
    silent->answerPings = false;
    QVERIFY(silent->join());
    auto answering = RsClient::tcp(port);
    QVERIFY(answering->join());

    QVERIFY(silent->waitClosed());
    QVERIFY(!silent->pings.isEmpty());
    QTRY_COMPARE(left.size(), 1);
    QVERIFY2(left.first().at(1).toString().contains(QStringLiteral("keep-alive: no PONG within 300 ms")),
             qPrintable(left.first().at(1).toString()));
    // The answering client outlives several ping timeouts.
    QTRY_VERIFY_WITH_TIMEOUT(answering->pings.size() >= 10, kWaitMs);
    QVERIFY(answering->isConnected());
    QCOMPARE(answering->pings.last().size(), 4);
    QCOMPARE(m_router->sessions().size(), 1);
}

void TestRawSocketTransport::zeroLengthMessageIsAProtocolViolation()
{
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    Bystander bystander(RsClient::tcp(port));
    QVERIFY(bystander.joined());

    auto client = RsClient::tcp(port);
    QVERIFY(client->join());
    client->write(header(0, 0));
    const auto abort = client->next();
    QVERIFY(abort);
    QCOMPARE(abort->type, MessageType::Abort);
    QCOMPARE(abort->uri, QByteArray("wamp.error.protocol_violation"));
    QVERIFY(client->waitClosed());
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::manyFramesInOneWrite()
{
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    auto client = RsClient::tcp(port);
    QVERIFY(client->waitConnected());
    const auto message = [](QByteArrayView json) {
        return rawsocket::encodeFrame(rawsocket::FrameType::Message, json);
    };
    // Handshake, HELLO, a PING, SUBSCRIBE and an acknowledged PUBLISH to the same topic, in one write.
    client->write(rawsocket::handshake(15, 1) + message(helloJson()) +
                  rawsocket::encodeFrame(rawsocket::FrameType::Ping, "p") + message(R"([32,1,{},"com.t"])") +
                  message(R"([16,2,{"acknowledge":true,"exclude_me":false},"com.t",["x"]])"));
    QList<MessageType> types;
    for (int i = 0; i < 4; ++i) {
        const auto next = client->next();
        QVERIFY2(next, qPrintable(QStringLiteral("message %1 missing").arg(i)));
        types << next->type;
    }
    QCOMPARE(client->reply, hex("7f810000"));
    QCOMPARE(types.mid(0, 2), (QList<MessageType>{MessageType::Welcome, MessageType::Subscribed}));
    QVERIFY(types.contains(MessageType::Event));
    QVERIFY(types.contains(MessageType::Published));
    QCOMPARE(client->pongs, QList<QByteArray>{QByteArray("p")});
}

void TestRawSocketTransport::oneFrameByteByByte()
{
    const quint16 port = startTcp(rawSocketTransport());
    QVERIFY(port);
    auto client = RsClient::tcp(port);
    QVERIFY(client->waitConnected());
    const QByteArray bytes =
        rawsocket::handshake(15, 1) + rawsocket::encodeFrame(rawsocket::FrameType::Message, helloJson());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        client->write(bytes.sliced(i, 1));
        // Let the byte reach the router and the router read it, before the next one.
        QTest::qWait(2);
        if (i < 3)
            QCOMPARE(client->reply, QByteArray());
    }
    const auto welcome = client->next();
    QVERIFY(welcome);
    QCOMPARE(welcome->type, MessageType::Welcome);
    QCOMPARE(client->reply, hex("7f810000"));
}

void TestRawSocketTransport::unixSocketServes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("router.sock"));
    const QList<TransportStatus> statuses = start({unixTransport(path)});
    QVERIFY(statuses.first().listening);
    QCOMPARE(statuses.first().address, QStringLiteral("unix://") + path);
    Bystander bystander(RsClient::local(path));
    QVERIFY(bystander.joined());

    auto client = RsClient::local(path);
    QVERIFY(client->join(SerializerKind::MsgPack));
    QCOMPARE(client->reply, hex("7f820000"));
    QCOMPARE(m_router->sessions().size(), 2);
    QCOMPARE(m_router->sessions().first().transportId, QStringLiteral("unix-test"));
    client->write(header(0x03, 0)); // a bad frame on a unix socket closes just that connection too
    QVERIFY(client->waitClosed());
    QVERIFY(bystander.stillRoutes());

    m_router.reset();
    QVERIFY(!QFile::exists(path)); // removed on shutdown
}

void TestRawSocketTransport::staleUnixSocketFileIsReplaced()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("router.sock"));
    QVERIFY(leaveStaleSocketFile(path));
    QVERIFY(QFile::exists(path));

    const QList<TransportStatus> statuses = start({unixTransport(path)});
    QVERIFY2(statuses.first().listening, qPrintable(statuses.first().error));
    auto client = RsClient::local(path);
    QVERIFY(client->join());
}

void TestRawSocketTransport::liveUnixSocketIsNotTaken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("router.sock"));
    QLocalServer owner;
    QVERIFY(owner.listen(path));

    const QList<TransportStatus> statuses = start({unixTransport(path)});
    QVERIFY(!statuses.first().listening);
    QCOMPARE(statuses.first().error, path + QStringLiteral(" is in use by a running process"));
    // The owner keeps its socket.
    QLocalSocket probe;
    probe.connectToServer(path);
    QTRY_VERIFY(owner.hasPendingConnections());
    QTRY_COMPARE(probe.state(), QLocalSocket::ConnectedState);
}

void TestRawSocketTransport::regularFileIsNotReplaced()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("router.sock"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("precious");
    file.close();

    const QList<TransportStatus> statuses = start({unixTransport(path)});
    QVERIFY(!statuses.first().listening);
    QCOMPARE(statuses.first().error, path + QStringLiteral(" exists and is not a socket; not replacing it"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
}

void TestRawSocketTransport::rawSocketOverTls()
{
    TransportConfig transport = rawSocketTransport();
    transport.endpoint.tls = TlsOptions{pki("key.pem"), pki("cert.pem"), {}, {}};
    const QList<TransportStatus> statuses = start({transport});
    QVERIFY2(statuses.first().listening, qPrintable(statuses.first().error));
    QVERIFY(statuses.first().address.startsWith(QStringLiteral("rss://127.0.0.1:")));
    const quint16 port = portOf(statuses.first());
    Bystander bystander(RsClient::tls(port, trustingServer()));
    QVERIFY(bystander.joined());

    auto client = RsClient::tls(port, trustingServer());
    QVERIFY(client->join(SerializerKind::Cbor));
    QVERIFY2(client->sslErrors.isEmpty(), qPrintable(client->sslErrors.join(u'\n')));
    QCOMPARE(client->reply, hex("7f830000"));
    bool tlsSession = false;
    for (const SessionInfo& info : m_router->sessions())
        tlsSession = tlsSession || (info.serializer == QStringLiteral("cbor") &&
                                    info.transportType == QStringLiteral("rawsocket+tls"));
    QVERIFY(tlsSession);
    client->write(header(0, 0xFFFFFF)); // oversized: closes this TLS connection only
    QVERIFY(client->waitClosed());
    QVERIFY(bystander.stillRoutes());

    // A plain TCP client on the TLS port gets nowhere, and nothing breaks.
    auto plain = RsClient::tcp(port);
    QVERIFY(plain->waitConnected());
    plain->write(rawsocket::handshake(15, 1));
    QVERIFY(plain->waitClosed(10000));
    QVERIFY(!plain->reply.startsWith('\x7f'));
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::clientCertificates_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("no certificate") << QString() << QString() << false;
    QTest::newRow("certificate the CA did not sign")
        << QStringLiteral("cert.pem") << QStringLiteral("key.pem") << false;
    QTest::newRow("certificate the CA signed")
        << QStringLiteral("client.pem") << QStringLiteral("client.key") << true;
}

void TestRawSocketTransport::clientCertificates()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(bool, accepted);
    TransportConfig transport = rawSocketTransport();
    transport.endpoint.tls = TlsOptions{pki("key.pem"), pki("cert.pem"), {pki("ca.pem")}, {}};
    const QList<TransportStatus> statuses = start({transport});
    QVERIFY2(statuses.first().listening, qPrintable(statuses.first().error));
    const quint16 port = portOf(statuses.first());

    Bystander bystander(
        RsClient::tls(port, presenting(QStringLiteral("client.pem"), QStringLiteral("client.key"))));
    QVERIFY(bystander.joined());

    QSslConfiguration configuration = trustingServer();
    if (!certificate.isEmpty()) {
        configuration = presenting(certificate, key);
        QVERIFY(!configuration.localCertificate().isNull());
        QVERIFY(!configuration.privateKey().isNull());
    }
    auto client = RsClient::tls(port, configuration);
    if (accepted) {
        QVERIFY(client->join());
        QCOMPARE(m_router->sessions().size(), 2);
    } else {
        // With TLS 1.3 the client may finish its side of the handshake before the router checks the
        // certificate: then the RawSocket handshake goes out and is never answered.
        QVERIFY(QTest::qWaitFor([&] { return client->isConnected() || client->isClosed(); }, kWaitMs));
        if (client->isConnected())
            client->write(rawsocket::handshake(15, 1));
        QVERIFY(client->waitClosed());
        QCOMPARE(client->reply, QByteArray());
        QTRY_VERIFY(!m_rejected->isEmpty());
        QVERIFY2(rejections().first().contains(QStringLiteral("TLS")) ||
                     rejections().first().contains(QStringLiteral("certificate")),
                 qPrintable(rejections().first()));
        QCOMPARE(m_router->sessions().size(), 1);
    }
    QVERIFY(bystander.stillRoutes());
}

void TestRawSocketTransport::badTlsFilesFailToStart_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("caCertificate");
    QTest::addColumn<QString>("error");
    const auto row = [](const char* name, const char* certificate, const char* key, const char* ca,
                        const QString& error) {
        QTest::newRow(name) << QString::fromLatin1(certificate) << QString::fromLatin1(key)
                            << QString::fromLatin1(ca) << error;
    };
    row("missing certificate", "missing.pem", "key.pem", "",
        QStringLiteral("cannot read TLS certificate ") + pki("missing.pem"));
    row("certificate not PEM", "not-pem.txt", "key.pem", "",
        QStringLiteral("TLS certificate ") + pki("not-pem.txt") +
            QStringLiteral(" holds no PEM certificate"));
    row("missing key", "cert.pem", "missing.pem", "",
        QStringLiteral("cannot read TLS key ") + pki("missing.pem"));
    row("key not PEM", "cert.pem", "not-pem.txt", "",
        QStringLiteral("TLS key ") + pki("not-pem.txt") +
            QStringLiteral(" holds no unencrypted PEM private key"));
    row("key of another size", "cert.pem", "key1024.pem", "",
        QStringLiteral("TLS key ") + pki("key1024.pem") + QStringLiteral(" does not match certificate ") +
            pki("cert.pem"));
    row("key of another type", "cert.pem", "client.key", "",
        QStringLiteral("TLS key ") + pki("client.key") + QStringLiteral(" does not match certificate"));
    row("missing CA file", "cert.pem", "key.pem", "missing.pem",
        QStringLiteral("cannot read TLS CA certificate ") + pki("missing.pem"));
    row("CA file not PEM", "cert.pem", "key.pem", "not-pem.txt",
        QStringLiteral("TLS CA certificate ") + pki("not-pem.txt") +
            QStringLiteral(" holds no PEM certificate"));
}

void TestRawSocketTransport::badTlsFilesFailToStart()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, caCertificate);
    QFETCH(QString, error);
    TransportConfig transport = rawSocketTransport();
    transport.endpoint.tls = TlsOptions{m_pki.filePath(key), m_pki.filePath(certificate), {}, {}};
    if (!caCertificate.isEmpty())
        transport.endpoint.tls->caCertificates = {m_pki.filePath(caCertificate)};
    const QList<TransportStatus> statuses = start({transport});
    QCOMPARE(statuses.size(), 1);
    QVERIFY(!statuses.first().listening);
    QVERIFY2(statuses.first().error.contains(error), qPrintable(statuses.first().error));
}

void TestRawSocketTransport::universalServesRawSocketWebSocketAndHttp()
{
    TransportConfig transport = rawSocketTransport();
    transport.type = TransportType::Universal;
    const QList<TransportStatus> statuses = start({transport});
    QVERIFY(statuses.first().listening);
    const quint16 port = portOf(statuses.first());
    QCOMPARE(statuses.first().address,
             QStringLiteral("ws://127.0.0.1:%1/ws and rs://127.0.0.1:%1").arg(port));

    auto rawSocket = RsClient::tcp(port);
    QVERIFY(rawSocket->join(SerializerKind::MsgPack));
    rawSocket->send(R"([64,1,{},"com.example.add"])");
    const auto registered = rawSocket->next();
    QVERIFY(registered && registered->type == MessageType::Registered);

    // A WebSocket caller on the same port calls the RawSocket callee.
    QWebSocket webSocket;
    QList<QByteArray> received;
    connect(&webSocket, &QWebSocket::textMessageReceived, this,
            [&received](const QString& text) { received << text.toUtf8(); });
    QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    request.setRawHeader("Sec-WebSocket-Protocol", "wamp.2.json");
    webSocket.open(request);
    QTRY_COMPARE(webSocket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(webSocket.subprotocol(), QStringLiteral("wamp.2.json"));
    webSocket.sendTextMessage(QString::fromUtf8(helloJson()));
    QTRY_COMPARE(received.size(), 1);
    QVERIFY(received.first().startsWith("[2,"));
    webSocket.sendTextMessage(QStringLiteral(R"([48,9,{},"com.example.add",[20,22]])"));
    const auto invocation = rawSocket->next();
    QVERIFY(invocation && invocation->type == MessageType::Invocation);
    rawSocket->send(QStringLiteral("[70,%1,{},[42]]").arg(invocation->requestId).toUtf8());
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(received.at(1), QByteArray("[50,9,{},[42]]"));

    // Plain HTTP gets the status page.
    QTcpSocket http;
    QByteArray response;
    connect(&http, &QTcpSocket::readyRead, this, [&] { response += http.readAll(); });
    http.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(http.state(), QAbstractSocket::ConnectedState);
    http.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(http.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.constData());
    QVERIFY(response.contains("WAMP router"));
    QCOMPARE(m_router->sessions().size(), 2);
}

void TestRawSocketTransport::universalOverTls()
{
    TransportConfig transport = rawSocketTransport();
    transport.type = TransportType::Universal;
    transport.endpoint.tls = TlsOptions{pki("key.pem"), pki("cert.pem"), {}, {}};
    const QList<TransportStatus> statuses = start({transport});
    QVERIFY2(statuses.first().listening, qPrintable(statuses.first().error));
    const quint16 port = portOf(statuses.first());
    QCOMPARE(statuses.first().address,
             QStringLiteral("wss://127.0.0.1:%1/ws and rss://127.0.0.1:%1").arg(port));

    auto rawSocket = RsClient::tls(port, trustingServer());
    QVERIFY(rawSocket->join(SerializerKind::Json));
    QCOMPARE(rawSocket->reply, hex("7f810000"));

    QWebSocket webSocket;
    webSocket.setSslConfiguration(trustingServer());
    QList<QByteArray> received;
    QStringList sslErrors;
    connect(&webSocket, &QWebSocket::binaryMessageReceived, this,
            [&received](const QByteArray& bytes) { received << bytes; });
    connect(&webSocket, &QWebSocket::sslErrors, this, [&sslErrors](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            sslErrors << error.errorString();
    });
    QNetworkRequest request(QUrl(QStringLiteral("wss://localhost:%1/ws").arg(port)));
    request.setRawHeader("Sec-WebSocket-Protocol", "wamp.2.cbor");
    webSocket.open(request);
    QTRY_COMPARE(webSocket.state(), QAbstractSocket::ConnectedState);
    QVERIFY2(sslErrors.isEmpty(), qPrintable(sslErrors.join(u'\n')));
    QCOMPARE(webSocket.subprotocol(), QStringLiteral("wamp.2.cbor"));
    webSocket.sendBinaryMessage(wire(SerializerKind::Cbor, helloJson()));
    QTRY_COMPARE(received.size(), 1);
    const auto welcome = serializerFor(SerializerKind::Cbor).decodeMessage(received.first(), nullptr);
    QVERIFY(welcome && welcome->type == MessageType::Welcome);

    QStringList types;
    for (const SessionInfo& info : m_router->sessions())
        types << info.transportType;
    QCOMPARE(types.size(), 2);
    QVERIFY(types.contains(QStringLiteral("rawsocket+tls")));
    QVERIFY(types.contains(QStringLiteral("websocket+tls")));
}

QTEST_GUILESS_MAIN(TestRawSocketTransport)
#include "tst_rawsockettransport.moc"
