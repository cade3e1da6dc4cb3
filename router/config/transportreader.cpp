#include "transportreader.h"

#include "tlsconfiguration.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>

namespace wamp {

namespace {

constexpr qint64 k64MiB = 64 * 1024 * 1024;
constexpr int kMaxTimeoutMs = 3600 * 1000;
// sockaddr_un.sun_path holds 108 bytes including the terminating zero.
constexpr qsizetype kMaxUnixPath = 107;

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// Crossbar's WebSocket options that Wampscope reads without acting on them yet.
const QSet<QString> kIgnoredWebSocketOptions = {
    s("external_port"),
    s("enable_hybi10"),
    s("enable_rfc6455"),
    s("validate_utf8"),
    s("mask_server_frames"),
    s("require_masked_client_frames"),
    s("apply_mask"),
    s("auto_fragment_size"),
    s("fail_by_drop"),
    s("echo_close_codereason"),
    s("compression"),
    s("show_server_version"),
    s("enable_flash_policy"),
    s("flash_policy"),
    s("enable_webstatus_json"),
    s("allow_null_origin"),
    s("auto_ping_restart_on_any_traffic"),
};

} // namespace

QString TransportReader::resolvePath(const QString& path, const QString& directory)
{
    return directory.isEmpty() ? path : QDir::cleanPath(QDir(directory).absoluteFilePath(path));
}

std::optional<TransportConfig> TransportReader::read(const QJsonValue& value, const QString& path,
                                                     const QList<TransportConfig>& existing)
{
    if (!value.isObject()) {
        m_reader.error(path, s("must be an object"));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    TransportConfig transport;
    transport.source.json = object;
    transport.id = m_reader.string(object, s("id"), path).value_or(s("transport%1").arg(existing.size() + 1));
    for (const TransportConfig& other : existing) {
        if (other.id == transport.id)
            m_reader.error(path + s(".id"), s("'%1' is used twice").arg(transport.id));
    }
    const std::optional<QString> type = m_reader.string(object, s("type"), path);
    if (!type) {
        m_reader.error(path + s(".type"), s("is required (websocket, rawsocket or universal)"));
        return std::nullopt;
    }
    readEndpoint(object.value(s("endpoint")), path + s(".endpoint"), transport.endpoint);
    if (const auto debug = m_reader.boolean(object, s("debug"), path))
        transport.debug = *debug;

    if (*type == QLatin1String("websocket")) {
        transport.type = TransportType::WebSocket;
        m_reader.checkKeys(object, path,
                           {s("id"), s("type"), s("endpoint"), s("url"), s("serializers"), s("options"),
                            s("debug"), s("auth")},
                           {s("cookie")});
        readWebSocket(object, path, transport);
    } else if (*type == QLatin1String("rawsocket")) {
        transport.type = TransportType::RawSocket;
        m_reader.checkKeys(object, path,
                           {s("id"), s("type"), s("endpoint"), s("serializers"), s("serializer"),
                            s("max_message_size"), s("options"), s("debug"), s("auth")});
        readRawSocket(object, path, transport.rawsocket);
    } else if (*type == QLatin1String("universal")) {
        transport.type = TransportType::Universal;
        m_reader.checkKeys(
            object, path,
            {s("id"), s("type"), s("endpoint"), s("rawsocket"), s("websocket"), s("debug"), s("auth")},
            {s("web"), s("mqtt")});
        if (const auto rawsocket = m_reader.object(object, s("rawsocket"), path)) {
            m_reader.checkKeys(*rawsocket, path + s(".rawsocket"),
                               {s("serializers"), s("serializer"), s("max_message_size"), s("options")},
                               {s("auth")});
            readRawSocket(*rawsocket, path + s(".rawsocket"), transport.rawsocket);
        }
        if (const auto websocket = m_reader.object(object, s("websocket"), path)) {
            // Crossbar maps URL paths to WebSocket services; Wampscope serves one on every path.
            if (websocket->size() > 1)
                m_reader.error(
                    path + s(".websocket"),
                    s("has %1 paths; Wampscope serves one WebSocket service per universal transport")
                        .arg(websocket->size()));
            for (auto it = websocket->begin(); it != websocket->end(); ++it) {
                const QString servicePath = path + s(".websocket.") + it.key();
                if (!it->isObject()) {
                    m_reader.error(servicePath, s("must be an object"));
                    continue;
                }
                const QJsonObject service = it->toObject();
                m_reader.checkKeys(service, servicePath,
                                   {s("type"), s("url"), s("serializers"), s("options"), s("debug")},
                                   {s("auth"), s("cookie")});
                readWebSocket(service, servicePath, transport);
                if (transport.url.isEmpty())
                    transport.url = QLatin1Char('/') + it.key();
            }
        }
    } else {
        m_reader.error(path + s(".type"), s("'%1' is not one of websocket, rawsocket, universal").arg(*type));
        return std::nullopt;
    }
    if (const auto auth = m_reader.object(object, s("auth"), path))
        readAuth(*auth, path + s(".auth"), transport);
    if (transport.type != TransportType::RawSocket && transport.endpoint.type == Endpoint::Type::Unix)
        m_reader.error(path + s(".endpoint.type"),
                       s("WebSocket needs a tcp endpoint (RawSocket serves unix sockets)"));
    return transport;
}

void TransportReader::readAuth(const QJsonObject& auth, const QString& path, TransportConfig& transport)
{
    static const QSet<QString> kOtherMethods = {s("wampcra"), s("ticket"), s("cryptosign"),
                                                s("scram"),   s("tls"),    s("cookie")};
    transport.anonymousRole.clear();
    for (auto it = auth.begin(); it != auth.end(); ++it) {
        const QString methodPath = path + QLatin1Char('.') + it.key();
        if (kOtherMethods.contains(it.key())) {
            m_reader.warning(methodPath,
                             s("authentication method not implemented yet; clients using it are refused"));
            continue;
        }
        if (it.key() != QLatin1String("anonymous")) {
            m_reader.error(methodPath, s("unknown authentication method"));
            continue;
        }
        if (!it->isObject()) {
            m_reader.error(methodPath, s("must be an object"));
            continue;
        }
        const QJsonObject anonymous = it->toObject();
        m_reader.checkKeys(anonymous, methodPath, {s("type"), s("role")}, {s("authenticator")});
        const QString type = m_reader.string(anonymous, s("type"), methodPath).value_or(s("static"));
        if (type != QLatin1String("static"))
            m_reader.error(
                methodPath + s(".type"),
                s("'%1' is not supported (static); dynamic authenticators are not implemented").arg(type));
        transport.anonymousRole = m_reader.string(anonymous, s("role"), methodPath).value_or(s("anonymous"));
    }
}

void TransportReader::readEndpoint(const QJsonValue& value, const QString& path, Endpoint& endpoint)
{
    if (!value.isObject()) {
        m_reader.error(path, value.isUndefined() ? s("is required") : s("must be an object"));
        return;
    }
    const QJsonObject object = value.toObject();
    const std::optional<QString> type = m_reader.string(object, s("type"), path);
    if (!type) {
        m_reader.error(path + s(".type"), s("is required (tcp or unix)"));
        return;
    }
    if (*type == QLatin1String("unix")) {
        endpoint.type = Endpoint::Type::Unix;
        m_reader.checkKeys(object, path, {s("type"), s("path"), s("backlog")});
        if (const auto backlog = m_reader.integer(object, s("backlog"), path, 1, 65535))
            endpoint.backlog = int(*backlog);
        const std::optional<QString> socketPath = m_reader.string(object, s("path"), path);
        if (!socketPath) {
            if (!object.contains(s("path")))
                m_reader.error(path + s(".path"), s("is required"));
            return;
        }
        endpoint.path =
            resolvePath(*socketPath, m_baseDirectory.isEmpty() ? QDir::currentPath() : m_baseDirectory);
        const QFileInfo directory(QFileInfo(endpoint.path).absolutePath());
        if (endpoint.path.toLocal8Bit().size() > kMaxUnixPath)
            m_reader.error(path + s(".path"),
                           s("'%1' is longer than the %2 bytes a unix socket path may have")
                               .arg(endpoint.path)
                               .arg(kMaxUnixPath));
        else if (!directory.isDir())
            m_reader.error(path + s(".path"), s("directory %1 does not exist").arg(directory.filePath()));
        else if (!directory.isWritable())
            m_reader.error(path + s(".path"), s("directory %1 is not writable").arg(directory.filePath()));
        return;
    }
    if (*type != QLatin1String("tcp")) {
        m_reader.error(path + s(".type"), s("'%1' is not one of tcp, unix").arg(*type));
        return;
    }
    m_reader.checkKeys(object, path,
                       {s("type"), s("port"), s("interface"), s("version"), s("backlog"), s("tls")},
                       {s("shared"), s("user_timeout")});
    if (const auto port = m_reader.integer(object, s("port"), path, 1, 65535))
        endpoint.port = quint16(*port);
    else if (!object.contains(s("port")))
        m_reader.error(path + s(".port"), s("is required"));
    if (const auto version = m_reader.integer(object, s("version"), path, 4, 6)) {
        if (*version == 5)
            m_reader.error(path + s(".version"), s("must be 4 or 6"));
        endpoint.version = int(*version);
    }
    if (const auto backlog = m_reader.integer(object, s("backlog"), path, 1, 65535))
        endpoint.backlog = int(*backlog);
    if (const auto interface = m_reader.string(object, s("interface"), path)) {
        const QHostAddress address(*interface);
        if (address.isNull())
            m_reader.error(path + s(".interface"), s("'%1' is not an IP address").arg(*interface));
        else if ((address.protocol() == QAbstractSocket::IPv6Protocol) != (endpoint.version == 6))
            m_reader.error(path + s(".interface"),
                           s("'%1' is not an IPv%2 address (set \"version\" to match)")
                               .arg(*interface)
                               .arg(endpoint.version));
        endpoint.interface = *interface;
    }
    readTls(object, path, endpoint);
}

void TransportReader::readTls(const QJsonObject& object, const QString& path, Endpoint& endpoint)
{
    const std::optional<QJsonObject> tls = m_reader.object(object, s("tls"), path);
    if (!tls)
        return;
    const QString tlsPath = path + s(".tls");
    m_reader.checkKeys(*tls, tlsPath, {s("key"), s("certificate"), s("ca_certificates"), s("ciphers")},
                       {s("dhparam"), s("chain_certificates")});
    TlsOptions options;
    const auto key = m_reader.string(*tls, s("key"), tlsPath);
    const auto certificate = m_reader.string(*tls, s("certificate"), tlsPath);
    if (!key && !tls->contains(s("key")))
        m_reader.error(tlsPath + s(".key"), s("is required"));
    if (!certificate && !tls->contains(s("certificate")))
        m_reader.error(tlsPath + s(".certificate"), s("is required"));
    if (!key || !certificate)
        return;
    options.key = resolvePath(*key, m_baseDirectory);
    options.certificate = resolvePath(*certificate, m_baseDirectory);
    const QStringList authorities =
        m_reader.stringList(*tls, s("ca_certificates"), tlsPath).value_or(QStringList());
    for (const QString& authority : authorities)
        options.caCertificates << resolvePath(authority, m_baseDirectory);
    options.ciphers = m_reader.string(*tls, s("ciphers"), tlsPath).value_or(QString());
    // Load the files now: a bad certificate is a configuration error, not a start-up failure.
    QSslConfiguration unused;
    QString problem;
    if (!makeServerTlsConfiguration(options, &unused, &problem))
        m_reader.error(tlsPath, problem);
    endpoint.tls = options;
}

std::optional<QList<SerializerKind>>
TransportReader::readSerializers(const QJsonObject& object, const QString& path, bool allowLegacyKey)
{
    QStringList names;
    QString listPath = path + s(".serializers");
    if (allowLegacyKey && object.contains(s("serializer"))) {
        if (object.contains(s("serializers"))) {
            m_reader.error(path + s(".serializer"),
                           s("give either serializers or the legacy serializer, not both"));
            return std::nullopt;
        }
        const auto single = m_reader.string(object, s("serializer"), path);
        if (!single)
            return std::nullopt;
        names << *single;
        listPath = path + s(".serializer");
    } else if (object.contains(s("serializers"))) {
        const auto list = m_reader.stringList(object, s("serializers"), path);
        if (!list)
            return std::nullopt;
        names = *list;
    } else {
        return std::nullopt;
    }
    QList<SerializerKind> kinds;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const auto kind = serializerKindFromName(names[i]);
        const QString itemPath = listPath.endsWith(s("serializer")) ? listPath : listPath + s("[%1]").arg(i);
        if (!kind)
            m_reader.error(itemPath, s("'%1' is not one of json, msgpack, cbor").arg(names[i]));
        else if (!kinds.contains(*kind))
            kinds.append(*kind);
    }
    return kinds.isEmpty() ? std::nullopt : std::optional(kinds);
}

void TransportReader::readWebSocket(const QJsonObject& object, const QString& path,
                                    TransportConfig& transport)
{
    if (const auto url = m_reader.string(object, s("url"), path))
        transport.url = *url;
    if (const auto serializers = readSerializers(object, path, false))
        transport.websocket.serializers = *serializers;
    if (const auto options = m_reader.object(object, s("options"), path))
        readWebSocketOptions(*options, path + s(".options"), transport.websocket);
}

void TransportReader::readWebSocketOptions(const QJsonObject& object, const QString& path,
                                           WebSocketOptions& options)
{
    m_reader.checkKeys(object, path,
                       {s("max_message_size"), s("max_frame_size"), s("require_websocket_subprotocol"),
                        s("enable_webstatus"), s("open_handshake_timeout"), s("close_handshake_timeout"),
                        s("allowed_origins"), s("auto_ping_interval"), s("auto_ping_timeout"),
                        s("auto_ping_size"), s("tcp_nodelay")},
                       kIgnoredWebSocketOptions);
    if (const auto size = m_reader.integer(object, s("max_message_size"), path, 1, k64MiB))
        options.maxMessageSize = *size;
    if (const auto size = m_reader.integer(object, s("max_frame_size"), path, 1, k64MiB))
        options.maxFrameSize = *size;
    if (const auto require = m_reader.boolean(object, s("require_websocket_subprotocol"), path))
        options.requireWebSocketSubprotocol = *require;
    if (const auto status = m_reader.boolean(object, s("enable_webstatus"), path))
        options.enableWebStatus = *status;
    if (const auto timeout = m_reader.integer(object, s("open_handshake_timeout"), path, 1, kMaxTimeoutMs))
        options.openHandshakeTimeoutMs = int(*timeout);
    if (const auto timeout = m_reader.integer(object, s("close_handshake_timeout"), path, 1, kMaxTimeoutMs))
        options.closeHandshakeTimeoutMs = int(*timeout);
    if (const auto origins = m_reader.stringList(object, s("allowed_origins"), path))
        options.allowedOrigins = origins->contains(s("*")) ? QStringList() : *origins;
    if (const auto interval = m_reader.integer(object, s("auto_ping_interval"), path, 0, kMaxTimeoutMs))
        options.autoPingIntervalMs = int(*interval);
    if (const auto timeout = m_reader.integer(object, s("auto_ping_timeout"), path, 1, kMaxTimeoutMs))
        options.autoPingTimeoutMs = int(*timeout);
    // A ping's payload is a control frame's: at most 125 bytes (Crossbar requires at least 4).
    if (const auto size = m_reader.integer(object, s("auto_ping_size"), path, 4, 125))
        options.autoPingSize = int(*size);
    if (const auto noDelay = m_reader.boolean(object, s("tcp_nodelay"), path))
        options.tcpNoDelay = *noDelay;
}

void TransportReader::readRawSocket(const QJsonObject& object, const QString& path, RawSocketOptions& options)
{
    if (const auto serializers = readSerializers(object, path, true))
        options.serializers = *serializers;
    if (const auto size = m_reader.integer(object, s("max_message_size"), path, 1, k64MiB)) {
        options.maxMessageSize = *size;
        const qint64 effective = options.effectiveMaxMessageSize();
        if (effective != *size)
            m_reader.warning(path + s(".max_message_size"),
                             s("RawSocket announces lengths as powers of two from 512 bytes to 16 MiB: %1 is "
                               "announced and enforced as %2")
                                 .arg(*size)
                                 .arg(effective));
    }
    const std::optional<QJsonObject> extra = m_reader.object(object, s("options"), path);
    if (!extra)
        return;
    // Wampscope's own RawSocket options (Crossbar has none), named like their WebSocket counterparts.
    const QString optionsPath = path + s(".options");
    m_reader.checkKeys(
        *extra, optionsPath,
        {s("handshake_timeout"), s("auto_ping_interval"), s("auto_ping_timeout"), s("max_connections")});
    if (const auto timeout = m_reader.integer(*extra, s("handshake_timeout"), optionsPath, 1, kMaxTimeoutMs))
        options.handshakeTimeoutMs = int(*timeout);
    if (const auto interval =
            m_reader.integer(*extra, s("auto_ping_interval"), optionsPath, 0, kMaxTimeoutMs))
        options.pingIntervalMs = int(*interval);
    if (const auto timeout = m_reader.integer(*extra, s("auto_ping_timeout"), optionsPath, 1, kMaxTimeoutMs))
        options.pingTimeoutMs = int(*timeout);
    if (const auto limit = m_reader.integer(*extra, s("max_connections"), optionsPath, 0, 1000000))
        options.maxConnections = int(*limit);
}

} // namespace wamp
