#include "serialization/msgpackserializer.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <limits>

using namespace wamp;

Q_DECLARE_METATYPE(wamp::Value)
Q_DECLARE_METATYPE(wamp::Message)

namespace wamp {
// Lets QCOMPARE print both sides of a failed Value comparison.
char* toString(const Value& value)
{
    return qstrdup(value.toDebugString().toUtf8().constData());
}
} // namespace wamp

namespace {

Value list(std::initializer_list<Value> items)
{
    return Value(Value::List(items));
}

Value nestedLists(int depth)
{
    Value value = list({});
    for (int i = 1; i < depth; ++i)
        value = list({value});
    return value;
}

int depthOf(const Value& value)
{
    int deepest = 0;
    if (value.isList()) {
        for (const Value& item : value.list())
            deepest = std::max(deepest, depthOf(item));
        return deepest + 1;
    }
    if (value.isDict()) {
        for (const auto& entry : value.dict())
            deepest = std::max(deepest, depthOf(entry.second));
        return deepest + 1;
    }
    return 0;
}

QByteArray repeated(const char* hex, int count)
{
    return QByteArray::fromHex(hex).repeated(count);
}

Message callWithArgsAndKwargs()
{
    Message m;
    m.type = MessageType::Call;
    m.requestId = 7814135;
    m.details = DictBuilder().add("timeout", 1000).add("receive_progress", true).build();
    m.uri = "com.example.add";
    m.args = list({1, 2.5, "x", Value(), Value::binary(QByteArray::fromHex("00ff")),
                   list({-1, Value(quint64(1) << 63)})});
    m.kwargs = DictBuilder()
                   .add("z", DictBuilder().add("b", list({true, false})).build())
                   .add("a", "first key written last")
                   .build();
    return m;
}

} // namespace

class tst_MsgPackSerializer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kind();
    void encodeScalars_data();
    void encodeScalars();
    void lengthHeaders_data();
    void lengthHeaders();
    void decodeOtherForms_data();
    void decodeOtherForms();
    void specialDoubles_data();
    void specialDoubles();
    void officialVectors_data();
    void officialVectors();
    void messageRoundTrip_data();
    void messageRoundTrip();
    void badInput_data();
    void badInput();
    void truncatedAtEveryOffset();
    void nestingDepth_data();
    void nestingDepth();
    void encodedNestingLimit();
    void hugeAnnouncedLength_data();
    void hugeAnnouncedLength();

private:
    MsgPackSerializer m_serializer;
};

void tst_MsgPackSerializer::kind()
{
    QCOMPARE(m_serializer.kind(), SerializerKind::MsgPack);
    QVERIFY(m_serializer.isBinary());
    QCOMPARE(serializerFor(SerializerKind::MsgPack).kind(), SerializerKind::MsgPack);
}

void tst_MsgPackSerializer::encodeScalars_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("hex");

    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    QTest::newRow("0") << Value(0) << QByteArray("00");
    QTest::newRow("127 positive fixint") << Value(127) << QByteArray("7f");
    QTest::newRow("128 uint8") << Value(128) << QByteArray("cc80");
    QTest::newRow("255 uint8") << Value(255) << QByteArray("ccff");
    QTest::newRow("256 uint16") << Value(256) << QByteArray("cd0100");
    QTest::newRow("65535 uint16") << Value(65535) << QByteArray("cdffff");
    QTest::newRow("65536 uint32") << Value(65536) << QByteArray("ce00010000");
    QTest::newRow("2^32-1 uint32") << Value(qint64(0xffffffff)) << QByteArray("ceffffffff");
    QTest::newRow("2^32 uint64") << Value(qint64(1) << 32) << QByteArray("cf0000000100000000");
    QTest::newRow("INT64_MAX") << Value(kMax) << QByteArray("cf7fffffffffffffff");
    QTest::newRow("INT64_MAX+1 UInt") << Value(quint64(kMax) + 1) << QByteArray("cf8000000000000000");
    QTest::newRow("UINT64_MAX") << Value(std::numeric_limits<quint64>::max())
                                << QByteArray("cfffffffffffffffff");
    QTest::newRow("-1") << Value(-1) << QByteArray("ff");
    QTest::newRow("-32 negative fixint") << Value(-32) << QByteArray("e0");
    QTest::newRow("-33 int8") << Value(-33) << QByteArray("d0df");
    QTest::newRow("-128 int8") << Value(-128) << QByteArray("d080");
    QTest::newRow("-129 int16") << Value(-129) << QByteArray("d1ff7f");
    QTest::newRow("-32768 int16") << Value(-32768) << QByteArray("d18000");
    QTest::newRow("-32769 int32") << Value(-32769) << QByteArray("d2ffff7fff");
    QTest::newRow("-2^31 int32") << Value(qint64(-2147483648LL)) << QByteArray("d280000000");
    QTest::newRow("-2^31-1 int64") << Value(qint64(-2147483649LL)) << QByteArray("d3ffffffff7fffffff");
    QTest::newRow("INT64_MIN") << Value(kMin) << QByteArray("d38000000000000000");

    QTest::newRow("null") << Value() << QByteArray("c0");
    QTest::newRow("false") << Value(false) << QByteArray("c2");
    QTest::newRow("true") << Value(true) << QByteArray("c3");
    QTest::newRow("double 0.0 stays float64") << Value(0.0) << QByteArray("cb0000000000000000");
    QTest::newRow("double 1.5") << Value(1.5) << QByteArray("cb3ff8000000000000");
    QTest::newRow("double -2.25") << Value(-2.25) << QByteArray("cbc002000000000000");
    QTest::newRow("double 1e300") << Value(1e300) << QByteArray("cb7e37e43c8800759c");

    QTest::newRow("empty string") << Value("") << QByteArray("a0");
    QTest::newRow("string a") << Value("a") << QByteArray("a161");
    QTest::newRow("string 2-byte UTF-8") << Value::string("\xc3\xa9") << QByteArray("a2c3a9");
    QTest::newRow("string 4-byte UTF-8") << Value::string("\xf0\x9f\x98\x80") << QByteArray("a4f09f9880");
    QTest::newRow("empty binary") << Value::binary({}) << QByteArray("c400");
    QTest::newRow("binary 3 bytes") << Value::binary(QByteArray::fromHex("0001ff"))
                                    << QByteArray("c4030001ff");

    QTest::newRow("empty list") << list({}) << QByteArray("90");
    QTest::newRow("list of scalars") << list({1, "a", Value()}) << QByteArray("9301a161c0");
    QTest::newRow("empty dict") << Value(Value::Dict{}) << QByteArray("80");
    QTest::newRow("dict key order kept")
        << DictBuilder().add("b", 1).add("a", list({true})).build() << QByteArray("82a16201a16191c3");
    QTest::newRow("nested list and dict")
        << list({DictBuilder().add("k", list({1, Value(Value::Dict{})})).build()})
        << QByteArray("9181a16b920180");
}

void tst_MsgPackSerializer::encodeScalars()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, hex);

    QCOMPARE(m_serializer.encode(value).toHex(), hex);

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(QByteArray::fromHex(hex), &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, value);
    QCOMPARE(decoded->type(), value.type());
}

void tst_MsgPackSerializer::lengthHeaders_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("headerHex");

    const auto string = [](int n) { return Value::string(QByteArray(n, 'x')); };
    const auto binary = [](int n) { return Value::binary(QByteArray(n, '\x01')); };
    const auto nulls = [](int n) { return Value(Value::List(size_t(n))); };
    const auto dict = [](int n) {
        Value::Dict entries;
        for (int i = 0; i < n; ++i)
            entries.emplace_back(QByteArray::number(i), i);
        return Value(std::move(entries));
    };
    QTest::newRow("str 31 fixstr") << string(31) << QByteArray("bf");
    QTest::newRow("str 32 str8") << string(32) << QByteArray("d920");
    QTest::newRow("str 255 str8") << string(255) << QByteArray("d9ff");
    QTest::newRow("str 256 str16") << string(256) << QByteArray("da0100");
    QTest::newRow("str 65535 str16") << string(65535) << QByteArray("daffff");
    QTest::newRow("str 65536 str32") << string(65536) << QByteArray("db00010000");
    QTest::newRow("bin 255 bin8") << binary(255) << QByteArray("c4ff");
    QTest::newRow("bin 256 bin16") << binary(256) << QByteArray("c50100");
    QTest::newRow("bin 65535 bin16") << binary(65535) << QByteArray("c5ffff");
    QTest::newRow("bin 65536 bin32") << binary(65536) << QByteArray("c600010000");
    QTest::newRow("list 15 fixarray") << nulls(15) << QByteArray("9f");
    QTest::newRow("list 16 array16") << nulls(16) << QByteArray("dc0010");
    QTest::newRow("list 65535 array16") << nulls(65535) << QByteArray("dcffff");
    QTest::newRow("list 65536 array32") << nulls(65536) << QByteArray("dd00010000");
    QTest::newRow("dict 15 fixmap") << dict(15) << QByteArray("8f");
    QTest::newRow("dict 16 map16") << dict(16) << QByteArray("de0010");
    QTest::newRow("dict 65535 map16") << dict(65535) << QByteArray("deffff");
    QTest::newRow("dict 65536 map32") << dict(65536) << QByteArray("df00010000");
}

void tst_MsgPackSerializer::lengthHeaders()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, headerHex);

    const QByteArray encoded = m_serializer.encode(value);
    const QByteArray header = QByteArray::fromHex(headerHex);
    QCOMPARE(encoded.left(header.size()).toHex(), headerHex);
    if (value.isString() || value.isBinary()) {
        QCOMPARE(encoded.size(), header.size() + value.bytes().size());
        QCOMPARE(encoded.mid(header.size()), value.bytes());
    }
    if (value.isList())
        QCOMPARE(encoded.mid(header.size()), QByteArray(qsizetype(value.list().size()), '\xc0'));

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(encoded, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, value);
}

void tst_MsgPackSerializer::decodeOtherForms_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<Value>("expected");

    QTest::newRow("uint8 small") << QByteArray("cc05") << Value(5);
    QTest::newRow("uint16 small") << QByteArray("cd0005") << Value(5);
    QTest::newRow("uint32 small") << QByteArray("ce00000005") << Value(5);
    QTest::newRow("uint64 small") << QByteArray("cf0000000000000005") << Value(5);
    QTest::newRow("int8 positive") << QByteArray("d005") << Value(5);
    QTest::newRow("int16 -1") << QByteArray("d1ffff") << Value(-1);
    QTest::newRow("int32 -1") << QByteArray("d2ffffffff") << Value(-1);
    QTest::newRow("int64 -1") << QByteArray("d3ffffffffffffffff") << Value(-1);
    QTest::newRow("int64 positive") << QByteArray("d37fffffffffffffff")
                                    << Value(std::numeric_limits<qint64>::max());
    QTest::newRow("float32 1.5") << QByteArray("ca3fc00000") << Value(1.5);
    QTest::newRow("float32 max") << QByteArray("ca7f7fffff")
                                 << Value(double(std::numeric_limits<float>::max()));
    QTest::newRow("str8 short") << QByteArray("d903616263") << Value("abc");
    QTest::newRow("str16 short") << QByteArray("da0003616263") << Value("abc");
    QTest::newRow("str32 short") << QByteArray("db00000003616263") << Value("abc");
    QTest::newRow("bin16 short") << QByteArray("c5000101") << Value::binary(QByteArray("\x01", 1));
    QTest::newRow("bin32 empty") << QByteArray("c600000000") << Value::binary({});
    QTest::newRow("array16 short") << QByteArray("dc000101") << list({1});
    QTest::newRow("array32 short") << QByteArray("dd0000000101") << list({1});
    QTest::newRow("map16 short") << QByteArray("de0001a16101") << DictBuilder().add("a", 1).build();
    QTest::newRow("map32 short") << QByteArray("df00000001a16101") << DictBuilder().add("a", 1).build();
    QTest::newRow("duplicate keys kept in order")
        << QByteArray("82a16101a16102") << DictBuilder().add("a", 1).add("a", 2).build();
    // msgpackr (wampy.js) writes JavaScript's undefined this way, e.g. in unset SUBSCRIBE options.
    QTest::newRow("msgpackr undefined is null") << QByteArray("d40000") << Value();
    QTest::newRow("wampy SUBSCRIBE with undefined options")
        << QByteArray("942005de0002a56d61746368d40000ac6765745f72657461696e6564d40000b1636f6d2e6578616d706c65"
                      "2e746f706963")
        << list({32, 5, DictBuilder().add("match", Value()).add("get_retained", Value()).build(),
                 Value("com.example.topic")});
    QTest::newRow("noncharacter U+FFFF is valid UTF-8")
        << QByteArray("a3efbfbf") << Value::string("\xef\xbf\xbf");
}

void tst_MsgPackSerializer::decodeOtherForms()
{
    QFETCH(QByteArray, hex);
    QFETCH(Value, expected);

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(QByteArray::fromHex(hex), &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, expected);
    QCOMPARE(decoded->type(), expected.type());
}

void tst_MsgPackSerializer::specialDoubles_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QByteArray>("float32Hex");

    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("cb7ff8000000000000")
                         << QByteArray("ca7fc00000");
    QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << QByteArray("cb7ff0000000000000")
                          << QByteArray("ca7f800000");
    QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << QByteArray("cbfff0000000000000")
                          << QByteArray("caff800000");
    QTest::newRow("-0.0") << -0.0 << QByteArray("cb8000000000000000") << QByteArray("ca80000000");
}

void tst_MsgPackSerializer::specialDoubles()
{
    QFETCH(double, value);
    QFETCH(QByteArray, hex);
    QFETCH(QByteArray, float32Hex);

    QCOMPARE(m_serializer.encode(Value(value)).toHex(), hex);

    for (const QByteArray& input : {hex, float32Hex}) {
        QString error;
        const std::optional<Value> decoded = m_serializer.decode(QByteArray::fromHex(input), &error);
        QVERIFY2(decoded, qPrintable(error));
        QVERIFY(decoded->isDouble());
        if (std::isnan(value)) {
            QVERIFY(std::isnan(decoded->toDouble()));
        } else {
            QCOMPARE(decoded->toDouble(), value);
            QCOMPARE(std::signbit(decoded->toDouble()), std::signbit(value));
        }
    }
}

void tst_MsgPackSerializer::officialVectors_data()
{
    QTest::addColumn<QByteArray>("hex");

    // From the WAMP test vectors: wamp-proto/wamp-proto, testsuite/singlemessage/basic/<file>, "msgpack"
    // bytes.
    QTest::newRow("hello.json") << QByteArray(
        "9301b1636f6d2e6578616d706c652e7265616c6d81a5726f6c657382aa737562736372"
        "6962657280a97075626c697368657280");
    QTest::newRow("call.json") << QByteArray(
        "9530ce00773bf780b6636f6d2e6d796170702e6d7970726f6365647572653191ad4865"
        "6c6c6f2c20776f726c6421");
    QTest::newRow("publish.json") << QByteArray(
        "9510ce0e49c1af80b2636f6d2e6d796170702e6d79746f7069633191ad48656c6c6f"
        "2c20776f726c6421");
    QTest::newRow("event.json positional args")
        << QByteArray("9524ce0095e526cf0000001a21a278be8091ad48656c6c6f2c206576656e7421");
    QTest::newRow("event.json forward_for") << QByteArray(
        "9524cf00000001ba2dc75ecf000000819c967f6c81ab666f72776172645f666f729183a773657373696f6ece931ae60"
        "ba6617574686964a966726f6e74656e6431a861757468726f6c65a4757365729264a464617461");
    // Payload Passthru Mode (end-to-end encrypted): a bin in place of Arguments|list.
    QTest::newRow("event.json transparent payload") << QByteArray(
        "9524cf00000001509c397ecf000000e891bf990882a8656e635f616c676fa963727970746f626f78ae656e635f73657"
        "269616c697a6572a76d73677061636bc41e83a5636f6c6f72a4626c7565a473697a65a56c61726765a5636f756e741e");
}

void tst_MsgPackSerializer::officialVectors()
{
    QFETCH(QByteArray, hex);

    const QByteArray bytes = QByteArray::fromHex(hex);
    QString error;
    const std::optional<Value> value = m_serializer.decode(bytes, &error);
    QVERIFY2(value, qPrintable(error));
    QCOMPARE(m_serializer.encode(*value).toHex(), hex);

    const std::optional<Message> message = m_serializer.decodeMessage(bytes, &error);
    QVERIFY2(message, qPrintable(error));
    QCOMPARE(m_serializer.encodeMessage(*message).toHex(), hex);
}

void tst_MsgPackSerializer::messageRoundTrip_data()
{
    QTest::addColumn<Message>("message");

    QTest::newRow("CALL with args and kwargs") << callWithArgsAndKwargs();

    Message publish;
    publish.type = MessageType::Publish;
    publish.requestId = kMaxId;
    publish.details = DictBuilder().add("acknowledge", true).build();
    publish.uri = "com.example.topic";
    publish.kwargs = DictBuilder().add("text", Value::string("gr\xc3\xbc\xc3\x9f")).build();
    QTest::newRow("PUBLISH with kwargs only") << publish;

    Message error;
    error.type = MessageType::Error;
    error.requestType = MessageType::Call;
    error.requestId = 42;
    error.uri = "wamp.error.invalid_argument";
    error.args = list({"bad", -129, 1e-9});
    QTest::newRow("ERROR with args") << error;

    Message welcome;
    welcome.type = MessageType::Welcome;
    welcome.sessionId = 9007199254740992;
    welcome.details =
        DictBuilder().add("roles", DictBuilder().add("broker", Value(Value::Dict{})).build()).build();
    QTest::newRow("WELCOME") << welcome;
}

void tst_MsgPackSerializer::messageRoundTrip()
{
    QFETCH(Message, message);

    const QByteArray bytes = m_serializer.encodeMessage(message);
    QString error;
    const std::optional<Message> decoded = m_serializer.decodeMessage(bytes, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->type, message.type);
    QCOMPARE(decoded->requestId, message.requestId);
    QCOMPARE(decoded->requestType, message.requestType);
    QCOMPARE(decoded->sessionId, message.sessionId);
    QCOMPARE(decoded->uri, message.uri);
    QCOMPARE(decoded->details, message.details);
    // toValue() writes an empty Arguments|list in front of ArgumentsKw|dict.
    const Value expectedArgs = message.args.isNull() && message.kwargs.isDict() ? list({}) : message.args;
    QCOMPARE(decoded->args, expectedArgs);
    QCOMPARE(decoded->kwargs, message.kwargs);
    QCOMPARE(decoded->toValue(), message.toValue());
    QCOMPARE(m_serializer.encodeMessage(*decoded), bytes);
}

void tst_MsgPackSerializer::badInput_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty MessagePack input");
    QTest::newRow("never-used byte 0xc1")
        << QByteArray("9201c1") << QStringLiteral("invalid MessagePack type byte at offset 2");
    QTest::newRow("truncated list") << QByteArray("9201") << QStringLiteral("truncated");
    QTest::newRow("truncated uint32") << QByteArray("ce0001") << QStringLiteral("truncated");
    QTest::newRow("truncated str") << QByteArray("a36162") << QStringLiteral("truncated");
    QTest::newRow("trailing byte") << QByteArray("0102")
                                   << QStringLiteral(
                                          "trailing data after the MessagePack value at byte 1 of 2");
    QTest::newRow("trailing garbage after list")
        << QByteArray("9101c0c0c0") << QStringLiteral("at byte 2 of 5");
    QTest::newRow("invalid UTF-8 in str") << QByteArray("a2c328") << QStringLiteral("invalid UTF-8");
    QTest::newRow("lone continuation byte") << QByteArray("a180") << QStringLiteral("invalid UTF-8");
    QTest::newRow("overlong NUL") << QByteArray("a2c080") << QStringLiteral("invalid UTF-8");
    QTest::newRow("UTF-16 surrogate") << QByteArray("a3eda080") << QStringLiteral("invalid UTF-8");
    QTest::newRow("above U+10FFFF") << QByteArray("a4f4908080") << QStringLiteral("invalid UTF-8");
    QTest::newRow("invalid UTF-8 in key") << QByteArray("81a1ff01") << QStringLiteral("invalid UTF-8");
    QTest::newRow("integer key") << QByteArray("810102")
                                 << QStringLiteral("MessagePack map key must be a string, got integer");
    QTest::newRow("nil key") << QByteArray("81c001") << QStringLiteral("map key must be a string, got null");
    QTest::newRow("float key") << QByteArray("81ca0000000001")
                               << QStringLiteral("map key must be a string, got float");
    QTest::newRow("bin key") << QByteArray("81c4016101")
                             << QStringLiteral("map key must be a string, got binary");
    QTest::newRow("list key") << QByteArray("819001") << QStringLiteral("map key must be a string, got list");
    QTest::newRow("dict key") << QByteArray("818001") << QStringLiteral("map key must be a string, got dict");
    QTest::newRow("nested integer key") << QByteArray("91810102") << QStringLiteral("got integer");
    QTest::newRow("fixext1 type 0 with data 1")
        << QByteArray("d40001") << QStringLiteral("MessagePack ext type 0 is not supported");
    QTest::newRow("fixext1") << QByteArray("d40100")
                             << QStringLiteral("MessagePack ext type 1 is not supported");
    QTest::newRow("fixext16 timestamp type -1")
        << QByteArray("d8ff") + QByteArray(32, '0') << QStringLiteral("ext type -1 is not supported");
    QTest::newRow("ext8") << QByteArray("c70105aa") << QStringLiteral("ext type 5 is not supported");
    QTest::newRow("ext32 empty") << QByteArray("c90000000007")
                                 << QStringLiteral("ext type 7 is not supported");
    QTest::newRow("ext in list") << QByteArray("9201d40100") << QStringLiteral("ext type 1");
}

void tst_MsgPackSerializer::badInput()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, errorPart);

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(QByteArray::fromHex(hex), &error);
    QVERIFY(!decoded);
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void tst_MsgPackSerializer::truncatedAtEveryOffset()
{
    const QByteArray bytes = m_serializer.encodeMessage(callWithArgsAndKwargs());
    QVERIFY(bytes.size() > 50);
    QString error;
    QVERIFY(m_serializer.decodeMessage(bytes, &error));
    for (qsizetype length = 0; length < bytes.size(); ++length) {
        error.clear();
        const std::optional<Value> decoded = m_serializer.decode(bytes.left(length), &error);
        QVERIFY2(!decoded, qPrintable(QStringLiteral("prefix of %1 bytes decoded").arg(length)));
        const QString expected = length == 0 ? QStringLiteral("empty") : QStringLiteral("truncated");
        QVERIFY2(error.contains(expected), qPrintable(QStringLiteral("%1 bytes: %2").arg(length).arg(error)));
    }
}

void tst_MsgPackSerializer::nestingDepth_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("depth"); // 0: must be rejected

    static_assert(kMaxNestingDepth == 64, "the rows below spell out 64 and 65 levels");
    QTest::newRow("64 lists") << repeated("91", 63) + repeated("90", 1) << 64;
    QTest::newRow("65 lists") << repeated("91", 64) + repeated("90", 1) << 0;
    QTest::newRow("64 dicts") << repeated("81a161", 63) + repeated("80", 1) << 64;
    QTest::newRow("65 dicts") << repeated("81a161", 64) + repeated("80", 1) << 0;
    QTest::newRow("64 mixed") << repeated("9181a161", 31) + repeated("9190", 1) << 64;
    QTest::newRow("65 mixed") << repeated("9181a161", 32) + repeated("90", 1) << 0;
    QTest::newRow("65 lists via array16") << repeated("dc0001", 64) + repeated("90", 1) << 0;
    QTest::newRow("1000 lists, truncated") << repeated("91", 1000) << 0;
}

void tst_MsgPackSerializer::nestingDepth()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, depth);

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(bytes, &error);
    if (depth == 0) {
        QVERIFY(!decoded);
        QVERIFY2(error.contains(QStringLiteral("nested deeper than 64 levels")), qPrintable(error));
    } else {
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(depthOf(*decoded), depth);
    }
}

void tst_MsgPackSerializer::encodedNestingLimit()
{
    QString error;
    const std::optional<Value> deepest =
        m_serializer.decode(m_serializer.encode(nestedLists(kMaxNestingDepth)), &error);
    QVERIFY2(deepest, qPrintable(error));
    QCOMPARE(*deepest, nestedLists(kMaxNestingDepth));

    // The encoder writes whatever it is given; only decoding enforces the limit.
    const QByteArray tooDeep = m_serializer.encode(nestedLists(kMaxNestingDepth + 1));
    QCOMPARE(tooDeep.size(), kMaxNestingDepth + 1);
    QVERIFY(!m_serializer.decode(tooDeep, &error));
}

void tst_MsgPackSerializer::hugeAnnouncedLength_data()
{
    QTest::addColumn<QByteArray>("hex");

    // Each header announces far more than follows; msgpack::unpack() would try to allocate gigabytes here.
    QTest::newRow("array32 2^32-1") << QByteArray("ddffffffff");
    QTest::newRow("map32 2^32-1") << QByteArray("dfffffffff");
    QTest::newRow("map32 2^28") << QByteArray("df10000000");
    QTest::newRow("array16 65535") << QByteArray("dcffff");
    QTest::newRow("str32 2^32-1") << QByteArray("dbffffffff");
    QTest::newRow("bin32 2^32-1") << QByteArray("c6ffffffff");
    QTest::newRow("ext32 2^32-1") << QByteArray("c9ffffffff01");
    QTest::newRow("nested array32 headers") << QByteArray("91dd7fffffffdd7fffffffdd7fffffff");
    QTest::newRow("array32 after valid items") << QByteArray("930102ddffffffff");
}

void tst_MsgPackSerializer::hugeAnnouncedLength()
{
    QFETCH(QByteArray, hex);

    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!m_serializer.decode(QByteArray::fromHex(hex), &error));
    QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));
    QVERIFY(timer.elapsed() < 1000);
}

QTEST_APPLESS_MAIN(tst_MsgPackSerializer)
#include "tst_msgpackserializer.moc"
