// The GUI window runs the router behind RouterController: start from the window, a real client's session
// appears with its counters, "Kill session" ends it with the reason from the dialog, transport errors show in
// the status bar and next to the transport, stop says goodbye, and the window remembers its layout.

#include "mainwindow.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"

#include "fakepeer.h"
#include "jsonwampclient.h"
#include "sessions/sessionmodel.h"
#include "sessions/sessionsview.h"
#include "status/routerstatusbar.h"
#include "status/transportstatusview.h"

#include <QAction>
#include <QInputDialog>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace wamp;

namespace {

RouterConfig localConfig(quint16 port = 0)
{
    RouterConfig config = testRouterConfig();
    TransportConfig transport;
    transport.id = QStringLiteral("ws");
    transport.endpoint.interface = QStringLiteral("127.0.0.1");
    transport.endpoint.port = port;
    config.transports = {transport};
    return config;
}

QString cell(const QTableView& view, int row, int column)
{
    return view.model()->index(row, column).data().toString();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void startSessionAppearsKillAndStop()
    {
        MainWindow window(localConfig());
        window.show();
        auto* transports = window.findChild<TransportStatusView*>(QStringLiteral("transports"));
        auto* sessions = window.findChild<QTableView*>(QStringLiteral("sessions"));
        auto* statusBar = window.findChild<RouterStatusBar*>();
        QVERIFY(transports && sessions && statusBar);
        QCOMPARE(transports->topLevelItem(0)->text(TransportStatusView::StateColumn),
                 QStringLiteral("not started"));
        QCOMPARE(statusBar->endpointsText(), QStringLiteral("Router stopped"));

        window.startRouter();
        QVERIFY(window.isRunning());
        QTRY_COMPARE(transports->topLevelItem(0)->text(TransportStatusView::StateColumn),
                     QStringLiteral("listening"));
        const QString url = transports->topLevelItem(0)->text(TransportStatusView::AddressColumn);
        QVERIFY(url.startsWith(QStringLiteral("ws://127.0.0.1:")));
        QCOMPARE(statusBar->endpointsText(), QStringLiteral("Listening on ") + url);
        QCOMPARE(statusBar->sessionsText(), QStringLiteral("Sessions: 0"));

        JsonWampClient client;
        const quint64 id = client.join(url);
        QVERIFY(id);
        QTRY_COMPARE(sessions->model()->rowCount(), 1);
        QCOMPARE(cell(*sessions, 0, SessionModel::IdColumn), QString::number(id));
        QCOMPARE(cell(*sessions, 0, SessionModel::RealmColumn), QStringLiteral("realm1"));
        QCOMPARE(cell(*sessions, 0, SessionModel::SerializerColumn), QStringLiteral("json"));
        QCOMPARE(cell(*sessions, 0, SessionModel::TransportColumn), QStringLiteral("ws (websocket)"));
        QCOMPARE(statusBar->sessionsText(), QStringLiteral("Sessions: 1"));

        // Counters arrive with the next snapshot: a SUBSCRIBE makes 2 in, 2 out, 1 subscription.
        client.send({32, 1, QJsonObject{}, QStringLiteral("com.example.topic")});
        QCOMPARE(client.next().at(0).toInt(), 33);
        QTRY_COMPARE(cell(*sessions, 0, SessionModel::SubscriptionsColumn), QStringLiteral("1"));
        QCOMPARE(cell(*sessions, 0, SessionModel::MessagesInColumn), QStringLiteral("2"));
        QCOMPARE(cell(*sessions, 0, SessionModel::MessagesOutColumn), QStringLiteral("2"));
        auto* subscriptions = window.findChild<QTableView*>(QStringLiteral("subscriptions"));
        QVERIFY(subscriptions);
        QCOMPARE(subscriptions->model()->rowCount(), 1);

        SessionsView* view = window.sessionsView();
        QVERIFY(!view->killAction()->isEnabled());
        sessions->selectRow(0);
        QCOMPARE(view->selectedSessionId(), id);
        QVERIFY(view->killAction()->isEnabled());

        QSignalSpy traceRequested(view, &SessionsView::traceRequested);
        view->traceAction()->trigger();
        QCOMPARE(traceRequested.size(), 1);
        QCOMPARE(traceRequested.first().first().toULongLong(), id);

        // The selection survives the snapshots that keep refreshing the row.
        QTest::qWait(2 * RouterController::kSnapshotIntervalMs);
        QCOMPARE(view->selectedSessionId(), id);

        view->killAction()->trigger();
        auto* dialog = view->findChild<QInputDialog*>(QStringLiteral("killDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->textValue(), SessionsView::defaultKillReason());
        dialog->accept();
        const QJsonArray goodbye = client.next();
        QCOMPARE(goodbye.at(0).toInt(), 6);
        QCOMPARE(goodbye.at(2).toString(), QStringLiteral("wamp.close.killed"));
        QCOMPARE(goodbye.at(1).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("killed from the inspector"));
        QTRY_COMPARE(sessions->model()->rowCount(), 0);
        QVERIFY(!view->killAction()->isEnabled());
        QTRY_COMPARE(subscriptions->model()->rowCount(), 0);
        client.send({6, QJsonObject{}, QStringLiteral("wamp.close.goodbye_and_out")});

        // A second client, then stop: it gets GOODBYE system_shutdown and leaves the table.
        JsonWampClient second;
        QVERIFY(second.join(url));
        QTRY_COMPARE(sessions->model()->rowCount(), 1);
        window.stopRouter();
        QVERIFY(!window.isRunning());
        QCOMPARE(second.next().at(2).toString(), QStringLiteral("wamp.close.system_shutdown"));
        QTRY_COMPARE(sessions->model()->rowCount(), 0);
        QTRY_COMPARE(transports->topLevelItem(0)->text(TransportStatusView::StateColumn),
                     QStringLiteral("stopped"));
        QCOMPARE(statusBar->endpointsText(), QStringLiteral("Router stopped"));
    }

    void tracingCanBeSwitchedOffPerSession()
    {
        MainWindow window(localConfig());
        window.show();
        window.startRouter();
        auto* transports = window.findChild<TransportStatusView*>(QStringLiteral("transports"));
        auto* sessions = window.findChild<QTableView*>(QStringLiteral("sessions"));
        auto* trace = window.findChild<TraceView*>();
        QVERIFY(transports && sessions && trace);
        QTRY_COMPARE(transports->topLevelItem(0)->text(TransportStatusView::StateColumn),
                     QStringLiteral("listening"));
        const QString url = transports->topLevelItem(0)->text(TransportStatusView::AddressColumn);
        JsonWampClient muted;
        JsonWampClient heard;
        const quint64 mutedId = muted.join(url);
        QVERIFY(mutedId && heard.join(url));
        QTRY_COMPARE(sessions->model()->rowCount(), 2);
        QTRY_COMPARE(trace->model()->rowCount(), 4); // two HELLO/WELCOME pairs

        SessionsView* view = window.sessionsView();
        for (int row = 0; row < 2; ++row) {
            sessions->selectRow(row);
            if (view->selectedSessionId() == mutedId)
                break;
        }
        QCOMPARE(view->selectedSessionId(), mutedId);
        QVERIFY(view->recordTraceAction()->isEnabled());
        QVERIFY(view->recordTraceAction()->isChecked());
        view->recordTraceAction()->trigger(); // off
        QVERIFY(!view->recordTraceAction()->isChecked());

        // The switch travels to the router's thread; a round trip of the heard session orders after it.
        muted.send({32, 1, QJsonObject{}, QStringLiteral("com.example.muted")});
        QCOMPARE(muted.next().at(0).toInt(), 33);
        heard.send({32, 1, QJsonObject{}, QStringLiteral("com.example.heard")});
        QCOMPARE(heard.next().at(0).toInt(), 33);
        QTRY_COMPARE(trace->model()->rowCount(), 6); // only the heard SUBSCRIBE/SUBSCRIBED
        QTest::qWait(300);
        QCOMPARE(trace->model()->rowCount(), 6);
    }

    // A third-party client (Autobahn|Python) against the window's router: its session appears, its CALL and
    // RESULT appear in the trace, and killing it from the inspector ends its session.
    void autobahnPythonSessionCallTraceAndKill()
    {
        MainWindow window(localConfig());
        window.show();
        window.startRouter();
        auto* transports = window.findChild<TransportStatusView*>(QStringLiteral("transports"));
        auto* sessions = window.findChild<QTableView*>(QStringLiteral("sessions"));
        auto* trace = window.findChild<TraceView*>();
        QVERIFY(transports && sessions && trace);
        QTRY_COMPARE(transports->topLevelItem(0)->text(TransportStatusView::StateColumn),
                     QStringLiteral("listening"));
        const QString url = transports->topLevelItem(0)->text(TransportStatusView::AddressColumn);

        const QString script = QStringLiteral(R"(
import asyncio, sys
from autobahn.asyncio.wamp import ApplicationSession, ApplicationRunner
class Client(ApplicationSession):
    async def onJoin(self, details):
        await self.register(lambda a, b: a + b, 'com.example.add2')
        print('result', await self.call('com.example.add2', 2, 3), flush=True)
    def onLeave(self, details):
        print('left', details.reason, flush=True)
        self.disconnect()
    def onDisconnect(self):
        asyncio.get_event_loop().stop()
ApplicationRunner(sys.argv[1], 'realm1').run(Client)
)");
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, url});
        QVERIFY(client.waitForStarted());
        QByteArray output;
        connect(&client, &QProcess::readyRead, this, [&] { output += client.readAll(); });

        QTRY_COMPARE_WITH_TIMEOUT(sessions->model()->rowCount(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(output.contains("result 5"), 15000);
        const auto typesInTrace = [&] {
            QStringList types;
            for (int row = 0; row < trace->model()->rowCount(); ++row)
                types << trace->model()->index(row, TraceModel::TypeColumn).data().toString();
            return types;
        };
        QTRY_VERIFY(typesInTrace().contains(QStringLiteral("RESULT")));
        const QStringList types = typesInTrace();
        for (const char* expected :
             {"HELLO", "WELCOME", "REGISTER", "REGISTERED", "CALL", "INVOCATION", "YIELD"})
            QVERIFY2(types.contains(QLatin1StringView(expected)), expected);

        sessions->selectRow(0);
        const quint64 id = window.sessionsView()->selectedSessionId();
        QVERIFY(id);
        window.controller().killSession(id, QStringLiteral("killed by the test"));
        QTRY_COMPARE(sessions->model()->rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(output.contains("left wamp.close.killed"), 10000);
        // It may have ended while the line above waited (waitForFinished() is false for an ended process).
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QProcess::NotRunning, 10000);
        QCOMPARE(client.exitStatus(), QProcess::NormalExit);
    }

    void transportErrorShowsInStatusBarAndTransportList()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost));
        MainWindow window(localConfig(blocker.serverPort()));
        window.show();
        window.startRouter();
        auto* transports = window.findChild<TransportStatusView*>(QStringLiteral("transports"));
        auto* statusBar = window.findChild<RouterStatusBar*>();
        QTRY_COMPARE(transports->topLevelItem(0)->text(TransportStatusView::StateColumn),
                     QStringLiteral("failed"));
        const QString error = transports->topLevelItem(0)->text(TransportStatusView::AddressColumn);
        QVERIFY(!error.isEmpty());
        QCOMPARE(statusBar->errorText(), QStringLiteral("ws failed: ") + error);
        QCOMPARE(statusBar->endpointsText(), QStringLiteral("Not listening"));
    }

    void routerActionsFollowState()
    {
        MainWindow window(localConfig());
        auto* start = window.findChild<QAction*>(QStringLiteral("startRouter"));
        auto* stop = window.findChild<QAction*>(QStringLiteral("stopRouter"));
        auto* apply = window.findChild<QAction*>(QStringLiteral("applyChanges"));
        QVERIFY(start && stop && apply);
        QVERIFY(start->isEnabled() && !stop->isEnabled() && !apply->isEnabled());
        QSignalSpy transports(&window.controller(), &RouterController::transportsChanged);
        start->trigger();
        QVERIFY(!start->isEnabled() && stop->isEnabled() && apply->isEnabled());
        QTRY_COMPARE(transports.size(), 1);

        RouterConfig changed = localConfig();
        changed.transports.first().id = QStringLiteral("renamed");
        window.setConfig(changed);
        apply->trigger();
        QTRY_COMPARE(transports.size(), 2);
        const auto statuses = transports.last().first().value<QList<TransportStatus>>();
        QCOMPARE(statuses.size(), 1);
        QCOMPARE(statuses.first().id, QStringLiteral("renamed"));
        stop->trigger();
        QVERIFY(start->isEnabled() && !stop->isEnabled());
        QVERIFY(window.fileMenu());
    }

    void remembersGeometryAndTab()
    {
        {
            MainWindow window(localConfig());
            window.show();
            window.resize(930, 610);
            window.tabs()->setCurrentIndex(2);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        MainWindow window(localConfig());
        QCOMPARE(window.size(), QSize(930, 610));
        QCOMPARE(window.tabs()->currentIndex(), 2);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
