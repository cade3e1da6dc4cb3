#include "peer.h"

namespace wamp {

Peer::Peer(SerializerKind serializer, QString transportId, QObject* parent)
    : QObject(parent)
    , m_serializer(serializer)
    , m_transportId(std::move(transportId))
{}

bool Peer::addPending(qint64 bytes)
{
    m_pendingBytes += bytes;
    return m_pendingBytes <= m_maxPendingBytes;
}

void Peer::removePending(qint64 bytes)
{
    m_pendingBytes = std::max<qint64>(0, m_pendingBytes - bytes);
}

} // namespace wamp
