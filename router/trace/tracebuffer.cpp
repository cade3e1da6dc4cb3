#include "tracebuffer.h"

#include <algorithm>

namespace wamp {

namespace {

// Below this, an incoming batch is merged into the last one (up to kMergedBatchSize entries), so that
// a trickle of single messages does not cost a batch (and an allocation) each.
constexpr qsizetype kSmallBatch = 64;
constexpr qsizetype kMergedBatchSize = 4096;

} // namespace

TraceBuffer::TraceBuffer(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{}

qsizetype TraceBuffer::append(QList<TraceEntry> entries)
{
    if (entries.isEmpty())
        return 0;
    const qsizetype added = entries.size();
    if (added < kSmallBatch && !m_batches.empty() &&
        m_batches.back().entries.size() + added <= kMergedBatchSize) {
        QList<TraceEntry>& last = m_batches.back().entries;
        if (entries.isDetached())
            std::move(entries.begin(), entries.end(), std::back_inserter(last));
        else
            last.append(std::as_const(entries));
    } else {
        m_batches.push_back(Batch{nextSerial(), std::move(entries)});
    }
    m_size += added;
    const qsizetype dropped = std::max<qsizetype>(0, m_size - m_capacity);
    removeFirst(dropped);
    return dropped;
}

void TraceBuffer::removeFirst(qsizetype count)
{
    count = std::clamp<qsizetype>(count, 0, m_size);
    m_size -= count;
    m_firstSerial += quint64(count);
    m_frontSkip += count;
    while (!m_batches.empty() && m_frontSkip >= m_batches.front().entries.size()) {
        m_frontSkip -= m_batches.front().entries.size();
        m_batches.pop_front();
        m_lastBatch = 0;
    }
}

qsizetype TraceBuffer::batchOf(quint64 serial) const
{
    const auto holds = [&](qsizetype i) {
        if (i < 0 || i >= qsizetype(m_batches.size()))
            return false;
        const Batch& batch = m_batches[size_t(i)];
        return serial >= batch.firstSerial && serial < batch.firstSerial + quint64(batch.entries.size());
    };
    if (holds(m_lastBatch))
        return m_lastBatch;
    if (holds(m_lastBatch + 1))
        return m_lastBatch + 1;
    const auto after = std::upper_bound(m_batches.cbegin(), m_batches.cend(), serial,
                                        [](quint64 s, const Batch& batch) { return s < batch.firstSerial; });
    return qsizetype(after - m_batches.cbegin()) - 1;
}

const TraceEntry& TraceBuffer::at(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < m_size);
    const quint64 serial = serialAt(index);
    m_lastBatch = batchOf(serial);
    const Batch& batch = m_batches[size_t(m_lastBatch)];
    return batch.entries.at(qsizetype(serial - batch.firstSerial));
}

qsizetype TraceBuffer::indexOfSerial(quint64 serial) const
{
    if (serial < m_firstSerial || serial - m_firstSerial >= quint64(m_size))
        return -1;
    return qsizetype(serial - m_firstSerial);
}

void TraceBuffer::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    removeFirst(m_size - m_capacity);
}

void TraceBuffer::clear()
{
    m_firstSerial = nextSerial();
    m_batches.clear();
    m_frontSkip = 0;
    m_size = 0;
    m_lastBatch = 0;
}

QList<QList<TraceEntry>> TraceBuffer::takeBatches()
{
    QList<QList<TraceEntry>> batches;
    batches.reserve(qsizetype(m_batches.size()));
    for (Batch& batch : m_batches)
        batches.append(std::move(batch.entries));
    if (!batches.isEmpty())
        batches.first().remove(0, m_frontSkip);
    clear();
    return batches;
}

} // namespace wamp
