#include "pendingconnection.h"

namespace wamp {

PendingConnection::PendingConnection(ByteStream* stream, QObject* parent)
    : QObject(parent)
    , m_stream(stream)
    , m_peerAddress(stream->peerAddress())
{
    m_stream->setParent(this);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &PendingConnection::timedOut);
    m_stream->setHandler(this);
}

void PendingConnection::setDeadline(int milliseconds)
{
    m_deadline.start(milliseconds);
}

ByteStream* PendingConnection::takeStream(QByteArray* received)
{
    m_deadline.stop();
    m_stream->setHandler(nullptr);
    m_stream->setParent(nullptr);
    *received = std::exchange(m_received, QByteArray());
    deleteLater();
    return std::exchange(m_stream, nullptr);
}

void PendingConnection::reply(const QByteArray& bytes)
{
    if (m_replied || !m_stream)
        return;
    m_replied = true;
    m_deadline.stop();
    m_received = QByteArray();
    if (!bytes.isEmpty())
        m_stream->write(bytes);
    m_stream->close(kReplyLingerMs);
}

void PendingConnection::streamReadable(QByteArrayView bytes)
{
    if (m_replied)
        return; // whatever a refused client still sends is dropped
    m_received.append(bytes);
    Q_EMIT dataArrived();
}

void PendingConnection::streamClosed(const QString& reason)
{
    m_deadline.stop();
    if (!m_replied)
        Q_EMIT closedEarly(reason);
    deleteLater();
}

} // namespace wamp
