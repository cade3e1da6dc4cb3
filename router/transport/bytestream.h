#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

namespace wamp {

/*!
 * Receives what a ByteStream reports. Transports implement it for each phase of a connection (waiting for a
 * handshake, then the peer), and hand the stream on with ByteStream::setHandler().
 */
class ByteStreamHandler {
public:
    virtual ~ByteStreamHandler() = default;
    //! Bytes arrived; \a bytes is valid only during the call.
    virtual void streamReadable(QByteArrayView bytes) = 0;
    /*!
     * The connection is gone: the other side closed it, an error broke it, or close()/abort() finished.
     * Reported once, always from the event loop, never from inside a ByteStream call, so a handler may tear
     * down routing state here.
     */
    virtual void streamClosed(const QString& reason) = 0;
};

/*!
 * A connected byte stream as the transports use it: the raw socket layer for plain TCP and Unix sockets
 * (SocketStream) or a QIODevice for TLS and the client side (DeviceStream).
 *
 * Callbacks go to one ByteStreamHandler rather than through signals: a stream is made per connection, and a
 * router holding many thousands of idle sessions pays for every connection object.
 */
class ByteStream : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    //! Where data and the close report go; null stops delivery (data arriving meanwhile stays unread).
    virtual void setHandler(ByteStreamHandler* handler) = 0;
    //! "127.0.0.1:53412", "[::1]:53412" or "unix:/path/of/the/listener".
    virtual QString peerAddress() const = 0;
    virtual bool isEncrypted() const = 0;
    //! Queues \a bytes for sending. Nothing is written or reported from inside this call.
    virtual void write(const QByteArray& bytes) = 0;
    /*!
     * Queues a frame: \a header, then \a payload. Small frames are copied into one buffer shared by all
     * the writes of this event-loop pass; a large payload is queued as it is (shared, not copied), so one
     * encoded event sent to many peers is never copied per peer.
     */
    virtual void writeFrame(QByteArrayView header, const QByteArray& payload) = 0;
    //! Bytes accepted by write() and not yet handed to the operating system.
    virtual qint64 bytesToWrite() const = 0;
    /*!
     * Sends what is queued, then ends the connection; data that still arrives is delivered until the other
     * side closes too. A peer that does not close within \a timeoutMs is cut off. streamClosed() follows.
     */
    virtual void close(int timeoutMs) = 0;
    //! Drops what is queued and closes at once; streamClosed(\a reason) follows from the event loop.
    virtual void abort(const QString& reason) = 0;
};

} // namespace wamp
