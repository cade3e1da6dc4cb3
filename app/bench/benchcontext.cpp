#include "benchcontext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace {

// Random-looking but reproducible, so runs compare; letters and digits keep JSON free of escapes.
wamp::Value makePayload(int size, bool binary)
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 0x9e3779b9u;
    for (char& byte : bytes) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        byte = binary ? char(state & 0xff) : kAlphabet[state % (sizeof(kAlphabet) - 1)];
    }
    return binary ? wamp::Value::binary(bytes) : wamp::Value::string(bytes);
}

} // namespace

std::optional<BenchContext> BenchContext::make(const BenchOptions& options, QString* error)
{
    std::optional<wamp::ConnectingTransportConfig> transport =
        wamp::ConnectingTransportConfig::fromUrl(options.url, options.serializer, error);
    if (!transport)
        return std::nullopt;
    transport->id = QStringLiteral("bench");
    transport->connectTimeoutMs = int(options.timeoutSeconds * 1000);
    if (!options.caFile.isEmpty()) {
        if (!transport->endpoint || !transport->endpoint->tls) {
            *error = QStringLiteral("--ca is for wss:// and rss:// URLs only");
            return std::nullopt;
        }
        if (!QFileInfo(options.caFile).isReadable()) {
            *error = QStringLiteral("--ca: cannot read '%1'").arg(options.caFile);
            return std::nullopt;
        }
        transport->endpoint->tls->caCertificates << options.caFile;
    }

    BenchContext context;
    context.options = options;
    context.transport = *transport;
    context.transportName = QUrl(options.url).scheme();
    context.serializerName = wamp::serializerFor(options.serializer).name();
    context.payload = makePayload(options.payloadBytes, options.binary);
    context.uriPrefix = "wampscope.bench." + QByteArray::number(QCoreApplication::applicationPid()) + '.';
    return context;
}
