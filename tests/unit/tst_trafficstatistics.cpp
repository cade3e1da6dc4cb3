// Traffic statistics from trace batches: per-second counts over five minutes, top URIs with a bounded table,
// and the model that lists them.

#include "trace/topurismodel.h"
#include "trace/trafficstatistics.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <algorithm>

using namespace wamp;
using Direction = TraceEntry::Direction;

namespace {

constexpr qint64 kSecond = 1000000;

TraceEntry entry(qint64 second, Direction direction, MessageType type = MessageType::Call,
                 const QByteArray& uri = "com.example.add")
{
    TraceEntry e;
    e.timestampUs = second * kSecond + 123;
    e.direction = direction;
    e.type = type;
    e.uri = uri;
    return e;
}

QList<TraceEntry> repeated(const TraceEntry& e, int times)
{
    return QList<TraceEntry>(times, e);
}

} // namespace

class TestTrafficStatistics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void countsPerSecond()
    {
        TrafficStatistics statistics;
        statistics.add(repeated(entry(1000, Direction::In), 3) + repeated(entry(1000, Direction::Out), 2));
        statistics.add(repeated(entry(1001, Direction::In), 1));
        const QList<TrafficStatistics::Sample> history = statistics.history(1001);
        QCOMPARE(history.size(), TrafficStatistics::kHistorySeconds);
        QCOMPARE(history.last().second, qint64(1001));
        QCOMPARE(history.last().in, 1u);
        QCOMPARE(history.last().out, 0u);
        QCOMPARE(history[history.size() - 2].second, qint64(1000));
        QCOMPARE(history[history.size() - 2].in, 3u);
        QCOMPARE(history[history.size() - 2].out, 2u);
        QCOMPARE(history.first().second, qint64(1001 - TrafficStatistics::kHistorySeconds + 1));
        QCOMPARE(history.first().in, 0u);
        QCOMPARE(statistics.totalIn(), quint64(4));
        QCOMPARE(statistics.totalOut(), quint64(2));
    }

    void historyForgetsWhatIsOlderThanFiveMinutes()
    {
        TrafficStatistics statistics;
        statistics.add({entry(1000, Direction::In)});
        // The same bucket, five minutes later: the old second is replaced.
        statistics.add({entry(1000 + TrafficStatistics::kHistorySeconds, Direction::Out)});
        // A late arrival older than the bucket's second is not counted in the history.
        statistics.add({entry(1000, Direction::In)});
        const QList<TrafficStatistics::Sample> history =
            statistics.history(1000 + TrafficStatistics::kHistorySeconds);
        QCOMPARE(history.last().out, 1u);
        QCOMPARE(history.last().in, 0u);
        for (qsizetype i = 0; i + 1 < history.size(); ++i)
            QCOMPARE(history[i].in + history[i].out, 0u);
        // Asking about a time when the bucket held an older second gives zero, not the newer count.
        QCOMPARE(statistics.history(1000).last().in, 0u);
    }

    void topUrisCountRequestsAndErrors()
    {
        TrafficStatistics statistics;
        statistics.add(
            repeated(entry(5, Direction::In, MessageType::Call, "com.a"), 3) +
            repeated(entry(5, Direction::In, MessageType::Publish, "com.b"), 5) +
            repeated(entry(5, Direction::Out, MessageType::Error, "wamp.error.no_such_procedure"), 1) +
            repeated(entry(5, Direction::Out, MessageType::Result, "com.a"), 7) +
            repeated(entry(5, Direction::Out, MessageType::Event, "com.b"), 7) +
            repeated(entry(5, Direction::In, MessageType::Call, "com.c"), 3));
        const QList<TrafficStatistics::UriCount> top = statistics.topUris(3);
        QCOMPARE(top.size(), 3);
        QCOMPARE(top[0].uri, QByteArray("com.b"));
        QCOMPARE(top[0].count, quint64(5));
        QCOMPARE(top[1].uri, QByteArray("com.a")); // ties by URI
        QCOMPARE(top[2].uri, QByteArray("com.c"));
        QCOMPARE(statistics.topUris(10).size(), 4);
        QCOMPARE(statistics.totalWithUri(), quint64(12));
    }

    void keepsUrisOfItsOwn()
    {
        // A traced URI shares its buffer with many other messages; the table must not hold on to it.
        const TraceEntry call = entry(5, Direction::In, MessageType::Call, "com.kept");
        TrafficStatistics statistics;
        statistics.add({call, call});
        const QList<TrafficStatistics::UriCount> top = statistics.topUris(1);
        QCOMPARE(top[0].uri, QByteArray("com.kept"));
        QCOMPARE(top[0].count, quint64(2));
        QVERIFY(top[0].uri.constData() != call.uri.constData());
    }

    void uriTableStaysBounded()
    {
        TrafficStatistics statistics;
        statistics.add(repeated(entry(5, Direction::In, MessageType::Call, "com.frequent"), 5));
        const qsizetype unique = 2 * TrafficStatistics::kMaxTrackedUris + 10;
        QList<TraceEntry> batch;
        for (qsizetype i = 0; i < unique; ++i)
            batch << entry(5, Direction::In, MessageType::Publish, "com.unique." + QByteArray::number(i));
        statistics.add(batch);
        QVERIFY(statistics.trackedUriCount() <= 2 * TrafficStatistics::kMaxTrackedUris);
        const QList<TrafficStatistics::UriCount> top = statistics.topUris(1);
        QCOMPARE(top.first().uri, QByteArray("com.frequent"));
        QCOMPARE(top.first().count, quint64(5));

        // Counting goes on after the pruning, first with the URI counted last before it (which the pruning
        // may have taken out of the table).
        const QByteArray last = "com.unique." + QByteArray::number(unique - 1);
        statistics.add(repeated(entry(5, Direction::In, MessageType::Publish, last), 2));
        statistics.add(repeated(entry(5, Direction::In, MessageType::Call, "com.frequent"), 2));
        const QList<TrafficStatistics::UriCount> all = statistics.topUris(int(statistics.trackedUriCount()));
        QCOMPARE(all.first().count, quint64(7));
        const auto counted =
            std::find_if(all.cbegin(), all.cend(), [&](const auto& c) { return c.uri == last; });
        QVERIFY(counted != all.cend());
        QVERIFY(counted->count >= 2);
    }

    void clearStartsOver()
    {
        TrafficStatistics statistics;
        statistics.add({entry(10, Direction::In)});
        statistics.clear();
        QCOMPARE(statistics.totalIn(), quint64(0));
        QCOMPARE(statistics.history(10).last().in, 0u);
        QVERIFY(statistics.topUris(5).isEmpty());
        statistics.add({entry(10, Direction::In)}); // the same URI as the last one counted before clear()
        QCOMPARE(statistics.topUris(5).size(), 1);
        QCOMPARE(statistics.topUris(5).first().count, quint64(1));
    }

    void topUrisModelUpdatesInPlace()
    {
        TopUrisModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCounts({{"com.a", 30}, {"com.b", 10}}, 40);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, TopUrisModel::UriColumn).data().toString(), QStringLiteral("com.a"));
        QCOMPARE(model.index(0, TopUrisModel::CountColumn).data(Qt::UserRole).toULongLong(), quint64(30));
        QCOMPARE(model.index(0, TopUrisModel::ShareColumn).data().toString(),
                 QLocale().toString(75.0, 'f', 1) + QStringLiteral(" %"));
        model.setCounts({{"com.b", 50}, {"com.a", 30}, {"com.c", 1}}, 81);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, TopUrisModel::UriColumn).data().toString(), QStringLiteral("com.b"));
        model.setCounts({{"com.c", 2}}, 2);
        QCOMPARE(model.rowCount(), 1);
        model.setCounts({}, 0);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_APPLESS_MAIN(TestTrafficStatistics)
#include "tst_trafficstatistics.moc"
