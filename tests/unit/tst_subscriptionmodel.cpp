// The live subscriptions table: every realm's subscriptions from snapshots, updated in place.

#include "sessions/subscriptionmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace wamp;

namespace {

SubscriptionInfo subscription(quint64 id, const QString& topic, QList<quint64> subscribers = {1},
                              quint64 events = 0)
{
    SubscriptionInfo info;
    info.realm = QStringLiteral("realm1");
    info.id = id;
    info.topic = topic;
    info.subscriberIds = std::move(subscribers);
    info.publicationCount = events / 2;
    info.eventCount = events;
    return info;
}

RouterSnapshot snapshotOf(const QList<SubscriptionInfo>& subscriptions)
{
    RouterSnapshot snapshot;
    snapshot.subscriptions = subscriptions;
    return snapshot;
}

} // namespace

class TestSubscriptionModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void columns_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("display");
        QTest::newRow("realm") << int(SubscriptionModel::RealmColumn) << "Realm"
                               << "realm1";
        QTest::newRow("topic") << int(SubscriptionModel::TopicColumn) << "Topic"
                               << "com.example.tick";
        QTest::newRow("match") << int(SubscriptionModel::MatchColumn) << "Match"
                               << "exact";
        QTest::newRow("count") << int(SubscriptionModel::SubscriberCountColumn) << "Subscribers"
                               << "2";
        QTest::newRow("subscribers") << int(SubscriptionModel::SubscribersColumn) << "Subscriber sessions"
                                     << "11, 22";
        QTest::newRow("publications") << int(SubscriptionModel::PublicationsColumn) << "Publications"
                                      << "4";
        QTest::newRow("events") << int(SubscriptionModel::EventsColumn) << "Events"
                                << "8";
        QTest::newRow("id") << int(SubscriptionModel::IdColumn) << "Subscription"
                            << "3";
    }
    void columns()
    {
        QFETCH(int, column);
        QFETCH(QString, header);
        QFETCH(QString, display);
        SubscriptionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshotOf({subscription(3, QStringLiteral("com.example.tick"), {11, 22}, 8)}));
        QCOMPARE(model.columnCount(), int(SubscriptionModel::ColumnCount));
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), header);
        QCOMPARE(model.index(0, column).data().toString(), display);
    }

    void snapshotsUpdateInPlace()
    {
        SubscriptionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(
            snapshotOf({subscription(1, QStringLiteral("a")), subscription(2, QStringLiteral("b"))}));
        const QPersistentModelIndex a = model.index(0, SubscriptionModel::SubscribersColumn);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // A second subscriber joins topic a; nothing else changes.
        model.applySnapshot(
            snapshotOf({subscription(1, QStringLiteral("a"), {1, 5}), subscription(2, QStringLiteral("b"))}));
        QCOMPARE(changed.size(), 1);
        QVERIFY(inserted.isEmpty() && removed.isEmpty());
        QCOMPARE(a.data().toString(), QStringLiteral("1, 5"));

        // The last subscriber of b leaves: its subscription goes.
        model.applySnapshot(snapshotOf({subscription(1, QStringLiteral("a"), {1, 5})}));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(a.isValid());
    }

    void countsSortAsNumbers()
    {
        SubscriptionModel model;
        model.applySnapshot(snapshotOf({subscription(1, QStringLiteral("a"), {1}, 10),
                                        subscription(2, QStringLiteral("b"), {1}, 9),
                                        subscription(3, QStringLiteral("c"), {1}, 200)}));
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(SubscriptionModel::SortRole);
        proxy.sort(SubscriptionModel::EventsColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, SubscriptionModel::TopicColumn).data().toString(), QStringLiteral("b"));
        QCOMPARE(proxy.index(1, SubscriptionModel::TopicColumn).data().toString(), QStringLiteral("a"));
        QCOMPARE(proxy.index(2, SubscriptionModel::TopicColumn).data().toString(), QStringLiteral("c"));
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionModel)
#include "tst_subscriptionmodel.moc"
