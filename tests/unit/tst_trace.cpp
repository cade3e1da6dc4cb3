// The inspector's tap: every message becomes a TraceEntry, in batches, with the links the UI needs to show
// a CALL with its INVOCATION, YIELD and RESULT, and a PUBLISH with its EVENTs. And the bounded ring buffer.

#include "fakepeer.h"

#include "trace/byteslab.h"
#include "trace/tracebuffer.h"
#include "trace/tracename.h"
#include "trace/tracerecorder.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace wamp;

namespace {

QList<TraceEntry> collect(QSignalSpy& spy)
{
    QList<TraceEntry> all;
    for (const QList<QVariant>& batch : spy)
        all += batch.first().value<QList<TraceEntry>>();
    return all;
}

// A router traced by a recorder, with a publisher and a subscriber to com.topic; what the spy sees starts
// after the subscription.
struct TracedPubSub {
    TraceRecorder recorder; // outlives the router, which reports to it until its sessions are gone
    Router router;
    FakePeer* publisher = nullptr;
    FakePeer* subscriber = nullptr;
    QSignalSpy batches{&recorder, &TraceRecorder::entriesRecorded};

    TracedPubSub()
    {
        router.start(testRouterConfig());
        router.setObserver(&recorder);
        publisher = joinedPeer(router);
        subscriber = joinedPeer(router);
        subscriber->deliver(msg::request(MessageType::Subscribe, 1, "com.topic"));
        recorder.flush();
        batches.clear();
    }
};

TraceEntry entry(quint64 id)
{
    TraceEntry e;
    e.id = id;
    return e;
}

} // namespace

class TestTrace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void callChainIsLinked()
    {
        Router router;
        router.start(testRouterConfig());
        TraceRecorder recorder;
        router.setObserver(&recorder);
        QSignalSpy batches(&recorder, &TraceRecorder::entriesRecorded);

        FakePeer* callee = joinedPeer(router);
        FakePeer* caller = joinedPeer(router, SerializerKind::MsgPack);
        callee->deliver(msg::request(MessageType::Register, 1, "com.example.add"));
        callee->take();
        caller->deliver(msg::request(MessageType::Call, 42, "com.example.add"));
        const Message invocation = callee->take();
        Message yield;
        yield.type = MessageType::Yield;
        yield.requestId = invocation.requestId;
        callee->deliver(yield);

        QTRY_VERIFY(!batches.isEmpty());
        const QList<TraceEntry> entries = collect(batches);
        // HELLO/WELCOME x2, REGISTER/REGISTERED, CALL, INVOCATION, YIELD, RESULT
        QCOMPARE(entries.size(), 10);
        for (qsizetype i = 1; i < entries.size(); ++i)
            QCOMPARE(entries[i].id, entries[i - 1].id + 1);

        const TraceEntry& call = entries[6];
        QCOMPARE(call.type, MessageType::Call);
        QCOMPARE(call.direction, TraceEntry::Direction::In);
        QCOMPARE(call.requestId, quint64(42));
        QCOMPARE(call.uri, QByteArray("com.example.add"));
        QCOMPARE(call.serializer, SerializerKind::MsgPack);
        QVERIFY(call.valid);

        const TraceEntry& invocationEntry = entries[7];
        QCOMPARE(invocationEntry.type, MessageType::Invocation);
        QCOMPARE(invocationEntry.direction, TraceEntry::Direction::Out);
        QCOMPARE(invocationEntry.originSessionId, call.sessionId);
        QCOMPARE(invocationEntry.originRequestId, quint64(42));
        QCOMPARE(invocationEntry.requestId, invocation.requestId);

        const TraceEntry& yieldEntry = entries[8];
        QCOMPARE(yieldEntry.type, MessageType::Yield);
        QCOMPARE(yieldEntry.sessionId, invocationEntry.sessionId);
        QCOMPARE(yieldEntry.requestId, invocationEntry.requestId);

        const TraceEntry& result = entries[9];
        QCOMPARE(result.type, MessageType::Result);
        QCOMPARE(result.sessionId, call.sessionId);
        QCOMPARE(result.requestId, quint64(42));
        QCOMPARE(result.encoded, caller->rawSent.last()); // exactly what went on the wire
        QCOMPARE(result.realm.toString(), QStringLiteral("realm1"));
    }

    void eventsPointToTheirPublish()
    {
        TracedPubSub traced;
        traced.publisher->deliver(msg::request(MessageType::Publish, 7, "com.topic"));
        traced.recorder.flush();
        const QList<TraceEntry> entries = collect(traced.batches);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[1].type, MessageType::Event);
        QCOMPARE(entries[1].originSessionId, entries[0].sessionId);
        QCOMPARE(entries[1].originRequestId, quint64(7));
        QVERIFY(entries[1].secondaryId != 0); // the publication id
    }

    void messagesSentInHandlingAnInputCarryItsTime()
    {
        TracedPubSub traced;
        QTest::qWait(3);
        traced.publisher->deliver(msg::request(MessageType::Publish, 7, "com.topic"));
        QTest::qWait(3);
        // Sent by the router on its own, not in handling an input: its own time.
        QVERIFY(traced.router.killSession(traced.router.sessions().constFirst().id));
        traced.recorder.flush();
        const QList<TraceEntry> entries = collect(traced.batches);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].type, MessageType::Publish);
        QCOMPARE(entries[1].type, MessageType::Event);
        QCOMPARE(entries[1].timestampUs, entries[0].timestampUs);
        QCOMPARE(entries[2].type, MessageType::Goodbye);
        QVERIFY2(entries[2].timestampUs - entries[0].timestampUs >= 2000,
                 qPrintable(QString::number(entries[2].timestampUs - entries[0].timestampUs)));
        const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
        QVERIFY(qAbs(nowUs - entries[2].timestampUs) < 1000000);
    }

    void undecodableInputIsTracedAsInvalid()
    {
        Router router;
        router.start(testRouterConfig());
        TraceRecorder recorder;
        router.setObserver(&recorder);
        FakePeer* peer = joinedPeer(router);
        recorder.flush(); // HELLO and WELCOME
        QSignalSpy batches(&recorder, &TraceRecorder::entriesRecorded);
        peer->deliverRaw("[48,1,{");
        recorder.flush();
        const QList<TraceEntry> entries = collect(batches);
        QCOMPARE(entries.size(), 2); // the bad input and the ABORT
        QVERIFY(!entries[0].valid);
        QCOMPARE(entries[0].encoded, QByteArray("[48,1,{"));
        QCOMPARE(entries[1].type, MessageType::Abort);
    }

    void tracingCanBeSwitchedOff()
    {
        Router router;
        router.start(testRouterConfig());
        TraceRecorder recorder;
        router.setObserver(&recorder);
        FakePeer* a = joinedPeer(router);
        FakePeer* b = joinedPeer(router);
        recorder.flush(); // the joins
        QSignalSpy batches(&recorder, &TraceRecorder::entriesRecorded);
        a->deliver(msg::request(MessageType::Subscribe, 1, "com.probe"));
        recorder.flush();
        const quint64 idOfA = collect(batches).first().sessionId;
        batches.clear();
        recorder.setSessionTraced(idOfA, false);
        a->deliver(msg::request(MessageType::Subscribe, 2, "com.muted"));
        b->deliver(msg::request(MessageType::Subscribe, 2, "com.heard"));
        recorder.flush();
        QList<TraceEntry> entries = collect(batches);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].uri, QByteArray("com.heard"));
        batches.clear();

        recorder.setSessionTraced(idOfA, true);
        recorder.setTransportTraced(QStringLiteral("fake"), false);
        b->deliver(msg::request(MessageType::Subscribe, 3, "com.muted.too"));
        recorder.flush();
        QVERIFY(batches.isEmpty());

        recorder.setTransportTraced(QStringLiteral("fake"), true);
        recorder.setEnabled(false);
        b->deliver(msg::request(MessageType::Subscribe, 4, "com.off"));
        recorder.flush();
        QVERIFY(batches.isEmpty());
    }

    void batchesArriveWithinTheInterval()
    {
        Router router;
        router.start(testRouterConfig());
        TraceRecorder recorder;
        recorder.setBatchInterval(50);
        router.setObserver(&recorder);
        FakePeer* peer = joinedPeer(router);
        recorder.flush(); // the join
        QSignalSpy batches(&recorder, &TraceRecorder::entriesRecorded);
        for (quint64 i = 1; i <= 500; ++i)
            peer->deliver(msg::request(MessageType::Subscribe, i, "com.flood"));
        QVERIFY(batches.isEmpty()); // nothing per message
        QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 1, 1000);
        QCOMPARE(collect(batches).size(), 1000); // 500 SUBSCRIBE + 500 SUBSCRIBED
    }

    void slabCopiesShareBlocks()
    {
        ByteSlab slab;
        const QByteArray source("[48,1,{},\"com.example.add\"]");
        const QByteArray first = slab.keep(source);
        const QByteArray second = slab.keep(QByteArray("abc"));
        QCOMPARE(first, source);
        QVERIFY(first.constData() != source.constData());
        QCOMPARE(first.constData()[first.size()], '\0'); // a C string, as every QByteArray
        QCOMPARE(second, QByteArray("abc"));
        QCOMPARE(second.constData(), first.constData() + first.size() + 1); // next to it, in the same block

        const QByteArray large(ByteSlab::kMaxCopied + 1, 'x');
        QCOMPARE(slab.keep(large).constData(), large.constData()); // shared, not copied
        QVERIFY(slab.keep(QByteArray()).isNull());
    }

    void slabCopiesOutliveTheSlabAndEachOther()
    {
        // Run under ASan: a block goes with its last copy, whichever goes last, and not before.
        QList<QByteArray> copies;
        {
            ByteSlab slab;
            for (int i = 0; i < 20000; ++i) // many blocks
                copies.append(slab.keep(QByteArray::number(i).repeated(1 + i % 7)));
        }
        for (int i = 0; i < copies.size(); i += 2)
            copies[i] = QByteArray(); // every other copy goes: the blocks stay for the rest
        for (int i = 1; i < copies.size(); i += 2)
            QCOMPARE(copies[i], QByteArray::number(i).repeated(1 + i % 7));

        // Changing a copy changes none of its neighbours, even once they are all that is left of the block.
        ByteSlab slab;
        QByteArray a = slab.keep(QByteArray("abc"));
        const QByteArray b = slab.keep(QByteArray("def"));
        for (qsizetype filled = 0; filled <= ByteSlab::kBlockSize; filled += 1000)
            slab.keep(QByteArray(1000, 'f')); // the slab moves on to a new block
        a.append("XYZ");
        QCOMPARE(a, QByteArray("abcXYZ"));
        QCOMPARE(b, QByteArray("def"));
    }

    void namesAreInterned()
    {
        const TraceName realm(QStringLiteral("realm.interned"));
        QCOMPARE(realm.toString(), QStringLiteral("realm.interned"));
        QVERIFY(realm == TraceName(QStringLiteral("realm.") + QStringLiteral("interned"))); // by content
        QVERIFY(!(realm == TraceName(QStringLiteral("realm.other"))));
        QVERIFY(TraceName().isEmpty());
        QVERIFY(TraceName(QString()) == TraceName());
        QVERIFY(TraceName(QStringLiteral("")).isEmpty());
        QCOMPARE(TraceName().toString(), QString());

        // From several threads at once: one name each.
        QList<TraceName> fromThreads[2];
        const auto internAll = [](QList<TraceName>& out) {
            for (int i = 0; i < 500; ++i)
                out.append(TraceName(QStringLiteral("threaded.%1").arg(i)));
        };
        std::unique_ptr<QThread> threads[2] = {
            std::unique_ptr<QThread>(QThread::create(internAll, std::ref(fromThreads[0]))),
            std::unique_ptr<QThread>(QThread::create(internAll, std::ref(fromThreads[1])))};
        for (const auto& thread : threads)
            thread->start();
        for (const auto& thread : threads)
            QVERIFY(thread->wait(10000));
        QVERIFY(fromThreads[0] == fromThreads[1]);
        QCOMPARE(fromThreads[0].at(123).toString(), QStringLiteral("threaded.123"));
    }

    void nameCacheNeverConfusesStrings()
    {
        TraceNameCache cache;
        const QString shared = QStringLiteral("realm.shared");
        const TraceName first = cache.intern(shared);
        QVERIFY(cache.intern(QString(shared)) == first); // same data: from the cache
        QVERIFY(cache.intern(QStringLiteral("realm.") + QStringLiteral("shared")) == first); // other data
        // Strings made and freed one after the other are likely to get the same memory: each must still
        // get its own name.
        for (int i = 0; i < 100; ++i) {
            const QString made = QStringLiteral("name-%1").arg(i, 3, 10, QLatin1Char('0'));
            QCOMPARE(cache.intern(made).toString(), made);
        }
        QCOMPARE(cache.intern(shared).toString(), shared);
    }

    void ringBufferKeepsTheNewest()
    {
        TraceBuffer buffer(3);
        QCOMPARE(buffer.append({entry(1), entry(2)}), 0);
        QCOMPARE(buffer.size(), 2);
        QCOMPARE(buffer.append({entry(3), entry(4), entry(5)}), 2);
        QCOMPARE(buffer.size(), 3);
        QCOMPARE(buffer.at(0).id, quint64(3));
        QCOMPARE(buffer.at(2).id, quint64(5));
        buffer.setCapacity(2);
        QCOMPARE(buffer.size(), 2);
        QCOMPARE(buffer.at(0).id, quint64(4));
        QCOMPARE(buffer.append({entry(6)}), 1);
        QCOMPARE(buffer.at(0).id, quint64(5));
        QCOMPARE(buffer.at(1).id, quint64(6));
        buffer.clear();
        QCOMPARE(buffer.size(), 0);
        QCOMPARE(buffer.append({entry(7)}), 0);
        QCOMPARE(buffer.at(0).id, quint64(7));
    }

    void ringBufferNumbersEntriesAndKeepsBatchesWhole()
    {
        TraceBuffer buffer(5000);
        QList<TraceEntry> big;
        for (quint64 id = 1; id <= 3000; ++id)
            big.append(entry(id));
        const TraceEntry* first = &big.constFirst();
        QCOMPARE(buffer.append(std::move(big)), 0);
        QCOMPARE(&buffer.at(0), first); // taken over, not copied
        for (quint64 id = 3001; id <= 3010; ++id)
            QCOMPARE(buffer.append({entry(id)}), 0); // small batches are merged into the last one
        QCOMPARE(buffer.size(), 3010);
        QCOMPARE(buffer.serialAt(0), quint64(1));
        QCOMPARE(buffer.nextSerial(), quint64(3011));
        QList<TraceEntry> second;
        for (quint64 id = 3011; id <= 6000; ++id)
            second.append(entry(id));
        QCOMPARE(buffer.append(second), 1000);
        QCOMPARE(buffer.size(), 5000);
        QCOMPARE(buffer.serialAt(0), quint64(1001));
        // Random access across batches, both directions.
        for (const qsizetype index : {4999, 0, 2009, 2010, 1999, 3000, 17})
            QCOMPARE(buffer.at(index).id, quint64(1001 + index));
        QCOMPARE(buffer.indexOfSerial(1000), -1);
        QCOMPARE(buffer.indexOfSerial(1001), 0);
        QCOMPARE(buffer.indexOfSerial(6000), 4999);
        QCOMPARE(buffer.indexOfSerial(6001), -1);
        buffer.removeFirst(2500);
        QCOMPARE(buffer.size(), 2500);
        QCOMPARE(buffer.at(0).id, quint64(3501));
        const QList<QList<TraceEntry>> batches = buffer.takeBatches();
        QCOMPARE(batches.size(), 1); // the first batch (1001-3010) left whole
        QCOMPARE(batches.constFirst().size(), 2500);
        QCOMPARE(batches.constFirst().constFirst().id, quint64(3501));
        QCOMPARE(batches.constFirst().constLast().id, quint64(6000));
        QCOMPARE(buffer.size(), 0);
        QCOMPARE(buffer.nextSerial(), quint64(6001)); // serials are never reused
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
