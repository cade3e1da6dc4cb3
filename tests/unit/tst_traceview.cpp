// The trace widget, offscreen: filtering by type, the filter box's valid/invalid state, export of the visible
// rows as JSON Lines, the chain highlight of a selected CALL, and following the newest rows.

#include "trace/tracefilteredit.h"
#include "trace/tracefilterproxy.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"

#include "serialization/serializer.h"
#include "wamp/message.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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
    message.uri = uri;
    message.requestType = MessageType::Call;
    message.registrationId = message.subscriptionId = message.publicationId = 77;
    message.args = Value(Value::List{Value(request), Value::binary("\x01\x02")});
    TraceEntry entry;
    entry.timestampUs = 1700000000123456 + qint64(request);
    entry.sessionId = session;
    entry.realm = QStringLiteral("realm1");
    entry.transportId = QStringLiteral("ws1");
    entry.direction = direction;
    entry.type = type;
    entry.requestId = type == MessageType::Event ? 0 : request;
    entry.originSessionId = originSession;
    entry.originRequestId = originRequest;
    entry.uri = uri;
    entry.serializer = SerializerKind::MsgPack;
    entry.encoded = serializerFor(entry.serializer).encodeMessage(message);
    return entry;
}

// Rows: 0 CALL, 1 PUBLISH, 2 INVOCATION, 3 EVENT, 4 YIELD, 5 PUBLISHED, 6 CALL (another), 7 RESULT, 8 EVENT
QList<TraceEntry> traffic()
{
    return {
        makeEntry(MessageType::Call, kCaller, 1, Direction::In, "com.example.add"),
        makeEntry(MessageType::Publish, kCaller, 2, Direction::In, "com.example.topic"),
        makeEntry(MessageType::Invocation, kCallee, 500, Direction::Out, {}, kCaller, 1),
        makeEntry(MessageType::Event, kCallee, 0, Direction::Out, {}, kCaller, 2),
        makeEntry(MessageType::Yield, kCallee, 500, Direction::In),
        makeEntry(MessageType::Published, kCaller, 2, Direction::Out),
        makeEntry(MessageType::Call, kCallee, 3, Direction::In, "com.example.other"),
        makeEntry(MessageType::Result, kCaller, 1, Direction::Out),
        makeEntry(MessageType::Event, 33, 0, Direction::Out, {}, kCaller, 2),
    };
}

// The view shows new rows at most every update interval: add, then wait until the table has them.
void addAndWait(TraceView& view, const QList<TraceEntry>& entries)
{
    view.addEntries(entries);
    QTRY_COMPARE(view.model()->heldCount(), 0);
}

QStringList visibleTypes(const TraceView& view)
{
    QStringList types;
    const QAbstractItemModel* model = view.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        types << model->index(row, TraceModel::TypeColumn).data().toString();
    return types;
}

QList<int> highlightedRows(const TraceView& view)
{
    QList<int> rows;
    for (int row = 0; row < view.model()->rowCount(); ++row) {
        if (view.model()->index(row, 0).data(TraceModel::InHighlightedChainRole).toBool())
            rows << row;
    }
    return rows;
}

} // namespace

class TestTraceView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filterByType()
    {
        TraceView view;
        addAndWait(view, traffic());
        QCOMPARE(view.table()->model()->rowCount(), 9);
        view.setFilterText(QStringLiteral("type:CALL,RESULT"));
        QCOMPARE(visibleTypes(view),
                 QStringList({QStringLiteral("CALL"), QStringLiteral("CALL"), QStringLiteral("RESULT")}));
        QCOMPARE(view.filterEdit()->state(), TraceFilterEdit::State::Valid);
        // New rows go through the same filter.
        addAndWait(view, {makeEntry(MessageType::Result, kCallee, 3, Direction::Out),
                          makeEntry(MessageType::Event, 34, 0, Direction::Out, {}, kCaller, 2)});
        QCOMPARE(visibleTypes(view).size(), 4);
        view.setFilterText(QStringLiteral("-type:EVENT uri:example.topic"));
        QCOMPARE(visibleTypes(view), QStringList({QStringLiteral("PUBLISH"), QStringLiteral("PUBLISHED")}));
        view.setFilterText(QString());
        QCOMPARE(view.table()->model()->rowCount(), 11);
        QCOMPARE(view.filterEdit()->state(), TraceFilterEdit::State::Empty);
    }

    void invalidFilterIsShownAndNotApplied()
    {
        TraceView view;
        addAndWait(view, traffic());
        view.setFilterText(QStringLiteral("type:EVENT"));
        QCOMPARE(view.table()->model()->rowCount(), 2);
        const QColor valid = view.filterEdit()->palette().color(QPalette::Base);
        view.setFilterText(QStringLiteral("type:EVENT sesion:1"));
        QCOMPARE(view.filterEdit()->state(), TraceFilterEdit::State::Invalid);
        QVERIFY2(view.filterEdit()->toolTip().contains(QStringLiteral("sesion")),
                 qPrintable(view.filterEdit()->toolTip()));
        const QColor invalid = view.filterEdit()->palette().color(QPalette::Base);
        QVERIFY(invalid != valid);
        QVERIFY(invalid.red() > invalid.green());       // reddish
        QVERIFY(valid.green() > valid.red());           // greenish
        QCOMPARE(view.table()->model()->rowCount(), 2); // the last valid filter stays
        const auto statusSays = [&](const QString& text) {
            for (const QLabel* label : view.findChildren<QLabel*>()) {
                if (label->text().contains(text))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(statusSays(QStringLiteral("sesion")));
        view.setFilterText(QStringLiteral("type:EVENT"));
        QTRY_VERIFY(!statusSays(QStringLiteral("sesion")));
    }

    void typingAppliesAfterAPause()
    {
        TraceView view;
        view.show();
        addAndWait(view, traffic());
        view.filterEdit()->setFocus();
        QTest::keyClicks(view.filterEdit(), QStringLiteral("type:YIELD"));
        QCOMPARE(view.filterEdit()->state(), TraceFilterEdit::State::Valid);
        QTRY_COMPARE(view.table()->model()->rowCount(), 1);
        QTest::keyClicks(view.filterEdit(), QStringLiteral(",bogus"));
        QCOMPARE(view.filterEdit()->state(), TraceFilterEdit::State::Invalid);
    }

    void showSessionFilters()
    {
        TraceView view;
        addAndWait(view, traffic());
        view.showSession(kCallee);
        QCOMPARE(view.filterEdit()->text(), QStringLiteral("session:22"));
        QCOMPARE(visibleTypes(view), QStringList({QStringLiteral("INVOCATION"), QStringLiteral("EVENT"),
                                                  QStringLiteral("YIELD"), QStringLiteral("CALL")}));
    }

    void exportWritesTheVisibleRows()
    {
        TraceView view;
        addAndWait(view, traffic());
        view.setFilterText(QStringLiteral("type:CALL,RESULT session:11"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
        QString error;
        QCOMPARE(view.exportVisibleRows(path, &error), qsizetype(2));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the empty rest after the last newline
        QVERIFY(lines.last().isEmpty());

        QJsonParseError parseError;
        const QJsonObject call = QJsonDocument::fromJson(lines[0], &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(call.value(QStringLiteral("type")).toString(), QStringLiteral("CALL"));
        QCOMPARE(call.value(QStringLiteral("session")).toInteger(), qint64(kCaller));
        QCOMPARE(call.value(QStringLiteral("realm")).toString(), QStringLiteral("realm1"));
        QCOMPARE(call.value(QStringLiteral("transport")).toString(), QStringLiteral("ws1"));
        QCOMPARE(call.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
        QCOMPARE(call.value(QStringLiteral("serializer")).toString(), QStringLiteral("msgpack"));
        QCOMPARE(call.value(QStringLiteral("request_id")).toInteger(), 1);
        QCOMPARE(call.value(QStringLiteral("uri")).toString(), QStringLiteral("com.example.add"));
        QCOMPARE(call.value(QStringLiteral("size")).toInteger(), qint64(traffic().first().size()));
        QCOMPARE(call.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2023-11-14T22:13:20.123457Z"));
        const QJsonArray message = call.value(QStringLiteral("message")).toArray();
        QCOMPARE(message.at(0).toInt(), int(MessageType::Call));
        QCOMPARE(message.at(1).toInt(), 1);
        QCOMPARE(message.at(3).toString(), QStringLiteral("com.example.add"));
        QCOMPARE(message.at(4).toArray().at(1).toString(), QStringLiteral("AQI=")); // binary as base64

        const QJsonObject result = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("RESULT"));
        QCOMPARE(result.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(result.value(QStringLiteral("message")).toArray().at(0).toInt(), int(MessageType::Result));
    }

    void exportReportsAnUnwritablePath()
    {
        TraceView view;
        addAndWait(view, traffic());
        QString error;
        QCOMPARE(view.exportVisibleRows(QStringLiteral("/nonexistent-dir/x.jsonl"), &error), qsizetype(-1));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x.jsonl")));
    }

    void selectingACallHighlightsExactlyItsChain()
    {
        TraceView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        addAndWait(view, traffic());
        view.table()->selectRow(0);
        QCOMPARE(highlightedRows(view), QList<int>({0, 2, 4, 7}));
        const QString details = view.detailPane()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("com.example.add")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("msgpack")));
        QVERIFY(details.contains(QStringLiteral("base64")));
        QVERIFY(details.contains(QRegularExpression(QStringLiteral("Session:\\s+11"))));

        view.table()->selectRow(8); // an EVENT: its PUBLISH, the other EVENT and PUBLISHED
        QCOMPARE(highlightedRows(view), QList<int>({1, 3, 5, 8}));

        // Through a filter: rows are mapped to the model's.
        view.setFilterText(QStringLiteral("type:YIELD,RESULT"));
        view.table()->selectRow(0);
        QCOMPARE(highlightedRows(view), QList<int>({0, 2, 4, 7}));
    }

    void followsTheBottomOnlyWhileThere()
    {
        TraceView view;
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QList<TraceEntry> many;
        for (quint64 i = 1; i <= 500; ++i)
            many << makeEntry(MessageType::Subscribe, kCaller, i, Direction::In, "com.t");
        addAndWait(view, many);
        QScrollBar* bar = view.table()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        bar->setValue(10);
        addAndWait(view, many.mid(0, 50));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 10);
        bar->setValue(bar->maximum());
        addAndWait(view, many.mid(0, 50));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), bar->maximum());

        // Picking a message keeps it on screen while more arrive.
        const int picked = view.table()->model()->rowCount() - 3;
        view.table()->selectRow(picked);
        const int value = bar->value();
        addAndWait(view, many.mid(0, 50));
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), value);
        QCOMPARE(view.table()->currentIndex().row(), picked);
    }

    void followsTheBottomAfterBeingHidden()
    {
        // Like a tab that fills up before the user opens it.
        TraceView view;
        view.resize(800, 400);
        QList<TraceEntry> many;
        for (quint64 i = 1; i <= 300; ++i)
            many << makeEntry(MessageType::Subscribe, kCaller, i, Direction::In, "com.t");
        addAndWait(view, many);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        addAndWait(view, many.mid(0, 30));
        QCoreApplication::processEvents();
        QScrollBar* bar = view.table()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
    }

    void scrolledUpRowsStayPutWhenTheRingDrops()
    {
        TraceView view;
        view.model()->setCapacity(300);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QList<TraceEntry> many;
        for (quint64 i = 1; i <= 300; ++i)
            many << makeEntry(MessageType::Subscribe, kCaller, i, Direction::In, "com.t");
        addAndWait(view, many);
        QScrollBar* bar = view.table()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(100);
        const QModelIndex top = view.table()->indexAt(QPoint(5, 5));
        const quint64 request = view.model()->entryAt(top.row()).requestId;
        addAndWait(view, many.mid(0, 40)); // 40 oldest rows leave
        QCoreApplication::processEvents();
        const QModelIndex topNow = view.table()->indexAt(QPoint(5, 5));
        QCOMPARE(view.model()->entryAt(topNow.row()).requestId, request);
    }

    void setTraceEnabledActsAsTheTracingButton()
    {
        TraceView view;
        QSignalSpy switched(&view, &TraceView::traceEnabledChanged);
        QAction* tracing = nullptr;
        for (QAction* action : view.findChildren<QAction*>()) {
            if (action->isCheckable() && action->text() == QStringLiteral("Tracing"))
                tracing = action;
        }
        QVERIFY(tracing);
        QVERIFY(tracing->isChecked());
        view.setTraceEnabled(false);
        QVERIFY(!tracing->isChecked());
        view.setTraceEnabled(false); // no change, no signal
        view.setTraceEnabled(true);
        QCOMPARE(switched.size(), 2);
        QCOMPARE(switched[0][0].toBool(), false);
        QCOMPARE(switched[1][0].toBool(), true);
    }

    void transportMenuSwitchesTracing()
    {
        TraceView view;
        QSignalSpy toggled(&view, &TraceView::transportTraceChanged);
        TransportStatus ws;
        ws.id = QStringLiteral("ws1");
        ws.listening = true;
        ws.address = QStringLiteral("ws://127.0.0.1:8080");
        TransportStatus rs;
        rs.id = QStringLiteral("rs1");
        view.setTransports({ws, rs});
        auto* button = view.findChild<QToolButton*>();
        QVERIFY(button);
        const QList<QToolButton*> buttons = view.findChildren<QToolButton*>();
        QMenu* menu = nullptr;
        for (QToolButton* candidate : buttons) {
            if (candidate->menu())
                menu = candidate->menu();
        }
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 2);
        menu->actions().at(1)->trigger();
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled[0][0].toString(), QStringLiteral("rs1"));
        QCOMPARE(toggled[0][1].toBool(), false);
        view.setTransports({ws, rs}); // the choice survives an update
        QVERIFY(!menu->actions().at(1)->isChecked());
        QVERIFY(menu->actions().at(0)->isChecked());
    }
};

QTEST_MAIN(TestTraceView)
#include "tst_traceview.moc"
