#include "clienttransport.h"

#include "transport/devicestream.h"
#include "transport/rawsocketframing.h"
#include "transport/rawsocketpeer.h"
#include "transport/websocketpeer.h"

#include <QFile>
#include <QLocalSocket>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocket>

namespace wamp {

namespace {

constexpr qint64 kHandshakeSize = 4;

QString transportIdOf(const ConnectingTransportConfig& config)
{
    return config.id.isEmpty() ? QStringLiteral("client") : config.id;
}

QString subprotocolList(const QList<SerializerKind>& kinds)
{
    QStringList names;
    for (SerializerKind kind : kinds)
        names << serializerFor(kind).subprotocol();
    return names.join(QStringLiteral(", "));
}

std::optional<QSslKey> readKey(const QByteArray& pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return std::nullopt;
}

bool makeTlsConfiguration(const ClientTlsOptions& options, QSslConfiguration* configuration, QString* error)
{
    if (!options.caCertificates.isEmpty()) {
        QList<QSslCertificate> authorities;
        for (const QString& file : options.caCertificates) {
            const QList<QSslCertificate> certificates = QSslCertificate::fromPath(file, QSsl::Pem);
            if (certificates.isEmpty()) {
                *error = QStringLiteral("cannot use CA certificate file '%1': missing, unreadable or not PEM")
                             .arg(file);
                return false;
            }
            authorities += certificates;
        }
        configuration->setCaCertificates(authorities);
    }
    if (!options.certificate.isEmpty()) {
        QFile certificateFile(options.certificate);
        if (!certificateFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read client certificate '%1': %2")
                         .arg(options.certificate, certificateFile.errorString());
            return false;
        }
        const QSslCertificate certificate(certificateFile.readAll(), QSsl::Pem);
        if (certificate.isNull()) {
            *error =
                QStringLiteral("client certificate '%1' is not a PEM certificate").arg(options.certificate);
            return false;
        }
        QFile keyFile(options.key);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error =
                QStringLiteral("cannot read client key '%1': %2").arg(options.key, keyFile.errorString());
            return false;
        }
        const std::optional<QSslKey> key = readKey(keyFile.readAll());
        if (!key) {
            *error = QStringLiteral("client key '%1' is not an unencrypted PEM RSA, EC or DSA key")
                         .arg(options.key);
            return false;
        }
        configuration->setLocalCertificate(certificate);
        configuration->setPrivateKey(*key);
    }
    configuration->setPeerVerifyMode(options.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    return true;
}

} // namespace

ClientTransport::ClientTransport(QObject* parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("connect timeout after %1 ms to %2%3")
                 .arg(m_timeout.interval())
                 .arg(m_config.describe(), stage()));
    });
}

ClientTransport::~ClientTransport()
{
    cleanup();
}

void ClientTransport::open(const ConnectingTransportConfig& config)
{
    cleanup();
    ++m_attempt;
    m_config = config;
    m_connecting = true;
    m_streamConnected = false;
    m_sslErrors.clear();
    const QString problem = m_config.validate();
    const std::optional<ConnectingEndpoint> endpoint = m_config.effectiveEndpoint();
    if (!problem.isEmpty() || !endpoint) {
        failLater(QStringLiteral("invalid transport configuration for %1: %2")
                      .arg(m_config.describe(), problem.isEmpty() ? QStringLiteral("no endpoint") : problem));
        return;
    }
    QSslConfiguration tls;
    if (endpoint->tls) {
        tls = QSslConfiguration::defaultConfiguration();
        QString error;
        if (!makeTlsConfiguration(*endpoint->tls, &tls, &error)) {
            failLater(QStringLiteral("TLS setup for %1 failed: %2").arg(m_config.describe(), error));
            return;
        }
    }
    m_timeout.start(m_config.connectTimeoutMs);
    // Some sockets report errors from within connectToServer(); those are delivered later too.
    m_opening = true;
    if (m_config.type == ConnectingTransportConfig::Type::WebSocket)
        openWebSocket(*endpoint, tls);
    else
        openRawSocket(*endpoint, tls);
    m_opening = false;
}

void ClientTransport::failLater(const QString& error)
{
    // Reported on the next turn of the event loop: callers connect to failed() after open().
    QMetaObject::invokeMethod(
        this,
        [this, error, attempt = m_attempt] {
            if (attempt == m_attempt)
                fail(error);
        },
        Qt::QueuedConnection);
}

void ClientTransport::abort()
{
    ++m_attempt;
    m_connecting = false;
    cleanup();
}

void ClientTransport::openWebSocket(const ConnectingEndpoint& endpoint, const QSslConfiguration& tls)
{
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_webSocket = socket;
    QUrl url(m_config.url);
    url.setHost(endpoint.host);
    url.setPort(endpoint.port);
    QNetworkRequest request(url);
    request.setRawHeader("Sec-WebSocket-Protocol", subprotocolList(m_config.serializers).toUtf8());
    if (endpoint.tls) {
        socket->setSslConfiguration(tls);
        if (!endpoint.tls->peerName.isEmpty())
            request.setPeerVerifyName(endpoint.tls->peerName);
        connect(socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            for (const QSslError& error : errors)
                m_sslErrors << error.errorString();
        });
    }
    connect(socket, &QWebSocket::connected, this, &ClientTransport::onWebSocketConnected);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError) { onStreamError(socket->errorString()); });
    // QWebSocket may report disconnected() before error(): prefer the socket's own error text.
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        onStreamError(socket->error() != QAbstractSocket::UnknownSocketError
                          ? socket->errorString()
                          : QStringLiteral("the connection closed during the WebSocket handshake"));
    });
    socket->open(request);
}

void ClientTransport::openRawSocket(const ConnectingEndpoint& endpoint, const QSslConfiguration& tls)
{
    if (endpoint.type == ConnectingEndpoint::Type::Unix) {
        auto* socket = new QLocalSocket(this);
        m_stream = socket;
        connect(socket, &QLocalSocket::connected, this, &ClientTransport::onStreamConnected);
        connect(socket, &QLocalSocket::errorOccurred, this,
                [this, socket](QLocalSocket::LocalSocketError) { onStreamError(socket->errorString()); });
        connect(socket, &QLocalSocket::disconnected, this, [this] {
            onStreamError(QStringLiteral("the router closed the connection during the RawSocket handshake"));
        });
        connect(socket, &QIODevice::readyRead, this, &ClientTransport::onStreamReadyRead);
        socket->connectToServer(endpoint.path);
        return;
    }

    QTcpSocket* socket = nullptr;
    QSslSocket* sslSocket = nullptr;
    if (endpoint.tls) {
        sslSocket = new QSslSocket(this);
        sslSocket->setSslConfiguration(tls);
        connect(sslSocket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            for (const QSslError& error : errors)
                m_sslErrors << error.errorString();
        });
        // A RawSocket handshake may only start once TLS is up.
        connect(sslSocket, &QSslSocket::encrypted, this, &ClientTransport::onStreamConnected);
        socket = sslSocket;
    } else {
        socket = new QTcpSocket(this);
        connect(socket, &QTcpSocket::connected, this, &ClientTransport::onStreamConnected);
    }
    m_stream = socket;
    // WAMP messages are small and latency-bound: without TCP_NODELAY an unacknowledged PUBLISH waits for the
    // router's delayed ACK (40 ms). Set once connected: before that there is no socket to set it on.
    connect(socket, &QAbstractSocket::connected, socket,
            [socket] { socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError) { onStreamError(socket->errorString()); });
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        onStreamError(QStringLiteral("the router closed the connection during the RawSocket handshake"));
    });
    connect(socket, &QIODevice::readyRead, this, &ClientTransport::onStreamReadyRead);
    if (sslSocket)
        sslSocket->connectToHostEncrypted(endpoint.host, endpoint.port, endpoint.tls->peerName);
    else
        socket->connectToHost(endpoint.host, endpoint.port);
}

void ClientTransport::onWebSocketConnected()
{
    QWebSocket* socket = m_webSocket;
    if (!m_connecting || !socket)
        return;
    const QString chosen = socket->subprotocol();
    const std::optional<SerializerKind> kind = serializerKindFromSubprotocol(chosen);
    if (!kind || !m_config.serializers.contains(*kind)) {
        fail(chosen.isEmpty()
                 ? QStringLiteral("%1 chose no WebSocket subprotocol (offered %2)")
                       .arg(m_config.describe(), subprotocolList(m_config.serializers))
                 : QStringLiteral("%1 chose subprotocol '%2', which was not offered (offered %3)")
                       .arg(m_config.describe(), chosen, subprotocolList(m_config.serializers)));
        return;
    }
    m_timeout.stop();
    disconnect(socket, nullptr, this, nullptr);
    m_webSocket = nullptr;
    m_connecting = false;
    auto* peer = new WebSocketPeer(socket, *kind, transportIdOf(m_config), this);
    Q_EMIT connected(peer);
}

void ClientTransport::onStreamConnected()
{
    if (!m_connecting || !m_stream)
        return;
    m_streamConnected = true;
    m_stream->write(
        rawsocket::handshake(m_config.maxLengthExponent, serializerFor(m_config.serializer).rawSocketId()));
}

void ClientTransport::onStreamReadyRead()
{
    QIODevice* stream = m_stream;
    if (!m_connecting || !stream || stream->bytesAvailable() < kHandshakeSize)
        return;
    // Only the reply is read here: frames that came with it stay buffered for the RawSocketPeer.
    const QByteArray replyBytes = stream->read(kHandshakeSize);
    QString error;
    const std::optional<rawsocket::HandshakeReply> reply = rawsocket::parseHandshakeReply(replyBytes, &error);
    if (!reply) {
        fail(QStringLiteral("RawSocket handshake with %1 failed: %2").arg(m_config.describe(), error));
        return;
    }
    if (reply->error) {
        fail(QStringLiteral("%1 refused the RawSocket handshake: %2")
                 .arg(m_config.describe(), rawsocket::describe(*reply->error)));
        return;
    }
    const int ourId = serializerFor(m_config.serializer).rawSocketId();
    if (!reply->accepted || reply->accepted->serializerId != ourId) {
        fail(QStringLiteral("%1 answered the RawSocket handshake with serializer %2, we asked for %3 (%4)")
                 .arg(m_config.describe())
                 .arg(reply->accepted ? reply->accepted->serializerId : 0)
                 .arg(ourId)
                 .arg(serializerFor(m_config.serializer).name()));
        return;
    }
    m_timeout.stop();
    disconnect(stream, nullptr, this, nullptr);
    m_stream = nullptr;
    m_connecting = false;
    const qint64 maxIncoming = qint64(1) << (9 + m_config.maxLengthExponent);
    // Frames that came with the reply are still in the device: DeviceStream delivers them first.
    auto* peer = new RawSocketPeer(new DeviceStream(stream), QByteArray(), m_config.serializer,
                                   transportIdOf(m_config), QStringLiteral("rawsocket"), maxIncoming,
                                   reply->accepted->maxLength(), this);
    Q_EMIT connected(peer);
}

void ClientTransport::onStreamError(const QString& socketError)
{
    QString text = QStringLiteral("cannot connect to %1: %2").arg(m_config.describe(), socketError);
    if (!m_sslErrors.isEmpty())
        text += QStringLiteral(" (TLS: %1)").arg(m_sslErrors.join(QStringLiteral("; ")));
    fail(text);
}

QString ClientTransport::stage() const
{
    if (m_config.type == ConnectingTransportConfig::Type::RawSocket && m_streamConnected)
        return QStringLiteral(" (connected, but no RawSocket handshake reply)");
    return {};
}

void ClientTransport::fail(const QString& error)
{
    if (!m_connecting)
        return;
    if (m_opening) {
        failLater(error);
        return;
    }
    m_connecting = false;
    cleanup();
    Q_EMIT failed(error);
}

void ClientTransport::cleanup()
{
    m_timeout.stop();
    if (QWebSocket* socket = m_webSocket) {
        m_webSocket = nullptr;
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
    if (QIODevice* stream = m_stream) {
        m_stream = nullptr;
        disconnect(stream, nullptr, this, nullptr);
        if (auto* socket = qobject_cast<QAbstractSocket*>(stream))
            socket->abort();
        else if (auto* local = qobject_cast<QLocalSocket*>(stream))
            local->abort();
        stream->deleteLater();
    }
}

} // namespace wamp
