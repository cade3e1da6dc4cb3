// The trace table: batches in, the oldest rows out when the ring is full, pause, clear, and the chain index
// that links a CALL with its INVOCATION, YIELD and RESULT (and a PUBLISH with its EVENTs).

#include "trace/tracemodel.h"

#include "serialization/serializer.h"
#include "wamp/message.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace wamp;
using Direction = TraceEntry::Direction;

namespace {

constexpr quint64 kCaller = 11;
constexpr quint64 kCallee = 22;

TraceEntry makeEntry(MessageType type, quint64 session, quint64 request, Direction direction,
                     const QByteArray& uri = {}, quint64 originSession = 0, quint64 originRequest = 0)
{
    Message message;
    message.type = type;
    message.requestId = request;
    message.uri = uri.isEmpty() ? QByteArray("com.example.none") : uri;
    message.requestType = direction == Direction::In ? MessageType::Invocation : MessageType::Call;
    message.registrationId = message.subscriptionId = message.publicationId = message.sessionId = 5;
    message.args = Value(Value::List{Value(1), Value(QStringLiteral("two"))});

    TraceEntry entry;
    entry.timestampUs = 1700000000000000 + qint64(request);
    entry.sessionId = session;
    entry.realm = QStringLiteral("realm1");
    entry.transportId = QStringLiteral("ws1");
    entry.direction = direction;
    entry.type = type;
    entry.requestId = type == MessageType::Event ? 0 : request;
    entry.originSessionId = originSession;
    entry.originRequestId = originRequest;
    entry.uri = uri;
    entry.encoded = serializerFor(SerializerKind::Json).encodeMessage(message);
    return entry;
}

TraceEntry simple(quint64 request)
{
    return makeEntry(MessageType::Subscribe, kCaller, request, Direction::In, "com.topic");
}

QList<TraceEntry> simpleBatch(quint64 from, quint64 to)
{
    QList<TraceEntry> batch;
    for (quint64 request = from; request <= to; ++request)
        batch << simple(request);
    return batch;
}

quint64 requestAt(const TraceModel& model, int row)
{
    return model.entryAt(row).requestId;
}

// CALL 7 from the caller, INVOCATION 100 to the callee, its YIELD, the RESULT; and unrelated rows whose ids
// collide on purpose: the callee's own CALL 100 and CALL 7 (other id spaces or sessions).
QList<TraceEntry> callChainWithNoise()
{
    return {
        makeEntry(MessageType::Call, kCaller, 7, Direction::In, "com.example.add"),       // 0
        makeEntry(MessageType::Call, kCallee, 100, Direction::In, "com.other"),           // 1
        makeEntry(MessageType::Invocation, kCallee, 100, Direction::Out, {}, kCaller, 7), // 2
        makeEntry(MessageType::Call, kCallee, 7, Direction::In, "com.other.too"),         // 3
        makeEntry(MessageType::Yield, kCallee, 100, Direction::In),                       // 4
        makeEntry(MessageType::Result, kCallee, 100, Direction::Out),                     // 5
        makeEntry(MessageType::Result, kCaller, 7, Direction::Out),                       // 6
    };
}

} // namespace

class TestTraceModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batchesAreInsertedOnce()
    {
        TraceModel model(100);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendEntries(simpleBatch(1, 3));
        model.appendEntries(simpleBatch(4, 5));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 2);
        QCOMPARE(inserted[1][1].toInt(), 3);
        QCOMPARE(inserted[1][2].toInt(), 4);
        QCOMPARE(model.rowCount(), 5);
        model.appendEntries({});
        QCOMPARE(inserted.size(), 2);
    }

    void cellsAreFormattedOnDemand()
    {
        TraceModel model(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntries({makeEntry(MessageType::Call, kCaller, 42, Direction::In, "com.example.add")});
        const auto text = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(text(TraceModel::SessionColumn), QStringLiteral("11"));
        QCOMPARE(text(TraceModel::DirectionColumn), QStringLiteral(u"\u2192 in"));
        QCOMPARE(text(TraceModel::TypeColumn), QStringLiteral("CALL"));
        QCOMPARE(text(TraceModel::RequestColumn), QStringLiteral("42"));
        QCOMPARE(text(TraceModel::UriColumn), QStringLiteral("com.example.add"));
        QCOMPARE(text(TraceModel::SizeColumn), QString::number(model.entryAt(0).size()));
        QCOMPARE(text(TraceModel::SummaryColumn), QStringLiteral("[1, \"two\"]"));
        QVERIFY(text(TraceModel::TimeColumn)
                    .contains(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6}$"))));
        QCOMPARE(model.index(0, 0).data(TraceModel::TypeRole).toInt(), int(MessageType::Call));
        QCOMPARE(model.index(0, 0).data(TraceModel::SessionRole).toULongLong(), kCaller);
        QCOMPARE(model.index(0, 0).data(TraceModel::RealmRole).toString(), QStringLiteral("realm1"));
        QCOMPARE(model.index(0, 0).data(TraceModel::TransportRole).toString(), QStringLiteral("ws1"));
        QCOMPARE(model.index(0, 0).data(TraceModel::DirectionRole).toInt(), int(Direction::In));
    }

    void fullRingDropsTheOldestBeforeInserting()
    {
        TraceModel model(5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntries(simpleBatch(1, 3));
        QStringList log;
        connect(&model, &QAbstractItemModel::rowsRemoved, this, [&](const QModelIndex&, int first, int last) {
            log << QStringLiteral("-%1..%2").arg(first).arg(last);
        });
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex&, int first, int last) {
                    log << QStringLiteral("+%1..%2").arg(first).arg(last);
                });
        model.appendEntries(simpleBatch(4, 7));
        QCOMPARE(log, QStringList({QStringLiteral("-0..1"), QStringLiteral("+1..4")}));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(requestAt(model, 0), quint64(3));
        QCOMPARE(requestAt(model, 4), quint64(7));
        QCOMPARE(model.droppedCount(), quint64(2));

        // A batch bigger than the ring: only its newest rows are kept.
        log.clear();
        model.appendEntries(simpleBatch(10, 17));
        QCOMPARE(log, QStringList({QStringLiteral("-0..4"), QStringLiteral("+0..4")}));
        QCOMPARE(requestAt(model, 0), quint64(13));
        QCOMPARE(requestAt(model, 4), quint64(17));
        QCOMPARE(model.droppedCount(), quint64(2 + 5 + 3));
    }

    void serialsNumberTheRows()
    {
        TraceModel model(4);
        model.appendEntries(simpleBatch(1, 3));
        model.appendEntries(simpleBatch(4, 6));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOfSerial(model.index(row, 0).data(TraceModel::SerialRole).toULongLong()), row);
        QCOMPARE(model.rowOfSerial(1), -1); // dropped
        QCOMPARE(model.rowOfSerial(1000), -1);
    }

    void pauseHoldsBatchesBack()
    {
        TraceModel model(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntries(simpleBatch(1, 2));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy state(&model, &TraceModel::pauseStateChanged);
        model.setPaused(true);
        model.appendEntries(simpleBatch(3, 4));
        model.appendEntries(simpleBatch(5, 5));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.heldCount(), 3);
        QVERIFY(inserted.isEmpty());
        QVERIFY(state.size() >= 3);
        model.setPaused(false);
        QCOMPARE(inserted.size(), 1); // the held rows arrive as one batch
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(requestAt(model, 4), quint64(5));
        QCOMPARE(model.heldCount(), 0);
    }

    void updateIntervalGathersBatches()
    {
        TraceModel model(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUpdateInterval(200);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.appendEntries(simpleBatch(1, 8)); // after a quiet spell: at once
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(inserted.size(), 1);

        model.appendEntries(simpleBatch(9, 11)); // within the interval: held
        model.appendEntries(simpleBatch(12, 14));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.heldCount(), 6);
        QVERIFY(!model.isPaused());
        QTRY_COMPARE(model.heldCount(), 0);
        // One removal of old rows and one insertion for both batches.
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.last().at(2).toInt() - inserted.last().at(1).toInt() + 1, 6);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(requestAt(model, 0), quint64(5));
        QCOMPARE(requestAt(model, 9), quint64(14));
        QCOMPARE(model.droppedCount(), quint64(4));
        QCOMPARE(model.droppedWhilePaused(), quint64(0));
    }

    void updateIntervalDropsWhatCannotBeShown()
    {
        TraceModel model(5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUpdateInterval(10000);
        model.appendEntries(simpleBatch(1, 2));
        for (quint64 first = 3; first < 30; first += 3)
            model.appendEntries(simpleBatch(first, first + 2)); // held: 27 rows for a ring of 5
        QCOMPARE(model.heldCount(), 5);
        QCOMPARE(model.rowCount(), 2);
        model.setUpdateInterval(0); // releases what is held
        QCOMPARE(model.heldCount(), 0);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(requestAt(model, 0), quint64(25));
        QCOMPARE(requestAt(model, 4), quint64(29));
        QCOMPARE(model.droppedCount(), quint64(24)); // 22 never shown, 2 shown and dropped
        model.appendEntries(simpleBatch(30, 30));
        QCOMPARE(model.rowCount(), 5); // no interval any more: at once
        QCOMPARE(requestAt(model, 4), quint64(30));
    }

    void heldRepliesGetTheirUriOnArrival()
    {
        TraceModel model(100);
        model.setPaused(true);
        const QList<TraceEntry> batch = {
            makeEntry(MessageType::Call, kCaller, 1, Direction::In, "com.example.add"),
            makeEntry(MessageType::Result, kCaller, 1, Direction::Out),
        };
        model.appendEntries(batch);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(batch[1].uri, QByteArray("com.example.add")); // filled in while held, in the shared batch
        model.setPaused(false);
        QCOMPARE(model.index(1, TraceModel::UriColumn).data().toString(), QStringLiteral("com.example.add"));
    }

    void updateIntervalAndPause()
    {
        TraceModel model(100);
        model.setUpdateInterval(100);
        model.appendEntries(simpleBatch(1, 1));
        model.appendEntries(simpleBatch(2, 3)); // waiting for the next update
        model.setPaused(true);
        QTest::qWait(250);
        QCOMPARE(model.rowCount(), 1); // the pause holds them
        QCOMPARE(model.heldCount(), 2);
        model.setPaused(false);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(requestAt(model, 2), quint64(3));

        model.appendEntries(simpleBatch(4, 4));
        model.clear(); // pending rows go with the rest
        QCOMPARE(model.heldCount(), 0);
        QTest::qWait(150);
        QCOMPARE(model.rowCount(), 0);
    }

    void pauseDropsPastTheCapacityAndCounts()
    {
        TraceModel model(3);
        model.setPaused(true);
        model.appendEntries(simpleBatch(1, 5));
        QCOMPARE(model.heldCount(), 3);
        QCOMPARE(model.droppedWhilePaused(), quint64(2));
        model.setPaused(false);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(requestAt(model, 0), quint64(3));
        QCOMPARE(model.droppedWhilePaused(), quint64(0));
    }

    void clearEmptiesRowsHeldRowsAndIndex()
    {
        TraceModel model(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntries(callChainWithNoise());
        model.setPaused(true);
        model.appendEntries(simpleBatch(1, 2));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.heldCount(), 0);
        model.setPaused(false);
        QCOMPARE(model.rowCount(), 0);
        model.appendEntries({makeEntry(MessageType::Result, kCaller, 7, Direction::Out)});
        QCOMPARE(model.chainRows(0), QList<int>({0})); // the cleared CALL is forgotten
    }

    void callChain()
    {
        TraceModel model(100);
        model.appendEntries(callChainWithNoise());
        const QList<int> chain{0, 2, 4, 6};
        for (const int row : chain)
            QCOMPARE(model.chainRows(row), chain);
        QCOMPARE(model.chainRows(1), QList<int>({1, 5})); // the callee's own CALL 100 and its RESULT
        QCOMPARE(model.chainRows(3), QList<int>({3}));
        QCOMPARE(model.chainRows(-1), QList<int>());
    }

    void chainAcrossBatches()
    {
        TraceModel model(100);
        for (const TraceEntry& entry : callChainWithNoise())
            model.appendEntries({entry});
        QCOMPARE(model.chainRows(6), QList<int>({0, 2, 4, 6}));
    }

    void errorChain()
    {
        TraceModel model(100);
        model.appendEntries({
            makeEntry(MessageType::Call, kCaller, 9, Direction::In, "com.example.fail"),
            makeEntry(MessageType::Invocation, kCallee, 300, Direction::Out, {}, kCaller, 9),
            makeEntry(MessageType::Error, kCallee, 300, Direction::In, "com.example.oops"),
            makeEntry(MessageType::Error, kCaller, 9, Direction::Out, "com.example.oops"),
        });
        QCOMPARE(model.chainRows(0), QList<int>({0, 1, 2, 3}));
        QCOMPARE(model.chainRows(2), QList<int>({0, 1, 2, 3}));
    }

    void publishChain()
    {
        TraceModel model(100);
        model.appendEntries({
            makeEntry(MessageType::Publish, kCaller, 3, Direction::In, "com.topic"),
            makeEntry(MessageType::Event, 31, 0, Direction::Out, {}, kCaller, 3),
            makeEntry(MessageType::Subscribe, kCaller, 4, Direction::In, "com.other"),
            makeEntry(MessageType::Event, 32, 0, Direction::Out, {}, kCaller, 3),
            makeEntry(MessageType::Published, kCaller, 3, Direction::Out),
            makeEntry(MessageType::Subscribed, kCaller, 4, Direction::Out),
        });
        QCOMPARE(model.chainRows(3), QList<int>({0, 1, 3, 4}));
        QCOMPARE(model.chainRows(0), QList<int>({0, 1, 3, 4}));
        QCOMPARE(model.chainRows(5), QList<int>({2, 5}));
    }

    void sharedBatchIsKeptNotCopied()
    {
        TraceModel model(100);
        const QList<TraceEntry> batch =
            callChainWithNoise(); // shared with the model, as with the other views
        model.appendEntries(batch);
        QCOMPARE(&model.entryAt(0), &batch.constFirst());
        QCOMPARE(model.index(6, TraceModel::UriColumn).data().toString(), QStringLiteral("com.example.add"));
    }

    void requestUrisAreForgottenAfterTwoGenerations()
    {
        TraceModel model(4); // remembers requests in generations of 2
        model.appendEntries({makeEntry(MessageType::Call, kCaller, 1, Direction::In, "com.first")});
        model.appendEntries({makeEntry(MessageType::Result, kCaller, 1, Direction::Out)});
        QCOMPARE(model.index(1, TraceModel::UriColumn).data().toString(), QStringLiteral("com.first"));
        for (quint64 request = 2; request <= 6; ++request)
            model.appendEntries({makeEntry(MessageType::Call, kCaller, request, Direction::In, "com.more")});
        model.appendEntries({makeEntry(MessageType::Result, kCaller, 1, Direction::Out)});
        QCOMPARE(model.index(model.rowCount() - 1, TraceModel::UriColumn).data().toString(), QString());
        model.appendEntries({makeEntry(MessageType::Result, kCaller, 6, Direction::Out)});
        QCOMPARE(model.index(model.rowCount() - 1, TraceModel::UriColumn).data().toString(),
                 QStringLiteral("com.more"));
    }

    void repliesShareOneCopyOfTheirUri()
    {
        TraceModel model(100);
        QList<TraceEntry> batch;
        for (quint64 request = 1; request <= 3; ++request) {
            // Each with its own buffer, as decoded from the wire.
            batch << makeEntry(MessageType::Call, kCaller, request, Direction::In,
                               QByteArray("com.example.") + QByteArray("add"));
            batch << makeEntry(MessageType::Result, kCaller, request, Direction::Out);
        }
        QVERIFY(batch[0].uri.constData() != batch[2].uri.constData());
        model.appendEntries(batch);
        for (int row = 0; row < 6; ++row)
            QCOMPARE(model.entryAt(row).uri, QByteArray("com.example.add"));
        QCOMPARE(model.entryAt(3).uri.constData(), model.entryAt(1).uri.constData());
        QCOMPARE(model.entryAt(5).uri.constData(), model.entryAt(1).uri.constData());
        QVERIFY(model.entryAt(2).uri.constData() != model.entryAt(0).uri.constData()); // requests keep theirs
    }

    void batchesGoWithTheirLastRow()
    {
        TraceModel model(200);
        const QList<TraceEntry> first = simpleBatch(1, 100); // large enough to be kept as a batch of its own
        model.appendEntries(first);
        QVERIFY(!first.isDetached());               // the model holds the batch itself, not a copy
        model.appendEntries(simpleBatch(101, 250)); // rows 1 to 50 leave; their batch stays
        QVERIFY(!first.isDetached());
        model.appendEntries(simpleBatch(251, 350)); // the rest of the first batch leaves
        QVERIFY(first.isDetached());
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(requestAt(model, 0), quint64(151));
        QCOMPARE(model.droppedCount(), quint64(150));
    }

    void repliesShowTheirRequestsUri()
    {
        TraceModel model(100);
        model.appendEntries(callChainWithNoise());
        const auto uri = [&](int row) { return model.index(row, TraceModel::UriColumn).data().toString(); };
        QCOMPARE(uri(2), QStringLiteral("com.example.add")); // INVOCATION, from the CALL
        QCOMPARE(uri(4), QStringLiteral("com.example.add")); // YIELD, from the INVOCATION
        QCOMPARE(uri(6), QStringLiteral("com.example.add")); // RESULT
        QCOMPARE(uri(5), QStringLiteral("com.other"));
        QCOMPARE(model.index(6, TraceModel::UriColumn).data(Qt::FontRole).value<QFont>().italic(), true);
        QCOMPARE(model.index(0, TraceModel::UriColumn).data(Qt::FontRole).isValid(), false);
        QCOMPARE(model.index(6, 0).data(TraceModel::UriRole).toByteArray(), QByteArray("com.example.add"));
    }

    void highlightFollowsTheChain()
    {
        TraceModel model(100);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<TraceEntry> entries = callChainWithNoise();
        const TraceEntry result = entries.takeLast();
        model.appendEntries(entries);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.highlightChain(0);
        QVERIFY(!changed.isEmpty());
        const auto highlighted = [&] {
            QList<int> rows;
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.index(row, 0).data(TraceModel::InHighlightedChainRole).toBool())
                    rows << row;
            }
            return rows;
        };
        QCOMPARE(highlighted(), QList<int>({0, 2, 4}));
        QVERIFY(model.index(0, 3).data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(!model.index(1, 3).data(Qt::BackgroundRole).isValid());
        model.appendEntries({result}); // joins the highlighted chain as it arrives
        QCOMPARE(highlighted(), QList<int>({0, 2, 4, 6}));
        model.highlightChain(-1);
        QCOMPARE(highlighted(), QList<int>());
    }

    void indexForgetsDroppedRows()
    {
        TraceModel model(6);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntries(callChainWithNoise()); // 7 rows into 6: the CALL is dropped
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.chainRows(5), QList<int>({1, 3, 5})); // INVOCATION, YIELD, RESULT
        // Many more rounds through the ring: the index stays consistent.
        for (quint64 round = 1; round <= 50; ++round) {
            const quint64 request = 1000 + round;
            model.appendEntries({makeEntry(MessageType::Call, kCaller, request, Direction::In, "com.r"),
                                 makeEntry(MessageType::Result, kCaller, request, Direction::Out)});
        }
        QCOMPARE(model.chainRows(5), QList<int>({4, 5}));
        QCOMPARE(model.chainRows(0), QList<int>({0, 1}));
    }

    void capacityChangeKeepsTheNewest()
    {
        TraceModel model(100);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntries(callChainWithNoise());
        model.setCapacity(3);
        QCOMPARE(model.capacity(), 3);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entryAt(2).type, MessageType::Result);
        // Without the INVOCATION, nothing links the YIELD to the RESULT any more.
        QCOMPARE(model.chainRows(2), QList<int>({2}));
    }
};

QTEST_MAIN(TestTraceModel)
#include "tst_tracemodel.moc"
