#include "configvalidator.h"

#include "config/configloader.h"
#include "config/configwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace wamp;

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// The index of the worker ConfigWriter wrote the router into (the first `"type": "router"` one).
int routerWorkerIndex(const QByteArray& json)
{
    const QJsonArray workers = QJsonDocument::fromJson(json).object().value(s("workers")).toArray();
    for (qsizetype i = 0; i < workers.size(); ++i) {
        if (workers[i].toObject().value(s("type")).toString() == QLatin1String("router"))
            return int(i);
    }
    return 0;
}

QString withoutIndices(QString path)
{
    static const QRegularExpression index(s("\\[\\d+\\]"));
    path.remove(index);
    return path.startsWith(QLatin1Char('.')) ? path.mid(1) : path;
}

// The loader reports a TLS file that cannot be used at the `tls` object; its message names which one.
QString tlsField(const QString& message)
{
    if (message.contains(QLatin1String("CA certificate")))
        return s("endpoint.tls.ca_certificates");
    if (message.contains(QLatin1String("TLS key")))
        return s("endpoint.tls.key");
    if (message.contains(QLatin1String("TLS certificate")))
        return s("endpoint.tls.certificate");
    if (message.contains(QLatin1String("TLS ciphers")))
        return s("endpoint.tls.ciphers");
    return s("endpoint.tls");
}

// Transport keys as the form names them, whatever the type's JSON layout: a WebSocket transport's
// `options` and a universal transport's `websocket.<path>.options` are both `websocket.options`.
QString transportField(const QString& rest, TransportType type, const QString& message)
{
    QString field = withoutIndices(rest);
    const auto under = [&](const QString& section) -> QString { return section + QLatin1Char('.') + field; };
    const bool rawsocketKey = field == QLatin1String("serializers") || field == QLatin1String("serializer") ||
                              field == QLatin1String("max_message_size") ||
                              field.startsWith(QLatin1String("options"));
    switch (type) {
    case TransportType::WebSocket:
        if (field == QLatin1String("serializers") || field.startsWith(QLatin1String("options")))
            field = under(s("websocket"));
        break;
    case TransportType::RawSocket:
        if (rawsocketKey)
            field = under(s("rawsocket"));
        break;
    case TransportType::Universal:
        if (field.startsWith(QLatin1String("websocket."))) {
            const QStringList parts = field.split(QLatin1Char('.'));
            field = parts.size() > 2 ? s("websocket.") + parts.mid(2).join(QLatin1Char('.')) : s("websocket");
        }
        break;
    }
    if (field == QLatin1String("rawsocket.serializer"))
        field = s("rawsocket.serializers");
    if (field == QLatin1String("websocket.url"))
        field = s("url");
    if (field.startsWith(QLatin1String("auth")))
        field = s("auth");
    if (field == QLatin1String("endpoint.tls"))
        field = tlsField(message);
    return field;
}

} // namespace

ConfigIssues ConfigValidator::validate(const RouterConfig& config)
{
    // ConfigLoader::load reads paths as written, relative ones from the current directory, which is what the
    // model's relative paths mean: write the paths for that (the model's own, not the file's relative ones).
    RouterConfig written = config;
    written.source.directory.clear();
    const QByteArray json = ConfigWriter::toJson(written);
    const ConfigLoadResult result = ConfigLoader::load(json);
    const int worker = routerWorkerIndex(json);
    ConfigIssues issues;
    for (const QString& error : result.errors)
        issues.append(mapIssue(error, false, config, worker));
    for (const QString& warning : result.warnings)
        issues.append(mapIssue(warning, true, config, worker));
    return issues;
}

ConfigIssue ConfigValidator::mapIssue(const QString& line, bool warning, const RouterConfig& config,
                                      int routerWorker)
{
    ConfigIssue issue;
    issue.warning = warning;
    const qsizetype colon = line.indexOf(QLatin1String(": "));
    issue.path = colon < 0 ? QString() : line.left(colon);
    issue.message = colon < 0 ? line : line.mid(colon + 2);

    static const QRegularExpression element(s("^workers\\[(\\d+)\\]\\.(transports|realms)\\[(\\d+)\\](.*)$"));
    const QRegularExpressionMatch match = element.match(issue.path);
    const bool inRouter = match.hasMatch() && match.captured(1).toInt() == routerWorker;
    const int index = inRouter ? match.captured(3).toInt() : -1;
    const QString rest = inRouter ? match.captured(4) : QString();
    if (inRouter && match.captured(2) == QLatin1String("transports") && index < config.transports.size()) {
        issue.target = ConfigIssue::Target::Transport;
        issue.index = index;
        issue.field = transportField(rest, config.transports[index].type, issue.message);
        return issue;
    }
    if (inRouter && match.captured(2) == QLatin1String("realms") && index < config.realms.size()) {
        issue.target = ConfigIssue::Target::Realm;
        issue.index = index;
        static const QRegularExpression role(s("^\\.roles\\[(\\d+)\\](.*)$"));
        static const QRegularExpression permission(s("^\\.permissions\\[(\\d+)\\](.*)$"));
        QString field = rest;
        if (const QRegularExpressionMatch roleMatch = role.match(field); roleMatch.hasMatch()) {
            issue.role = roleMatch.captured(1).toInt();
            field = roleMatch.captured(2);
            if (const QRegularExpressionMatch permissionMatch = permission.match(field);
                permissionMatch.hasMatch()) {
                issue.permission = permissionMatch.captured(1).toInt();
                field = permissionMatch.captured(2);
            }
        }
        issue.field = withoutIndices(field);
        return issue;
    }
    // The document itself, or a list of the router worker (`workers[0].realms`: at least one is required).
    static const QRegularExpression worker(s("^workers\\[(\\d+)\\]\\.(\\w+)"));
    const QRegularExpressionMatch workerMatch = worker.match(issue.path);
    if (workerMatch.hasMatch() && workerMatch.captured(1).toInt() == routerWorker)
        issue.field = workerMatch.captured(2);
    return issue;
}
