#pragma once

#include "tracechain.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <vector>

/*
 * One generation of RequestUris: requests (by TraceChain::Key) and the URI each was made with.
 *
 * Made for a table that fills with tens of thousands of requests, most of them looked up once: an open-
 * addressed array of 24-byte slots (key and the index of the URI's text), so a lookup or an insertion reads
 * one cache line and allocates nothing, and emptying the table is a fill. Each URI's text is kept once,
 * however many requests name it.
 */
class RequestTable {
public:
    //! Empties the table and sizes it for \a capacity requests (which it never holds more than).
    void reset(qsizetype capacity);
    qsizetype size() const { return m_size; }
    bool isFull() const { return m_size >= m_capacity; }

    //! The URI of the request under \a key, or nullptr.
    const QByteArray* find(const TraceChain::Key& key) const;
    //! Asks the CPU to fetch the memory that find() or insert() for \a key starts with.
    void prefetch(const TraceChain::Key& key) const;
    //! Remembers \a key with \a uri (replacing what it had); returns this table's copy of \a uri's text.
    //! Unless reset() sized the table first, or while it is full, nothing is remembered and it returns null.
    const QByteArray* insert(const TraceChain::Key& key, const QByteArray& uri);

private:
    struct Slot {
        quint64 session = 0; // 0: free (keys of session 0 are never remembered)
        quint64 request = 0; // the request id, with the router's id space in the top bit
        quint32 uri = 0;     // index into m_uris
    };

    static quint64 packedRequest(const TraceChain::Key& key);
    size_t firstSlotOf(quint64 session, quint64 request) const;
    qsizetype slotOf(quint64 session, quint64 request) const;
    quint32 uriIndex(const QByteArray& uri);

    std::vector<Slot> m_slots;
    qsizetype m_capacity = 0;
    qsizetype m_size = 0;
    QList<QByteArray> m_uris;
    QHash<QByteArray, quint32> m_uriIndex;
    qsizetype m_lastUri = -1; // the index m_uris gave last: a burst of calls names one procedure
};
