// The live registrations table: every realm's registrations from snapshots, updated in place.

#include "sessions/registrationmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace wamp;

namespace {

RegistrationInfo registration(quint64 id, const QString& procedure, quint64 invocations = 0)
{
    RegistrationInfo info;
    info.realm = QStringLiteral("realm1");
    info.id = id;
    info.procedure = procedure;
    info.calleeIds = {7000 + id};
    info.invocationCount = invocations;
    return info;
}

RouterSnapshot snapshotOf(const QList<RegistrationInfo>& registrations)
{
    RouterSnapshot snapshot;
    snapshot.registrations = registrations;
    return snapshot;
}

} // namespace

class TestRegistrationModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void columns_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("display");
        QTest::newRow("realm") << int(RegistrationModel::RealmColumn) << "Realm"
                               << "realm1";
        QTest::newRow("procedure") << int(RegistrationModel::ProcedureColumn) << "Procedure"
                                   << "com.example.add";
        QTest::newRow("match") << int(RegistrationModel::MatchColumn) << "Match"
                               << "exact";
        QTest::newRow("invoke") << int(RegistrationModel::InvokeColumn) << "Invoke"
                                << "single";
        QTest::newRow("callees") << int(RegistrationModel::CalleesColumn) << "Callee sessions"
                                 << "7005";
        QTest::newRow("invocations") << int(RegistrationModel::InvocationsColumn) << "Invocations"
                                     << "12";
        QTest::newRow("id") << int(RegistrationModel::IdColumn) << "Registration"
                            << "5";
    }
    void columns()
    {
        QFETCH(int, column);
        QFETCH(QString, header);
        QFETCH(QString, display);
        RegistrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshotOf({registration(5, QStringLiteral("com.example.add"), 12)}));
        QCOMPARE(model.columnCount(), int(RegistrationModel::ColumnCount));
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), header);
        QCOMPARE(model.index(0, column).data().toString(), display);
    }

    void snapshotsUpdateInPlace()
    {
        RegistrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(
            snapshotOf({registration(1, QStringLiteral("a")), registration(2, QStringLiteral("b"))}));
        QCOMPARE(model.rowCount(), 2);
        const QPersistentModelIndex b = model.index(1, RegistrationModel::InvocationsColumn);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.applySnapshot(
            snapshotOf({registration(2, QStringLiteral("b"), 3), registration(3, QStringLiteral("c"))}));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(reset.isEmpty());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(b.isValid());
        QCOMPARE(b.data().toString(), QStringLiteral("3"));
        QCOMPARE(model.rowAt(1).procedure, QStringLiteral("c"));

        model.applySnapshot(RouterSnapshot{});
        QCOMPARE(model.rowCount(), 0);
    }

    void invocationsSortAsNumbers()
    {
        RegistrationModel model;
        model.applySnapshot(
            snapshotOf({registration(1, QStringLiteral("a"), 100), registration(2, QStringLiteral("b"), 9),
                        registration(3, QStringLiteral("c"), 20)}));
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(RegistrationModel::SortRole);
        proxy.sort(RegistrationModel::InvocationsColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, RegistrationModel::ProcedureColumn).data().toString(), QStringLiteral("a"));
        QCOMPARE(proxy.index(1, RegistrationModel::ProcedureColumn).data().toString(), QStringLiteral("c"));
        QCOMPARE(proxy.index(2, RegistrationModel::ProcedureColumn).data().toString(), QStringLiteral("b"));
    }
};

QTEST_GUILESS_MAIN(TestRegistrationModel)
#include "tst_registrationmodel.moc"
