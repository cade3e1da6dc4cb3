#pragma once

#include "configsource.h"
#include "serialization/serializer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wamp {

//! TLS for a TCP endpoint (Crossbar's `endpoint.tls`): PEM files.
struct TlsOptions {
    QString key;
    QString certificate;
    //! When set, clients must present a certificate signed by one of these (PEM files).
    QStringList caCertificates;
    //! OpenSSL cipher list, e.g. "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256"; empty = Qt's
    //! default.
    QString ciphers;

    friend bool operator==(const TlsOptions&, const TlsOptions&) = default;
};

//! A listening endpoint, as Crossbar's `endpoint`: TCP (optionally with TLS) or a Unix domain socket.
struct Endpoint {
    enum class Type { Tcp, Unix };
    Type type = Type::Tcp;
    //! TCP: address to bind; empty means every interface of the chosen IP version.
    QString interface;
    quint16 port = 0;
    int version = 4; //!< 4 or 6
    int backlog = 50;
    std::optional<TlsOptions> tls;
    //! Unix: the socket file's path.
    QString path;

    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

//! WebSocket `options` (Crossbar names) that the listener implements.
struct WebSocketOptions {
    //! Subprotocols offered, in the router's order of preference (the client's order decides).
    QList<SerializerKind> serializers = allSerializerKinds();
    //! Largest WebSocket message accepted (bytes); bigger ones close the connection with 1009.
    qint64 maxMessageSize = 16 * 1024 * 1024;
    //! Largest single WebSocket frame accepted (bytes).
    qint64 maxFrameSize = 16 * 1024 * 1024;
    //! Refuse clients that offer none of our WAMP subprotocols; when false they are served JSON.
    bool requireWebSocketSubprotocol = true;
    //! Answer a plain HTTP GET (no upgrade) with a small status page.
    bool enableWebStatus = true;
    //! Milliseconds a client has to finish the opening handshake.
    int openHandshakeTimeoutMs = 10000;
    //! Milliseconds the other side has to answer our close frame before the connection is cut.
    int closeHandshakeTimeoutMs = 2000;
    //! Browser origins allowed to connect (`*` matches any run of characters, e.g. "https://*.example.com");
    //! empty allows every origin. Clients that send no Origin header (non-browsers) are always allowed.
    QStringList allowedOrigins;
    //! Keep-alive: a WebSocket ping every interval (0 = off) with auto_ping_size bytes; no pong within the
    //! timeout closes the connection.
    int autoPingIntervalMs = 0;
    int autoPingTimeoutMs = 10000;
    int autoPingSize = 4;
    //! TCP_NODELAY on accepted connections.
    bool tcpNoDelay = true;

    friend bool operator==(const WebSocketOptions&, const WebSocketOptions&) = default;
};

//! RawSocket settings of a listening transport.
struct RawSocketOptions {
    //! Serializers a client may ask for in its handshake.
    QList<SerializerKind> serializers = allSerializerKinds();
    /*!
     * Crossbar's `max_message_size` (1 byte to 64 MB, default 128 kB). RawSocket can only announce powers of
     * two from 512 bytes to 16 MiB, so the router announces and enforces the largest such length not above
     * this value (see rawsocket::lengthExponentFor); validation warns when that differs.
     */
    qint64 maxMessageSize = 128 * 1024;
    //! The length announced in the handshake and enforced: the largest power of two from 512 bytes to 16 MiB
    //! that is not above maxMessageSize.
    qint64 effectiveMaxMessageSize() const
    {
        qint64 length = qint64(1) << 24;
        while (length > 512 && length > maxMessageSize)
            length >>= 1;
        return length;
    }
    //! Milliseconds a client has to send its 4-byte handshake.
    int handshakeTimeoutMs = 10000;
    //! Router-side keep-alive: a PING every interval (0 = off); no PONG within the timeout closes.
    int pingIntervalMs = 0;
    int pingTimeoutMs = 10000;
    //! Connections allowed at once (0 = unlimited); past it clients get handshake error 4.
    int maxConnections = 0;

    friend bool operator==(const RawSocketOptions&, const RawSocketOptions&) = default;
};

//! RawSocket is tried by its first byte (0x7F); anything else is WebSocket (Crossbar's "universal").
enum class TransportType { WebSocket, RawSocket, Universal };

//! One listening transport of a router worker.
struct TransportConfig {
    QString id;
    TransportType type = TransportType::WebSocket;
    Endpoint endpoint;
    //! Crossbar's `url`; informational (any request path is accepted).
    QString url;
    WebSocketOptions websocket;
    RawSocketOptions rawsocket;
    bool debug = false;
    //! Crossbar's `auth: {"anonymous": {"type": "static", "role": ...}}`: the role anonymous sessions get.
    //! Empty when the transport's `auth` does not allow anonymous (every HELLO is then refused, since the
    //! other methods are not implemented yet).
    QString anonymousRole = QStringLiteral("anonymous");
    //! The JSON read (`transports[i]`, with its endpoint and options); not compared (see ConfigSource).
    ConfigSource source{};

    friend bool operator==(const TransportConfig&, const TransportConfig&) = default;
};

} // namespace wamp
