#include "requesturis.h"

#include "traceformatter.h"

#include <algorithm>

using wamp::MessageType;
using wamp::TraceEntry;

RequestUris::RequestUris(qsizetype generationSize)
    : m_generationSize(std::max<qsizetype>(1, generationSize))
{
    m_current.reset(m_generationSize);
}

void RequestUris::resolve(const TraceEntry& entry)
{
    if (!entry.valid)
        return;
    const std::optional<TraceChain::Key> key = TraceChain::keyOf(entry);
    if (TraceFormatter::carriesUri(entry.type)) {
        // An ERROR's URI is the error's, not the request's: nothing after it inherits that.
        if (key && entry.type != MessageType::Error && !entry.uri.isEmpty())
            remember(*key, entry.uri);
        return;
    }
    if (!entry.uri.isEmpty())
        return;
    const std::optional<TraceChain::Key> origin = TraceChain::originOf(entry);
    const std::optional<TraceChain::Key> request = origin ? origin : key;
    if (!request)
        return;
    const QByteArray* uri = find(*request);
    if (!uri)
        return;
    entry.uri = *uri;
    if (origin && key)
        remember(*key, entry.uri); // an INVOCATION: its YIELD, ERROR or INTERRUPT comes under its own key
}

void RequestUris::prefetch(const TraceEntry& entry) const
{
    // The request's own key: where a request is remembered and where a reply looks (an INVOCATION's origin,
    // the CALL, is usually the last one remembered and needs no lookup).
    if (const std::optional<TraceChain::Key> key = TraceChain::keyOf(entry)) {
        m_current.prefetch(*key);
        if (!TraceFormatter::carriesUri(entry.type))
            m_previous.prefetch(*key);
    }
}

const QByteArray* RequestUris::find(const TraceChain::Key& key)
{
    if (!m_lastUri.isNull() && key == m_lastKey)
        return &m_lastUri;
    const QByteArray* uri = m_current.find(key);
    if (!uri)
        uri = m_previous.find(key);
    if (!uri)
        return nullptr;
    m_lastKey = key;
    m_lastUri = *uri;
    return &m_lastUri;
}

void RequestUris::remember(const TraceChain::Key& key, const QByteArray& uri)
{
    if (m_current.isFull()) {
        // The older generation is forgotten; its storage takes the new one.
        std::swap(m_current, m_previous);
        m_current.reset(m_generationSize);
    }
    const QByteArray* kept = m_current.insert(key, uri);
    m_lastKey = key;
    m_lastUri = kept ? *kept : QByteArray();
}

void RequestUris::setGenerationSize(qsizetype generationSize)
{
    // Takes effect with the next generation: what is remembered stays.
    m_generationSize = std::max<qsizetype>(1, generationSize);
}

void RequestUris::clear()
{
    m_current.reset(m_generationSize);
    m_previous.reset(0);
    m_lastKey = {};
    m_lastUri = {};
}
