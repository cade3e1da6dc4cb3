#pragma once

#include "trace/traceentry.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

/*
 * Which trace rows belong together, kept up to date as rows come and go so that a click costs a few hash
 * lookups, not a scan of the whole trace.
 *
 * Rows are grouped by (session, request id, id space): a client's request and the router's answers share
 * them (CALL/RESULT/ERROR/CANCEL, PUBLISH/PUBLISHED, SUBSCRIBE/SUBSCRIBED, ...), and so do an INVOCATION
 * and the callee's YIELD/ERROR and the router's INTERRUPT. The router's request ids towards a client
 * (INVOCATION) are a separate id space from the client's own, hence the third part of the key. INVOCATIONs
 * and EVENTs also point at the CALL or PUBLISH they stem from (their origin), which joins the groups into
 * one chain: CALL -> INVOCATION -> YIELD -> RESULT, PUBLISH -> EVENTs + PUBLISHED.
 *
 * Rows are known by their serial (TraceEntry::id as the model numbers them). remove() must be called in the
 * order add() was, oldest first, as the ring buffer drops them.
 */
class TraceChainIndex {
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

    //! A chain, to recognise rows that join it later (a RESULT arriving after its CALL was selected).
    struct Chain {
        std::optional<Key> root;
        QSet<Key> keys;
        QList<quint64> serials; //!< ascending

        bool contains(const wamp::TraceEntry& entry) const;
        //! Adds \a entry if it belongs; returns whether it did.
        bool extend(const wamp::TraceEntry& entry);
    };

    static std::optional<Key> keyOf(const wamp::TraceEntry& entry);
    static std::optional<Key> originOf(const wamp::TraceEntry& entry);

    void add(const wamp::TraceEntry& entry);
    void remove(const wamp::TraceEntry& entry);
    void clear();

    //! The serial of the first row added under \a key, if any is kept.
    std::optional<quint64> firstSerial(const Key& key) const;
    //! Every kept row in \a entry's chain (including \a entry).
    Chain chainOf(const wamp::TraceEntry& entry) const;

private:
    // An INVOCATION or EVENT under its origin, with the INVOCATION's own key (an EVENT has none).
    struct Link {
        quint64 serial = 0;
        std::optional<Key> key;
    };

    QHash<Key, QList<quint64>> m_byKey; // rows under their own key
    QHash<Key, QList<Link>> m_byOrigin;
    QHash<Key, Key> m_originOfKey; // an INVOCATION's key -> its CALL's, so a YIELD finds the CALL
};
