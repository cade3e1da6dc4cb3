#pragma once

#include "serialization/serializer.h"

#include <QList>
#include <QString>

namespace wamp {

//! A listening TCP endpoint, as Crossbar's `endpoint: {"type": "tcp", ...}`.
struct TcpEndpoint {
    //! Address to bind; empty means every interface of the chosen IP version.
    QString interface;
    quint16 port = 0;
    int version = 4; //!< 4 or 6
    int backlog = 50;
};

//! WebSocket `options` (Crossbar names) that the listener implements.
struct WebSocketOptions {
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
};

enum class TransportType { WebSocket };

//! One listening transport of a router worker.
struct TransportConfig {
    QString id;
    TransportType type = TransportType::WebSocket;
    TcpEndpoint endpoint;
    //! Crossbar's `url`; informational (any request path is accepted).
    QString url;
    QList<SerializerKind> serializers = allSerializerKinds();
    WebSocketOptions websocket;
    bool debug = false;
};

} // namespace wamp
