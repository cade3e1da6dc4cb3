#pragma once

#include "tracechain.h"

#include <QByteArray>
#include <QHash>
#include <QSet>

/*
 * Gives a message that carries no URI on the wire (RESULT, INVOCATION, YIELD, EVENT, PUBLISHED, ...) the URI
 * of the request it belongs to, as the trace model receives it: CALL, PUBLISH, SUBSCRIBE and REGISTER are
 * remembered under their key, INVOCATIONs under theirs (so that a YIELD finds the CALL's URI through it).
 *
 * Memory is bounded without any per-row bookkeeping when rows leave the trace: requests are remembered in
 * two generations of at most generationSize each; when the newer fills up, the older is forgotten. So a
 * request is remembered for at least generationSize newer requests.
 *
 * URIs are shared: a request is remembered with the one copy kept for its URI's text, so the replies of a
 * procedure called 100,000 times share one buffer, and forgetting a generation releases a few buffers, not
 * one per request (each cold in cache). The copies are kept per generation too, so URIs never seen again
 * are let go. (The request rows keep their own buffer: freeing it here, away from the router's thread that
 * made it, would cost more than it saves.)
 */
class RequestUris {
public:
    explicit RequestUris(qsizetype generationSize);

    //! Fills in \a entry's URI if it carries none and its request's is known; remembers it if it is one.
    void resolve(const wamp::TraceEntry& entry);
    void setGenerationSize(qsizetype generationSize);
    void clear();

private:
    const QByteArray* find(const TraceChain::Key& key);
    void remember(const TraceChain::Key& key, const QByteArray& uri);
    //! The copy of \a uri's text shared by every row that shows it.
    QByteArray shared(const QByteArray& uri);

    qsizetype m_generationSize;
    QHash<TraceChain::Key, QByteArray> m_current;
    QHash<TraceChain::Key, QByteArray> m_previous;
    QSet<QByteArray> m_uris; // this generation's shared URIs
    // The last request remembered or found: a PUBLISH's EVENTs, a CALL's INVOCATION come right after it.
    TraceChain::Key m_lastKey;
    QByteArray m_lastUri;
};
