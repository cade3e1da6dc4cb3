#include "routeroptions.h"

#include "config/tlsconfiguration.h"
#include "resources.h"

#include <QCommandLineParser>
#include <QDir>
#include <QHostAddress>

namespace {

const QString kConfig = QStringLiteral("config");
const QString kHost = QStringLiteral("host");
const QString kWsPort = QStringLiteral("ws-port");
const QString kRsPort = QStringLiteral("rs-port");
const QString kUnixPath = QStringLiteral("unix-path");
const QString kCert = QStringLiteral("cert");
const QString kKey = QStringLiteral("key");
const QString kRealm = QStringLiteral("realm");

// The first transport of a kind that the flags override, created (on the WebSocket transport's interface)
// when the configuration has none.
wamp::TransportConfig& transportFor(wamp::RouterConfig& config, wamp::TransportType type,
                                    wamp::Endpoint::Type endpoint, const QString& id)
{
    for (wamp::TransportConfig& transport : config.transports) {
        if (transport.type == type && transport.endpoint.type == endpoint)
            return transport;
    }
    wamp::TransportConfig transport;
    transport.id = id;
    transport.type = type;
    transport.endpoint.type = endpoint;
    for (const wamp::TransportConfig& other : std::as_const(config.transports)) {
        if (other.id == id)
            transport.id = id + QString::number(config.transports.size() + 1);
    }
    for (const wamp::TransportConfig& other : std::as_const(config.transports)) {
        if (other.endpoint.type == wamp::Endpoint::Type::Tcp) {
            transport.endpoint.interface = other.endpoint.interface;
            transport.endpoint.version = other.endpoint.version;
            break;
        }
    }
    config.transports.append(transport);
    return config.transports.last();
}

std::optional<quint16> port(const QCommandLineParser& parser, const QString& option, QStringList& errors)
{
    if (!parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    const uint value = parser.value(option).toUInt(&ok);
    if (!ok || value > 65535) {
        errors
            << QStringLiteral("--%1: '%2' is not a port number 0..65535").arg(option, parser.value(option));
        return std::nullopt;
    }
    return quint16(value);
}

} // namespace

void RouterOptions::addTo(QCommandLineParser& parser)
{
    parser.addOption({kConfig, QStringLiteral("Run the Crossbar-style JSON configuration in <file>."),
                      QStringLiteral("file")});
    parser.addOption({kHost, QStringLiteral("Listen on <address> (overrides the TCP transports' interface)."),
                      QStringLiteral("address")});
    parser.addOption({kWsPort,
                      QStringLiteral("Listen for WebSocket on <port>; 0 picks a free port (overrides the "
                                     "configuration)."),
                      QStringLiteral("port")});
    parser.addOption({kRsPort,
                      QStringLiteral("Listen for RawSocket over TCP on <port>; 0 picks a free port."),
                      QStringLiteral("port")});
    parser.addOption({kUnixPath, QStringLiteral("Listen for RawSocket on the Unix socket <path>."),
                      QStringLiteral("path")});
    parser.addOption({kCert,
                      QStringLiteral("TLS certificate (PEM) for the WebSocket and RawSocket TCP transports: "
                                     "clients then use wss:// and rss://. Needs --key."),
                      QStringLiteral("file")});
    parser.addOption({kKey, QStringLiteral("TLS private key (PEM, unencrypted) that goes with --cert."),
                      QStringLiteral("file")});
    parser.addOption(
        {kRealm, QStringLiteral("Serve realm <name> instead of the configuration's realms (repeatable)."),
         QStringLiteral("name")});
}

wamp::ConfigLoadResult RouterOptions::resolve(const QCommandLineParser& parser, const QString& file)
{
    using wamp::Endpoint;
    using wamp::TransportType;

    const QString path = file.isEmpty() ? parser.value(kConfig) : file;
    wamp::ConfigLoadResult result = path.isEmpty() ? wamp::ConfigLoader::load(wampscope::defaultConfigJson())
                                                   : wamp::ConfigLoader::loadFile(path);
    if (!result.config)
        return result;
    wamp::RouterConfig& config = *result.config;
    QStringList& errors = result.errors;

    if (parser.isSet(kHost)) {
        QString host = parser.value(kHost);
        if (host == QLatin1String("localhost"))
            host = QStringLiteral("127.0.0.1");
        const QHostAddress address(host);
        if (address.isNull()) {
            errors << QStringLiteral("--host: '%1' is not an IP address").arg(parser.value(kHost));
        } else {
            for (wamp::TransportConfig& transport : config.transports) {
                if (transport.endpoint.type == Endpoint::Type::Tcp) {
                    transport.endpoint.interface = host;
                    transport.endpoint.version = address.protocol() == QAbstractSocket::IPv6Protocol ? 6 : 4;
                }
            }
        }
    }
    if (const auto ws = port(parser, kWsPort, errors))
        transportFor(config, TransportType::WebSocket, Endpoint::Type::Tcp, QStringLiteral("websocket"))
            .endpoint.port = *ws;
    if (const auto rs = port(parser, kRsPort, errors))
        transportFor(config, TransportType::RawSocket, Endpoint::Type::Tcp, QStringLiteral("rawsocket"))
            .endpoint.port = *rs;
    if (parser.isSet(kUnixPath)) {
        wamp::TransportConfig& transport =
            transportFor(config, TransportType::RawSocket, Endpoint::Type::Unix, QStringLiteral("unix"));
        transport.endpoint.path = QDir::cleanPath(QDir::current().absoluteFilePath(parser.value(kUnixPath)));
    }
    if (parser.isSet(kCert) != parser.isSet(kKey)) {
        errors << QStringLiteral("--cert and --key go together");
    } else if (parser.isSet(kCert)) {
        wamp::TlsOptions tls;
        tls.certificate = parser.value(kCert);
        tls.key = parser.value(kKey);
        QSslConfiguration unused;
        QString problem;
        if (!wamp::makeServerTlsConfiguration(tls, &unused, &problem))
            errors << QStringLiteral("--cert/--key: ") + problem;
        for (wamp::TransportConfig& transport : config.transports) {
            if (transport.endpoint.type == Endpoint::Type::Tcp)
                transport.endpoint.tls = tls;
        }
    }
    if (parser.isSet(kRealm)) {
        config.realms.clear();
        for (const QString& name : parser.values(kRealm)) {
            if (!wamp::isValidUri(name.toUtf8(), wamp::UriCheck::Loose)) {
                errors << QStringLiteral("--realm: '%1' is not a valid realm URI").arg(name);
                continue;
            }
            wamp::RealmConfig realm;
            realm.name = name;
            config.realms.append(realm);
        }
    }
    if (!errors.isEmpty())
        result.config.reset();
    return result;
}
