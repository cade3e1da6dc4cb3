#pragma once

#include "config/transportconfig.h"

#include <QObject>

class QIODevice;

namespace wamp {

class Peer;

/*!
 * Turns accepted stream connections (TCP, TLS, Unix) into WAMP-over-RawSocket peers: reads the client's
 * 4-byte handshake (within the handshake timeout), checks magic, reserved bits, serializer and the connection
 * limit, and answers with the router's handshake or the spec's error code.
 *
 * The length the router announces is the one it enforces: 2^(9 + rawsocket::lengthExponentFor(
 * max_message_size)).
 */
class RawSocketAcceptor final : public QObject {
    Q_OBJECT

public:
    explicit RawSocketAcceptor(TransportConfig config, QObject* parent = nullptr);

    //! Takes over a connected socket (QAbstractSocket or QLocalSocket), re-parented to this acceptor.
    void accept(QIODevice* socket);
    qint64 maxMessageSize() const;
    int connectionCount() const { return m_connections; }

Q_SIGNALS:
    void peerReady(wamp::Peer* peer);
    void rejected(const QString& peerAddress, const QString& reason);

private:
    void readHandshake(QIODevice* socket);
    void refuse(QIODevice* socket, const QString& reason, std::optional<int> errorCode);

    TransportConfig m_config;
    int m_connections = 0;
};

} // namespace wamp
