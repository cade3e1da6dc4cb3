#include "serialization/cborserializer.h"

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

class tst_CborSerializer : public QObject {
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
    CborSerializer m_serializer;
};

void tst_CborSerializer::kind()
{
    QCOMPARE(m_serializer.kind(), SerializerKind::Cbor);
    QVERIFY(m_serializer.isBinary());
    QCOMPARE(serializerFor(SerializerKind::Cbor).kind(), SerializerKind::Cbor);
}

void tst_CborSerializer::encodeScalars_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("hex");

    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    QTest::newRow("0") << Value(0) << QByteArray("00");
    QTest::newRow("23 immediate") << Value(23) << QByteArray("17");
    QTest::newRow("24 uint8") << Value(24) << QByteArray("1818");
    QTest::newRow("127") << Value(127) << QByteArray("187f");
    QTest::newRow("128") << Value(128) << QByteArray("1880");
    QTest::newRow("255 uint8") << Value(255) << QByteArray("18ff");
    QTest::newRow("256 uint16") << Value(256) << QByteArray("190100");
    QTest::newRow("65535 uint16") << Value(65535) << QByteArray("19ffff");
    QTest::newRow("65536 uint32") << Value(65536) << QByteArray("1a00010000");
    QTest::newRow("2^32-1 uint32") << Value(qint64(0xffffffff)) << QByteArray("1affffffff");
    QTest::newRow("2^32 uint64") << Value(qint64(1) << 32) << QByteArray("1b0000000100000000");
    QTest::newRow("INT64_MAX") << Value(kMax) << QByteArray("1b7fffffffffffffff");
    QTest::newRow("INT64_MAX+1 UInt") << Value(quint64(kMax) + 1) << QByteArray("1b8000000000000000");
    QTest::newRow("UINT64_MAX") << Value(std::numeric_limits<quint64>::max())
                                << QByteArray("1bffffffffffffffff");
    QTest::newRow("-1") << Value(-1) << QByteArray("20");
    QTest::newRow("-24 immediate") << Value(-24) << QByteArray("37");
    QTest::newRow("-25 nint8") << Value(-25) << QByteArray("3818");
    QTest::newRow("-32") << Value(-32) << QByteArray("381f");
    QTest::newRow("-33") << Value(-33) << QByteArray("3820");
    QTest::newRow("-128") << Value(-128) << QByteArray("387f");
    QTest::newRow("-129") << Value(-129) << QByteArray("3880");
    QTest::newRow("-256 nint8") << Value(-256) << QByteArray("38ff");
    QTest::newRow("-257 nint16") << Value(-257) << QByteArray("390100");
    QTest::newRow("-32768") << Value(-32768) << QByteArray("397fff");
    QTest::newRow("-32769") << Value(-32769) << QByteArray("398000");
    QTest::newRow("-65536 nint16") << Value(-65536) << QByteArray("39ffff");
    QTest::newRow("-65537 nint32") << Value(-65537) << QByteArray("3a00010000");
    QTest::newRow("-2^31") << Value(qint64(-2147483648LL)) << QByteArray("3a7fffffff");
    QTest::newRow("-2^31-1") << Value(qint64(-2147483649LL)) << QByteArray("3a80000000");
    QTest::newRow("-2^32 nint32") << Value(-(qint64(1) << 32)) << QByteArray("3affffffff");
    QTest::newRow("-2^32-1 nint64") << Value(-(qint64(1) << 32) - 1) << QByteArray("3b0000000100000000");
    QTest::newRow("INT64_MIN") << Value(kMin) << QByteArray("3b7fffffffffffffff");

    QTest::newRow("null") << Value() << QByteArray("f6");
    QTest::newRow("false") << Value(false) << QByteArray("f4");
    QTest::newRow("true") << Value(true) << QByteArray("f5");
    QTest::newRow("double 0.0 stays float64") << Value(0.0) << QByteArray("fb0000000000000000");
    QTest::newRow("double 1.5 stays float64") << Value(1.5) << QByteArray("fb3ff8000000000000");
    QTest::newRow("double -2.25") << Value(-2.25) << QByteArray("fbc002000000000000");
    QTest::newRow("double 1e300") << Value(1e300) << QByteArray("fb7e37e43c8800759c");

    QTest::newRow("empty string") << Value("") << QByteArray("60");
    QTest::newRow("string a") << Value("a") << QByteArray("6161");
    QTest::newRow("string 2-byte UTF-8") << Value::string("\xc3\xa9") << QByteArray("62c3a9");
    QTest::newRow("string 4-byte UTF-8") << Value::string("\xf0\x9f\x98\x80") << QByteArray("64f09f9880");
    QTest::newRow("empty binary") << Value::binary({}) << QByteArray("40");
    QTest::newRow("binary 3 bytes") << Value::binary(QByteArray::fromHex("0001ff")) << QByteArray("430001ff");

    QTest::newRow("empty list") << list({}) << QByteArray("80");
    QTest::newRow("list of scalars") << list({1, "a", Value()}) << QByteArray("83016161f6");
    QTest::newRow("empty dict") << Value(Value::Dict{}) << QByteArray("a0");
    QTest::newRow("dict key order kept")
        << DictBuilder().add("b", 1).add("a", list({true})).build() << QByteArray("a2616201616181f5");
    QTest::newRow("nested list and dict")
        << list({DictBuilder().add("k", list({1, Value(Value::Dict{})})).build()})
        << QByteArray("81a1616b8201a0");
}

void tst_CborSerializer::encodeScalars()
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

void tst_CborSerializer::lengthHeaders_data()
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
    QTest::newRow("text 23 immediate") << string(23) << QByteArray("77");
    QTest::newRow("text 24 length8") << string(24) << QByteArray("7818");
    QTest::newRow("text 31") << string(31) << QByteArray("781f");
    QTest::newRow("text 32") << string(32) << QByteArray("7820");
    QTest::newRow("text 255 length8") << string(255) << QByteArray("78ff");
    QTest::newRow("text 256 length16") << string(256) << QByteArray("790100");
    QTest::newRow("text 65535 length16") << string(65535) << QByteArray("79ffff");
    QTest::newRow("text 65536 length32") << string(65536) << QByteArray("7a00010000");
    QTest::newRow("bytes 23 immediate") << binary(23) << QByteArray("57");
    QTest::newRow("bytes 24 length8") << binary(24) << QByteArray("5818");
    QTest::newRow("bytes 256 length16") << binary(256) << QByteArray("590100");
    QTest::newRow("bytes 65536 length32") << binary(65536) << QByteArray("5a00010000");
    QTest::newRow("list 23 immediate") << nulls(23) << QByteArray("97");
    QTest::newRow("list 24 length8") << nulls(24) << QByteArray("9818");
    QTest::newRow("list 65535 length16") << nulls(65535) << QByteArray("99ffff");
    QTest::newRow("list 65536 length32") << nulls(65536) << QByteArray("9a00010000");
    QTest::newRow("dict 23 immediate") << dict(23) << QByteArray("b7");
    QTest::newRow("dict 24 length8") << dict(24) << QByteArray("b818");
    QTest::newRow("dict 256 length16") << dict(256) << QByteArray("b90100");
    QTest::newRow("dict 65536 length32") << dict(65536) << QByteArray("ba00010000");
}

void tst_CborSerializer::lengthHeaders()
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
        QCOMPARE(encoded.mid(header.size()), QByteArray(qsizetype(value.list().size()), '\xf6'));

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(encoded, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, value);
}

void tst_CborSerializer::decodeOtherForms_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<Value>("expected");

    QTest::newRow("uint8 small") << QByteArray("1805") << Value(5);
    QTest::newRow("uint64 small") << QByteArray("1b0000000000000005") << Value(5);
    QTest::newRow("nint8 -1") << QByteArray("3800") << Value(-1);
    QTest::newRow("nint64 -1") << QByteArray("3b0000000000000000") << Value(-1);
    QTest::newRow("half 1.5") << QByteArray("f93e00") << Value(1.5);
    QTest::newRow("half subnormal") << QByteArray("f90001") << Value(5.9604644775390625e-08);
    QTest::newRow("half 65504") << QByteArray("f97bff") << Value(65504.0);
    QTest::newRow("single 1.5") << QByteArray("fa3fc00000") << Value(1.5);
    QTest::newRow("single max") << QByteArray("fa7f7fffff")
                                << Value(double(std::numeric_limits<float>::max()));
    QTest::newRow("undefined is null") << QByteArray("f7") << Value();
    QTest::newRow("undefined in list") << QByteArray("8201f7") << list({1, Value()});
    QTest::newRow("text length8 short") << QByteArray("7803616263") << Value("abc");
    QTest::newRow("text length64 short") << QByteArray("7b0000000000000003616263") << Value("abc");
    QTest::newRow("indefinite text") << QByteArray("7f61616162ff") << Value("ab");
    QTest::newRow("indefinite text, empty chunks") << QByteArray("7f60616160ff") << Value("a");
    QTest::newRow("indefinite text, no chunks") << QByteArray("7fff") << Value("");
    QTest::newRow("indefinite bytes")
        << QByteArray("5f4101420203ff") << Value::binary(QByteArray::fromHex("010203"));
    QTest::newRow("indefinite array") << QByteArray("9f0102ff") << list({1, 2});
    QTest::newRow("indefinite empty array") << QByteArray("9fff") << list({});
    QTest::newRow("indefinite map") << QByteArray("bf616101616202ff")
                                    << DictBuilder().add("a", 1).add("b", 2).build();
    QTest::newRow("indefinite inside definite") << QByteArray("819f9fffff") << list({list({list({})})});
    QTest::newRow("array length32 short") << QByteArray("9a000000020102") << list({1, 2});
    QTest::newRow("duplicate keys kept in order")
        << QByteArray("a2616101616102") << DictBuilder().add("a", 1).add("a", 2).build();
    // Tags are skipped and the tagged item is used.
    QTest::newRow("tag 0 date string")
        << QByteArray("c074323031332d30332d32315432303a30343a30305a") << Value("2013-03-21T20:04:00Z");
    QTest::newRow("tag 1 epoch") << QByteArray("c11a514b67b0") << Value(1363896240);
    QTest::newRow("tag 32 URI") << QByteArray("d82076687474703a2f2f7777772e6578616d706c652e636f6d")
                                << Value("http://www.example.com");
    QTest::newRow("self-described CBOR 55799") << QByteArray("d9d9f7820102") << list({1, 2});
    QTest::newRow("stacked tags") << QByteArray("c6c6c601") << Value(1);
    QTest::newRow("tagged map key") << QByteArray("a1d8206161f5") << DictBuilder().add("a", true).build();
    QTest::newRow("tag 24 embedded CBOR stays bytes")
        << QByteArray("d818420102") << Value::binary(QByteArray::fromHex("0102"));
}

void tst_CborSerializer::decodeOtherForms()
{
    QFETCH(QByteArray, hex);
    QFETCH(Value, expected);

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(QByteArray::fromHex(hex), &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, expected);
    QCOMPARE(decoded->type(), expected.type());
}

void tst_CborSerializer::specialDoubles_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QByteArray>("singleHex");
    QTest::addColumn<QByteArray>("halfHex");

    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("fb7ff8000000000000")
                         << QByteArray("fa7fc00000") << QByteArray("f97e00");
    QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << QByteArray("fb7ff0000000000000")
                          << QByteArray("fa7f800000") << QByteArray("f97c00");
    QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << QByteArray("fbfff0000000000000")
                          << QByteArray("faff800000") << QByteArray("f9fc00");
    QTest::newRow("-0.0") << -0.0 << QByteArray("fb8000000000000000") << QByteArray("fa80000000")
                          << QByteArray("f98000");
}

void tst_CborSerializer::specialDoubles()
{
    QFETCH(double, value);
    QFETCH(QByteArray, hex);
    QFETCH(QByteArray, singleHex);
    QFETCH(QByteArray, halfHex);

    QCOMPARE(m_serializer.encode(Value(value)).toHex(), hex);

    for (const QByteArray& input : {hex, singleHex, halfHex}) {
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

void tst_CborSerializer::officialVectors_data()
{
    QTest::addColumn<QByteArray>("hex");

    // From the WAMP test vectors: wamp-proto/wamp-proto, testsuite/singlemessage/basic/<file>, "cbor" bytes.
    QTest::newRow("hello.json") << QByteArray(
        "830171636f6d2e6578616d706c652e7265616c6da165726f6c6573a26a73756273637"
        "269626572a0697075626c6973686572a0");
    QTest::newRow("call.json") << QByteArray(
        "8518301a00773bf7a076636f6d2e6d796170702e6d7970726f63656475726531816d486"
        "56c6c6f2c20776f726c6421");
    QTest::newRow("event.json positional args")
        << QByteArray("8518241a0095e5261b0000001a21a278bea0816d48656c6c6f2c206576656e7421");
    QTest::newRow("event.json forward_for") << QByteArray(
        "8518241b00000001ba2dc75e1b000000819c967f6ca16b666f72776172645f666f7281a36773657373696f6e1a931ae6"
        "0b666175746869646966726f6e74656e64316861757468726f6c6564757365728218646464617461");
    // Payload Passthru Mode (end-to-end encrypted): a byte string in place of Arguments|list.
    QTest::newRow("event.json transparent payload") << QByteArray(
        "8518241b00000001509c397e1b000000e891bf9908a268656e635f616c676f6963727970746f626f786e656e635f7365"
        "7269616c697a6572676d73677061636b581e83a5636f6c6f72a4626c7565a473697a65a56c61726765a5636f756e741e");
}

void tst_CborSerializer::officialVectors()
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

void tst_CborSerializer::messageRoundTrip_data()
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

void tst_CborSerializer::messageRoundTrip()
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

void tst_CborSerializer::badInput_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty CBOR input");
    QTest::newRow("truncated list") << QByteArray("8201") << QStringLiteral("truncated");
    QTest::newRow("truncated uint32") << QByteArray("1a0001") << QStringLiteral("truncated");
    QTest::newRow("truncated text") << QByteArray("636162") << QStringLiteral("truncated");
    QTest::newRow("truncated indefinite list") << QByteArray("9f01") << QStringLiteral("truncated");
    QTest::newRow("tag without item") << QByteArray("c0") << QStringLiteral("truncated");
    QTest::newRow("trailing byte") << QByteArray("0102")
                                   << QStringLiteral("trailing data after the CBOR value at byte 1 of 2");
    QTest::newRow("trailing garbage after list")
        << QByteArray("8101f6f6f6") << QStringLiteral("at byte 2 of 5");
    QTest::newRow("trailing break") << QByteArray("00ff") << QStringLiteral("trailing data");
    QTest::newRow("invalid UTF-8 in text") << QByteArray("62c328") << QStringLiteral("invalid UTF-8");
    QTest::newRow("overlong NUL") << QByteArray("62c080") << QStringLiteral("invalid UTF-8");
    QTest::newRow("UTF-16 surrogate") << QByteArray("63eda080") << QStringLiteral("invalid UTF-8");
    QTest::newRow("above U+10FFFF") << QByteArray("64f4908080") << QStringLiteral("invalid UTF-8");
    // RFC 8949 3.2.3: every chunk of an indefinite-length text string is valid UTF-8 on its own.
    QTest::newRow("code point split across chunks")
        << QByteArray("7f61c361a9ff") << QStringLiteral("invalid UTF-8");
    QTest::newRow("invalid UTF-8 in key") << QByteArray("a161ff01") << QStringLiteral("invalid UTF-8");
    QTest::newRow("integer key") << QByteArray("a10102")
                                 << QStringLiteral("CBOR map key must be a text string, got integer");
    QTest::newRow("byte string key") << QByteArray("a1416101") << QStringLiteral("got byte string");
    QTest::newRow("array key") << QByteArray("a18001") << QStringLiteral("got array");
    QTest::newRow("map key") << QByteArray("a1a001") << QStringLiteral("got map");
    QTest::newRow("null key") << QByteArray("a1f601") << QStringLiteral("got simple value");
    QTest::newRow("float key") << QByteArray("a1f93c0001") << QStringLiteral("got float");
    QTest::newRow("key in indefinite map") << QByteArray("bf0102ff") << QStringLiteral("got integer");
    QTest::newRow("indefinite map, key without value")
        << QByteArray("bf6161ff") << QStringLiteral("invalid CBOR");
    QTest::newRow("simple value 16") << QByteArray("f0")
                                     << QStringLiteral("unsupported CBOR simple value 16");
    QTest::newRow("simple value 255")
        << QByteArray("f8ff") << QStringLiteral("unsupported CBOR simple value 255");
    QTest::newRow("simple value 24 in two bytes") << QByteArray("f818") << QStringLiteral("invalid CBOR");
    QTest::newRow("-2^63-1") << QByteArray("3b8000000000000000") << QStringLiteral("integer out of range");
    QTest::newRow("-2^64") << QByteArray("3bffffffffffffffff") << QStringLiteral("integer out of range");
    QTest::newRow("positive bignum") << QByteArray("c249010000000000000000")
                                     << QStringLiteral("CBOR bignums (tag 2) are not supported");
    QTest::newRow("negative bignum") << QByteArray("c34100") << QStringLiteral("tag 3");
    QTest::newRow("reserved additional info 28") << QByteArray("1c") << QStringLiteral("invalid CBOR");
    QTest::newRow("lone break") << QByteArray("ff") << QStringLiteral("invalid CBOR");
    QTest::newRow("integer chunk in indefinite bytes")
        << QByteArray("5f01ff") << QStringLiteral("invalid CBOR");
    QTest::newRow("nested indefinite text") << QByteArray("7f7f6161ffff") << QStringLiteral("invalid CBOR");
    QTest::newRow("break inside definite array") << QByteArray("8201ff") << QStringLiteral("invalid CBOR");
}

void tst_CborSerializer::badInput()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, errorPart);

    QString error;
    const std::optional<Value> decoded = m_serializer.decode(QByteArray::fromHex(hex), &error);
    QVERIFY(!decoded);
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void tst_CborSerializer::truncatedAtEveryOffset()
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

void tst_CborSerializer::nestingDepth_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("depth"); // 0: must be rejected

    static_assert(kMaxNestingDepth == 64, "the rows below spell out 64 and 65 levels");
    QTest::newRow("64 arrays") << repeated("81", 63) + repeated("80", 1) << 64;
    QTest::newRow("65 arrays") << repeated("81", 64) + repeated("80", 1) << 0;
    QTest::newRow("64 maps") << repeated("a16161", 63) + repeated("a0", 1) << 64;
    QTest::newRow("65 maps") << repeated("a16161", 64) + repeated("a0", 1) << 0;
    QTest::newRow("64 indefinite arrays") << repeated("9f", 64) + repeated("ff", 64) << 64;
    QTest::newRow("65 indefinite arrays") << repeated("9f", 65) + repeated("ff", 65) << 0;
    QTest::newRow("64 mixed") << repeated("81a16161", 31) + repeated("8180", 1) << 64;
    QTest::newRow("65 mixed") << repeated("81a16161", 32) + repeated("80", 1) << 0;
    QTest::newRow("64 tagged arrays") << repeated("c681", 63) + repeated("80", 1) << 64;
    QTest::newRow("100000 arrays, truncated") << repeated("81", 100000) << 0;
}

void tst_CborSerializer::nestingDepth()
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

void tst_CborSerializer::encodedNestingLimit()
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

void tst_CborSerializer::hugeAnnouncedLength_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("errorPart");

    const QString truncated = QStringLiteral("truncated");
    QTest::newRow("array 2^64-1") << QByteArray("9bffffffffffffffff") << truncated;
    QTest::newRow("array 2^32-1") << QByteArray("9affffffff") << truncated;
    QTest::newRow("map 2^64-1") << QByteArray("bbffffffffffffffff") << truncated;
    QTest::newRow("map 2^31") << QByteArray("ba80000000") << truncated;
    QTest::newRow("array 65535") << QByteArray("99ffff") << truncated;
    QTest::newRow("text 2^32-1") << QByteArray("7affffffff") << truncated;
    QTest::newRow("bytes 2^63-1") << QByteArray("5b7fffffffffffffff") << truncated;
    // Beyond what a QByteArray can hold: the reader refuses the length itself.
    QTest::newRow("text 2^64-1") << QByteArray("7bffffffffffffffff") << QStringLiteral("data set too large");
    QTest::newRow("chunk of indefinite text") << QByteArray("7f7a7fffffff") << truncated;
    QTest::newRow("nested array headers") << QByteArray("819a7fffffff9a7fffffff") << truncated;
    QTest::newRow("array after valid items") << QByteArray("8301029bffffffffffffffff") << truncated;
}

void tst_CborSerializer::hugeAnnouncedLength()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, errorPart);

    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!m_serializer.decode(QByteArray::fromHex(hex), &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(timer.elapsed() < 1000);
}

QTEST_APPLESS_MAIN(tst_CborSerializer)
#include "tst_cborserializer.moc"
