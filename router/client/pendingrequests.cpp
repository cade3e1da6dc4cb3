#include "pendingrequests.h"

#include <algorithm>

namespace wamp {

PendingRequests::PendingRequests()
{
    m_clock.start();
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { onTimer(); });
}

void PendingRequests::add(quint64 requestId, Request request, int timeoutMs)
{
    m_requests.insert(requestId, std::move(request));
    if (timeoutMs <= 0)
        return;
    const qint64 deadline = m_clock.elapsed() + timeoutMs;
    const bool earliest = m_deadlines.empty() || deadline < m_deadlines.top().first;
    m_deadlines.emplace(deadline, requestId);
    if (earliest)
        schedule();
}

std::optional<PendingRequests::Request> PendingRequests::take(quint64 requestId, MessageType type)
{
    const auto it = m_requests.find(requestId);
    if (it == m_requests.end() || it->type != type)
        return std::nullopt;
    std::optional<Request> request(std::move(*it));
    m_requests.erase(it);
    return request;
}

std::vector<PendingRequests::Request> PendingRequests::takeAll()
{
    m_timer.stop();
    m_deadlines = {};
    m_abandoned.clear();
    QHash<quint64, Request> requests = std::exchange(m_requests, {});
    QList<quint64> ids = requests.keys();
    std::sort(ids.begin(), ids.end());
    std::vector<Request> ordered;
    ordered.reserve(ids.size());
    for (quint64 id : std::as_const(ids))
        ordered.push_back(std::move(*requests.find(id)));
    return ordered;
}

void PendingRequests::onTimer()
{
    // The handler may add requests or empty the table (takeAll()); the heap is re-read after each call.
    while (!m_deadlines.empty() && m_deadlines.top().first <= m_clock.elapsed()) {
        const quint64 requestId = m_deadlines.top().second;
        m_deadlines.pop();
        const auto it = m_requests.find(requestId);
        if (it == m_requests.end())
            continue; // answered in time
        Request request = std::move(*it);
        m_requests.erase(it);
        m_abandoned.insert(requestId);
        if (m_onExpired)
            m_onExpired(std::move(request));
    }
    schedule();
}

void PendingRequests::schedule()
{
    if (m_deadlines.empty()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::max<qint64>(0, m_deadlines.top().first - m_clock.elapsed())));
}

} // namespace wamp
