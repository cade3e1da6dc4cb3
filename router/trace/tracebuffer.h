#pragma once

#include "traceentry.h"

#include <QList>

#include <deque>

namespace wamp {

/*!
 * A bounded ring of trace entries: appending past the capacity drops the oldest, so the trace's memory stays
 * bounded however long the router runs. Index 0 is the oldest entry kept.
 *
 * Batches are kept as they arrive (the list is taken over, its entries are not copied one by one), and a
 * batch's memory goes when its last entry is dropped; so the ring holds at most its capacity plus one batch.
 * Small batches are merged into the last one, so that a trickle of single messages does not make a batch
 * each.
 *
 * Every appended entry gets a serial: 1, 2, 3, ... in append order, never reused (not even after clear()).
 */
class TraceBuffer {
public:
    static constexpr qsizetype kDefaultCapacity = 100000;

    explicit TraceBuffer(qsizetype capacity = kDefaultCapacity);

    //! Appends; returns how many entries were dropped (old ones, or the batch's own first ones) to make room.
    qsizetype append(QList<TraceEntry> entries);
    //! Drops the \a count oldest entries (a batch goes with its last entry).
    void removeFirst(qsizetype count);
    const TraceEntry& at(qsizetype index) const;
    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    //! Changes the capacity, keeping the newest entries.
    void setCapacity(qsizetype capacity);
    void clear();
    //! Every entry kept, oldest first, as the batches they are kept in (not copied); the buffer is empty
    //! afterwards.
    QList<QList<TraceEntry>> takeBatches();

    quint64 serialAt(qsizetype index) const { return m_firstSerial + quint64(index); }
    //! The serial the next appended entry gets.
    quint64 nextSerial() const { return m_firstSerial + quint64(m_size); }
    //! The index of \a serial, or -1 when it is not (or no longer) kept.
    qsizetype indexOfSerial(quint64 serial) const;

private:
    struct Batch {
        quint64 firstSerial = 0;
        QList<TraceEntry> entries;
    };

    qsizetype batchOf(quint64 serial) const;

    qsizetype m_capacity;
    std::deque<Batch> m_batches;
    qsizetype m_frontSkip = 0; // entries of the first batch already dropped
    qsizetype m_size = 0;
    quint64 m_firstSerial = 1; // the serial of at(0)
    mutable qsizetype m_lastBatch =
        0; // where the previous at() found its entry: views read neighbouring rows
};

} // namespace wamp
