#pragma once

#include "trace/traceentry.h"

#include <QList>
#include <QSet>

#include <optional>

namespace wamp {
class TraceBuffer;
}

/*
 * The trace rows that belong together, found by a scan of the trace when the user asks (a click), so that
 * recording costs nothing per row.
 *
 * Rows are grouped by (session, request id, id space): a client's request and the router's answers share
 * them (CALL/RESULT/ERROR/CANCEL, PUBLISH/PUBLISHED, SUBSCRIBE/SUBSCRIBED, ...), and so do an INVOCATION
 * and the callee's YIELD/ERROR and the router's INTERRUPT. The router's request ids towards a client
 * (INVOCATION) are a separate id space from the client's own, hence the third part of the key. INVOCATIONs
 * and EVENTs also point at the CALL or PUBLISH they stem from (their origin), which joins the groups into
 * one chain: CALL -> INVOCATION -> YIELD -> RESULT, PUBLISH -> EVENTs + PUBLISHED.
 *
 * Rows are known by their serial in the trace buffer.
 */
class TraceChain {
public:
    struct Key {
        quint64 session = 0;
        quint64 request = 0;
        bool routerRequest = false; //!< the id space of requests the router sends (INVOCATION)

        friend bool operator==(const Key&, const Key&) = default;
        friend size_t qHash(const Key& key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.session, key.request, key.routerRequest);
        }
    };

    static std::optional<Key> keyOf(const wamp::TraceEntry& entry);
    static std::optional<Key> originOf(const wamp::TraceEntry& entry);

    //! The chain of the entry at \a index in \a buffer: every kept row in it, \a index included.
    static TraceChain of(const wamp::TraceBuffer& buffer, qsizetype index);

    //! Whether rows can still join (a chain with a request at its root, even once its rows left the trace).
    bool canGrow() const { return m_root.has_value(); }
    const QList<quint64>& serials() const { return m_serials; } //!< ascending
    bool contains(quint64 serial) const;
    //! Adds a newer row if it belongs to the chain (a RESULT arriving after its CALL was selected).
    bool extend(const wamp::TraceEntry& entry, quint64 serial);
    //! Forgets the rows before \a serial (they left the trace).
    void dropBefore(quint64 serial);

private:
    bool belongs(const wamp::TraceEntry& entry) const;

    std::optional<Key> m_root;
    QSet<Key> m_keys;
    QList<quint64> m_serials;
};
