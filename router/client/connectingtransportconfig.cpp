#include "connectingtransportconfig.h"

#include <QUrl>

namespace wamp {

namespace {

bool isWebSocketScheme(const QString& scheme)
{
    return scheme == u"ws" || scheme == u"wss";
}

std::optional<SerializerKind> firstDuplicate(const QList<SerializerKind>& kinds)
{
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        if (kinds.indexOf(kinds[i]) != i)
            return kinds[i];
    }
    return std::nullopt;
}

QString checkEndpoint(const ConnectingEndpoint& endpoint)
{
    switch (endpoint.type) {
    case ConnectingEndpoint::Type::Tcp:
        if (endpoint.host.isEmpty())
            return QStringLiteral("endpoint.host is required for a tcp endpoint");
        if (endpoint.port == 0)
            return QStringLiteral("endpoint.port is required for a tcp endpoint (1..65535)");
        if (endpoint.tls && endpoint.tls->certificate.isEmpty() != endpoint.tls->key.isEmpty())
            return QStringLiteral("endpoint.tls: a client certificate needs its key and vice versa");
        return {};
    case ConnectingEndpoint::Type::Unix:
        if (endpoint.path.isEmpty())
            return QStringLiteral("endpoint.path is required for a unix endpoint");
        if (endpoint.tls)
            return QStringLiteral("endpoint.tls is not possible on a unix endpoint");
        return {};
    }
    return {};
}

} // namespace

QString ConnectingEndpoint::describe() const
{
    if (type == Type::Unix)
        return QStringLiteral("unix:") + path;
    const QString hostText = host.contains(u':') ? u'[' + host + u']' : host;
    return hostText + u':' + QString::number(port) + (tls ? QStringLiteral(" (TLS)") : QString());
}

std::optional<ConnectingEndpoint> ConnectingTransportConfig::effectiveEndpoint() const
{
    if (endpoint || type != Type::WebSocket)
        return endpoint;
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || !isWebSocketScheme(scheme) || parsed.host().isEmpty())
        return std::nullopt;
    ConnectingEndpoint derived;
    derived.host = parsed.host();
    const bool secure = scheme == u"wss";
    derived.port = quint16(parsed.port(secure ? 443 : 80));
    if (secure)
        derived.tls = ClientTlsOptions();
    return derived;
}

QString ConnectingTransportConfig::validate() const
{
    if (connectTimeoutMs <= 0)
        return QStringLiteral("connect timeout must be positive, got %1 ms").arg(connectTimeoutMs);
    if (type == Type::RawSocket) {
        if (!endpoint)
            return QStringLiteral("endpoint is required for a rawsocket transport");
        if (maxLengthExponent < 0 || maxLengthExponent > 15)
            return QStringLiteral("max length exponent must be 0..15, got %1").arg(maxLengthExponent);
        return checkEndpoint(*endpoint);
    }

    const QUrl parsed(url, QUrl::StrictMode);
    if (url.isEmpty())
        return QStringLiteral("url is required for a websocket transport");
    if (!parsed.isValid())
        return QStringLiteral("url '%1' is not valid: %2").arg(url, parsed.errorString());
    const QString scheme = parsed.scheme().toLower();
    if (!isWebSocketScheme(scheme))
        return QStringLiteral("url '%1' must start with ws:// or wss://").arg(url);
    if (parsed.host().isEmpty())
        return QStringLiteral("url '%1' names no host").arg(url);
    if (serializers.isEmpty())
        return QStringLiteral("serializers must name at least one serializer");
    if (const std::optional<SerializerKind> duplicate = firstDuplicate(serializers))
        return QStringLiteral("serializers lists '%1' twice").arg(serializerFor(*duplicate).name());
    if (!endpoint)
        return {};
    if (endpoint->type == ConnectingEndpoint::Type::Unix)
        return QStringLiteral("WebSocket over a unix endpoint is not supported (use rawsocket)");
    if (endpoint->tls.has_value() != (scheme == u"wss"))
        return endpoint->tls ? QStringLiteral("endpoint uses TLS but url '%1' is not wss://").arg(url)
                             : QStringLiteral("url '%1' is wss:// but the endpoint has no tls").arg(url);
    return checkEndpoint(*endpoint);
}

QString ConnectingTransportConfig::describe() const
{
    if (type == Type::WebSocket)
        return url;
    if (!endpoint)
        return QStringLiteral("rawsocket (no endpoint)");
    if (endpoint->type == ConnectingEndpoint::Type::Unix)
        return QStringLiteral("unix://") + endpoint->path;
    const QString hostText = endpoint->host.contains(u':') ? u'[' + endpoint->host + u']' : endpoint->host;
    return (endpoint->tls ? QStringLiteral("rss://") : QStringLiteral("rs://")) + hostText + u':' +
           QString::number(endpoint->port);
}

std::optional<ConnectingTransportConfig>
ConnectingTransportConfig::fromUrl(const QString& url, SerializerKind serializer, QString* error)
{
    const auto fail = [error](const QString& text) -> std::optional<ConnectingTransportConfig> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (url.trimmed().isEmpty())
        return fail(QStringLiteral("empty URL (expected ws://, wss://, rs://, rss:// or unix://)"));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return fail(QStringLiteral("'%1' is not a valid URL: %2").arg(url, parsed.errorString()));
    const QString scheme = parsed.scheme().toLower();

    ConnectingTransportConfig config;
    config.serializer = serializer;
    config.serializers = {serializer};
    if (scheme == u"unix") {
        if (!parsed.host().isEmpty())
            return fail(
                QStringLiteral("'%1': a unix URL names no host; write unix:///path/to/socket").arg(url));
        if (parsed.path().isEmpty() || parsed.path() == u"/")
            return fail(QStringLiteral("'%1' names no socket path (unix:///path/to/socket)").arg(url));
        if (parsed.hasQuery() || parsed.hasFragment())
            return fail(QStringLiteral("'%1': a unix URL takes no query or fragment").arg(url));
        config.type = Type::RawSocket;
        ConnectingEndpoint endpoint;
        endpoint.type = ConnectingEndpoint::Type::Unix;
        endpoint.path = parsed.path();
        config.endpoint = endpoint;
        return config;
    }

    const bool webSocket = isWebSocketScheme(scheme);
    if (!webSocket && scheme != u"rs" && scheme != u"rss") {
        if (scheme.isEmpty())
            return fail(
                QStringLiteral("'%1' has no scheme (expected ws://, wss://, rs://, rss:// or unix://)")
                    .arg(url));
        return fail(QStringLiteral("'%1': unsupported scheme '%2' (expected ws://, wss://, rs://, rss:// or "
                                   "unix://)")
                        .arg(url, scheme));
    }
    if (parsed.host().isEmpty())
        return fail(QStringLiteral("'%1' names no host").arg(url));
    const bool secure = scheme == u"wss" || scheme == u"rss";
    ConnectingEndpoint endpoint;
    endpoint.host = parsed.host();
    if (secure)
        endpoint.tls = ClientTlsOptions();
    if (webSocket) {
        endpoint.port = quint16(parsed.port(secure ? 443 : 80));
        config.type = Type::WebSocket;
        config.url = url;
        config.endpoint = endpoint;
        return config;
    }
    if (parsed.port() <= 0)
        return fail(QStringLiteral("'%1' names no port (%2://host:port)").arg(url, scheme));
    if (!parsed.path().isEmpty() && parsed.path() != u"/")
        return fail(QStringLiteral("'%1': a RawSocket URL takes no path").arg(url));
    if (parsed.hasQuery() || parsed.hasFragment())
        return fail(QStringLiteral("'%1': a RawSocket URL takes no query or fragment").arg(url));
    endpoint.port = quint16(parsed.port());
    config.type = Type::RawSocket;
    config.endpoint = endpoint;
    return config;
}

} // namespace wamp
