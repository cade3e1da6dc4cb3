#include "socketstream.h"

#include "writeflusher.h"

#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace wamp {

namespace {

// One sendmsg() takes at most this many queued buffers; the rest go in the next call of the same flush.
constexpr int kMaxIovecs = 64;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

SocketStream::SocketStream(qintptr fd, QString localName, QObject* parent)
    : ByteStream(parent)
    , m_fd(int(fd))
    , m_localName(std::move(localName))
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags >= 0 && (flags & O_NONBLOCK) == 0)
        ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    m_readNotifier->setEnabled(false); // until there is a handler
    connect(m_readNotifier, &QSocketNotifier::activated, this, &SocketStream::onReadable);
}

SocketStream::~SocketStream()
{
    if (m_scheduled)
        WriteFlusher::current().cancel(this);
    if (m_fd >= 0)
        ::close(m_fd);
}

void SocketStream::setHandler(ByteStreamHandler* handler)
{
    m_handler = handler;
    if (!m_finished)
        m_readNotifier->setEnabled(handler != nullptr);
}

QString SocketStream::peerAddress() const
{
    sockaddr_storage address = {};
    socklen_t length = sizeof address;
    if (m_fd < 0 || ::getpeername(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return QStringLiteral("unknown");
    quint16 port = 0;
    if (address.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
    else if (address.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    else
        return QStringLiteral("unix:") + m_localName;
    const QHostAddress host(reinterpret_cast<const sockaddr*>(&address));
    const QString text = host.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + host.toString() + QLatin1Char(']')
                             : host.toString();
    return text + QLatin1Char(':') + QString::number(port);
}

void SocketStream::setNoDelay(bool on)
{
    const int value = on ? 1 : 0;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &value, sizeof value);
}

void SocketStream::write(const QByteArray& bytes)
{
    if (m_finished || m_closing || bytes.isEmpty())
        return;
    if (bytes.size() <= kCoalesceLimit) {
        coalescingTail(bytes.size()).append(bytes.constData(), bytes.size());
    } else {
        m_queue.append(bytes);
        m_tailIsOwn = false;
    }
    m_queuedBytes += bytes.size();
    scheduleFlush();
}

void SocketStream::writeFrame(QByteArrayView header, const QByteArray& payload)
{
    if (m_finished || m_closing)
        return;
    if (payload.size() <= kCoalesceLimit) {
        QByteArray& tail = coalescingTail(header.size() + payload.size());
        tail.append(header);
        tail.append(payload.constData(), payload.size());
    } else {
        coalescingTail(header.size()).append(header);
        m_queue.append(payload);
        m_tailIsOwn = false;
    }
    m_queuedBytes += header.size() + payload.size();
    scheduleFlush();
}

QByteArray& SocketStream::coalescingTail(qsizetype bytes)
{
    if (!m_tailIsOwn || m_queue.last().capacity() - m_queue.last().size() < bytes) {
        QByteArray buffer;
        buffer.reserve(std::max(kCoalesceBuffer, bytes));
        m_queue.append(std::move(buffer));
        m_tailIsOwn = true;
    }
    return m_queue.last();
}

void SocketStream::scheduleFlush()
{
    const bool waitingForKernel = m_writeNotifier && m_writeNotifier->isEnabled();
    if (!m_scheduled && !waitingForKernel) {
        m_scheduled = true;
        WriteFlusher::current().schedule(this);
    }
}

void SocketStream::flush()
{
    m_scheduled = false;
    while (!m_finished && !m_queue.isEmpty()) {
        iovec buffers[kMaxIovecs];
        int count = 0;
        for (qsizetype i = 0; i < m_queue.size() && count < kMaxIovecs; ++i, ++count) {
            const qsizetype skip = i == 0 ? m_headOffset : 0;
            buffers[count].iov_base = const_cast<char*>(m_queue.at(i).constData() + skip);
            buffers[count].iov_len = size_t(m_queue.at(i).size() - skip);
        }
        msghdr message = {};
        message.msg_iov = buffers;
        message.msg_iovlen = size_t(count);
        const ssize_t sent = ::sendmsg(m_fd, &message, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                if (!m_writeNotifier) {
                    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
                    connect(m_writeNotifier, &QSocketNotifier::activated, this, &SocketStream::onWritable);
                }
                m_writeNotifier->setEnabled(true);
                return;
            }
            finish(systemError(errno));
            return;
        }
        m_queuedBytes -= sent;
        qsizetype done = 0; // whole buffers sent
        qint64 left = sent;
        while (left > 0) {
            const qint64 rest = m_queue.at(done).size() - m_headOffset;
            if (left < rest) {
                m_headOffset += qsizetype(left);
                break;
            }
            left -= rest;
            m_headOffset = 0;
            ++done;
        }
        m_queue.remove(0, done);
        if (m_queue.isEmpty())
            m_tailIsOwn = false;
    }
    if (m_finished)
        return;
    releaseQueue();
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    if (m_closing)
        ::shutdown(m_fd, SHUT_WR);
}

void SocketStream::releaseQueue()
{
    // An idle connection keeps no queue storage.
    m_queue = QList<QByteArray>();
    m_tailIsOwn = false;
    m_headOffset = 0;
    m_queuedBytes = 0;
}

void SocketStream::onWritable()
{
    m_writeNotifier->setEnabled(false);
    flush();
}

void SocketStream::onReadable()
{
    // One buffer per thread: whatever arrived is handed over (and copied by the framing as needed) before
    // the next read.
    static thread_local char buffer[64 * 1024];
    const ssize_t received = ::recv(m_fd, buffer, sizeof buffer, 0);
    if (received > 0) {
        if (m_handler)
            m_handler->streamReadable(QByteArrayView(buffer, received));
        return;
    }
    if (received == 0) {
        finish(QStringLiteral("connection closed"));
        return;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        return;
    finish(systemError(errno));
}

void SocketStream::close(int timeoutMs)
{
    if (m_finished || m_closing)
        return;
    m_closing = true;
    if (m_queue.isEmpty())
        ::shutdown(m_fd, SHUT_WR);
    // else flush() shuts down once the queue is out
    QTimer::singleShot(timeoutMs, this, [this] { finish(QStringLiteral("connection closed")); });
}

void SocketStream::abort(const QString& reason)
{
    finish(reason);
}

void SocketStream::finish(const QString& reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    if (m_scheduled) {
        WriteFlusher::current().cancel(this);
        m_scheduled = false;
    }
    releaseQueue();
    ::close(m_fd);
    m_fd = -1;
    QMetaObject::invokeMethod(
        this,
        [this, reason] {
            if (m_handler)
                m_handler->streamClosed(reason);
        },
        Qt::QueuedConnection);
}

} // namespace wamp
