#include "requesturis.h"

#include "traceformatter.h"

#include <algorithm>

using wamp::MessageType;
using wamp::TraceEntry;

RequestUris::RequestUris(qsizetype generationSize)
    : m_generationSize(std::max<qsizetype>(1, generationSize))
{}

void RequestUris::resolve(const TraceEntry& entry)
{
    if (!entry.valid)
        return;
    const std::optional<TraceChain::Key> key = TraceChain::keyOf(entry);
    if (TraceFormatter::carriesUri(entry.type)) {
        // An ERROR's URI is the error's, not the request's: nothing after it inherits that.
        if (key && entry.type != MessageType::Error && !entry.uri.isEmpty())
            remember(*key, shared(entry.uri));
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

const QByteArray* RequestUris::find(const TraceChain::Key& key)
{
    if (!m_lastUri.isNull() && key == m_lastKey)
        return &m_lastUri;
    auto it = m_current.constFind(key);
    if (it == m_current.constEnd()) {
        it = m_previous.constFind(key);
        if (it == m_previous.constEnd())
            return nullptr;
    }
    m_lastKey = key;
    m_lastUri = it.value();
    return &m_lastUri;
}

void RequestUris::remember(const TraceChain::Key& key, const QByteArray& uri)
{
    if (m_current.size() >= m_generationSize) {
        m_previous = std::exchange(m_current, {});
        // The new generation fills up like the last one did: no rehashing on the way.
        m_current.reserve(m_generationSize);
        m_uris.clear(); // the older generation keeps its copies alive as long as it needs them
    }
    m_current.insert(key, uri);
    m_lastKey = key;
    m_lastUri = uri;
}

QByteArray RequestUris::shared(const QByteArray& uri)
{
    auto it = m_uris.constFind(uri);
    if (it == m_uris.constEnd()) {
        // A copy of its own: the request's shares a block with thousands of the trace's messages.
        it = m_uris.insert(QByteArray(uri.constData(), uri.size()));
    }
    return *it;
}

void RequestUris::setGenerationSize(qsizetype generationSize)
{
    m_generationSize = std::max<qsizetype>(1, generationSize);
}

void RequestUris::clear()
{
    m_current.clear();
    m_previous.clear();
    m_uris.clear();
    m_lastKey = {};
    m_lastUri = {};
}
