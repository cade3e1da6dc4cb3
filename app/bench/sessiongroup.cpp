#include "sessiongroup.h"

#include "benchcontext.h"
#include "client/client.h"
#include "transport/peer.h"

SessionGroup::SessionGroup(const BenchContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
    m_joinStall.setSingleShot(true);
    m_joinStall.setInterval(int(context.options.timeoutSeconds * 1000));
    connect(&m_joinStall, &QTimer::timeout, this, [this] {
        onFailed(QStringLiteral("no session joined for %1 s (%2 of %3 joined)")
                     .arg(m_context.options.timeoutSeconds)
                     .arg(m_joined)
                     .arg(size()));
    });
    m_closeGuard.setSingleShot(true);
    // Leaving waits for the router's GOODBYE at most Client::kGoodbyeTimeoutMs; past that, stop waiting.
    m_closeGuard.setInterval(wamp::Client::kGoodbyeTimeoutMs + 2000);
    connect(&m_closeGuard, &QTimer::timeout, this, &SessionGroup::finishClosing);
}

void SessionGroup::open(int count, int concurrency)
{
    m_clients.reserve(size_t(count));
    m_openedAt.assign(size_t(count), 0);
    for (int index = 0; index < count; ++index) {
        auto* client = new wamp::Client(this);
        connect(client, &wamp::Client::joined, this, [this, index] { onJoined(index); });
        connect(client, &wamp::Client::failed, this, &SessionGroup::onFailed);
        connect(client, &wamp::Client::disconnected, this, &SessionGroup::onDisconnected);
        m_clients.push_back(client);
    }
    m_clock.start();
    m_joinStall.start();
    for (int i = 0; i < concurrency && m_started < count; ++i)
        openNext();
}

void SessionGroup::openNext()
{
    if (m_failed || m_closing || m_started >= size())
        return;
    const int index = m_started++;
    m_openedAt[size_t(index)] = m_clock.nsecsElapsed();
    ++m_live;
    m_clients[size_t(index)]->openAndJoin(m_context.transport, m_context.options.realm);
}

void SessionGroup::onJoined(int index)
{
    m_joinLatency.record(m_clock.nsecsElapsed() - m_openedAt[size_t(index)]);
    if (++m_joined == size()) {
        m_joinStall.stop();
        Q_EMIT joined();
        return;
    }
    m_joinStall.start();
    openNext();
}

void SessionGroup::onFailed(const QString& error)
{
    if (m_failed || m_closing)
        return;
    m_failed = true;
    Q_EMIT failed(error);
}

void SessionGroup::onDisconnected()
{
    --m_live;
    // Queued: a client closed from inside close() reports its disconnection at once.
    if (m_closing && m_live == 0)
        QMetaObject::invokeMethod(this, &SessionGroup::finishClosing, Qt::QueuedConnection);
}

void SessionGroup::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_joinStall.stop();
    for (wamp::Client* client : m_clients) {
        if (client->isJoined())
            client->leave();
        else
            client->close();
    }
    if (m_live == 0)
        QMetaObject::invokeMethod(this, &SessionGroup::finishClosing, Qt::QueuedConnection);
    else
        m_closeGuard.start();
}

void SessionGroup::finishClosing()
{
    if (m_closedReported)
        return;
    m_closedReported = true;
    m_closeGuard.stop();
    Q_EMIT closed();
}
