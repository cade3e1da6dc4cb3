#pragma once

#include "latencyhistogram.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

struct BenchContext;

namespace wamp {
class Client;
}

/*!
 * Opens and joins a number of sessions, a bounded number at a time (so the router's listen backlog never
 * overflows), and later leaves them all. Joining fails when no session joins for --timeout seconds, however
 * many sessions there are. Records how long each join took.
 */
class SessionGroup : public QObject {
    Q_OBJECT

public:
    explicit SessionGroup(const BenchContext& context, QObject* parent = nullptr);

    //! Opens \a count sessions, at most \a concurrency connecting at once; joined() or failed() follows.
    void open(int count, int concurrency);
    //! Leaves every session (closes those not joined); closed() follows once every transport is gone.
    void close();

    int size() const { return int(m_clients.size()); }
    wamp::Client* client(int index) const { return m_clients[size_t(index)]; }
    //! From each session's open() to its WELCOME.
    const LatencyHistogram& joinLatency() const { return m_joinLatency; }

Q_SIGNALS:
    void joined();
    //! The first session that could not be opened or joined, or that was lost.
    void failed(const QString& error);
    void closed();

private:
    void openNext();
    void onJoined(int index);
    void onFailed(const QString& error);
    void onDisconnected();
    void finishClosing();

    const BenchContext& m_context;
    std::vector<wamp::Client*> m_clients;
    std::vector<qint64> m_openedAt;
    QElapsedTimer m_clock;
    QTimer m_joinStall;
    QTimer m_closeGuard;
    LatencyHistogram m_joinLatency;
    int m_started = 0;
    int m_joined = 0;
    int m_live = 0;
    bool m_failed = false;
    bool m_closing = false;
    bool m_closedReported = false;
};
