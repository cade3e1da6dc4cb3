#pragma once

#include "peer.h"

#include <QObject>
#include <QString>

namespace wamp {

/*!
 * A listening transport: accepts connections and hands out Peers once their transport handshake is done.
 */
class Listener : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    //! Starts listening; on failure returns false and errorString() says why.
    virtual bool start() = 0;
    virtual void stop() = 0;
    virtual QString errorString() const = 0;
    //! Where clients connect, e.g. "ws://127.0.0.1:8080/ws".
    virtual QString address() const = 0;
    virtual QString transportId() const = 0;

Q_SIGNALS:
    //! A new peer whose parent is this listener; the receiver may re-parent it.
    void peerConnected(wamp::Peer* peer);
    //! A connection was refused before it became a peer (bad handshake, no subprotocol, ...).
    void connectionRejected(const QString& peerAddress, const QString& reason);
};

} // namespace wamp
