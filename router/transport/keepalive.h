#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace wamp {

/*!
 * Transport keep-alive: sends a ping every interval and reports a timeout when no pong came within the
 * timeout. Peers create one only when keep-alive is configured, so idle connections without it carry no
 * timers (memory per idle session is a target of this router).
 */
class KeepAlive final : public QObject {
    Q_OBJECT

public:
    KeepAlive(int intervalMs, int timeoutMs, std::function<void()> sendPing, QObject* parent);

    //! A pong arrived: the peer is alive.
    void pongReceived() { m_pongTimeout.stop(); }
    void stop();
    int timeoutMs() const { return m_pongTimeout.interval(); }

Q_SIGNALS:
    void timedOut();

private:
    QTimer m_pingTimer;
    QTimer m_pongTimeout;
    std::function<void()> m_sendPing;
};

} // namespace wamp
