// The live sessions table: rows added on join, counters refreshed in place from snapshots (no reset, so
// selections and persistent indexes survive), removed on leave; numeric columns sort as numbers.

#include "sessions/sessionmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace wamp;

namespace {

SessionInfo session(quint64 id, quint64 messagesIn = 0)
{
    SessionInfo info;
    info.id = id;
    info.realm = QStringLiteral("realm1");
    info.authid = QStringLiteral("AUTH%1").arg(id);
    info.authrole = QStringLiteral("anonymous");
    info.authmethod = QStringLiteral("anonymous");
    info.transportId = QStringLiteral("ws");
    info.transportType = QStringLiteral("websocket");
    info.serializer = QStringLiteral("json");
    info.peerAddress = QStringLiteral("127.0.0.1:5000");
    info.joinedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 15), Qt::LocalTime);
    info.messagesIn = messagesIn;
    return info;
}

RouterSnapshot snapshotOf(const QList<SessionInfo>& sessions)
{
    RouterSnapshot snapshot;
    snapshot.sessions = sessions;
    return snapshot;
}

QList<quint64> idsInOrder(const QAbstractItemModel& model)
{
    QList<quint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(SessionModel::SessionIdRole).toULongLong());
    return ids;
}

} // namespace

class TestSessionModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<SessionModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void columns_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("display");

        const QLocale locale;
        QTest::newRow("id") << int(SessionModel::IdColumn) << "Session"
                            << "42";
        QTest::newRow("realm") << int(SessionModel::RealmColumn) << "Realm"
                               << "realm1";
        QTest::newRow("authid") << int(SessionModel::AuthidColumn) << "Auth ID"
                                << "AUTH42";
        QTest::newRow("authrole") << int(SessionModel::AuthroleColumn) << "Auth role"
                                  << "anonymous";
        QTest::newRow("transport") << int(SessionModel::TransportColumn) << "Transport"
                                   << "ws (websocket)";
        QTest::newRow("serializer") << int(SessionModel::SerializerColumn) << "Serializer"
                                    << "json";
        QTest::newRow("peer") << int(SessionModel::PeerColumn) << "Peer address"
                              << "127.0.0.1:5000";
        QTest::newRow("joined") << int(SessionModel::JoinedColumn) << "Joined at"
                                << "2024-05-01 12:30:15";
        QTest::newRow("messages in") << int(SessionModel::MessagesInColumn) << "Msgs in"
                                     << locale.toString(12345);
        QTest::newRow("messages out") << int(SessionModel::MessagesOutColumn) << "Msgs out"
                                      << "7";
        QTest::newRow("bytes in") << int(SessionModel::BytesInColumn) << "Bytes in"
                                  << locale.formattedDataSize(2048);
        QTest::newRow("bytes out") << int(SessionModel::BytesOutColumn) << "Bytes out"
                                   << locale.formattedDataSize(100);
        QTest::newRow("subscriptions") << int(SessionModel::SubscriptionsColumn) << "Subs"
                                       << "3";
        QTest::newRow("registrations") << int(SessionModel::RegistrationsColumn) << "Regs"
                                       << "1";
    }
    void columns()
    {
        QFETCH(int, column);
        QFETCH(QString, header);
        QFETCH(QString, display);

        SessionInfo info = session(42, 12345);
        info.messagesOut = 7;
        info.bytesIn = 2048;
        info.bytesOut = 100;
        info.subscriptionCount = 3;
        info.registrationCount = 1;
        m_model->addSession(info);
        QCOMPARE(m_model->columnCount(), int(SessionModel::ColumnCount));
        QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), header);
        QCOMPARE(m_model->index(0, column).data().toString(), display);
        QCOMPARE(m_model->index(0, column).data(SessionModel::SessionIdRole).toULongLong(), quint64(42));
    }

    void transportAndTimeAreShort()
    {
        SessionInfo info = session(1);
        info.transportId = QStringLiteral("websocket");
        info.joinedAt = QDateTime(QDate::currentDate(), QTime(9, 5, 7));
        m_model->addSession(info);
        QCOMPARE(m_model->index(0, SessionModel::TransportColumn).data().toString(),
                 QStringLiteral("websocket"));
        QCOMPARE(m_model->index(0, SessionModel::JoinedColumn).data().toString(), QStringLiteral("09:05:07"));
        QVERIFY(!m_model->index(0, SessionModel::JoinedColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!m_model->headerData(SessionModel::SubscriptionsColumn, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }

    void joinAndLeave()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->addSession(session(1));
        m_model->addSession(session(2));
        m_model->addSession(session(3));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(inserted.size(), 3);

        m_model->removeSession(session(2));
        QCOMPARE(idsInOrder(*m_model), (QList<quint64>{1, 3}));
        QCOMPARE(m_model->rowOf(3), 1);
        QVERIFY(!m_model->contains(2));
        m_model->removeSession(session(99)); // unknown: nothing happens
        QCOMPARE(m_model->rowCount(), 2);
    }

    void snapshotUpdatesInPlace()
    {
        m_model->addSession(session(1));
        m_model->addSession(session(2));
        const QPersistentModelIndex second = m_model->index(1, SessionModel::MessagesInColumn);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

        m_model->applySnapshot(snapshotOf({session(1), session(2, 10)}));
        QCOMPARE(changed.size(), 1); // only the row that changed
        QCOMPARE(changed.first().first().toModelIndex().row(), 1);
        QVERIFY(inserted.isEmpty() && removed.isEmpty() && reset.isEmpty());
        QVERIFY(second.isValid());
        QCOMPARE(second.row(), 1);
        QCOMPARE(second.data().toString(), QStringLiteral("10"));

        // A snapshot without session 1 and with a new session 4: one removed, one added, 2 kept.
        m_model->applySnapshot(snapshotOf({session(2, 11), session(4)}));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(reset.isEmpty());
        QCOMPARE(idsInOrder(*m_model), (QList<quint64>{2, 4}));
        QVERIFY(second.isValid());
        QCOMPARE(second.row(), 0);
        QCOMPARE(second.data().toString(), QStringLiteral("11"));

        m_model->applySnapshot(RouterSnapshot{});
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(reset.isEmpty());
    }

    void snapshotChangesAreBatched()
    {
        for (quint64 id = 1; id <= 4; ++id)
            m_model->addSession(session(id));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        // Rows 0, 1 and 3 change (in the snapshot's own order), two sessions are new.
        m_model->applySnapshot(
            snapshotOf({session(6), session(4, 1), session(3), session(2, 1), session(1, 1), session(5)}));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed[0][0].toModelIndex().row(), 0);
        QCOMPARE(changed[0][1].toModelIndex().row(), 1);
        QCOMPARE(changed[1][0].toModelIndex().row(), 3);
        QCOMPARE(changed[1][1].toModelIndex().column(), SessionModel::ColumnCount - 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(idsInOrder(*m_model), (QList<quint64>{1, 2, 3, 4, 6, 5}));
        QCOMPARE(m_model->rowOf(5), 5);
    }

    void snapshotRemovesRunsOfRows()
    {
        for (quint64 id = 1; id <= 8; ++id)
            m_model->addSession(session(id));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_model->applySnapshot(snapshotOf({session(1), session(4), session(8)}));
        QCOMPARE(removed.size(), 2); // 5-7 and 2-3, one signal per run
        QCOMPARE(idsInOrder(*m_model), (QList<quint64>{1, 4, 8}));
        QCOMPARE(m_model->rowOf(8), 2);
    }

    void numericColumnsSortAsNumbers_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("session id") << int(SessionModel::IdColumn);
        QTest::newRow("messages in") << int(SessionModel::MessagesInColumn);
        QTest::newRow("bytes in") << int(SessionModel::BytesInColumn);
    }
    void numericColumnsSortAsNumbers()
    {
        QFETCH(int, column);
        // As text, "10" < "9" and "1.0 KiB" < "900 bytes".
        for (quint64 value : {900, 10, 9, 1024}) {
            SessionInfo info = session(value, value);
            info.bytesIn = value;
            m_model->addSession(info);
        }
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(m_model.get());
        proxy.setSortRole(SessionModel::SortRole);
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy), (QList<quint64>{9, 10, 900, 1024}));

        // Sorted views follow updates in place.
        SessionInfo grown = session(9, 5000);
        grown.bytesIn = 5000;
        m_model->applySnapshot(snapshotOf({session(900, 900), session(10, 10), grown, session(1024, 1024)}));
        if (column != SessionModel::IdColumn)
            QCOMPARE(idsInOrder(proxy).last(), quint64(9));
    }

private:
    std::unique_ptr<SessionModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestSessionModel)
#include "tst_sessionmodel.moc"
