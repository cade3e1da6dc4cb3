#include "configloader.h"

#include "jsonreader.h"
#include "transportreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace wamp {

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

void readPermission(JsonReader& reader, const QJsonValue& value, const QString& path, RoleConfig& role)
{
    if (!value.isObject()) {
        reader.error(path, s("must be an object"));
        return;
    }
    const QJsonObject object = value.toObject();
    reader.checkKeys(object, path, {s("uri"), s("match"), s("allow"), s("disclose"), s("cache")});
    Permission permission;
    permission.source.json = object;
    const std::optional<QString> uri = reader.string(object, s("uri"), path);
    if (!uri) {
        if (!object.contains(s("uri")))
            reader.error(path + s(".uri"), s("is required (\"\" with match prefix covers every URI)"));
        return;
    }
    permission.uri = *uri;
    const std::optional<QString> match = reader.string(object, s("match"), path);
    if (!match && permission.uri.endsWith(QLatin1Char('*'))) {
        // Crossbar's older shorthand: "com.example.*" is a prefix permission.
        permission.uri.chop(1);
        permission.match = MatchPolicy::Prefix;
    } else if (match) {
        if (*match == QLatin1String("exact"))
            permission.match = MatchPolicy::Exact;
        else if (*match == QLatin1String("prefix"))
            permission.match = MatchPolicy::Prefix;
        else if (*match == QLatin1String("wildcard"))
            permission.match = MatchPolicy::Wildcard;
        else
            reader.error(path + s(".match"), s("'%1' is not one of exact, prefix, wildcard").arg(*match));
    }
    const QByteArray uriBytes = permission.uri.toUtf8();
    const bool uriOk =
        permission.match == MatchPolicy::Prefix
            ? (uriBytes.isEmpty() ||
               isValidUri(uriBytes.endsWith('.') ? uriBytes.chopped(1) : uriBytes, UriCheck::Loose))
            : isValidUri(uriBytes, UriCheck::Loose, permission.match == MatchPolicy::Wildcard);
    if (!uriOk)
        reader.error(path + s(".uri"), s("'%1' is not a valid URI pattern for match %2")
                                           .arg(permission.uri, match.value_or(s("exact"))));
    if (const auto allow = reader.object(object, s("allow"), path)) {
        const QString allowPath = path + s(".allow");
        reader.checkKeys(*allow, allowPath, {s("call"), s("register"), s("publish"), s("subscribe")});
        permission.allowCall = reader.boolean(*allow, s("call"), allowPath).value_or(false);
        permission.allowRegister = reader.boolean(*allow, s("register"), allowPath).value_or(false);
        permission.allowPublish = reader.boolean(*allow, s("publish"), allowPath).value_or(false);
        permission.allowSubscribe = reader.boolean(*allow, s("subscribe"), allowPath).value_or(false);
    }
    if (const auto disclose = reader.object(object, s("disclose"), path)) {
        const QString disclosePath = path + s(".disclose");
        reader.checkKeys(*disclose, disclosePath, {s("caller"), s("publisher")});
        permission.discloseCaller = reader.boolean(*disclose, s("caller"), disclosePath).value_or(false);
        permission.disclosePublisher =
            reader.boolean(*disclose, s("publisher"), disclosePath).value_or(false);
    }
    permission.cache = reader.boolean(object, s("cache"), path).value_or(true);
    role.permissions.append(permission);
}

void readRole(JsonReader& reader, const QJsonValue& value, const QString& path, RealmConfig& realm)
{
    if (!value.isObject()) {
        reader.error(path, s("must be an object"));
        return;
    }
    const QJsonObject object = value.toObject();
    reader.checkKeys(object, path, {s("name"), s("permissions")}, {s("authorizer")});
    RoleConfig role;
    role.source.json = object;
    const std::optional<QString> name = reader.string(object, s("name"), path);
    if (!name) {
        if (!object.contains(s("name")))
            reader.error(path + s(".name"), s("is required"));
        return;
    }
    role.name = *name;
    for (const RoleConfig& other : std::as_const(realm.roles)) {
        if (other.name == role.name)
            reader.error(path + s(".name"), s("role '%1' is defined twice").arg(role.name));
    }
    if (object.contains(s("authorizer")))
        reader.warning(path + s(".authorizer"),
                       s("dynamic authorizers are not implemented: role '%1' is allowed "
                         "only what its static permissions say")
                           .arg(role.name));
    const QJsonValue permissions = object.value(s("permissions"));
    if (!permissions.isUndefined() && !permissions.isArray())
        reader.error(path + s(".permissions"), s("must be a list"));
    const QJsonArray items = permissions.toArray();
    for (qsizetype i = 0; i < items.size(); ++i)
        readPermission(reader, items[i], path + s(".permissions[%1]").arg(i), role);
    realm.roles.append(role);
}

void readRealm(JsonReader& reader, const QJsonValue& value, const QString& path, RouterConfig& config)
{
    if (!value.isObject()) {
        reader.error(path, s("must be an object"));
        return;
    }
    const QJsonObject object = value.toObject();
    reader.checkKeys(object, path, {s("name"), s("roles"), s("options")}, {s("store")});
    const std::optional<QString> name = reader.string(object, s("name"), path);
    if (!name) {
        if (!object.contains(s("name")))
            reader.error(path + s(".name"), s("is required"));
        return;
    }
    if (!isValidUri(name->toUtf8(), UriCheck::Loose)) {
        reader.error(path + s(".name"), s("'%1' is not a valid realm URI").arg(*name));
        return;
    }
    for (const RealmConfig& other : std::as_const(config.realms)) {
        if (other.name == *name)
            reader.error(path + s(".name"), s("realm '%1' is defined twice").arg(*name));
    }
    RealmConfig realm;
    realm.source.json = object;
    realm.name = *name;
    const QJsonValue roles = object.value(s("roles"));
    if (!roles.isUndefined() && !roles.isArray())
        reader.error(path + s(".roles"), s("must be a list"));
    const QJsonArray roleList = roles.toArray();
    for (qsizetype i = 0; i < roleList.size(); ++i)
        readRole(reader, roleList[i], path + s(".roles[%1]").arg(i), realm);
    if (roleList.isEmpty())
        reader.warning(path + s(".roles"),
                       s("no roles: every session on realm '%1' may call, register, publish "
                         "and subscribe anything")
                           .arg(realm.name));
    if (const auto options = reader.object(object, s("options"), path)) {
        const QString optionsPath = path + s(".options");
        reader.checkKeys(*options, optionsPath, {s("uri_check")},
                         {s("enable_meta_api"), s("bridge_meta_api"), s("event_dispatching_chunk_size")});
        if (const auto check = reader.string(*options, s("uri_check"), optionsPath)) {
            if (*check == QLatin1String("strict"))
                realm.uriCheck = UriCheck::Strict;
            else if (*check == QLatin1String("loose"))
                realm.uriCheck = UriCheck::Loose;
            else
                reader.error(optionsPath + s(".uri_check"),
                             s("'%1' is not one of strict, loose").arg(*check));
        }
    }
    config.realms.append(realm);
}

void readWorker(JsonReader& reader, const QJsonObject& worker, const QString& path, RouterConfig& config,
                const QString& baseDirectory)
{
    reader.checkKeys(worker, path, {s("type"), s("realms"), s("transports"), s("id")},
                     {s("options"), s("components"), s("connections")});
    const auto items = [&](const QString& key) {
        const QJsonValue value = worker.value(key);
        if (!value.isUndefined() && !value.isArray())
            reader.error(JsonReader::joinPath(path, key), s("must be a list"));
        return value.toArray();
    };
    const QJsonArray realms = items(s("realms"));
    for (qsizetype i = 0; i < realms.size(); ++i)
        readRealm(reader, realms[i], path + s(".realms[%1]").arg(i), config);
    const QJsonArray transports = items(s("transports"));
    TransportReader transportReader(reader, baseDirectory);
    for (qsizetype i = 0; i < transports.size(); ++i) {
        if (auto transport =
                transportReader.read(transports[i], path + s(".transports[%1]").arg(i), config.transports))
            config.transports.append(*transport);
    }
}

QString lineAndColumn(const QByteArray& json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(offset - before.lastIndexOf('\n'));
    return s("line %1, column %2").arg(line).arg(column);
}

// Relative paths in the document are resolved against baseDirectory (see TransportReader).
ConfigLoadResult loadDocument(const QByteArray& json, const QString& baseDirectory)
{
    JsonReader reader;
    ConfigLoadResult result;
    const auto finish = [&](std::optional<RouterConfig> config) {
        result.errors = reader.errors();
        result.warnings = reader.warnings();
        if (result.errors.isEmpty())
            result.config = std::move(config);
        return result;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reader.error(lineAndColumn(json, parseError.offset), parseError.errorString());
        return finish(std::nullopt);
    }
    if (!document.isObject()) {
        reader.error(s("(top level)"), s("must be an object"));
        return finish(std::nullopt);
    }
    const QJsonObject top = document.object();
    reader.checkKeys(top, QString(), {s("version"), s("workers")}, {s("controller"), s("$schema")});
    reader.integer(top, s("version"), QString(), 2, 2);
    const QJsonValue workers = top.value(s("workers"));
    if (!workers.isArray()) {
        reader.error(s("workers"), s("must be a list with one router worker"));
        return finish(std::nullopt);
    }
    RouterConfig config;
    config.source.document = top;
    config.source.directory = baseDirectory;
    int routers = 0;
    const QJsonArray workerList = workers.toArray();
    for (qsizetype i = 0; i < workerList.size(); ++i) {
        const QString path = s("workers[%1]").arg(i);
        const QJsonObject worker = workerList[i].toObject();
        const QString type = worker.value(s("type")).toString();
        if (type == QLatin1String("router")) {
            if (++routers > 1)
                reader.error(path, s("only one router worker is supported"));
            else
                readWorker(reader, worker, path, config, baseDirectory);
        } else {
            reader.warning(path, s("worker type '%1' is not supported; ignored").arg(type));
        }
    }
    if (routers == 0)
        reader.error(s("workers"), s("no worker with \"type\": \"router\""));
    else if (config.realms.isEmpty())
        reader.error(s("workers[0].realms"), s("at least one realm is required"));
    return finish(std::move(config));
}

} // namespace

ConfigLoadResult ConfigLoader::load(const QByteArray& json)
{
    return loadDocument(json, QString());
}

ConfigLoadResult ConfigLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.errors << s("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    // Like Crossbar, relative paths (TLS files, unix sockets) are relative to the configuration's directory.
    return loadDocument(file.readAll(), QFileInfo(path).absolutePath());
}

} // namespace wamp
