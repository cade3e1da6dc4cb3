#pragma once

#include "bytestream.h"

#include <QList>

class QSocketNotifier;

namespace wamp {

/*!
 * A connected, non-blocking TCP or Unix domain socket handled directly: one read notifier, a write notifier
 * only while the kernel's send buffer is full, and a queue of shared QByteArrays that leaves in one
 * sendmsg() per event-loop pass (WriteFlusher).
 *
 * This replaces QTcpSocket/QLocalSocket on the router's listening side: those keep read and write buffers
 * of their own per connection (tens of kilobytes) and copy every message into them, while an idle
 * SocketStream holds no buffer at all.
 */
class SocketStream final : public ByteStream {
    Q_OBJECT

public:
    /*!
     * Takes ownership of the connected socket \a fd (closed by the destructor). \a localName is shown as the
     * peer address of Unix domain sockets ("unix:" + localName).
     */
    SocketStream(qintptr fd, QString localName, QObject* parent = nullptr);
    ~SocketStream() override;

    void setHandler(ByteStreamHandler* handler) override;
    QString peerAddress() const override;
    bool isEncrypted() const override { return false; }
    void write(const QByteArray& bytes) override;
    void writeFrame(QByteArrayView header, const QByteArray& payload) override;
    qint64 bytesToWrite() const override { return m_queuedBytes; }
    void close(int timeoutMs) override;
    void abort(const QString& reason) override;

    //! Sets TCP_NODELAY (TCP sockets only).
    void setNoDelay(bool on);
    //! Writes what is queued, as far as the kernel takes it (WriteFlusher calls this).
    void flush();

private:
    void onReadable();
    void onWritable();
    void finish(const QString& reason);
    void releaseQueue();
    void scheduleFlush();
    //! The queue's last buffer when it is our own coalescing buffer with room for \a bytes more, else a new
    //! one.
    QByteArray& coalescingTail(qsizetype bytes);

    static constexpr qsizetype kCoalesceLimit = 1024;   // payloads up to this size are copied, not shared
    static constexpr qsizetype kCoalesceBuffer = 16384; // one coalescing buffer's capacity

    int m_fd;
    QString m_localName;
    ByteStreamHandler* m_handler = nullptr;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr; // only while the kernel's send buffer is full
    QList<QByteArray> m_queue;
    qsizetype m_headOffset = 0; // bytes of m_queue.first() already sent
    qint64 m_queuedBytes = 0;
    bool m_tailIsOwn = false; // m_queue.last() is a coalescing buffer of ours (not shared with anyone)
    bool m_scheduled = false;
    bool m_closing = false;  // close(): no more writes, shut down once the queue is empty
    bool m_finished = false; // the socket is closed; streamClosed() is posted or delivered
};

} // namespace wamp
