#pragma once

#include "traceentry.h"

#include <QList>

namespace wamp {

/*!
 * A fixed-capacity ring of trace entries: appending past the capacity drops the oldest, so the trace's
 * memory stays bounded however long the router runs. Index 0 is the oldest entry kept.
 */
class TraceBuffer {
public:
    static constexpr qsizetype kDefaultCapacity = 100000;

    explicit TraceBuffer(qsizetype capacity = kDefaultCapacity);

    //! Appends; returns how many old entries were dropped to make room.
    qsizetype append(const QList<TraceEntry>& entries);
    const TraceEntry& at(qsizetype index) const { return m_entries[(m_start + index) % m_entries.size()]; }
    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    //! Changes the capacity, keeping the newest entries.
    void setCapacity(qsizetype capacity);
    void clear();

private:
    qsizetype m_capacity;
    QList<TraceEntry> m_entries; // grows to m_capacity, then is reused in place
    qsizetype m_start = 0;
    qsizetype m_size = 0;
};

} // namespace wamp
