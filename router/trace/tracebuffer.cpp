#include "tracebuffer.h"

namespace wamp {

TraceBuffer::TraceBuffer(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{}

qsizetype TraceBuffer::append(const QList<TraceEntry>& entries)
{
    qsizetype dropped = 0;
    for (const TraceEntry& entry : entries) {
        if (m_entries.size() < m_capacity) {
            m_entries.append(entry);
            ++m_size;
        } else if (m_size < m_capacity) {
            m_entries[(m_start + m_size) % m_capacity] = entry;
            ++m_size;
        } else {
            m_entries[m_start] = entry;
            m_start = (m_start + 1) % m_capacity;
            ++dropped;
        }
    }
    return dropped;
}

void TraceBuffer::setCapacity(qsizetype capacity)
{
    capacity = std::max<qsizetype>(1, capacity);
    QList<TraceEntry> kept;
    const qsizetype keep = std::min(m_size, capacity);
    kept.reserve(keep);
    for (qsizetype i = m_size - keep; i < m_size; ++i)
        kept.append(at(i));
    m_capacity = capacity;
    m_entries = std::move(kept);
    m_start = 0;
    m_size = keep;
}

void TraceBuffer::clear()
{
    m_entries.clear();
    m_start = 0;
    m_size = 0;
}

} // namespace wamp
