// The GUI window runs the router: start from the window, a client's session appears, stop says goodbye.

#include "mainwindow.h"

#include "fakepeer.h"

#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QWebSocket>

using namespace wamp;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startShowSessionsAndStop()
    {
        RouterConfig config = testRouterConfig();
        TransportConfig transport;
        transport.id = QStringLiteral("ws");
        transport.endpoint.interface = QStringLiteral("127.0.0.1");
        config.transports = {transport};
        MainWindow window(config);
        window.show();
        QVERIFY(window.startRouter());

        auto* transports = window.findChild<QTreeWidget*>(QStringLiteral("transports"));
        auto* sessions = window.findChild<QTableWidget*>(QStringLiteral("sessions"));
        QVERIFY(transports && sessions);
        QCOMPARE(transports->topLevelItemCount(), 1);
        QCOMPARE(transports->topLevelItem(0)->text(1), QStringLiteral("listening"));
        const QString url = transports->topLevelItem(0)->text(2);
        QVERIFY(url.startsWith(QStringLiteral("ws://127.0.0.1:")));

        QWebSocket client;
        QList<QString> received;
        connect(&client, &QWebSocket::textMessageReceived, this,
                [&](const QString& text) { received << text; });
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Sec-WebSocket-Protocol", "wamp.2.json");
        client.open(request);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.sendTextMessage(QStringLiteral(R"([1,"realm1",{"roles":{"caller":{}}}])"));
        QTRY_COMPARE(received.size(), 1);
        QTRY_COMPARE(sessions->rowCount(), 1);
        QCOMPARE(sessions->item(0, 1)->text(), QStringLiteral("realm1"));
        QCOMPARE(sessions->item(0, 5)->text(), QStringLiteral("json"));
        QVERIFY(received.first().startsWith(QStringLiteral("[2,") + sessions->item(0, 0)->text()));

        window.stopRouter();
        QVERIFY(!window.isRunning());
        QCOMPARE(sessions->rowCount(), 0);
        QTRY_COMPARE(received.size(), 2);
        QVERIFY(received.last().contains(QStringLiteral("wamp.close.system_shutdown")));
        QCOMPARE(transports->topLevelItem(0)->text(1), QStringLiteral("stopped"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
