#pragma once

#include "requesttable.h"

#include <QByteArray>

/*
 * Gives a message that carries no URI on the wire (RESULT, INVOCATION, YIELD, EVENT, PUBLISHED, ...) the URI
 * of the request it belongs to, as the trace model receives it: CALL, PUBLISH, SUBSCRIBE and REGISTER are
 * remembered under their key, INVOCATIONs under theirs (so that a YIELD finds the CALL's URI through it).
 *
 * Memory is bounded without any per-row bookkeeping when rows leave the trace: requests are remembered in
 * two generations (RequestTable) of at most generationSize each; when the newer fills up, the older is
 * forgotten. So a request is remembered for at least generationSize newer requests.
 *
 * URIs are shared: the replies of a procedure called 100,000 times share the one copy of its URI that the
 * generation keeps. (The request rows keep their own.)
 */
class RequestUris {
public:
    explicit RequestUris(qsizetype generationSize);

    //! Fills in \a entry's URI if it carries none and its request's is known; remembers it if it is one.
    void resolve(const wamp::TraceEntry& entry);
    /*!
     * Starts fetching what resolve(\a entry) will read, so that a batch's table lookups, each a cache miss
     * in tables of tens of thousands of requests, overlap: called a few entries ahead of resolve().
     */
    void prefetch(const wamp::TraceEntry& entry) const;
    void setGenerationSize(qsizetype generationSize);
    void clear();

private:
    const QByteArray* find(const TraceChain::Key& key);
    void remember(const TraceChain::Key& key, const QByteArray& uri);

    qsizetype m_generationSize;
    RequestTable m_current;
    RequestTable m_previous;
    // The last request remembered or found: a PUBLISH's EVENTs, a CALL's INVOCATION come right after it.
    TraceChain::Key m_lastKey;
    QByteArray m_lastUri;
};
