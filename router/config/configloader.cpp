#include "configloader.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace wamp {

namespace {

QString joinPath(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

class Reader {
public:
    ConfigLoadResult result;

    void error(const QString& path, const QString& text)
    {
        result.errors << path + QStringLiteral(": ") + text;
    }
    void warning(const QString& path, const QString& text)
    {
        result.warnings << path + QStringLiteral(": ") + text;
    }

    // Reports keys outside \a known (errors) and in \a ignored (warnings: Crossbar knows them, we do not).
    void checkKeys(const QJsonObject& object, const QString& path, const QSet<QString>& known,
                   const QSet<QString>& ignored = {})
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString keyPath = joinPath(path, it.key());
            if (ignored.contains(it.key()))
                warning(keyPath, QStringLiteral("not supported by Wampscope yet; ignored"));
            else if (!known.contains(it.key()))
                error(keyPath, QStringLiteral("unknown key"));
        }
    }

    std::optional<QString> string(const QJsonObject& object, const QString& key, const QString& path)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isString()) {
            error(joinPath(path, key), QStringLiteral("must be a string"));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<bool> boolean(const QJsonObject& object, const QString& key, const QString& path)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isBool()) {
            error(joinPath(path, key), QStringLiteral("must be true or false"));
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<qint64> integer(const QJsonObject& object, const QString& key, const QString& path,
                                  qint64 min, qint64 max)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return std::nullopt;
        const QString keyPath = joinPath(path, key);
        const double d = v.toDouble();
        if (!v.isDouble() || d != double(qint64(d))) {
            error(keyPath, QStringLiteral("must be an integer"));
            return std::nullopt;
        }
        if (qint64(d) < min || qint64(d) > max) {
            error(keyPath, QStringLiteral("%1 is out of range %2..%3").arg(qint64(d)).arg(min).arg(max));
            return std::nullopt;
        }
        return qint64(d);
    }

    void readRealm(const QJsonValue& value, const QString& path, RouterConfig& config)
    {
        if (!value.isObject()) {
            error(path, QStringLiteral("must be an object"));
            return;
        }
        const QJsonObject object = value.toObject();
        checkKeys(object, path, {QStringLiteral("name"), QStringLiteral("roles"), QStringLiteral("options")},
                  {QStringLiteral("store")});
        RealmConfig realm;
        const std::optional<QString> name = string(object, QStringLiteral("name"), path);
        if (!name) {
            if (!object.contains(QStringLiteral("name")))
                error(path + QStringLiteral(".name"), QStringLiteral("is required"));
            return;
        }
        if (!isValidUri(name->toUtf8(), UriCheck::Loose)) {
            error(path + QStringLiteral(".name"), QStringLiteral("'%1' is not a valid realm URI").arg(*name));
            return;
        }
        for (const RealmConfig& other : std::as_const(config.realms)) {
            if (other.name == *name)
                error(path + QStringLiteral(".name"),
                      QStringLiteral("realm '%1' is defined twice").arg(*name));
        }
        realm.name = *name;
        if (object.contains(QStringLiteral("roles"))) {
            const QJsonValue roles = object.value(QStringLiteral("roles"));
            if (!roles.isArray())
                error(path + QStringLiteral(".roles"), QStringLiteral("must be a list"));
            else if (!roles.toArray().isEmpty())
                warning(path + QStringLiteral(".roles"),
                        QStringLiteral("role permissions are not enforced yet; every session is anonymous "
                                       "with full access"));
        }
        const QJsonValue options = object.value(QStringLiteral("options"));
        if (options.isObject()) {
            const QString optionsPath = path + QStringLiteral(".options");
            checkKeys(options.toObject(), optionsPath, {QStringLiteral("uri_check")},
                      {QStringLiteral("enable_meta_api"), QStringLiteral("bridge_meta_api"),
                       QStringLiteral("event_dispatching_chunk_size")});
            if (const auto check = string(options.toObject(), QStringLiteral("uri_check"), optionsPath)) {
                if (*check == QLatin1String("strict"))
                    realm.uriCheck = UriCheck::Strict;
                else if (*check == QLatin1String("loose"))
                    realm.uriCheck = UriCheck::Loose;
                else
                    error(optionsPath + QStringLiteral(".uri_check"),
                          QStringLiteral("'%1' is not one of strict, loose").arg(*check));
            }
        } else if (!options.isUndefined()) {
            error(path + QStringLiteral(".options"), QStringLiteral("must be an object"));
        }
        config.realms.append(realm);
    }

    void readEndpoint(const QJsonValue& value, const QString& path, Endpoint& endpoint)
    {
        if (!value.isObject()) {
            error(path,
                  value.isUndefined() ? QStringLiteral("is required") : QStringLiteral("must be an object"));
            return;
        }
        const QJsonObject object = value.toObject();
        checkKeys(object, path,
                  {QStringLiteral("type"), QStringLiteral("port"), QStringLiteral("interface"),
                   QStringLiteral("version"), QStringLiteral("backlog")},
                  {QStringLiteral("shared"), QStringLiteral("user_timeout")});
        const std::optional<QString> type = string(object, QStringLiteral("type"), path);
        if (!type)
            error(path + QStringLiteral(".type"), QStringLiteral("is required (tcp)"));
        else if (*type != QLatin1String("tcp"))
            error(path + QStringLiteral(".type"),
                  QStringLiteral("'%1' is not supported here (tcp)").arg(*type));
        if (const auto port = integer(object, QStringLiteral("port"), path, 1, 65535))
            endpoint.port = quint16(*port);
        else if (!object.contains(QStringLiteral("port")))
            error(path + QStringLiteral(".port"), QStringLiteral("is required"));
        if (const auto version = integer(object, QStringLiteral("version"), path, 4, 6)) {
            if (*version == 5)
                error(path + QStringLiteral(".version"), QStringLiteral("must be 4 or 6"));
            endpoint.version = int(*version);
        }
        if (const auto backlog = integer(object, QStringLiteral("backlog"), path, 1, 65535))
            endpoint.backlog = int(*backlog);
        if (const auto interface = string(object, QStringLiteral("interface"), path)) {
            QHostAddress address;
            if (!address.setAddress(*interface))
                error(path + QStringLiteral(".interface"),
                      QStringLiteral("'%1' is not an IP address").arg(*interface));
            endpoint.interface = *interface;
        }
    }

    void readWebSocketOptions(const QJsonValue& value, const QString& path, WebSocketOptions& options)
    {
        if (value.isUndefined())
            return;
        if (!value.isObject()) {
            error(path, QStringLiteral("must be an object"));
            return;
        }
        const QJsonObject object = value.toObject();
        checkKeys(object, path,
                  {QStringLiteral("max_message_size"), QStringLiteral("max_frame_size"),
                   QStringLiteral("require_websocket_subprotocol"), QStringLiteral("enable_webstatus"),
                   QStringLiteral("open_handshake_timeout")},
                  {QStringLiteral("allowed_origins"),
                   QStringLiteral("external_port"),
                   QStringLiteral("enable_hybi10"),
                   QStringLiteral("enable_rfc6455"),
                   QStringLiteral("validate_utf8"),
                   QStringLiteral("mask_server_frames"),
                   QStringLiteral("require_masked_client_frames"),
                   QStringLiteral("apply_mask"),
                   QStringLiteral("auto_fragment_size"),
                   QStringLiteral("fail_by_drop"),
                   QStringLiteral("echo_close_codereason"),
                   QStringLiteral("close_handshake_timeout"),
                   QStringLiteral("tcp_nodelay"),
                   QStringLiteral("auto_ping_interval"),
                   QStringLiteral("auto_ping_timeout"),
                   QStringLiteral("auto_ping_size"),
                   QStringLiteral("compression"),
                   QStringLiteral("show_server_version"),
                   QStringLiteral("enable_flash_policy"),
                   QStringLiteral("flash_policy"),
                   QStringLiteral("enable_webstatus_json")});
        constexpr qint64 k64MiB = 64 * 1024 * 1024;
        if (const auto size = integer(object, QStringLiteral("max_message_size"), path, 1, k64MiB))
            options.maxMessageSize = *size;
        if (const auto size = integer(object, QStringLiteral("max_frame_size"), path, 1, k64MiB))
            options.maxFrameSize = *size;
        if (const auto require = boolean(object, QStringLiteral("require_websocket_subprotocol"), path))
            options.requireWebSocketSubprotocol = *require;
        if (const auto status = boolean(object, QStringLiteral("enable_webstatus"), path))
            options.enableWebStatus = *status;
        if (const auto timeout = integer(object, QStringLiteral("open_handshake_timeout"), path, 1, 3600000))
            options.openHandshakeTimeoutMs = int(*timeout);
    }

    void readTransport(const QJsonValue& value, const QString& path, RouterConfig& config)
    {
        if (!value.isObject()) {
            error(path, QStringLiteral("must be an object"));
            return;
        }
        const QJsonObject object = value.toObject();
        checkKeys(object, path,
                  {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("endpoint"),
                   QStringLiteral("url"), QStringLiteral("serializers"), QStringLiteral("options"),
                   QStringLiteral("debug")},
                  {QStringLiteral("auth"), QStringLiteral("cookie")});
        TransportConfig transport;
        transport.id = string(object, QStringLiteral("id"), path)
                           .value_or(QStringLiteral("transport%1").arg(config.transports.size() + 1));
        for (const TransportConfig& other : std::as_const(config.transports)) {
            if (other.id == transport.id)
                error(path + QStringLiteral(".id"), QStringLiteral("'%1' is used twice").arg(transport.id));
        }
        const std::optional<QString> type = string(object, QStringLiteral("type"), path);
        if (!type)
            error(path + QStringLiteral(".type"), QStringLiteral("is required"));
        else if (*type != QLatin1String("websocket"))
            error(path + QStringLiteral(".type"),
                  QStringLiteral("'%1' is not supported yet (websocket)").arg(*type));
        readEndpoint(object.value(QStringLiteral("endpoint")), path + QStringLiteral(".endpoint"),
                     transport.endpoint);
        if (const auto url = string(object, QStringLiteral("url"), path))
            transport.url = *url;
        if (object.contains(QStringLiteral("serializers"))) {
            const QJsonValue list = object.value(QStringLiteral("serializers"));
            const QString listPath = path + QStringLiteral(".serializers");
            transport.serializers.clear();
            if (!list.isArray() || list.toArray().isEmpty())
                error(listPath, QStringLiteral("must be a non-empty list of json, msgpack, cbor"));
            const QJsonArray items = list.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                const auto kind = serializerKindFromName(items[i].toString());
                if (!kind)
                    error(listPath + QStringLiteral("[%1]").arg(i),
                          QStringLiteral("'%1' is not one of json, msgpack, cbor")
                              .arg(items[i].toVariant().toString()));
                else if (!transport.serializers.contains(*kind))
                    transport.serializers.append(*kind);
            }
        }
        readWebSocketOptions(object.value(QStringLiteral("options")), path + QStringLiteral(".options"),
                             transport.websocket);
        if (const auto debug = boolean(object, QStringLiteral("debug"), path))
            transport.debug = *debug;
        config.transports.append(transport);
    }

    void readWorker(const QJsonObject& worker, const QString& path, RouterConfig& config)
    {
        checkKeys(worker, path,
                  {QStringLiteral("type"), QStringLiteral("realms"), QStringLiteral("transports"),
                   QStringLiteral("id")},
                  {QStringLiteral("options"), QStringLiteral("components"), QStringLiteral("connections")});
        const auto list = [&](const QString& key, auto readItem) {
            const QJsonValue value = worker.value(key);
            if (value.isUndefined())
                return;
            if (!value.isArray()) {
                error(joinPath(path, key), QStringLiteral("must be a list"));
                return;
            }
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                (this->*readItem)(items[i], path + QStringLiteral(".%1[%2]").arg(key).arg(i), config);
        };
        list(QStringLiteral("realms"), &Reader::readRealm);
        list(QStringLiteral("transports"), &Reader::readTransport);
    }
};

QString lineAndColumn(const QByteArray& json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(offset - before.lastIndexOf('\n'));
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

ConfigLoadResult ConfigLoader::load(const QByteArray& json)
{
    Reader reader;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reader.error(lineAndColumn(json, parseError.offset), parseError.errorString());
        return reader.result;
    }
    if (!document.isObject()) {
        reader.error(QStringLiteral("(top level)"), QStringLiteral("must be an object"));
        return reader.result;
    }
    const QJsonObject top = document.object();
    reader.checkKeys(top, QString(), {QStringLiteral("version"), QStringLiteral("workers")},
                     {QStringLiteral("controller"), QStringLiteral("$schema")});
    if (const auto version = reader.integer(top, QStringLiteral("version"), QString(), 2, 2);
        !version && top.contains(QStringLiteral("version")))
        return reader.result;
    RouterConfig config;
    const QJsonValue workers = top.value(QStringLiteral("workers"));
    if (!workers.isArray()) {
        reader.error(QStringLiteral("workers"), QStringLiteral("must be a list with one router worker"));
        return reader.result;
    }
    int routers = 0;
    const QJsonArray workerList = workers.toArray();
    for (qsizetype i = 0; i < workerList.size(); ++i) {
        const QString path = QStringLiteral("workers[%1]").arg(i);
        const QJsonObject worker = workerList[i].toObject();
        const QString type = worker.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("router")) {
            if (++routers > 1)
                reader.error(path, QStringLiteral("only one router worker is supported"));
            else
                reader.readWorker(worker, path, config);
        } else {
            reader.warning(path, QStringLiteral("worker type '%1' is not supported; ignored").arg(type));
        }
    }
    if (routers == 0)
        reader.error(QStringLiteral("workers"), QStringLiteral("no worker with \"type\": \"router\""));
    else if (config.realms.isEmpty())
        reader.error(QStringLiteral("workers[0].realms"), QStringLiteral("at least one realm is required"));
    if (reader.result.errors.isEmpty())
        reader.result.config = config;
    return reader.result;
}

ConfigLoadResult ConfigLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.errors << QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    return load(file.readAll());
}

} // namespace wamp
