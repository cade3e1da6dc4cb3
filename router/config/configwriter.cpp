#include "configwriter.h"

#include "transportreader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

namespace wamp {

namespace {

// Each writer starts from the element's source object and changes a key only where the model means
// something else than what the source says, reading an absent key as the loader does (its default).

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// A string key that is left out when it has the loader's default \a fallback.
void setString(QJsonObject& object, const QString& key, const QString& value, const QString& fallback = {})
{
    if (object.value(key).toString(fallback) == value)
        return;
    if (value == fallback)
        object.remove(key);
    else
        object.insert(key, value);
}

void setRequiredString(QJsonObject& object, const QString& key, const QString& value)
{
    if (object.value(key) != QJsonValue(value))
        object.insert(key, value);
}

void setInteger(QJsonObject& object, const QString& key, qint64 value, qint64 fallback)
{
    if (object.value(key).toInteger(fallback) != value)
        object.insert(key, value);
}

void setBool(QJsonObject& object, const QString& key, bool value, bool fallback)
{
    if (object.value(key).toBool(fallback) != value)
        object.insert(key, value);
}

// How the writer treats file paths: the source's text is kept when it names the same file from where the
// configuration will be read; otherwise the model's path is written, made absolute when it is relative.
class PathWriter {
public:
    explicit PathWriter(const QString& directory)
        : m_directory(directory)
    {}

    QString file(const QJsonValue& source, const QString& path) const
    {
        return write(source, path, m_directory);
    }
    QString socket(const QJsonValue& source, const QString& path) const
    {
        return write(source, path, m_directory.isEmpty() ? QDir::currentPath() : m_directory);
    }

private:
    QString write(const QJsonValue& source, const QString& path, const QString& base) const
    {
        if (source.isString() && TransportReader::resolvePath(source.toString(), base) == path)
            return source.toString();
        // A relative model path means the current directory: keep meaning that when read from elsewhere.
        if (!m_directory.isEmpty() && QDir::isRelativePath(path))
            return QDir::cleanPath(QDir::current().absoluteFilePath(path));
        return path;
    }

    QString m_directory;
};

QString matchName(MatchPolicy match)
{
    switch (match) {
    case MatchPolicy::Exact:
        return s("exact");
    case MatchPolicy::Prefix:
        return s("prefix");
    case MatchPolicy::Wildcard:
        return s("wildcard");
    }
    return s("exact");
}

MatchPolicy sourceMatch(const QJsonObject& permission, QString* uri)
{
    *uri = permission.value(s("uri")).toString();
    const QString match = permission.value(s("match")).toString();
    if (!permission.contains(s("match")) && uri->endsWith(QLatin1Char('*'))) {
        uri->chop(1);
        return MatchPolicy::Prefix;
    }
    if (match == QLatin1String("prefix"))
        return MatchPolicy::Prefix;
    if (match == QLatin1String("wildcard"))
        return MatchPolicy::Wildcard;
    return MatchPolicy::Exact;
}

// `allow` and `disclose`: objects of flags that default to false.
void setFlags(QJsonObject& permission, const QString& key, const QList<std::pair<QString, bool>>& flags,
              bool fresh)
{
    QJsonObject object = permission.value(key).toObject();
    for (const auto& [name, value] : flags) {
        if (fresh)
            object.insert(name, value);
        else
            setBool(object, name, value, false);
    }
    if (fresh || object != permission.value(key).toObject())
        permission.insert(key, object);
}

QJsonObject writePermission(const Permission& permission)
{
    QJsonObject object = permission.source.json;
    const bool fresh = object.isEmpty();
    QString uri;
    const MatchPolicy match = sourceMatch(object, &uri);
    if (fresh || !object.contains(s("uri")) || uri != permission.uri || match != permission.match) {
        object.insert(s("uri"), permission.uri);
        object.insert(s("match"), matchName(permission.match));
    }
    setFlags(object, s("allow"),
             {{s("call"), permission.allowCall},
              {s("register"), permission.allowRegister},
              {s("publish"), permission.allowPublish},
              {s("subscribe"), permission.allowSubscribe}},
             fresh);
    setFlags(object, s("disclose"),
             {{s("caller"), permission.discloseCaller}, {s("publisher"), permission.disclosePublisher}},
             fresh);
    if (fresh)
        object.insert(s("cache"), permission.cache);
    else
        setBool(object, s("cache"), permission.cache, true);
    return object;
}

QJsonObject writeRole(const RoleConfig& role)
{
    QJsonObject object = role.source.json;
    const bool fresh = object.isEmpty();
    setRequiredString(object, s("name"), role.name);
    QJsonArray permissions;
    for (const Permission& permission : role.permissions)
        permissions.append(writePermission(permission));
    if (fresh || !permissions.isEmpty() || object.contains(s("permissions")))
        object.insert(s("permissions"), permissions);
    return object;
}

QJsonObject writeRealm(const RealmConfig& realm)
{
    QJsonObject object = realm.source.json;
    const bool fresh = object.isEmpty();
    setRequiredString(object, s("name"), realm.name);
    QJsonArray roles;
    for (const RoleConfig& role : realm.roles)
        roles.append(writeRole(role));
    if (fresh || !roles.isEmpty() || object.contains(s("roles")))
        object.insert(s("roles"), roles);
    QJsonObject options = object.value(s("options")).toObject();
    const UriCheck sourceCheck = options.value(s("uri_check")).toString() == QLatin1String("loose")
                                     ? UriCheck::Loose
                                     : UriCheck::Strict;
    if (sourceCheck != realm.uriCheck) {
        options.insert(s("uri_check"), realm.uriCheck == UriCheck::Loose ? s("loose") : s("strict"));
        object.insert(s("options"), options);
    }
    return object;
}

QJsonObject writeTls(const TlsOptions& tls, QJsonObject object, const PathWriter& paths)
{
    object.insert(s("key"), paths.file(object.value(s("key")), tls.key));
    object.insert(s("certificate"), paths.file(object.value(s("certificate")), tls.certificate));
    const QJsonArray sourceAuthorities = object.value(s("ca_certificates")).toArray();
    if (tls.caCertificates.isEmpty()) {
        object.remove(s("ca_certificates"));
    } else {
        QJsonArray authorities;
        for (qsizetype i = 0; i < tls.caCertificates.size(); ++i)
            authorities.append(paths.file(i < sourceAuthorities.size() ? sourceAuthorities[i] : QJsonValue(),
                                          tls.caCertificates[i]));
        object.insert(s("ca_certificates"), authorities);
    }
    setString(object, s("ciphers"), tls.ciphers);
    return object;
}

QJsonObject writeEndpoint(const Endpoint& endpoint, QJsonObject object, const PathWriter& paths)
{
    const QString type = endpoint.type == Endpoint::Type::Unix ? s("unix") : s("tcp");
    if (object.value(s("type")).toString() != type)
        object = QJsonObject{{s("type"), type}};
    setInteger(object, s("backlog"), endpoint.backlog, Endpoint().backlog);
    if (endpoint.type == Endpoint::Type::Unix) {
        object.insert(s("path"), paths.socket(object.value(s("path")), endpoint.path));
        return object;
    }
    if (!object.contains(s("port")) || object.value(s("port")).toInteger() != endpoint.port)
        object.insert(s("port"), endpoint.port);
    setString(object, s("interface"), endpoint.interface);
    setInteger(object, s("version"), endpoint.version, Endpoint().version);
    if (endpoint.tls)
        object.insert(s("tls"), writeTls(*endpoint.tls, object.value(s("tls")).toObject(), paths));
    else
        object.remove(s("tls"));
    return object;
}

QList<SerializerKind> sourceSerializers(const QJsonObject& object, bool allowLegacyKey)
{
    QStringList names;
    if (allowLegacyKey && object.contains(s("serializer")))
        names << object.value(s("serializer")).toString();
    else if (object.contains(s("serializers")))
        names = object.value(s("serializers")).toVariant().toStringList();
    else
        return allSerializerKinds();
    QList<SerializerKind> kinds;
    for (const QString& name : std::as_const(names)) {
        if (const auto kind = serializerKindFromName(name); kind && !kinds.contains(*kind))
            kinds.append(*kind);
    }
    return kinds;
}

void writeSerializers(QJsonObject& object, const QList<SerializerKind>& kinds, bool allowLegacyKey)
{
    if (sourceSerializers(object, allowLegacyKey) == kinds)
        return;
    QStringList names;
    for (SerializerKind kind : kinds)
        names << serializerFor(kind).name();
    if (allowLegacyKey && object.contains(s("serializer")) && names.size() == 1) {
        object.insert(s("serializer"), names.first());
        return;
    }
    object.remove(s("serializer"));
    object.insert(s("serializers"), QJsonArray::fromStringList(names));
}

// Sets `key` to the object built by `write` from the source's, leaving it out when it stays empty and
// was not there.
template <typename Write> void writeSection(QJsonObject& object, const QString& key, Write write)
{
    QJsonObject section = object.value(key).toObject();
    write(section);
    if (!section.isEmpty() || object.contains(key))
        object.insert(key, section);
}

void writeWebSocketOptions(QJsonObject& options, const WebSocketOptions& websocket)
{
    const WebSocketOptions defaults;
    setInteger(options, s("max_message_size"), websocket.maxMessageSize, defaults.maxMessageSize);
    setInteger(options, s("max_frame_size"), websocket.maxFrameSize, defaults.maxFrameSize);
    setBool(options, s("require_websocket_subprotocol"), websocket.requireWebSocketSubprotocol,
            defaults.requireWebSocketSubprotocol);
    setBool(options, s("enable_webstatus"), websocket.enableWebStatus, defaults.enableWebStatus);
    setInteger(options, s("open_handshake_timeout"), websocket.openHandshakeTimeoutMs,
               defaults.openHandshakeTimeoutMs);
    setInteger(options, s("close_handshake_timeout"), websocket.closeHandshakeTimeoutMs,
               defaults.closeHandshakeTimeoutMs);
    // "*" in the list allows every origin, as an empty list does.
    QStringList origins = options.value(s("allowed_origins")).toVariant().toStringList();
    if (origins.contains(s("*")))
        origins.clear();
    if (origins != websocket.allowedOrigins) {
        if (websocket.allowedOrigins.isEmpty())
            options.remove(s("allowed_origins"));
        else
            options.insert(s("allowed_origins"), QJsonArray::fromStringList(websocket.allowedOrigins));
    }
    setInteger(options, s("auto_ping_interval"), websocket.autoPingIntervalMs, defaults.autoPingIntervalMs);
    setInteger(options, s("auto_ping_timeout"), websocket.autoPingTimeoutMs, defaults.autoPingTimeoutMs);
    setInteger(options, s("auto_ping_size"), websocket.autoPingSize, defaults.autoPingSize);
    setBool(options, s("tcp_nodelay"), websocket.tcpNoDelay, defaults.tcpNoDelay);
}

// `serializers` and `options` of a WebSocket transport or of a universal transport's WebSocket service.
void writeWebSocket(QJsonObject& object, const TransportConfig& transport)
{
    writeSerializers(object, transport.websocket.serializers, false);
    writeSection(object, s("options"),
                 [&](QJsonObject& options) { writeWebSocketOptions(options, transport.websocket); });
}

void writeRawSocket(QJsonObject& object, const RawSocketOptions& rawsocket)
{
    const RawSocketOptions defaults;
    writeSerializers(object, rawsocket.serializers, true);
    setInteger(object, s("max_message_size"), rawsocket.maxMessageSize, defaults.maxMessageSize);
    writeSection(object, s("options"), [&](QJsonObject& options) {
        setInteger(options, s("handshake_timeout"), rawsocket.handshakeTimeoutMs,
                   defaults.handshakeTimeoutMs);
        setInteger(options, s("auto_ping_interval"), rawsocket.pingIntervalMs, defaults.pingIntervalMs);
        setInteger(options, s("auto_ping_timeout"), rawsocket.pingTimeoutMs, defaults.pingTimeoutMs);
        setInteger(options, s("max_connections"), rawsocket.maxConnections, defaults.maxConnections);
    });
}

// A universal transport's `websocket` section: Crossbar maps URL paths to services; Wampscope has one,
// whose url defaults to its path.
void writeUniversalWebSocket(QJsonObject& object, const TransportConfig& transport)
{
    QJsonObject services = object.value(s("websocket")).toObject();
    QString key = services.isEmpty() ? QString() : services.begin().key();
    QJsonObject service = key.isEmpty() ? QJsonObject() : services.value(key).toObject();
    if (key.isEmpty()) {
        writeWebSocket(service, transport);
        if (service.isEmpty() && transport.url.isEmpty())
            return; // defaults throughout: no section needed
        const QString path = QUrl(transport.url).path();
        key = path.size() > 1 && path.startsWith(QLatin1Char('/')) ? path.mid(1) : s("ws");
        service.insert(s("type"), s("websocket"));
    } else {
        writeWebSocket(service, transport);
    }
    const QString url = service.value(s("url")).toString();
    const QString defaultUrl = QLatin1Char('/') + key;
    if ((url.isEmpty() ? defaultUrl : url) != transport.url) {
        if (transport.url == defaultUrl)
            service.remove(s("url"));
        else
            service.insert(s("url"), transport.url);
    }
    services.insert(key, service);
    object.insert(s("websocket"), services);
}

QString sourceAnonymousRole(const QJsonObject& transport)
{
    if (!transport.contains(s("auth")))
        return s("anonymous");
    const QJsonObject auth = transport.value(s("auth")).toObject();
    if (!auth.contains(s("anonymous")))
        return QString();
    return auth.value(s("anonymous")).toObject().value(s("role")).toString(s("anonymous"));
}

void writeAuth(QJsonObject& object, const QString& anonymousRole)
{
    if (sourceAnonymousRole(object) == anonymousRole)
        return;
    QJsonObject auth = object.value(s("auth")).toObject();
    if (anonymousRole.isEmpty()) {
        auth.remove(s("anonymous"));
    } else {
        QJsonObject anonymous = auth.value(s("anonymous")).toObject();
        if (!anonymous.contains(s("type")))
            anonymous.insert(s("type"), s("static"));
        anonymous.insert(s("role"), anonymousRole);
        auth.insert(s("anonymous"), anonymous);
    }
    object.insert(s("auth"), auth);
}

QString typeName(TransportType type)
{
    switch (type) {
    case TransportType::WebSocket:
        return s("websocket");
    case TransportType::RawSocket:
        return s("rawsocket");
    case TransportType::Universal:
        return s("universal");
    }
    return s("websocket");
}

QJsonObject writeTransport(const TransportConfig& transport, qsizetype index, const PathWriter& paths)
{
    QJsonObject object = transport.source.json;
    const bool fresh = object.isEmpty();
    const QString type = typeName(transport.type);
    if (!fresh && object.value(s("type")).toString() != type) {
        // The old type's keys would be unknown to the new one: keep what every type has.
        QJsonObject common;
        for (const QString& key : {s("id"), s("endpoint"), s("debug"), s("auth")}) {
            if (object.contains(key))
                common.insert(key, object.value(key));
        }
        object = common;
    }
    object.insert(s("type"), type);
    // Without an id the loader numbers transports from 1: leave it out only where that gives it back.
    if (fresh || object.contains(s("id")) || transport.id != s("transport%1").arg(index + 1))
        object.insert(s("id"), transport.id);
    object.insert(s("endpoint"),
                  writeEndpoint(transport.endpoint, object.value(s("endpoint")).toObject(), paths));
    setBool(object, s("debug"), transport.debug, false);
    switch (transport.type) {
    case TransportType::WebSocket:
        setString(object, s("url"), transport.url);
        writeWebSocket(object, transport);
        break;
    case TransportType::RawSocket:
        writeRawSocket(object, transport.rawsocket);
        break;
    case TransportType::Universal:
        writeSection(object, s("rawsocket"),
                     [&](QJsonObject& rawsocket) { writeRawSocket(rawsocket, transport.rawsocket); });
        writeUniversalWebSocket(object, transport);
        break;
    }
    writeAuth(object, transport.anonymousRole);
    return object;
}

QJsonObject writeWorker(const RouterConfig& config, QJsonObject worker, const PathWriter& paths)
{
    worker.insert(s("type"), s("router"));
    QJsonArray realms;
    for (const RealmConfig& realm : config.realms)
        realms.append(writeRealm(realm));
    worker.insert(s("realms"), realms);
    QJsonArray transports;
    for (qsizetype i = 0; i < config.transports.size(); ++i)
        transports.append(writeTransport(config.transports[i], i, paths));
    if (!transports.isEmpty() || worker.contains(s("transports")))
        worker.insert(s("transports"), transports);
    return worker;
}

} // namespace

QByteArray ConfigWriter::toJson(const RouterConfig& config, const QString& directory)
{
    const PathWriter paths(directory.isEmpty() ? config.source.directory : directory);
    QJsonObject document = config.source.document;
    document.insert(s("version"), 2);
    QJsonArray workers = document.value(s("workers")).toArray();
    bool written = false;
    for (qsizetype i = 0; i < workers.size() && !written; ++i) {
        const QJsonObject worker = workers[i].toObject();
        if (worker.value(s("type")).toString() == QLatin1String("router")) {
            workers[i] = writeWorker(config, worker, paths);
            written = true;
        }
    }
    if (!written)
        workers.append(writeWorker(config, QJsonObject(), paths));
    document.insert(s("workers"), workers);
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

bool ConfigWriter::save(const RouterConfig& config, const QString& path, QString* error)
{
    const auto fail = [&](const QString& reason) {
        if (error)
            *error = s("cannot save the configuration to %1: %2").arg(path, reason);
        return false;
    };
    if (QFileInfo(path).isDir())
        return fail(s("it is a directory"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const QByteArray json = toJson(config, QFileInfo(path).absolutePath());
    // QSaveFile::commit() (Qt 6.4) takes a short write, e.g. on a full disk, for success and would put a
    // truncated file in place: flush and check the size first. An uncommitted QSaveFile removes its
    // temporary file and leaves the existing one alone.
    if (file.write(json) != json.size() || !file.flush() || file.size() != json.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace wamp
