#pragma once

#include "bytestream.h"

#include <QTimer>

namespace wamp {

/*!
 * A new connection before its transport handshake is done: collects what the client sends until an acceptor
 * can decide (RawSocket handshake, HTTP upgrade request, or the universal transport's first byte), within a
 * deadline.
 *
 * It owns the stream until takeStream() hands it on; a refused connection is answered with reply() and
 * deletes itself once the stream is closed.
 */
class PendingConnection final : public QObject, public ByteStreamHandler {
    Q_OBJECT

public:
    //! Takes ownership of \a stream and starts reading from it.
    explicit PendingConnection(ByteStream* stream, QObject* parent = nullptr);

    const QString& peerAddress() const { return m_peerAddress; }
    //! Bytes received so far and not consumed.
    const QByteArray& received() const { return m_received; }
    //! (Re)starts the deadline: timedOut() unless the acceptor decided within \a milliseconds.
    void setDeadline(int milliseconds);
    //! Gives the stream to its next handler, with the bytes received so far; this object then deletes itself.
    ByteStream* takeStream(QByteArray* received);
    //! Refuses the connection: sends \a bytes (may be empty), closes, and deletes itself when closed.
    void reply(const QByteArray& bytes);

    void streamReadable(QByteArrayView bytes) override;
    void streamClosed(const QString& reason) override;

Q_SIGNALS:
    //! New bytes are in received(). Not emitted after reply().
    void dataArrived();
    void timedOut();
    //! The client went away before a decision.
    void closedEarly(const QString& reason);

private:
    ByteStream* m_stream;
    QString m_peerAddress;
    QByteArray m_received;
    QTimer m_deadline;
    bool m_replied = false;

    static constexpr int kReplyLingerMs = 1000;
};

} // namespace wamp
