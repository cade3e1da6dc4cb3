#pragma once

#include "serialization/serializer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wamp {

//! TLS of a connecting endpoint (Crossbar's `endpoint.tls` on the connecting side). Files are PEM.
struct ClientTlsOptions {
    /*!
     * Certificates to trust for the router's certificate (each file may hold several). When empty the
     * system's CA certificates are used.
     */
    QStringList caCertificates;
    //! Optional client certificate and its private key, for routers that ask for one.
    QString certificate;
    QString key;
    //! Check the router's certificate chain and host name. Only turn off for testing.
    bool verifyPeer = true;
    //! The name the router's certificate must carry; empty means the host connected to.
    QString peerName;
};

//! Where a connecting transport connects to: TCP (optionally TLS) host and port, or a Unix domain socket.
struct ConnectingEndpoint {
    enum class Type { Tcp, Unix };
    Type type = Type::Tcp;
    //! TCP: host name or address, and port.
    QString host;
    quint16 port = 0;
    //! TCP: present means TLS.
    std::optional<ClientTlsOptions> tls;
    //! Unix: the socket file's path.
    QString path;

    //! "127.0.0.1:8080", "localhost:8443 (TLS)" or "unix:/tmp/socket", for messages.
    QString describe() const;
};

/*!
 * A connecting transport, in the shapes of Crossbar's connecting transports.
 *
 * WebSocket: `url` (ws:// or wss://) is required; `serializers` are offered as WebSocket subprotocols in
 * preference order and the router picks one. `endpoint` is optional: without it host, port and TLS come
 * from the url; with it the connection goes to the endpoint (which must use TLS exactly when the url is
 * wss://) and the url only supplies the request path.
 *
 * RawSocket: `endpoint` (TCP, TLS or Unix) and a single `serializer` are required. The client announces
 * messages up to 2^(9 + maxLengthExponent) bytes.
 */
struct ConnectingTransportConfig {
    enum class Type { WebSocket, RawSocket };
    Type type = Type::WebSocket;
    //! Crossbar's transport `id`; becomes the Peer's transportId ("client" when empty).
    QString id;
    //! WebSocket only.
    QString url;
    QList<SerializerKind> serializers = allSerializerKinds();
    //! Required for RawSocket, optional for WebSocket.
    std::optional<ConnectingEndpoint> endpoint;
    //! RawSocket only.
    SerializerKind serializer = SerializerKind::Json;
    //! RawSocket only: 0..15, announcing 512 bytes .. 16 MiB.
    int maxLengthExponent = 15;
    //! Milliseconds to connect, finish TLS and the WebSocket or RawSocket handshake.
    int connectTimeoutMs = 10000;

    //! The endpoint actually used: `endpoint`, or for WebSocket without one, the url's host, port and TLS.
    std::optional<ConnectingEndpoint> effectiveEndpoint() const;
    //! Empty when usable; otherwise what is wrong, naming the field.
    QString validate() const;
    //! A short description for messages: the url for WebSocket, "rs://host:port", "unix:///path".
    QString describe() const;

    /*!
     * Builds a configuration from a URL, for command lines: `ws://host:port/path`, `wss://host:port/path`,
     * `rs://host:port` (RawSocket over TCP), `rss://host:port` (RawSocket over TLS) and
     * `unix:///path/to/socket` (RawSocket over a Unix socket). The port is required for rs:// and rss://
     * and defaults to 80 / 443 for ws:// / wss://. WebSocket offers only \a serializer. `endpoint` is always
     * filled in (so TLS options can be added to it). Returns nullopt with *error set for anything else.
     */
    static std::optional<ConnectingTransportConfig> fromUrl(const QString& url, SerializerKind serializer,
                                                            QString* error);
};

} // namespace wamp
