#pragma once

#include "config/transportconfig.h"

#include <QObject>

namespace wamp {

class Peer;
class PendingConnection;

/*!
 * Turns accepted connections (TCP, TLS) into WAMP-over-WebSocket peers: reads the HTTP request head, answers
 * a valid upgrade (RFC 6455) with the negotiated subprotocol, serves the status page to a plain GET
 * (Crossbar's `enable_webstatus`) and a clear HTTP error to anything else.
 *
 * The subprotocol is the first one the client offers that the transport serves. A client offering none of
 * them is accepted and at once closed with 1002 and a reason listing what this router speaks (browsers show
 * a close reason, not an HTTP error body), unless `require_websocket_subprotocol` is false, in which case it
 * is served JSON.
 */
class WebSocketAcceptor final : public QObject {
    Q_OBJECT

public:
    explicit WebSocketAcceptor(TransportConfig config, QObject* parent = nullptr);

    //! Takes over a new connection (re-parented to this acceptor); bytes it already holds are read at once.
    void accept(PendingConnection* connection);
    //! Where clients connect, shown on the status page.
    void setAddress(const QString& address) { m_address = address; }

Q_SIGNALS:
    void peerReady(wamp::Peer* peer);
    void rejected(const QString& peerAddress, const QString& reason);

private:
    void inspectRequest(PendingConnection* connection);
    void refuse(PendingConnection* connection, int status, const QByteArray& statusText,
                const QString& message, const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {});
    QByteArray statusPage(QByteArrayView method) const;
    QString subprotocolList() const;
    bool originAllowed(const QString& origin) const;

    TransportConfig m_config;
    QString m_address;
};

} // namespace wamp
