#pragma once

#include "config/transportconfig.h"

#include <QObject>

namespace wamp {

class PendingConnection;
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

    //! Takes over a new connection (re-parented to this acceptor); bytes it already holds are read at once.
    void accept(PendingConnection* connection);
    qint64 maxMessageSize() const;
    int connectionCount() const { return m_connections; }

Q_SIGNALS:
    void peerReady(wamp::Peer* peer);
    void rejected(const QString& peerAddress, const QString& reason);

private:
    void readHandshake(PendingConnection* connection);
    void refuse(PendingConnection* connection, const QString& reason, std::optional<int> errorCode);

    TransportConfig m_config;
    int m_connections = 0;
};

} // namespace wamp
