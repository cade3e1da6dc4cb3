#pragma once

#include "trace/traceentry.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <array>

/*
 * Message counts from trace batches: messages per second in and out over the last five minutes (one bucket
 * per second, a fixed ring), and messages per URI for the "top URIs" table.
 *
 * URIs are counted for the messages that name a procedure, topic or error (CALL, PUBLISH, REGISTER,
 * SUBSCRIBE, ERROR). The table of counts is bounded: past 2 x kMaxTrackedUris distinct URIs, only the
 * kMaxTrackedUris most frequent are kept (a URI seen once among thousands of unique ones may then restart
 * from zero; the frequent ones, which the table shows, keep their counts).
 */
class TrafficStatistics {
public:
    static constexpr int kHistorySeconds = 300;
    static constexpr qsizetype kMaxTrackedUris = 10000;

    struct Sample {
        qint64 second = 0; //!< seconds since the epoch
        quint32 in = 0;
        quint32 out = 0;
    };
    struct UriCount {
        QByteArray uri;
        quint64 count = 0;
    };

    void add(const QList<wamp::TraceEntry>& entries);
    void clear();

    //! kHistorySeconds samples, one per second, the last one for \a lastSecond.
    QList<Sample> history(qint64 lastSecond) const;
    //! The \a n most counted URIs, most first (ties by URI).
    QList<UriCount> topUris(int n) const;
    quint64 totalIn() const { return m_totalIn; }
    quint64 totalOut() const { return m_totalOut; }
    //! Messages that counted towards some URI.
    quint64 totalWithUri() const { return m_totalWithUri; }
    qsizetype trackedUriCount() const { return m_uriCounts.size(); }

private:
    quint64& count(const QByteArray& uri);
    void pruneUris();

    std::array<Sample, kHistorySeconds> m_buckets{};
    QHash<QByteArray, quint64> m_uriCounts;
    QByteArray m_lastUri; // the URI counted last and its count in m_uriCounts
    quint64* m_lastCount = nullptr;
    quint64 m_totalIn = 0;
    quint64 m_totalOut = 0;
    quint64 m_totalWithUri = 0;
};
