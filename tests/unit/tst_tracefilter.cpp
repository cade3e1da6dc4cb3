// The trace's filter language: what parses, what does not and why, and which rows each expression keeps.

#include "trace/tracefilter.h"

#include "wamp/messagetype.h"

#include <QTest>

Q_DECLARE_METATYPE(TraceRowFields)

using namespace wamp;
using Direction = TraceEntry::Direction;

namespace {

TraceRowFields row(MessageType type, quint64 session = 5, const QString& realm = QStringLiteral("realm1"),
                   const QByteArray& uri = "com.example.add", Direction direction = Direction::In,
                   const QString& transport = QStringLiteral("ws1"))
{
    TraceRowFields fields;
    fields.type = int(type);
    fields.session = session;
    fields.realm = realm;
    fields.uri = uri;
    fields.direction = direction;
    fields.transport = transport;
    return fields;
}

} // namespace

class TestTraceFilter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("errorMentions");

        const QString none;
        QTest::newRow("empty") << QString() << true << none;
        QTest::newRow("spaces only") << QStringLiteral("   ") << true << none;
        QTest::newRow("type") << QStringLiteral("type:CALL") << true << none;
        QTest::newRow("types, lower case") << QStringLiteral("type:call,result") << true << none;
        QTest::newRow("type by code") << QStringLiteral("type:48") << true << none;
        QTest::newRow("type invalid") << QStringLiteral("type:invalid") << true << none;
        QTest::newRow("unknown type") << QStringLiteral("type:FOO") << false << QStringLiteral("\"FOO\"");
        QTest::newRow("unknown type code") << QStringLiteral("type:7") << false << QStringLiteral("\"7\"");
        QTest::newRow("one bad type of two")
            << QStringLiteral("type:CALL,RESUL") << false << QStringLiteral("\"RESUL\"");
        QTest::newRow("type without value")
            << QStringLiteral("type:") << false << QStringLiteral("needs a value");
        QTest::newRow("only commas") << QStringLiteral("type:,,") << false << QStringLiteral("needs a value");
        QTest::newRow("session") << QStringLiteral("session:123") << true << none;
        QTest::newRow("sessions") << QStringLiteral("session:1,2") << true << none;
        QTest::newRow("session not a number")
            << QStringLiteral("session:abc") << false << QStringLiteral("\"abc\" is not a session id");
        QTest::newRow("negative session")
            << QStringLiteral("session:-5") << false << QStringLiteral("\"-5\"");
        QTest::newRow("realm") << QStringLiteral("realm:realm1") << true << none;
        QTest::newRow("uri") << QStringLiteral("uri:com.example") << true << none;
        QTest::newRow("bare word") << QStringLiteral("com.example") << true << none;
        QTest::newRow("dir in") << QStringLiteral("dir:in") << true << none;
        QTest::newRow("direction OUT") << QStringLiteral("direction:OUT") << true << none;
        QTest::newRow("bad direction") << QStringLiteral("dir:up") << false << QStringLiteral("\"up\"");
        QTest::newRow("transport") << QStringLiteral("transport:ws1") << true << none;
        QTest::newRow("negation") << QStringLiteral("-type:EVENT") << true << none;
        QTest::newRow("negated bare word") << QStringLiteral("-heartbeat") << true << none;
        QTest::newRow("lone minus") << QStringLiteral("type:CALL -") << false << QStringLiteral("negates");
        QTest::newRow("unknown key") << QStringLiteral("colour:red") << false << QStringLiteral("\"colour\"");
        QTest::newRow("empty key") << QStringLiteral(":x") << false << QStringLiteral("Unknown key");
        QTest::newRow("key case") << QStringLiteral("TYPE:call Session:1") << true << none;
        QTest::newRow("several terms") << QStringLiteral("  type:CALL  uri:x   -session:3 ") << true << none;
        QTest::newRow("error in a later term")
            << QStringLiteral("type:CALL session:x") << false << QStringLiteral("\"x\"");
    }

    void parse()
    {
        QFETCH(QString, expression);
        QFETCH(bool, valid);
        QFETCH(QString, errorMentions);
        const TraceFilter filter = TraceFilter::parse(expression);
        QCOMPARE(filter.isValid(), valid);
        if (valid) {
            QVERIFY(filter.errorMessage().isEmpty());
        } else {
            QVERIFY2(filter.errorMessage().contains(errorMentions), qPrintable(filter.errorMessage()));
        }
    }

    void matches_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<TraceRowFields>("fields");
        QTest::addColumn<bool>("matches");

        const auto call = row(MessageType::Call);
        QTest::newRow("empty keeps all") << QString() << call << true;
        QTest::newRow("type") << QStringLiteral("type:CALL") << call << true;
        QTest::newRow("other type") << QStringLiteral("type:CALL") << row(MessageType::Result) << false;
        QTest::newRow("type list") << QStringLiteral("type:call,result") << row(MessageType::Result) << true;
        QTest::newRow("type by code") << QStringLiteral("type:36") << row(MessageType::Event) << true;
        QTest::newRow("not EVENT, an EVENT")
            << QStringLiteral("-type:EVENT") << row(MessageType::Event) << false;
        QTest::newRow("not EVENT, a CALL") << QStringLiteral("-type:EVENT") << call << true;
        TraceRowFields undecodable = call;
        undecodable.type = -1;
        QTest::newRow("invalid") << QStringLiteral("type:invalid") << undecodable << true;
        QTest::newRow("invalid, a CALL") << QStringLiteral("type:invalid") << call << false;
        QTest::newRow("session") << QStringLiteral("session:5") << call << true;
        QTest::newRow("other session") << QStringLiteral("session:6") << call << false;
        QTest::newRow("session list") << QStringLiteral("session:6,5") << call << true;
        QTest::newRow("big session id") << QStringLiteral("session:9007199254740992")
                                        << row(MessageType::Call, 9007199254740992ULL) << true;
        QTest::newRow("realm") << QStringLiteral("realm:realm1") << call << true;
        QTest::newRow("realm is exact") << QStringLiteral("realm:realm") << call << false;
        QTest::newRow("uri substring") << QStringLiteral("uri:example") << call << true;
        QTest::newRow("uri any case") << QStringLiteral("uri:EXAMPLE.Add") << call << true;
        QTest::newRow("uri not found") << QStringLiteral("uri:example.sub") << call << false;
        QTest::newRow("uri list") << QStringLiteral("uri:nothing,add") << call << true;
        QTest::newRow("bare word") << QStringLiteral("example") << call << true;
        QTest::newRow("negated bare word") << QStringLiteral("-example") << call << false;
        QTest::newRow("non-ASCII uri") << QStringLiteral(u"uri:gr\u00f6\u00dfe")
                                       << row(MessageType::Call, 5, QStringLiteral("realm1"),
                                              QStringLiteral(u"com.GR\u00d6\u00dfe.x").toUtf8())
                                       << true;
        QTest::newRow("non-ASCII needle, ASCII uri") << QStringLiteral(u"\u00e9") << call << false;
        QTest::newRow("dir in") << QStringLiteral("dir:in") << call << true;
        QTest::newRow("dir out") << QStringLiteral("dir:out") << call << false;
        QTest::newRow("transport") << QStringLiteral("transport:ws1") << call << true;
        QTest::newRow("other transport") << QStringLiteral("transport:rs") << call << false;
        QTest::newRow("all terms hold")
            << QStringLiteral("type:CALL session:5 dir:in uri:add") << call << true;
        QTest::newRow("one term fails") << QStringLiteral("type:CALL session:5 dir:out") << call << false;
    }

    void matches()
    {
        QFETCH(QString, expression);
        QFETCH(TraceRowFields, fields);
        QFETCH(bool, matches);
        const TraceFilter filter = TraceFilter::parse(expression);
        QVERIFY(filter.isValid());
        QCOMPARE(filter.matches(fields), matches);
    }

    void emptyFilterIsEmpty()
    {
        QVERIFY(TraceFilter().isEmpty());
        QVERIFY(TraceFilter::parse(QStringLiteral("  ")).isEmpty());
        QVERIFY(!TraceFilter::parse(QStringLiteral("type:CALL")).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestTraceFilter)
#include "tst_tracefilter.moc"
