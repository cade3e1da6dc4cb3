#pragma once

#include "serialization/serializer.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace wamp {

/*!
 * One connected WAMP peer as the router sees it: bytes in, bytes out, already framed.
 *
 * A transport (WebSocket, RawSocket, or an in-memory fake in tests) subclasses it. Sessions, the broker and
 * the dealer use nothing else, so they never include a socket header.
 *
 * Outgoing pressure: a peer counts bytes handed to send() and not yet written. When that passes
 * maxPendingBytes(), the peer is disconnected (reason "outgoing queue overflow") rather than letting one slow
 * reader grow the router's memory without bound; other peers never wait for it.
 */
class Peer : public QObject {
    Q_OBJECT

public:
    Peer(SerializerKind serializer, QString transportId, QObject* parent = nullptr);

    const Serializer& serializer() const { return serializerFor(m_serializer); }
    SerializerKind serializerKind() const { return m_serializer; }
    //! The id of the listening transport this peer came through ("transport1").
    const QString& transportId() const { return m_transportId; }
    //! "websocket", "rawsocket", ...
    virtual QString transportType() const = 0;
    //! Human-readable remote address, e.g. "127.0.0.1:53412" or "unix".
    virtual QString peerAddress() const = 0;

    //! Sends one encoded message. Does nothing once the peer is closing.
    virtual void send(const QByteArray& encoded) = 0;
    //! Closes the connection after pending data is flushed. \a reason goes into logs and close frames.
    virtual void close(const QString& reason) = 0;

    //! The authrole of anonymous sessions on this transport (Crossbar's `auth.anonymous.role`); empty when
    //! the transport does not admit anonymous sessions.
    const QString& anonymousRole() const { return m_anonymousRole; }
    void setAnonymousRole(const QString& role) { m_anonymousRole = role; }

    //! The transport's `debug` option: the session logs every message of this peer.
    bool isDebug() const { return m_debug; }
    void setDebug(bool debug) { m_debug = debug; }

    //! Bytes handed to send() and not yet written to the operating system.
    virtual qint64 pendingBytes() const { return m_pendingBytes; }
    qint64 maxPendingBytes() const { return m_maxPendingBytes; }
    void setMaxPendingBytes(qint64 bytes) { m_maxPendingBytes = bytes; }

    static constexpr qint64 kDefaultMaxPendingBytes = 16 * 1024 * 1024;

Q_SIGNALS:
    //! One complete message as received, not yet decoded.
    void messageReceived(const QByteArray& bytes);
    //! The connection is gone; emitted once. \a reason says why, for logs.
    void disconnected(const QString& reason);

protected:
    //! Subclasses call these to keep the outgoing count; returns false when the cap is exceeded.
    bool addPending(qint64 bytes);
    void removePending(qint64 bytes);

private:
    SerializerKind m_serializer;
    QString m_transportId;
    qint64 m_pendingBytes = 0;
    bool m_debug = false;
    QString m_anonymousRole = QStringLiteral("anonymous");
    qint64 m_maxPendingBytes = kDefaultMaxPendingBytes;
};

} // namespace wamp
