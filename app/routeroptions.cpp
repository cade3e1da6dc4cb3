#include "routeroptions.h"

#include "resources.h"

#include <QCommandLineParser>
#include <QHostAddress>

namespace {

const QString kConfig = QStringLiteral("config");
const QString kHost = QStringLiteral("host");
const QString kWsPort = QStringLiteral("ws-port");
const QString kRealm = QStringLiteral("realm");

wamp::TransportConfig* firstWebSocket(wamp::RouterConfig& config)
{
    for (wamp::TransportConfig& transport : config.transports) {
        if (transport.type == wamp::TransportType::WebSocket)
            return &transport;
    }
    wamp::TransportConfig transport;
    transport.id = QStringLiteral("transport%1").arg(config.transports.size() + 1);
    config.transports.append(transport);
    return &config.transports.last();
}

} // namespace

void RouterOptions::addTo(QCommandLineParser& parser)
{
    parser.addOption({kConfig, QStringLiteral("Run the Crossbar-style JSON configuration in <file>."),
                      QStringLiteral("file")});
    parser.addOption({kHost,
                      QStringLiteral("Listen on <address> (overrides the WebSocket transport's interface)."),
                      QStringLiteral("address")});
    parser.addOption({kWsPort,
                      QStringLiteral("Listen for WebSocket on <port>; 0 picks a free port (overrides the "
                                     "configuration)."),
                      QStringLiteral("port")});
    parser.addOption(
        {kRealm, QStringLiteral("Serve realm <name> instead of the configuration's realms (repeatable)."),
         QStringLiteral("name")});
}

wamp::ConfigLoadResult RouterOptions::resolve(const QCommandLineParser& parser)
{
    wamp::ConfigLoadResult result = parser.isSet(kConfig)
                                        ? wamp::ConfigLoader::loadFile(parser.value(kConfig))
                                        : wamp::ConfigLoader::load(wampscope::defaultConfigJson());
    if (!result.config)
        return result;
    wamp::RouterConfig& config = *result.config;
    const auto fail = [&result](const QString& text) {
        result.errors << text;
        result.config.reset();
        return result;
    };
    if (parser.isSet(kWsPort)) {
        bool ok = false;
        const uint port = parser.value(kWsPort).toUInt(&ok);
        if (!ok || port > 65535)
            return fail(
                QStringLiteral("--ws-port: '%1' is not a port number 0..65535").arg(parser.value(kWsPort)));
        firstWebSocket(config)->endpoint.port = quint16(port);
    }
    if (parser.isSet(kHost)) {
        const QString host = parser.value(kHost);
        if (QHostAddress(host).isNull() && host != QLatin1String("localhost"))
            return fail(QStringLiteral("--host: '%1' is not an IP address").arg(host));
        wamp::Endpoint& endpoint = firstWebSocket(config)->endpoint;
        endpoint.interface = host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host;
        endpoint.version =
            QHostAddress(endpoint.interface).protocol() == QAbstractSocket::IPv6Protocol ? 6 : 4;
    }
    if (parser.isSet(kRealm)) {
        config.realms.clear();
        for (const QString& name : parser.values(kRealm)) {
            if (!wamp::isValidUri(name.toUtf8(), wamp::UriCheck::Loose))
                return fail(QStringLiteral("--realm: '%1' is not a valid realm URI").arg(name));
            wamp::RealmConfig realm;
            realm.name = name;
            config.realms.append(realm);
        }
    }
    return result;
}
