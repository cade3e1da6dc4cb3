#include "trafficstatistics.h"

#include "trace/byteslab.h"

#include <algorithm>

using wamp::MessageType;
using wamp::TraceEntry;

namespace {

bool countsForUri(const TraceEntry& entry)
{
    if (!entry.valid || entry.uri.isEmpty())
        return false;
    switch (entry.type) {
    case MessageType::Call:
    case MessageType::Publish:
    case MessageType::Register:
    case MessageType::Subscribe:
    case MessageType::Error:
        return true;
    default:
        return false;
    }
}

bool moreFrequent(const TrafficStatistics::UriCount& a, const TrafficStatistics::UriCount& b)
{
    return a.count != b.count ? a.count > b.count : a.uri < b.uri;
}

} // namespace

void TrafficStatistics::add(const QList<TraceEntry>& entries)
{
    for (const TraceEntry& entry : entries) {
        const qint64 second = entry.timestampUs / 1000000;
        Sample& bucket = m_buckets[size_t(second % kHistorySeconds)];
        if (bucket.second != second) {
            if (bucket.second > second)
                continue; // older than the history
            bucket = Sample{second, 0, 0};
        }
        if (entry.direction == TraceEntry::Direction::In) {
            ++bucket.in;
            ++m_totalIn;
        } else {
            ++bucket.out;
            ++m_totalOut;
        }
        if (countsForUri(entry)) {
            ++count(entry.uri);
            ++m_totalWithUri;
        }
    }
    if (m_uriCounts.size() > 2 * kMaxTrackedUris)
        pruneUris();
}

quint64& TrafficStatistics::count(const QByteArray& uri)
{
    // A flood of calls or publications names the same URI again and again: compare before hashing.
    if (m_lastCount && uri == m_lastUri)
        return *m_lastCount;
    auto it = m_uriCounts.find(uri);
    if (it == m_uriCounts.end()) {
        it = m_uriCounts.insert(wamp::ByteSlab::ownCopy(uri), 0);
    }
    m_lastUri = it.key();
    m_lastCount = &it.value(); // valid until the table changes: the next insertion sets it again
    return *m_lastCount;
}

void TrafficStatistics::pruneUris()
{
    QList<UriCount> all = topUris(int(m_uriCounts.size()));
    all.resize(kMaxTrackedUris);
    m_uriCounts.clear();
    m_lastCount = nullptr;
    for (const UriCount& kept : std::as_const(all))
        m_uriCounts.insert(kept.uri, kept.count);
}

void TrafficStatistics::clear()
{
    m_buckets = {};
    m_uriCounts.clear();
    m_lastCount = nullptr;
    m_totalIn = m_totalOut = m_totalWithUri = 0;
}

QList<TrafficStatistics::Sample> TrafficStatistics::history(qint64 lastSecond) const
{
    QList<Sample> samples;
    samples.reserve(kHistorySeconds);
    for (qint64 second = lastSecond - kHistorySeconds + 1; second <= lastSecond; ++second) {
        const Sample& bucket =
            m_buckets[size_t(((second % kHistorySeconds) + kHistorySeconds) % kHistorySeconds)];
        samples.append(bucket.second == second ? bucket : Sample{second, 0, 0});
    }
    return samples;
}

QList<TrafficStatistics::UriCount> TrafficStatistics::topUris(int n) const
{
    QList<UriCount> all;
    all.reserve(m_uriCounts.size());
    for (auto it = m_uriCounts.cbegin(); it != m_uriCounts.cend(); ++it)
        all.append(UriCount{it.key(), it.value()});
    const qsizetype keep = std::min<qsizetype>(n, all.size());
    std::partial_sort(all.begin(), all.begin() + keep, all.end(), moreFrequent);
    all.resize(keep);
    return all;
}
