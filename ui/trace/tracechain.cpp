#include "tracechain.h"

#include "trace/tracebuffer.h"

#include <algorithm>

using wamp::MessageType;
using wamp::TraceEntry;

std::optional<TraceChain::Key> TraceChain::keyOf(const TraceEntry& entry)
{
    if (!entry.valid || entry.sessionId == 0 || entry.requestId == 0)
        return std::nullopt;
    bool routerRequest = false;
    switch (entry.type) {
    case MessageType::Hello:
    case MessageType::Welcome:
    case MessageType::Abort:
    case MessageType::Goodbye:
    case MessageType::Challenge:
    case MessageType::Authenticate:
    case MessageType::Event:
        return std::nullopt;
    case MessageType::Invocation:
    case MessageType::Interrupt:
    case MessageType::Yield:
        routerRequest = true;
        break;
    case MessageType::Error:
        // A client sends ERROR only to fail an INVOCATION; the router's ERRORs answer the client's requests.
        routerRequest = entry.direction == TraceEntry::Direction::In;
        break;
    default:
        break;
    }
    return Key{entry.sessionId, entry.requestId, routerRequest};
}

std::optional<TraceChain::Key> TraceChain::originOf(const TraceEntry& entry)
{
    if (!entry.valid || entry.originSessionId == 0 || entry.originRequestId == 0)
        return std::nullopt;
    return Key{entry.originSessionId, entry.originRequestId, false};
}

TraceChain TraceChain::of(const wamp::TraceBuffer& buffer, qsizetype index)
{
    TraceChain chain;
    if (index < 0 || index >= buffer.size())
        return chain;
    const TraceEntry& selected = buffer.at(index);
    chain.m_root = originOf(selected);
    if (!chain.m_root) {
        chain.m_root = keyOf(selected);
        // A YIELD or the callee's ERROR: its INVOCATION (if kept, and so before it) leads to the CALL.
        if (chain.m_root && chain.m_root->routerRequest) {
            for (qsizetype i = index - 1; i >= 0; --i) {
                const TraceEntry& entry = buffer.at(i);
                if (entry.type != MessageType::Invocation || keyOf(entry) != chain.m_root)
                    continue;
                if (const auto origin = originOf(entry))
                    chain.m_root = origin;
                break;
            }
        }
    }
    if (!chain.m_root) {
        chain.m_serials.append(buffer.serialAt(index));
        return chain;
    }
    chain.m_keys.insert(*chain.m_root);
    // One pass, oldest first: an INVOCATION comes before the YIELD, ERROR or INTERRUPT under its own key.
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        if (chain.extend(buffer.at(i), buffer.serialAt(i)))
            continue;
        if (i == index)
            chain.m_serials.append(buffer.serialAt(i));
    }
    return chain;
}

bool TraceChain::belongs(const TraceEntry& entry) const
{
    if (!m_root)
        return false;
    const auto origin = originOf(entry);
    if (origin && *origin == *m_root)
        return true;
    const auto key = keyOf(entry);
    return key && m_keys.contains(*key);
}

bool TraceChain::extend(const TraceEntry& entry, quint64 serial)
{
    if (!belongs(entry))
        return false;
    if (const auto key = keyOf(entry))
        m_keys.insert(*key);
    m_serials.append(serial);
    return true;
}

bool TraceChain::contains(quint64 serial) const
{
    return std::binary_search(m_serials.cbegin(), m_serials.cend(), serial);
}

void TraceChain::dropBefore(quint64 serial)
{
    const auto kept = std::lower_bound(m_serials.begin(), m_serials.end(), serial);
    m_serials.erase(m_serials.begin(), kept);
}
