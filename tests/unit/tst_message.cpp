#include "wamp/message.h"

#include <QSet>
#include <QTest>

#include <limits>
#include <vector>

using namespace wamp;

Q_DECLARE_METATYPE(wamp::Value)
Q_DECLARE_METATYPE(wamp::Message)

namespace wamp {
// Lets QCOMPARE print both sides of a failed Value comparison.
char* toString(const Value& value)
{
    return qstrdup(value.toDebugString().toUtf8().constData());
}

char* toString(MessageType type)
{
    const char* name = messageTypeName(type);
    return qstrdup(name ? name : QByteArray::number(int(type)).constData());
}
} // namespace wamp

namespace {

Value list(std::initializer_list<Value> items)
{
    return Value(Value::List(items));
}

Value dict(QByteArray key, Value value)
{
    return DictBuilder().add(std::move(key), std::move(value)).build();
}

const Value kEmptyDict = Value(Value::Dict{});
const Value kEmptyList = Value(Value::List{});
constexpr quint64 kUInt64Max = std::numeric_limits<quint64>::max();

// A message with only the members a row sets; everything else keeps Message's defaults.
Message make(MessageType type)
{
    Message m;
    m.type = type;
    return m;
}

struct ValidRow {
    const char* name;
    Value wire;
    Message expected;
};

std::vector<ValidRow> validRows()
{
    std::vector<ValidRow> rows;
    const auto add = [&rows](const char* name, Value wire, Message expected) {
        rows.push_back({name, std::move(wire), std::move(expected)});
    };
    const Value roles = dict("roles", dict("caller", kEmptyDict));
    const Value args = list({1, "two", list({})});
    const Value kwargs = DictBuilder().add("z", 1).add("a", Value()).build();
    const Value payload = Value::binary(QByteArray("\x00\x01\xfe\xff", 4));
    Message m;

    m = make(MessageType::Hello);
    m.uri = "com.example.realm";
    m.details = roles;
    add("HELLO", list({1, "com.example.realm", roles}), m);

    m = make(MessageType::Welcome);
    m.sessionId = 9129137332;
    m.details = roles;
    add("WELCOME", list({2, Value(quint64(9129137332)), roles}), m);

    m = make(MessageType::Abort);
    m.details = dict("message", "bye");
    m.uri = "wamp.error.no_such_realm";
    add("ABORT", list({3, dict("message", "bye"), "wamp.error.no_such_realm"}), m);

    m = make(MessageType::Challenge);
    m.uri = "wampcra";
    m.details = dict("challenge", "{}");
    add("CHALLENGE", list({4, "wampcra", dict("challenge", "{}")}), m);

    m = make(MessageType::Authenticate);
    m.uri = "gir1mSx+deCDUV7FgLvsQNTi6n3W/Z/WcZ/OT9RwdZY=";
    add("AUTHENTICATE", list({5, "gir1mSx+deCDUV7FgLvsQNTi6n3W/Z/WcZ/OT9RwdZY=", kEmptyDict}), m);

    m = make(MessageType::Goodbye);
    m.uri = "wamp.close.normal";
    add("GOODBYE", list({6, kEmptyDict, "wamp.close.normal"}), m);

    m = make(MessageType::Error);
    m.requestType = MessageType::Call;
    m.requestId = 7814135;
    m.uri = "com.myapp.error";
    add("ERROR", list({8, 48, 7814135, kEmptyDict, "com.myapp.error"}), m);
    m.args = args;
    add("ERROR with args", list({8, 48, 7814135, kEmptyDict, "com.myapp.error", args}), m);
    m.kwargs = kwargs;
    add("ERROR with args and kwargs", list({8, 48, 7814135, kEmptyDict, "com.myapp.error", args, kwargs}), m);

    m = make(MessageType::Publish);
    m.requestId = 239714735;
    m.details = dict("acknowledge", true);
    m.uri = "com.myapp.mytopic1";
    add("PUBLISH", list({16, 239714735, dict("acknowledge", true), "com.myapp.mytopic1"}), m);
    m.args = args;
    add("PUBLISH with args", list({16, 239714735, dict("acknowledge", true), "com.myapp.mytopic1", args}), m);
    m.kwargs = kwargs;
    add("PUBLISH with args and kwargs",
        list({16, 239714735, dict("acknowledge", true), "com.myapp.mytopic1", args, kwargs}), m);
    m.args = kEmptyList;
    add("PUBLISH with empty args and kwargs",
        list({16, 239714735, dict("acknowledge", true), "com.myapp.mytopic1", kEmptyList, kwargs}), m);
    m.args = payload;
    m.kwargs = Value();
    add("PUBLISH with binary payload (passthru)",
        list({16, 239714735, dict("acknowledge", true), "com.myapp.mytopic1", payload}), m);

    m = make(MessageType::Published);
    m.requestId = 239714735;
    m.publicationId = 4429313566;
    add("PUBLISHED", list({17, 239714735, Value(quint64(4429313566))}), m);

    m = make(MessageType::Subscribe);
    m.requestId = 713845233;
    m.details = dict("match", "prefix");
    m.uri = "com.myapp";
    add("SUBSCRIBE", list({32, 713845233, dict("match", "prefix"), "com.myapp"}), m);

    m = make(MessageType::Subscribed);
    m.requestId = 713845233;
    m.subscriptionId = 5512315355;
    add("SUBSCRIBED", list({33, 713845233, Value(quint64(5512315355))}), m);

    m = make(MessageType::Unsubscribe);
    m.requestId = 85346237;
    m.subscriptionId = 5512315355;
    add("UNSUBSCRIBE", list({34, 85346237, Value(quint64(5512315355))}), m);

    m = make(MessageType::Unsubscribed);
    m.requestId = 85346237;
    add("UNSUBSCRIBED", list({35, 85346237}), m);
    m.details = dict("reason", "wamp.close.killed");
    add("UNSUBSCRIBED with Details", list({35, 85346237, dict("reason", "wamp.close.killed")}), m);

    m = make(MessageType::Event);
    m.subscriptionId = 5512315355;
    m.publicationId = 4429313566;
    add("EVENT", list({36, Value(quint64(5512315355)), Value(quint64(4429313566)), kEmptyDict}), m);
    m.args = args;
    m.kwargs = kwargs;
    add("EVENT with args and kwargs",
        list({36, Value(quint64(5512315355)), Value(quint64(4429313566)), kEmptyDict, args, kwargs}), m);
    m.args = payload;
    m.kwargs = Value();
    add("EVENT with binary payload (passthru)",
        list({36, Value(quint64(5512315355)), Value(quint64(4429313566)), kEmptyDict, payload}), m);

    m = make(MessageType::Call);
    m.requestId = 7814135;
    m.details = dict("timeout", 1000);
    m.uri = "com.myapp.myprocedure1";
    add("CALL", list({48, 7814135, dict("timeout", 1000), "com.myapp.myprocedure1"}), m);
    m.args = args;
    add("CALL with args", list({48, 7814135, dict("timeout", 1000), "com.myapp.myprocedure1", args}), m);

    m = make(MessageType::Cancel);
    m.requestId = 7814135;
    m.details = dict("mode", "kill");
    add("CANCEL", list({49, 7814135, dict("mode", "kill")}), m);

    m = make(MessageType::Result);
    m.requestId = 7814135;
    add("RESULT", list({50, 7814135, kEmptyDict}), m);
    m.args = args;
    m.kwargs = kwargs;
    add("RESULT with args and kwargs", list({50, 7814135, kEmptyDict, args, kwargs}), m);

    m = make(MessageType::Register);
    m.requestId = 25349185;
    m.uri = "com.myapp.myprocedure1";
    add("REGISTER", list({64, 25349185, kEmptyDict, "com.myapp.myprocedure1"}), m);

    m = make(MessageType::Registered);
    m.requestId = 25349185;
    m.registrationId = 2103333224;
    add("REGISTERED", list({65, 25349185, 2103333224}), m);

    m = make(MessageType::Unregister);
    m.requestId = 788923562;
    m.registrationId = 2103333224;
    add("UNREGISTER", list({66, 788923562, 2103333224}), m);

    m = make(MessageType::Unregistered);
    m.requestId = 788923562;
    add("UNREGISTERED", list({67, 788923562}), m);
    m.details = dict("registration", 2103333224);
    add("UNREGISTERED with Details", list({67, 788923562, dict("registration", 2103333224)}), m);

    m = make(MessageType::Invocation);
    m.requestId = 6131533;
    m.registrationId = 9823526;
    add("INVOCATION", list({68, 6131533, 9823526, kEmptyDict}), m);
    m.args = args;
    add("INVOCATION with args", list({68, 6131533, 9823526, kEmptyDict, args}), m);

    m = make(MessageType::Interrupt);
    m.requestId = 6131533;
    add("INTERRUPT", list({69, 6131533, kEmptyDict}), m);

    m = make(MessageType::Yield);
    m.requestId = 6131533;
    add("YIELD", list({70, 6131533, kEmptyDict}), m);
    m.args = kEmptyList;
    m.kwargs = kwargs;
    add("YIELD with kwargs", list({70, 6131533, kEmptyDict, kEmptyList, kwargs}), m);

    // Id bounds: 1 and 2^53 are the ends of the valid range.
    m = make(MessageType::Subscribed);
    m.requestId = 1;
    m.subscriptionId = kMaxId;
    add("SUBSCRIBED ids 1 and 2^53", list({33, 1, Value(kMaxId)}), m);
    return rows;
}

} // namespace

class tst_Message : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTypeHasAValidRow();
    void validMessages_data();
    void validMessages();
    void emptyOptionalDetailsAreDropped();
    void invalidMessages_data();
    void invalidMessages();
    void nullErrorPointer();
    void argumentsPresence_data();
    void argumentsPresence();
    void toValueWithoutDetails();
    void unknownTypeToValue();
    void typeNames_data();
    void typeNames();
};

void tst_Message::everyTypeHasAValidRow()
{
    QSet<int> covered;
    for (const ValidRow& row : validRows())
        covered.insert(int(row.expected.type));
    QSet<int> known;
    for (int code = -1; code < 1024; ++code) {
        if (isKnownMessageType(code))
            known.insert(code);
    }
    QCOMPARE(known.size(), 24);
    QCOMPARE(covered, known);
}

void tst_Message::validMessages_data()
{
    QTest::addColumn<Value>("wire");
    QTest::addColumn<Message>("expected");

    for (const ValidRow& row : validRows())
        QTest::newRow(row.name) << row.wire << row.expected;
}

void tst_Message::validMessages()
{
    QFETCH(Value, wire);
    QFETCH(Message, expected);

    QString error;
    const std::optional<Message> m = Message::fromValue(wire, &error);
    QVERIFY2(m, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(m->type, expected.type);
    QCOMPARE(m->requestId, expected.requestId);
    QCOMPARE(m->requestType, expected.requestType);
    QCOMPARE(m->sessionId, expected.sessionId);
    QCOMPARE(m->subscriptionId, expected.subscriptionId);
    QCOMPARE(m->registrationId, expected.registrationId);
    QCOMPARE(m->publicationId, expected.publicationId);
    QCOMPARE(m->details, expected.details);
    QCOMPARE(m->uri, expected.uri);
    QCOMPARE(m->args, expected.args);
    QCOMPARE(m->kwargs, expected.kwargs);

    // Back to the identical list, from the decoded message and from one built by hand.
    QCOMPARE(m->toValue(), wire);
    QCOMPARE(expected.toValue(), wire);
    // Decoded payloads share the wire value's lists and dicts instead of copying them.
    const auto sharedWithWire = [&wire](const Value& member) {
        for (const Value& item : wire.list()) {
            if ((member.isList() && item.isList() && &member.list() == &item.list()) ||
                (member.isDict() && item.isDict() && &member.dict() == &item.dict()))
                return true;
        }
        return false;
    };
    if (!m->details.dict().empty())
        QVERIFY(sharedWithWire(m->details));
    if (m->args.isList())
        QVERIFY(sharedWithWire(m->args));
    if (m->kwargs.isDict())
        QVERIFY(sharedWithWire(m->kwargs));
}

void tst_Message::emptyOptionalDetailsAreDropped()
{
    // UNSUBSCRIBED / UNREGISTERED carry Details only in the Advanced Profile; an empty one is not re-emitted.
    QString error;
    std::optional<Message> m = Message::fromValue(list({35, 5, kEmptyDict}), &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->details, kEmptyDict);
    QCOMPARE(m->toValue(), list({35, 5}));

    m = Message::fromValue(list({67, 5, kEmptyDict}), &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->toValue(), list({67, 5}));
}

void tst_Message::invalidMessages_data()
{
    QTest::addColumn<Value>("wire");
    QTest::addColumn<QString>("error");

    const Value twoPow53Plus1 = Value(kMaxId + 1);

    QTest::newRow("not a list: integer")
        << Value(1) << QStringLiteral("a WAMP message must be a list, got integer");
    QTest::newRow("not a list: dict")
        << dict("1", 1) << QStringLiteral("a WAMP message must be a list, got dict");
    QTest::newRow("not a list: null") << Value() << QStringLiteral("a WAMP message must be a list, got null");
    QTest::newRow("not a list: string")
        << Value("[1]") << QStringLiteral("a WAMP message must be a list, got string");
    QTest::newRow("empty list") << kEmptyList
                                << QStringLiteral("a WAMP message must start with an integer message code");
    QTest::newRow("code is a string")
        << list({"1", "realm", kEmptyDict})
        << QStringLiteral("a WAMP message must start with an integer message code");
    QTest::newRow("code is a float") << list({1.0, "realm", kEmptyDict})
                                     << QStringLiteral(
                                            "a WAMP message must start with an integer message code");
    QTest::newRow("code is null") << list({Value()})
                                  << QStringLiteral("a WAMP message must start with an integer message code");
    QTest::newRow("unknown code 7") << list({7, kEmptyDict}) << QStringLiteral("unknown message code 7");
    QTest::newRow("unknown code 999") << list({999}) << QStringLiteral("unknown message code 999");
    QTest::newRow("unknown code 0") << list({0}) << QStringLiteral("unknown message code 0");
    QTest::newRow("unknown code -1") << list({-1}) << QStringLiteral("unknown message code -1");
    QTest::newRow("unknown code 2^64-1")
        << list({Value(kUInt64Max)}) << QStringLiteral("unknown message code 18446744073709551615");
    QTest::newRow("unknown code 2^32+1")
        << list({Value(qint64(1) << 32 | 1)}) << QStringLiteral("unknown message code 4294967297");

    QTest::newRow("too few: HELLO") << list({1, "realm"}) << QStringLiteral("HELLO takes 2 fields, got 1");
    QTest::newRow("too few: bare code") << list({48}) << QStringLiteral("CALL takes 3 to 5 fields, got 0");
    QTest::newRow("too few: PUBLISH")
        << list({16, 1, kEmptyDict}) << QStringLiteral("PUBLISH takes 3 to 5 fields, got 2");
    QTest::newRow("too few: UNSUBSCRIBED")
        << list({35}) << QStringLiteral("UNSUBSCRIBED takes 1 to 2 fields, got 0");
    QTest::newRow("too many: HELLO") << list({1, "realm", kEmptyDict, 1})
                                     << QStringLiteral("HELLO takes 2 fields, got 3");
    QTest::newRow("too many: PUBLISH") << list({16, 1, kEmptyDict, "t", kEmptyList, kEmptyDict, 1})
                                       << QStringLiteral("PUBLISH takes 3 to 5 fields, got 6");
    QTest::newRow("too many: ERROR") << list({8, 48, 1, kEmptyDict, "e", kEmptyList, kEmptyDict, kEmptyDict})
                                     << QStringLiteral("ERROR takes 4 to 6 fields, got 7");
    QTest::newRow("too many: SUBSCRIBED")
        << list({33, 1, 2, 3}) << QStringLiteral("SUBSCRIBED takes 2 fields, got 3");

    QTest::newRow("id 0") << list({32, 0, kEmptyDict, "t"})
                          << QStringLiteral("SUBSCRIBE field 1: Request|id 0 is outside 1..2^53");
    QTest::newRow("id 2^53+1") << list({32, twoPow53Plus1, kEmptyDict, "t"})
                               << QStringLiteral(
                                      "SUBSCRIBE field 1: Request|id 9007199254740993 is outside 1..2^53");
    QTest::newRow("id 2^64-1")
        << list({32, Value(kUInt64Max), kEmptyDict, "t"})
        << QStringLiteral("SUBSCRIBE field 1: Request|id 18446744073709551615 is outside 1..2^53");
    QTest::newRow("negative id") << list({32, -1, kEmptyDict, "t"})
                                 << QStringLiteral("SUBSCRIBE field 1: Request|id -1 is outside 1..2^53");
    QTest::newRow("id as string") << list({32, "1", kEmptyDict, "t"})
                                  << QStringLiteral("SUBSCRIBE field 1: Request|id must be id, got string");
    QTest::newRow("id as float") << list({32, 1.0, kEmptyDict, "t"})
                                 << QStringLiteral("SUBSCRIBE field 1: Request|id must be id, got float");
    QTest::newRow("session id 0") << list({2, 0, kEmptyDict})
                                  << QStringLiteral("WELCOME field 1: Session|id 0 is outside 1..2^53");
    QTest::newRow("subscription id 0")
        << list({34, 1, 0}) << QStringLiteral("UNSUBSCRIBE field 2: Subscription|id 0 is outside 1..2^53");
    QTest::newRow("registration id null")
        << list({66, 1, Value()})
        << QStringLiteral("UNREGISTER field 2: Registration|id must be id, got null");
    QTest::newRow("publication id 2^53+1")
        << list({17, 1, twoPow53Plus1})
        << QStringLiteral("PUBLISHED field 2: Publication|id 9007199254740993 is outside 1..2^53");

    QTest::newRow("Details not a dict")
        << list({32, 1, kEmptyList, "t"})
        << QStringLiteral("SUBSCRIBE field 2: Details|dict must be dict, got list");
    QTest::newRow("Details null") << list({1, "realm", Value()})
                                  << QStringLiteral("HELLO field 2: Details|dict must be dict, got null");
    QTest::newRow("optional Details not a dict")
        << list({35, 1, kEmptyList})
        << QStringLiteral("UNSUBSCRIBED field 2: Details|dict must be dict, got list");
    QTest::newRow("URI not a string")
        << list({32, 1, kEmptyDict, 5})
        << QStringLiteral("SUBSCRIBE field 3: uri must be a string, got integer");
    QTest::newRow("URI binary") << list({1, Value::binary("realm"), kEmptyDict})
                                << QStringLiteral("HELLO field 1: uri must be a string, got binary");
    QTest::newRow("AuthMethod not a string")
        << list({4, kEmptyDict, kEmptyDict})
        << QStringLiteral("CHALLENGE field 1: string must be a string, got dict");
    QTest::newRow("Arguments not a list")
        << list({16, 1, kEmptyDict, "t", kEmptyDict})
        << QStringLiteral("PUBLISH field 4: Arguments|list must be list or binary payload, got dict");
    QTest::newRow("Arguments a string")
        << list({50, 1, kEmptyDict, "x"})
        << QStringLiteral("RESULT field 3: Arguments|list must be list or binary payload, got string");
    QTest::newRow("ArgumentsKw not a dict")
        << list({16, 1, kEmptyDict, "t", kEmptyList, kEmptyList})
        << QStringLiteral("PUBLISH field 5: ArgumentsKw|dict must be dict, got list");
    QTest::newRow("ArgumentsKw null")
        << list({48, 1, kEmptyDict, "p", kEmptyList, Value()})
        << QStringLiteral("CALL field 5: ArgumentsKw|dict must be dict, got null");
    QTest::newRow("ArgumentsKw after binary payload")
        << list({16, 1, kEmptyDict, "t", Value::binary("x"), kEmptyDict})
        << QStringLiteral("PUBLISH field 5: ArgumentsKw|dict must not follow a binary payload");
    QTest::newRow("ERROR with unknown REQUEST.Type 7")
        << list({8, 7, 1, kEmptyDict, "e"})
        << QStringLiteral("ERROR field 1: REQUEST.Type 7 is not a WAMP message type");
    QTest::newRow("ERROR with REQUEST.Type as string")
        << list({8, "48", 1, kEmptyDict, "e"})
        << QStringLiteral("ERROR field 1: REQUEST.Type \"48\" is not a WAMP message type");
    QTest::newRow("ERROR with request id 0")
        << list({8, 48, 0, kEmptyDict, "e"})
        << QStringLiteral("ERROR field 2: Request|id 0 is outside 1..2^53");
}

void tst_Message::invalidMessages()
{
    QFETCH(Value, wire);
    QFETCH(QString, error);

    QString actual;
    const std::optional<Message> m = Message::fromValue(wire, &actual);
    QVERIFY(!m);
    QCOMPARE(actual, error);
}

void tst_Message::nullErrorPointer()
{
    QVERIFY(!Message::fromValue(list({7}), nullptr));
    QVERIFY(Message::fromValue(list({35, 1}), nullptr));
}

void tst_Message::argumentsPresence_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<Value>("wire");

    const Value args = list({1});
    const Value kwargs = dict("k", 1);
    const auto publish = [](Value a, Value kw) {
        Message m = make(MessageType::Publish);
        m.requestId = 1;
        m.uri = "t";
        m.args = std::move(a);
        m.kwargs = std::move(kw);
        return m;
    };
    const auto result = [](Value a, Value kw) {
        Message m = make(MessageType::Result);
        m.requestId = 2;
        m.args = std::move(a);
        m.kwargs = std::move(kw);
        return m;
    };

    QTest::newRow("PUBLISH neither") << publish({}, {}) << list({16, 1, kEmptyDict, "t"});
    QTest::newRow("PUBLISH args only") << publish(args, {}) << list({16, 1, kEmptyDict, "t", args});
    QTest::newRow("PUBLISH empty args")
        << publish(kEmptyList, {}) << list({16, 1, kEmptyDict, "t", kEmptyList});
    QTest::newRow("PUBLISH kwargs without args")
        << publish({}, kwargs) << list({16, 1, kEmptyDict, "t", kEmptyList, kwargs});
    QTest::newRow("PUBLISH both") << publish(args, kwargs) << list({16, 1, kEmptyDict, "t", args, kwargs});
    QTest::newRow("PUBLISH args of wrong type ignored")
        << publish(Value(5), {}) << list({16, 1, kEmptyDict, "t"});
    QTest::newRow("PUBLISH kwargs of wrong type ignored")
        << publish(args, Value(5)) << list({16, 1, kEmptyDict, "t", args});
    QTest::newRow("RESULT neither") << result({}, {}) << list({50, 2, kEmptyDict});
    QTest::newRow("RESULT kwargs without args")
        << result({}, kwargs) << list({50, 2, kEmptyDict, kEmptyList, kwargs});
    QTest::newRow("RESULT both") << result(args, kwargs) << list({50, 2, kEmptyDict, args, kwargs});
}

void tst_Message::argumentsPresence()
{
    QFETCH(Message, message);
    QFETCH(Value, wire);

    QCOMPARE(message.toValue(), wire);

    // And back: what was emitted decodes to the same arguments.
    QString error;
    const std::optional<Message> decoded = Message::fromValue(wire, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->toValue(), wire);
    QCOMPARE(decoded->kwargs, message.kwargs.isDict() ? message.kwargs : Value());
}

void tst_Message::toValueWithoutDetails()
{
    // A message built in code with a Null details still goes out with the {} its shape requires.
    Message m = make(MessageType::Goodbye);
    m.details = Value();
    m.uri = "wamp.close.normal";
    QCOMPARE(m.toValue(), list({6, kEmptyDict, "wamp.close.normal"}));
}

void tst_Message::unknownTypeToValue()
{
    const Message m = make(MessageType(7));
    QCOMPARE(m.toValue(), kEmptyList);
    QCOMPARE(m.typeName(), QStringLiteral("UNKNOWN"));
}

void tst_Message::typeNames_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");

    QTest::newRow("1") << 1 << QStringLiteral("HELLO");
    QTest::newRow("8") << 8 << QStringLiteral("ERROR");
    QTest::newRow("16") << 16 << QStringLiteral("PUBLISH");
    QTest::newRow("36") << 36 << QStringLiteral("EVENT");
    QTest::newRow("70") << 70 << QStringLiteral("YIELD");
    QTest::newRow("7") << 7 << QString();
    QTest::newRow("337") << 337 << QString();
}

void tst_Message::typeNames()
{
    QFETCH(int, code);
    QFETCH(QString, name);

    const char* actual = messageTypeName(MessageType(code));
    QCOMPARE(actual ? QString::fromLatin1(actual) : QString(), name);
    QCOMPARE(isKnownMessageType(code), !name.isEmpty());
    QCOMPARE(make(MessageType(code)).typeName(), name.isEmpty() ? QStringLiteral("UNKNOWN") : name);
}

QTEST_APPLESS_MAIN(tst_Message)
#include "tst_message.moc"
