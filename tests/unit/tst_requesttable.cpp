// One generation of the trace's request URIs: an open-addressed table from (session, request id, id space)
// to the URI, with one copy of each URI's text.

#include "trace/requesttable.h"

#include <QTest>

using Key = TraceChain::Key;

class TestRequestTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsWhatItRemembers()
    {
        RequestTable table;
        table.reset(4);
        QCOMPARE(table.find({7, 1, false}), nullptr);
        table.insert({7, 1, false}, "com.a");
        table.insert({7, 1, true}, "com.b"); // the router's id space is another request
        table.insert({8, 1, false}, "com.c");
        QCOMPARE(*table.find({7, 1, false}), QByteArray("com.a"));
        QCOMPARE(*table.find({7, 1, true}), QByteArray("com.b"));
        QCOMPARE(*table.find({8, 1, false}), QByteArray("com.c"));
        QCOMPARE(table.find({8, 2, false}), nullptr);
        QCOMPARE(table.size(), 3);

        table.insert({7, 1, false}, "com.again"); // a request id used again takes the new URI
        QCOMPARE(*table.find({7, 1, false}), QByteArray("com.again"));
        QCOMPARE(table.size(), 3);
    }

    void holdsItsCapacityAndNoMore()
    {
        RequestTable table;
        table.reset(1000);
        // Ids that collide in a simple hash: many sessions, counting request ids, both id spaces.
        for (quint64 i = 0; i < 1000; ++i)
            QVERIFY(
                table.insert({1 + i % 10, 1 + i / 20, i % 20 >= 10}, "com.uri" + QByteArray::number(i % 3)));
        QVERIFY(table.isFull());
        QCOMPARE(table.insert({99, 1, false}, "com.late"), nullptr);
        QCOMPARE(table.find({99, 1, false}), nullptr);
        for (quint64 i = 0; i < 1000; ++i)
            QCOMPARE(*table.find({1 + i % 10, 1 + i / 20, i % 20 >= 10}),
                     "com.uri" + QByteArray::number(i % 3));
        QVERIFY(table.insert({1, 1, false}, "com.replaced")); // replacing still works when full

        table.reset(1000);
        QCOMPARE(table.size(), 0);
        QCOMPARE(table.find({1, 1, false}), nullptr);
    }

    void keepsOneCopyOfEachUriOfItsOwn()
    {
        RequestTable table;
        table.reset(10);
        const QByteArray first = QByteArray("com.example.") + QByteArray("add");
        const QByteArray second = QByteArray("com.example.") + QByteArray("add");
        const QByteArray* a = table.insert({1, 1, false}, first);
        table.insert({1, 2, false}, "com.other");
        const QByteArray* b = table.insert({1, 3, false}, second);
        QCOMPARE(a->constData(), b->constData());
        QVERIFY(a->constData() != first.constData()); // not the request's buffer
        QCOMPARE(*a, first);
    }

    void nothingBeforeReset()
    {
        RequestTable table;
        QCOMPARE(table.insert({1, 1, false}, "com.a"), nullptr);
        QCOMPARE(table.find({1, 1, false}), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestRequestTable)
#include "tst_requesttable.moc"
