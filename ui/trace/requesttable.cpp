#include "requesttable.h"

#include "trace/byteslab.h"

#include <algorithm>
#include <bit>

namespace {

constexpr quint64 kRouterRequestBit = quint64(1) << 63; // WAMP ids are at most 2^53

} // namespace

void RequestTable::reset(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    // At most half full, so that probes stay short.
    const size_t slots = std::bit_ceil(size_t(m_capacity) * 2);
    if (m_slots.size() == slots)
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
    else
        std::vector<Slot>(slots).swap(m_slots); // a smaller table gives the memory back
    m_size = 0;
    m_uris.clear();
    m_uriIndex.clear();
    m_lastUri = -1;
}

quint64 RequestTable::packedRequest(const TraceChain::Key& key)
{
    return key.routerRequest ? key.request | kRouterRequestBit : key.request;
}

size_t RequestTable::firstSlotOf(quint64 session, quint64 request) const
{
    // Session ids are random; request ids count up within a session. Mix both, keep the high bits.
    const quint64 hash = (session ^ (request * 0x9e3779b97f4a7c15ULL)) * 0xbf58476d1ce4e5b9ULL;
    return size_t(hash >> 32) & (m_slots.size() - 1);
}

qsizetype RequestTable::slotOf(quint64 session, quint64 request) const
{
    const size_t mask = m_slots.size() - 1;
    size_t slot = firstSlotOf(session, request);
    while (m_slots[slot].session != 0 &&
           (m_slots[slot].session != session || m_slots[slot].request != request))
        slot = (slot + 1) & mask;
    return qsizetype(slot);
}

const QByteArray* RequestTable::find(const TraceChain::Key& key) const
{
    if (m_slots.empty() || key.session == 0)
        return nullptr;
    const Slot& slot = m_slots[size_t(slotOf(key.session, packedRequest(key)))];
    return slot.session == 0 ? nullptr : &m_uris[slot.uri];
}

void RequestTable::prefetch(const TraceChain::Key& key) const
{
#if defined(__GNUC__)
    if (!m_slots.empty())
        __builtin_prefetch(&m_slots[firstSlotOf(key.session, packedRequest(key))]);
#else
    Q_UNUSED(key)
#endif
}

const QByteArray* RequestTable::insert(const TraceChain::Key& key, const QByteArray& uri)
{
    if (m_slots.empty() || key.session == 0)
        return nullptr;
    const quint64 request = packedRequest(key);
    Slot& slot = m_slots[size_t(slotOf(key.session, request))];
    if (slot.session == 0) {
        if (isFull())
            return nullptr;
        slot.session = key.session;
        slot.request = request;
        ++m_size;
    }
    slot.uri = uriIndex(uri);
    return &m_uris[slot.uri];
}

quint32 RequestTable::uriIndex(const QByteArray& uri)
{
    if (m_lastUri >= 0 && m_uris[m_lastUri] == uri)
        return quint32(m_lastUri);
    auto it = m_uriIndex.constFind(uri);
    if (it == m_uriIndex.constEnd()) {
        m_uris.append(wamp::ByteSlab::ownCopy(uri));
        it = m_uriIndex.insert(m_uris.constLast(), quint32(m_uris.size() - 1));
    }
    m_lastUri = it.value();
    return it.value();
}
