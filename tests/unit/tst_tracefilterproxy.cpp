// The trace's filter proxy: the rows it shows follow the ring as batches arrive and old rows leave, rows map
// both ways, a filter change keeps the selected row, highlight changes reach the filtered rows, and a reset
// or a destroyed model leaves it empty.

#include "trace/tracefilterproxy.h"
#include "trace/tracemodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace wamp;

namespace {

constexpr quint64 kCaller = 11;
constexpr quint64 kCallee = 22;

TraceEntry makeEntry(MessageType type, quint64 session, quint64 request, const QByteArray& uri = {},
                     quint64 originRequest = 0)
{
    TraceEntry entry;
    entry.sessionId = session;
    entry.realm = QStringLiteral("realm1");
    entry.transportId = QStringLiteral("ws1");
    entry.direction = type == MessageType::Call || type == MessageType::Yield ? TraceEntry::Direction::In
                                                                              : TraceEntry::Direction::Out;
    entry.type = type;
    entry.requestId = request;
    entry.originSessionId = type == MessageType::Invocation ? kCaller : 0;
    entry.originRequestId = originRequest;
    entry.uri = uri;
    entry.encoded = QByteArray("[]");
    return entry;
}

// CALL, INVOCATION, YIELD, RESULT for each request id in [from, to).
QList<TraceEntry> calls(quint64 from, quint64 to)
{
    QList<TraceEntry> batch;
    for (quint64 request = from; request < to; ++request) {
        batch << makeEntry(MessageType::Call, kCaller, request, "com.example.add")
              << makeEntry(MessageType::Invocation, kCallee, request + 1000, {}, request)
              << makeEntry(MessageType::Yield, kCallee, request + 1000)
              << makeEntry(MessageType::Result, kCaller, request);
    }
    return batch;
}

// Checks the proxy against the model row by row: the proxy shows exactly the model rows of the given types,
// in order, and maps both ways.
void verifyRows(const TraceFilterProxy& proxy, const TraceModel& model, const QList<MessageType>& types)
{
    int proxyRow = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex source = model.index(row, TraceModel::TypeColumn);
        const QModelIndex mapped = proxy.mapFromSource(source);
        if (!types.isEmpty() && !types.contains(model.entryAt(row).type)) {
            QVERIFY2(!mapped.isValid(), qPrintable(QStringLiteral("row %1 should be filtered out").arg(row)));
            continue;
        }
        QCOMPARE(mapped.row(), proxyRow);
        QCOMPARE(mapped.column(), int(TraceModel::TypeColumn));
        QCOMPARE(proxy.mapToSource(mapped), source);
        QCOMPARE(proxy.data(mapped, TraceModel::SerialRole), model.data(source, TraceModel::SerialRole));
        ++proxyRow;
    }
    QCOMPARE(proxy.rowCount(), proxyRow);
}

// A model and the proxy over it, checked by QAbstractItemModelTester throughout.
struct Filtered {
    TraceModel model;
    TraceFilterProxy proxy;
    QAbstractItemModelTester tester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};

    explicit Filtered(qsizetype capacity = TraceBuffer::kDefaultCapacity)
        : model(capacity)
    {
        proxy.setSourceModel(&model);
    }
};

} // namespace

class TestTraceFilterProxy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filteredRowsFollowTheRing()
    {
        Filtered f(60);
        QVERIFY(f.proxy.setFilterExpression(QStringLiteral("type:call,result")).isValid());
        QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&f.proxy, &QAbstractItemModel::rowsInserted);

        quint64 request = 1;
        for (const int size : {3, 10, 1, 20, 7, 30, 2}) { // 4 rows each, past the capacity of 60 rows
            f.model.appendEntries(calls(request, request + quint64(size)));
            request += quint64(size);
            verifyRows(f.proxy, f.model, {MessageType::Call, MessageType::Result});
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(f.model.rowCount(), 60);
        QCOMPARE(f.proxy.rowCount(), 30);
        QVERIFY(removed.size() > 0);
        // Each batch is announced as one run of rows, in the proxy's numbering.
        QCOMPARE(inserted.size(), 7);
        QCOMPARE(inserted.last().at(1).toInt(), 30 - 4);
        QCOMPARE(inserted.last().at(2).toInt(), 29);
    }

    void aBatchWithNothingShownSignalsNothing()
    {
        Filtered f(100);
        f.proxy.setFilterExpression(QStringLiteral("type:publish"));
        QSignalSpy inserted(&f.proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
        f.model.appendEntries(calls(1, 40)); // 156 rows: 56 old ones leave on the way
        QCOMPARE(f.proxy.rowCount(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
    }

    void emptyFilterMapsOneToOne()
    {
        Filtered f(50);
        QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
        for (quint64 request = 1; request < 40; request += 5)
            f.model.appendEntries(calls(request, request + 5));
        verifyRows(f.proxy, f.model, {});
        QCOMPARE(f.proxy.rowCount(), 50);
        QVERIFY(removed.size() > 0);
        QCOMPARE(removed.last().at(1).toInt(), 0);

        // Switching a filter on and off again.
        f.proxy.setFilterExpression(QStringLiteral("type:yield"));
        verifyRows(f.proxy, f.model, {MessageType::Yield});
        f.proxy.setFilterExpression(QString());
        verifyRows(f.proxy, f.model, {});
    }

    void filterChangeKeepsTheSelectedRow()
    {
        Filtered f;
        f.model.appendEntries(calls(1, 10));
        // The RESULT of request 5: row 4 * 4 + 3 of the model.
        const QPersistentModelIndex selected(f.proxy.index(19, TraceModel::UriColumn));
        QCOMPARE(f.model.entryAt(f.proxy.mapToSource(selected).row()).requestId, quint64(5));

        f.proxy.setFilterExpression(QStringLiteral("type:result"));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 4);
        QCOMPARE(selected.column(), int(TraceModel::UriColumn));
        QCOMPARE(f.proxy.mapToSource(selected).row(), 19);

        f.proxy.setFilterExpression(QStringLiteral("session:%1").arg(kCaller));
        QCOMPARE(selected.row(), 9); // CALL 1, RESULT 1, ..., CALL 5, RESULT 5

        f.proxy.setFilterExpression(QStringLiteral("type:call"));
        QVERIFY(!selected.isValid()); // filtered out
    }

    void invalidExpressionKeepsTheFilter()
    {
        Filtered f;
        f.model.appendEntries(calls(1, 5));
        f.proxy.setFilterExpression(QStringLiteral("type:call"));
        QVERIFY(!f.proxy.setFilterExpression(QStringLiteral("type:nonsense")).isValid());
        QCOMPARE(f.proxy.rowCount(), 4);
        QVERIFY(!f.proxy.filter().isEmpty());
    }

    void highlightReachesFilteredRows()
    {
        Filtered f;
        f.model.appendEntries(calls(1, 4));
        f.proxy.setFilterExpression(QStringLiteral("type:invocation,result"));
        QSignalSpy changed(&f.proxy, &QAbstractItemModel::dataChanged);

        f.model.highlightChain(4); // CALL 2: its INVOCATION and RESULT are proxy rows 2 and 3
        QVERIFY(changed.size() > 0);
        for (int row = 0; row < f.proxy.rowCount(); ++row) {
            const bool expected = row == 2 || row == 3;
            QCOMPARE(f.proxy.index(row, 0).data(TraceModel::InHighlightedChainRole).toBool(), expected);
        }
        bool reached = false;
        for (const QList<QVariant>& signal : std::as_const(changed)) {
            const int first = signal.at(0).toModelIndex().row();
            const int last = signal.at(1).toModelIndex().row();
            QVERIFY(first >= 0 && last < f.proxy.rowCount() && first <= last);
            reached = reached || (first <= 2 && last >= 3);
        }
        QVERIFY(reached);
    }

    void clearAndCapacityChangeReset()
    {
        Filtered f(100);
        f.proxy.setFilterExpression(QStringLiteral("type:call"));
        f.model.appendEntries(calls(1, 20));
        QCOMPARE(f.proxy.rowCount(), 19);
        f.model.setCapacity(20);
        verifyRows(f.proxy, f.model, {MessageType::Call});
        QCOMPARE(f.proxy.rowCount(), 5);
        f.model.clear();
        QCOMPARE(f.proxy.rowCount(), 0);
        f.model.appendEntries(calls(30, 33));
        verifyRows(f.proxy, f.model, {MessageType::Call});
        QCOMPARE(f.proxy.rowCount(), 3);
    }

    void destroyedModelLeavesItEmpty()
    {
        auto model = std::make_unique<TraceModel>();
        TraceFilterProxy proxy;
        proxy.setSourceModel(model.get());
        proxy.setFilterExpression(QStringLiteral("type:call"));
        model->appendEntries(calls(1, 3));
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        model.reset();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(!proxy.index(0, 0).isValid());
        QVERIFY(!proxy.setFilterExpression(QStringLiteral("type:yield")).isEmpty());
        QCOMPARE(proxy.rowCount(), 0);
    }
};

QTEST_MAIN(TestTraceFilterProxy)
#include "tst_tracefilterproxy.moc"
