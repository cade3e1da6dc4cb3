#include "tracechainindex.h"

#include <algorithm>

using wamp::MessageType;
using wamp::TraceEntry;

std::optional<TraceChainIndex::Key> TraceChainIndex::keyOf(const TraceEntry& entry)
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

std::optional<TraceChainIndex::Key> TraceChainIndex::originOf(const TraceEntry& entry)
{
    if (!entry.valid || entry.originSessionId == 0 || entry.originRequestId == 0)
        return std::nullopt;
    return Key{entry.originSessionId, entry.originRequestId, false};
}

void TraceChainIndex::add(const TraceEntry& entry)
{
    const std::optional<Key> key = keyOf(entry);
    if (key)
        m_byKey[*key].append(entry.id);
    if (const auto origin = originOf(entry)) {
        m_byOrigin[*origin].append(Link{entry.id, key});
        if (key)
            m_originOfKey.insert(*key, *origin);
    }
}

namespace {

// Rows leave oldest first, so the one leaving is at the front of its list.
template <typename T, typename Serial>
void removeFront(QHash<TraceChainIndex::Key, QList<T>>& index, const TraceChainIndex::Key& key,
                 quint64 serial, Serial serialOf)
{
    const auto it = index.find(key);
    if (it == index.end())
        return;
    QList<T>& list = it.value();
    if (!list.isEmpty() && serialOf(list.constFirst()) == serial) {
        list.removeFirst();
    } else {
        list.removeIf([&](const T& item) { return serialOf(item) == serial; });
    }
    if (list.isEmpty())
        index.erase(it);
}

} // namespace

void TraceChainIndex::remove(const TraceEntry& entry)
{
    if (const auto key = keyOf(entry))
        removeFront(m_byKey, *key, entry.id, [](quint64 serial) { return serial; });
    if (const auto origin = originOf(entry)) {
        removeFront(m_byOrigin, *origin, entry.id, [](const Link& link) { return link.serial; });
        if (const auto key = keyOf(entry))
            m_originOfKey.remove(*key);
    }
}

void TraceChainIndex::clear()
{
    m_byKey.clear();
    m_byOrigin.clear();
    m_originOfKey.clear();
}

std::optional<quint64> TraceChainIndex::firstSerial(const Key& key) const
{
    const auto it = m_byKey.constFind(key);
    if (it == m_byKey.constEnd())
        return std::nullopt;
    return it->constFirst();
}

TraceChainIndex::Chain TraceChainIndex::chainOf(const TraceEntry& entry) const
{
    Chain chain;
    chain.root = originOf(entry);
    if (!chain.root) {
        chain.root = keyOf(entry);
        // A YIELD or the callee's ERROR: its INVOCATION (if kept) leads to the CALL.
        if (chain.root && chain.root->routerRequest) {
            if (const auto it = m_originOfKey.constFind(*chain.root); it != m_originOfKey.constEnd())
                chain.root = it.value();
        }
    }
    if (!chain.root) {
        chain.serials.append(entry.id);
        return chain;
    }
    chain.keys.insert(*chain.root);
    chain.serials += m_byKey.value(*chain.root);
    // Each INVOCATION brings its own group: the callee's YIELD or ERROR, the router's INTERRUPT.
    for (const Link& link : m_byOrigin.value(*chain.root)) {
        chain.serials.append(link.serial);
        if (link.key && !chain.keys.contains(*link.key)) {
            chain.keys.insert(*link.key);
            chain.serials += m_byKey.value(*link.key);
        }
    }
    if (!chain.serials.contains(entry.id))
        chain.serials.append(entry.id);
    std::sort(chain.serials.begin(), chain.serials.end());
    chain.serials.erase(std::unique(chain.serials.begin(), chain.serials.end()), chain.serials.end());
    return chain;
}

bool TraceChainIndex::Chain::contains(const TraceEntry& entry) const
{
    if (!root)
        return false;
    const auto origin = originOf(entry);
    if (origin && *origin == *root)
        return true;
    const auto key = keyOf(entry);
    return key && keys.contains(*key);
}

bool TraceChainIndex::Chain::extend(const TraceEntry& entry)
{
    if (!contains(entry))
        return false;
    if (const auto key = keyOf(entry))
        keys.insert(*key);
    serials.append(entry.id);
    return true;
}
