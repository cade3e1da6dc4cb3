#include "keepalive.h"

namespace wamp {

KeepAlive::KeepAlive(int intervalMs, int timeoutMs, std::function<void()> sendPing, QObject* parent)
    : QObject(parent)
    , m_sendPing(std::move(sendPing))
{
    m_pongTimeout.setSingleShot(true);
    m_pongTimeout.setInterval(timeoutMs);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        m_sendPing();
        if (!m_pongTimeout.isActive())
            m_pongTimeout.start();
    });
    connect(&m_pongTimeout, &QTimer::timeout, this, [this] {
        m_pingTimer.stop();
        Q_EMIT timedOut();
    });
    m_pingTimer.start(intervalMs);
}

void KeepAlive::stop()
{
    m_pingTimer.stop();
    m_pongTimeout.stop();
}

} // namespace wamp
