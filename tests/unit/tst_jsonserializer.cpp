#include "serialization/jsonserializer.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace wamp;

Q_DECLARE_METATYPE(wamp::Value)

namespace wamp {
// Lets QCOMPARE print both sides of a failed Value comparison.
char* toString(const Value& value)
{
    return qstrdup(value.toDebugString().toUtf8().constData());
}
} // namespace wamp

namespace {

constexpr qint64 kInt64Min = std::numeric_limits<qint64>::min();
constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();
constexpr quint64 kUInt64Max = std::numeric_limits<quint64>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Value list(std::initializer_list<Value> items)
{
    return Value(Value::List(items));
}

Value dict(QByteArray key, Value value)
{
    return DictBuilder().add(std::move(key), std::move(value)).build();
}

const JsonSerializer& json()
{
    static const JsonSerializer serializer;
    return serializer;
}

// Decodes from a heap buffer of exactly the input's size, so that AddressSanitizer catches a read past the
// end (a QByteArray always has a terminating '\0' the parser could read unnoticed).
std::optional<Value> decodeExact(QByteArrayView input, QString* error)
{
    const auto buffer = std::make_unique<char[]>(size_t(std::max<qsizetype>(input.size(), 1)));
    std::copy(input.begin(), input.end(), buffer.get());
    return json().decode(QByteArrayView(buffer.get(), input.size()), error);
}

// `depth` nested containers, level i a dict when pattern[i % size] is 'd' and a list otherwise; the innermost
// is empty.
QByteArray nested(int depth, QByteArrayView pattern)
{
    QByteArray text;
    for (int i = depth - 1; i >= 0; --i) {
        const bool isDict = pattern[i % pattern.size()] == 'd';
        if (text.isEmpty())
            text = isDict ? "{}" : "[]";
        else if (isDict)
            text = "{\"a\":" + text + '}';
        else
            text = '[' + text + ']';
    }
    return text;
}

// Where the first container deeper than kMaxNestingDepth starts in nested(depth, pattern).
int tooDeepOffset(QByteArrayView pattern)
{
    int offset = 0;
    for (int i = 0; i < kMaxNestingDepth; ++i)
        offset += pattern[i % pattern.size()] == 'd' ? 5 : 1;
    return offset;
}

QByteArray error(int byte, const char* what)
{
    return "invalid JSON at byte " + QByteArray::number(byte) + ": " + what;
}

} // namespace

class tst_JsonSerializer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names();
    void encode_data();
    void encode();
    void decode_data();
    void decode();
    void decodeNonFinite_data();
    void decodeNonFinite();
    void decodeNegativeZero();
    void integerBoundsRoundTrip_data();
    void integerBoundsRoundTrip();
    void doubleRoundTrip_data();
    void doubleRoundTrip();
    void binaryConvention();
    void decodeErrors_data();
    void decodeErrors();
    void truncatedInputFails_data();
    void truncatedInputFails();
    void nestingLimit_data();
    void nestingLimit();
    void deepNestingStress();
    void messageRoundTrip();
    void decodeMessageErrors_data();
    void decodeMessageErrors();
};

void tst_JsonSerializer::names()
{
    QCOMPARE(json().kind(), SerializerKind::Json);
    QVERIFY(!json().isBinary());
    QCOMPARE(json().name(), QStringLiteral("json"));
    QCOMPARE(json().subprotocol(), QStringLiteral("wamp.2.json"));
    QCOMPARE(json().rawSocketId(), 1);
    QCOMPARE(&serializerFor(SerializerKind::Json), &serializerFor(SerializerKind::Json));
    QCOMPARE(serializerFor(SerializerKind::Json).kind(), SerializerKind::Json);
    QCOMPARE(serializerKindFromName(u"json"), SerializerKind::Json);
    QCOMPARE(serializerKindFromSubprotocol(u"wamp.2.json"), SerializerKind::Json);
    QVERIFY(!serializerKindFromName(u"JSON"));
}

void tst_JsonSerializer::encode_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("null") << Value() << QByteArray("null");
    QTest::newRow("true") << Value(true) << QByteArray("true");
    QTest::newRow("false") << Value(false) << QByteArray("false");
    QTest::newRow("0") << Value(0) << QByteArray("0");
    QTest::newRow("-1") << Value(-1) << QByteArray("-1");
    QTest::newRow("INT64_MIN") << Value(kInt64Min) << QByteArray("-9223372036854775808");
    QTest::newRow("INT64_MAX") << Value(kInt64Max) << QByteArray("9223372036854775807");
    QTest::newRow("UINT64_MAX") << Value(kUInt64Max) << QByteArray("18446744073709551615");

    QTest::newRow("1.5") << Value(1.5) << QByteArray("1.5");
    QTest::newRow("1.0 stays a float") << Value(1.0) << QByteArray("1.0");
    QTest::newRow("100.0") << Value(100.0) << QByteArray("100.0");
    QTest::newRow("0.1 shortest") << Value(0.1) << QByteArray("0.1");
    QTest::newRow("-2.5") << Value(-2.5) << QByteArray("-2.5");
    QTest::newRow("1e300") << Value(1e300) << QByteArray("1e+300");
    QTest::newRow("1.5e-7") << Value(1.5e-7) << QByteArray("1.5e-07");
    QTest::newRow("smallest subnormal") << Value(5e-324) << QByteArray("5e-324");
    QTest::newRow("-0.0") << Value(-0.0) << QByteArray("-0.0");
    QTest::newRow("0.0") << Value(0.0) << QByteArray("0.0");
    QTest::newRow("NaN") << Value(kNaN) << QByteArray("null");
    QTest::newRow("Infinity") << Value(kInf) << QByteArray("null");
    QTest::newRow("-Infinity") << Value(-kInf) << QByteArray("null");

    QTest::newRow("empty string") << Value("") << QByteArray(R"("")");
    QTest::newRow("plain string") << Value("com.myapp") << QByteArray(R"("com.myapp")");
    QTest::newRow("quote") << Value("a\"b") << QByteArray(R"("a\"b")");
    QTest::newRow("backslash") << Value("a\\b") << QByteArray(R"("a\\b")");
    QTest::newRow("short escapes") << Value("\n\r\t\b\f") << QByteArray(R"("\n\r\t\b\f")");
    QTest::newRow("control chars as \\u00XX")
        << Value::string(QByteArray("\x01\x1f\x0b", 3)) << QByteArray(R"("\u0001\u001f\u000b")");
    QTest::newRow("NUL inside") << Value::string(QByteArray("a\0b", 3)) << QByteArray(R"("a\u0000b")");
    QTest::newRow("DEL and slash raw") << Value("\x7f/") << QByteArray("\"\x7f/\"");
    QTest::newRow("non-ASCII raw UTF-8") << Value("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80")
                                         << QByteArray("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
    QTest::newRow("escape between raw runs") << Value("ab\ncd\"ef") << QByteArray(R"("ab\ncd\"ef")");

    QTest::newRow("binary") << Value::binary(QByteArray("\x00\x01\xff", 3)) << QByteArray(R"("\u0000AAH/")");
    QTest::newRow("binary with padding") << Value::binary("ab") << QByteArray(R"("\u0000YWI=")");
    QTest::newRow("empty binary") << Value::binary({}) << QByteArray(R"("\u0000")");

    QTest::newRow("empty list") << Value(Value::List{}) << QByteArray("[]");
    QTest::newRow("empty dict") << Value(Value::Dict{}) << QByteArray("{}");
    QTest::newRow("compact list") << list({1, "a", Value(), true, 2.5})
                                  << QByteArray(R"([1,"a",null,true,2.5])");
    QTest::newRow("key order kept") << DictBuilder().add("z", 1).add("a", 2).add("m", 3).build()
                                    << QByteArray(R"({"z":1,"a":2,"m":3})");
    QTest::newRow("escaped key") << dict("k\"\n", 1) << QByteArray(R"({"k\"\n":1})");
    QTest::newRow("nested") << list({16, 1, dict("a", list({dict("b", Value(Value::List{}))})), "t"})
                            << QByteArray(R"([16,1,{"a":[{"b":[]}]},"t"])");
}

void tst_JsonSerializer::encode()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(json().encode(value), expected);
}

void tst_JsonSerializer::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Value>("expected");

    QTest::newRow("null") << QByteArray("null") << Value();
    QTest::newRow("true") << QByteArray("true") << Value(true);
    QTest::newRow("false") << QByteArray("false") << Value(false);
    QTest::newRow("0") << QByteArray("0") << Value(0);
    QTest::newRow("-0 is integer 0") << QByteArray("-0") << Value(0);
    QTest::newRow("integer") << QByteArray("7814135") << Value(7814135);
    QTest::newRow("negative") << QByteArray("-42") << Value(-42);
    QTest::newRow("1.5") << QByteArray("1.5") << Value(1.5);
    QTest::newRow("1.0 is a float") << QByteArray("1.0") << Value(1.0);
    QTest::newRow("exponent") << QByteArray("1e2") << Value(100.0);
    QTest::newRow("exponent E+") << QByteArray("1E+2") << Value(100.0);
    QTest::newRow("exponent e-") << QByteArray("25e-1") << Value(2.5);
    QTest::newRow("1e300") << QByteArray("1e+300") << Value(1e300);
    QTest::newRow("subnormal") << QByteArray("5e-324") << Value(5e-324);
    QTest::newRow("overflow to infinity") << QByteArray("1e400") << Value(kInf);
    QTest::newRow("negative overflow") << QByteArray("-1e400") << Value(-kInf);
    QTest::newRow("underflow to zero") << QByteArray("1e-400") << Value(0.0);
    QTest::newRow("2^64 is a float") << QByteArray("18446744073709551616") << Value(18446744073709551616.0);
    QTest::newRow("below INT64_MIN is a float")
        << QByteArray("-9223372036854775809") << Value(-9223372036854775808.0);

    QTest::newRow("string") << QByteArray(R"("abc")") << Value("abc");
    QTest::newRow("empty string") << QByteArray(R"("")") << Value("");
    QTest::newRow("short escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")") << Value("\"\\/\b\f\n\r\t");
    QTest::newRow("\\u0041") << QByteArray(R"("\u0041")") << Value("A");
    QTest::newRow("\\u00e9 to UTF-8") << QByteArray(R"("\u00e9")") << Value("\xc3\xa9");
    QTest::newRow("\\u20AC upper-case hex") << QByteArray(R"("\u20AC")") << Value("\xe2\x82\xac");
    QTest::newRow("\\u0000 inside") << QByteArray(R"("a\u0000")") << Value::string(QByteArray("a\0", 2));
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << Value("\xf0\x9f\x98\x80");
    QTest::newRow("surrogate pair upper-case")
        << QByteArray(R"("x\uD83D\uDE00y")") << Value("x\xf0\x9f\x98\x80y");
    QTest::newRow("raw UTF-8") << QByteArray("\"\xf0\x9f\x98\x80\xc3\xa9\"")
                               << Value("\xf0\x9f\x98\x80\xc3\xa9");
    QTest::newRow("U+10FFFF raw") << QByteArray("\"\xf4\x8f\xbf\xbf\"") << Value("\xf4\x8f\xbf\xbf");
    QTest::newRow("U+10FFFF escaped") << QByteArray(R"("\udbff\udfff")") << Value("\xf4\x8f\xbf\xbf");

    QTest::newRow("binary") << QByteArray(R"("\u0000AAH/")") << Value::binary(QByteArray("\x00\x01\xff", 3));
    QTest::newRow("empty binary") << QByteArray(R"("\u0000")") << Value::binary({});

    QTest::newRow("whitespace everywhere") << QByteArray(" \t\r\n[ 1 ,\n\t2 , { \"a\" : [ ] } ] \r\n ")
                                           << list({1, 2, dict("a", Value(Value::List{}))});
    QTest::newRow("empty containers with spaces")
        << QByteArray("[ [ ] , { } ]") << list({Value(Value::List{}), Value(Value::Dict{})});
    QTest::newRow("key order kept") << QByteArray(R"({"z":1,"a":2})")
                                    << DictBuilder().add("z", 1).add("a", 2).build();
    QTest::newRow("duplicate keys kept")
        << QByteArray(R"({"a":1,"a":2})") << DictBuilder().add("a", 1).add("a", 2).build();
    QTest::newRow("escaped key") << QByteArray(R"({"\u0041\n":true})") << dict("A\n", true);
}

void tst_JsonSerializer::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(Value, expected);

    QString error;
    const std::optional<Value> value = decodeExact(input, &error);
    QVERIFY2(value, qPrintable(error));
    QCOMPARE(*value, expected);
    QCOMPARE(value->type(), expected.type());
}

void tst_JsonSerializer::decodeNonFinite_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("sign"); // 0: NaN

    // Python's json module writes these; the decoder accepts them so such peers interoperate.
    QTest::newRow("NaN") << QByteArray("NaN") << 0;
    QTest::newRow("Infinity") << QByteArray("Infinity") << 1;
    QTest::newRow("-Infinity") << QByteArray("-Infinity") << -1;
    QTest::newRow("in a list") << QByteArray("[ -Infinity ]") << -1;
}

void tst_JsonSerializer::decodeNonFinite()
{
    QFETCH(QByteArray, input);
    QFETCH(int, sign);

    QString error;
    std::optional<Value> value = decodeExact(input, &error);
    QVERIFY2(value, qPrintable(error));
    if (value->isList()) {
        const Value first = value->list().front(); // copied first: assigning would free the list it lives in
        value = first;
    }
    QVERIFY(value->isDouble());
    if (sign == 0) {
        QVERIFY(std::isnan(value->toDouble()));
    } else {
        QVERIFY(std::isinf(value->toDouble()));
        QCOMPARE(std::signbit(value->toDouble()), sign < 0);
    }
}

void tst_JsonSerializer::decodeNegativeZero()
{
    QString error;
    const std::optional<Value> value = decodeExact("-0.0", &error);
    QVERIFY2(value, qPrintable(error));
    QVERIFY(value->isDouble());
    QCOMPARE(value->toDouble(), 0.0);
    QVERIFY(std::signbit(value->toDouble()));
    QCOMPARE(json().encode(*value), QByteArray("-0.0"));
}

void tst_JsonSerializer::integerBoundsRoundTrip_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isUnsigned");

    QTest::newRow("INT64_MIN") << Value(kInt64Min) << QByteArray("-9223372036854775808") << false;
    QTest::newRow("INT64_MIN+1") << Value(kInt64Min + 1) << QByteArray("-9223372036854775807") << false;
    QTest::newRow("-1") << Value(-1) << QByteArray("-1") << false;
    QTest::newRow("2^53") << Value(quint64(1) << 53) << QByteArray("9007199254740992") << true;
    QTest::newRow("2^53+1") << Value((quint64(1) << 53) + 1) << QByteArray("9007199254740993") << true;
    QTest::newRow("INT64_MAX") << Value(kInt64Max) << QByteArray("9223372036854775807") << true;
    QTest::newRow("INT64_MAX+1") << Value(quint64(kInt64Max) + 1) << QByteArray("9223372036854775808")
                                 << true;
    QTest::newRow("UINT64_MAX") << Value(kUInt64Max) << QByteArray("18446744073709551615") << true;
}

void tst_JsonSerializer::integerBoundsRoundTrip()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, text);
    QFETCH(bool, isUnsigned);

    QCOMPARE(json().encode(value), text);
    QString error;
    const std::optional<Value> decoded = decodeExact(text, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->type(), value.type());
    QCOMPARE(*decoded, value);
    QCOMPARE(decoded->isUnsigned(), isUnsigned);
    QCOMPARE(decoded->toUInt(), value.toUInt());
}

void tst_JsonSerializer::doubleRoundTrip_data()
{
    QTest::addColumn<double>("value");

    QTest::newRow("0.1") << 0.1;
    QTest::newRow("1/3") << 1.0 / 3.0;
    QTest::newRow("1.0") << 1.0;
    QTest::newRow("-1e-300") << -1e-300;
    QTest::newRow("max") << std::numeric_limits<double>::max();
    QTest::newRow("lowest") << std::numeric_limits<double>::lowest();
    QTest::newRow("min normal") << std::numeric_limits<double>::min();
    QTest::newRow("denorm min") << std::numeric_limits<double>::denorm_min();
    QTest::newRow("2^53") << 9007199254740992.0;
    QTest::newRow("1e21") << 1e21;
}

void tst_JsonSerializer::doubleRoundTrip()
{
    QFETCH(double, value);

    const QByteArray text = json().encode(Value(value));
    QString error;
    const std::optional<Value> decoded = decodeExact(text, &error);
    QVERIFY2(decoded, qPrintable(error + u' ' + QString::fromLatin1(text)));
    QVERIFY2(decoded->isDouble(), text.constData());
    QCOMPARE(decoded->toDouble(), value);
}

void tst_JsonSerializer::binaryConvention()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    for (qsizetype length = 0; length <= all.size(); length += 17) {
        const Value binary = Value::binary(all.left(length));
        const QByteArray text = json().encode(binary);
        QCOMPARE(text, "\"\\u0000" + all.left(length).toBase64() + '"');
        QString error;
        const std::optional<Value> decoded = decodeExact(text, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(*decoded, binary);
    }
    // Inside a message the marker works the same, and a string that merely contains a NUL stays a string.
    const Value payload = list({16, 1, Value(Value::Dict{}), "t", Value::binary("\x01\x02")});
    QCOMPARE(json().encode(payload), QByteArray(R"([16,1,{},"t","\u0000AQI="])"));
    QCOMPARE(*json().decode(json().encode(payload), nullptr), payload);
    QCOMPARE(*json().decode(R"("x\u0000AQI=")", nullptr), Value::string(QByteArray("x\0AQI=", 6)));
}

void tst_JsonSerializer::decodeErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("empty input") << QByteArray() << error(0, "unexpected end of input");
    QTest::newRow("whitespace only") << QByteArray(" \n") << error(2, "unexpected end of input");
    QTest::newRow("trailing garbage")
        << QByteArray("[1]x") << error(3, "unexpected data after the JSON value");
    QTest::newRow("second value") << QByteArray("[1] [2]")
                                  << error(4, "unexpected data after the JSON value");
    QTest::newRow("trailing NUL") << QByteArray("[1]\0", 4)
                                  << error(3, "unexpected data after the JSON value");

    QTest::newRow("overlong '/'") << QByteArray("\"\xc0\xaf\"") << error(0, "string is not valid UTF-8");
    QTest::newRow("lone continuation") << QByteArray("\"a\x80\"") << error(0, "string is not valid UTF-8");
    QTest::newRow("UTF-8 surrogate") << QByteArray("\"\xed\xa0\x80\"")
                                     << error(0, "string is not valid UTF-8");
    QTest::newRow("above U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"")
                                    << error(0, "string is not valid UTF-8");
    QTest::newRow("invalid lead byte") << QByteArray("\"\xff\"") << error(0, "string is not valid UTF-8");
    QTest::newRow("truncated sequence")
        << QByteArray("\"\xe2\x82\"") << error(0, "string is not valid UTF-8");
    QTest::newRow("invalid UTF-8 in key")
        << QByteArray("{\"\xc0\xaf\":1}") << error(1, "string is not valid UTF-8");

    QTest::newRow("lone high surrogate")
        << QByteArray(R"("\ud83d")") << error(7, "unpaired UTF-16 surrogate in \\u escape");
    QTest::newRow("lone low surrogate")
        << QByteArray(R"("\ude00")") << error(7, "unpaired UTF-16 surrogate in \\u escape");
    QTest::newRow("high + non-surrogate")
        << QByteArray(R"("\ud83d\u0041")") << error(13, "unpaired UTF-16 surrogate in \\u escape");
    QTest::newRow("high + high") << QByteArray(R"("\ud83d\ud83d")")
                                 << error(13, "unpaired UTF-16 surrogate in \\u escape");
    QTest::newRow("truncated \\u") << QByteArray(R"("\u12")") << error(3, "truncated \\u escape");
    QTest::newRow("bad hex digit") << QByteArray(R"("\u12g4")")
                                   << error(6, "invalid hex digit in \\u escape");
    QTest::newRow("bad escape \\x") << QByteArray(R"("\x41")") << error(3, "invalid escape sequence");
    QTest::newRow("bad escape \\U") << QByteArray(R"("\U0041")") << error(3, "invalid escape sequence");
    QTest::newRow("backslash at end") << QByteArray("\"ab\\") << error(4, "unterminated string");
    QTest::newRow("unterminated string") << QByteArray("\"abc") << error(4, "unterminated string");
    QTest::newRow("control char") << QByteArray("\"a\x01z\"")
                                  << error(2, "unescaped control character in string");
    QTest::newRow("raw newline") << QByteArray("[\"a\nb\"]")
                                 << error(3, "unescaped control character in string");
    QTest::newRow("raw tab") << QByteArray("\"\t\"") << error(1, "unescaped control character in string");

    QTest::newRow("invalid base64") << QByteArray(R"("\u0000!!!!")")
                                    << error(0, "invalid base64 after the \\u0000 binary marker");
    QTest::newRow("base64 with space")
        << QByteArray(R"(["\u0000AA H/"])") << error(1, "invalid base64 after the \\u0000 binary marker");

    QTest::newRow("leading zero") << QByteArray("01") << error(1, "leading zeros are not allowed in numbers");
    QTest::newRow("leading zeros") << QByteArray("[007]")
                                   << error(2, "leading zeros are not allowed in numbers");
    QTest::newRow("negative leading zero")
        << QByteArray("-01") << error(2, "leading zeros are not allowed in numbers");
    QTest::newRow("plus sign") << QByteArray("+1") << error(0, "invalid value");
    QTest::newRow("lone minus") << QByteArray("-") << error(1, "invalid value");
    QTest::newRow("leading dot") << QByteArray(".5") << error(0, "invalid value");
    QTest::newRow("trailing dot") << QByteArray("1.") << error(2, "expected digits after the decimal point");
    QTest::newRow("empty exponent") << QByteArray("1e+") << error(3, "expected digits in the exponent");
    QTest::newRow("hex number") << QByteArray("0x10") << error(1, "unexpected data after the JSON value");
    QTest::newRow("-Inf") << QByteArray("-Inf") << error(1, "invalid value");
    QTest::newRow("-NaN") << QByteArray("-NaN") << error(1, "invalid value");

    QTest::newRow("truncated literal") << QByteArray("tru") << error(0, "invalid literal");
    QTest::newRow("wrong case literal") << QByteArray("True") << error(0, "invalid value");
    QTest::newRow("nan lower case") << QByteArray("nan") << error(0, "invalid literal");
    QTest::newRow("single quotes") << QByteArray("'a'") << error(0, "invalid value");

    QTest::newRow("unterminated list") << QByteArray("[1") << error(2, "unterminated list");
    QTest::newRow("list missing comma") << QByteArray("[1 2]") << error(3, "expected ',' or ']' in list");
    QTest::newRow("list trailing comma") << QByteArray("[1,]") << error(3, "invalid value");
    QTest::newRow("list leading comma") << QByteArray("[,1]") << error(1, "invalid value");
    QTest::newRow("mismatched bracket") << QByteArray("[1}") << error(2, "expected ',' or ']' in list");
    QTest::newRow("unterminated dict") << QByteArray(R"({"a":1)") << error(6, "unterminated dict");
    QTest::newRow("dict non-string key") << QByteArray("{1:2}") << error(1, "expected a string key in dict");
    QTest::newRow("dict missing colon")
        << QByteArray(R"({"a" 1})") << error(5, "expected ':' after dict key");
    QTest::newRow("dict missing value") << QByteArray(R"({"a":})") << error(5, "invalid value");
    QTest::newRow("dict missing comma")
        << QByteArray(R"({"a":1 "b":2})") << error(7, "expected ',' or '}' in dict");
    QTest::newRow("dict trailing comma")
        << QByteArray(R"({"a":1,})") << error(7, "expected a string key in dict");
    QTest::newRow("lone open brace") << QByteArray("{") << error(1, "unexpected end of input");
}

void tst_JsonSerializer::decodeErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, error);

    QString actual;
    QVERIFY(!decodeExact(input, &actual));
    QCOMPARE(actual, QString::fromUtf8(error));
    QVERIFY(!json().decode(input, nullptr));
}

void tst_JsonSerializer::truncatedInputFails_data()
{
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("HELLO") << QByteArray(
        R"([1,"com.example.realm",{"roles":{"subscriber":{},"publisher":{}}}])");
    QTest::newRow("PUBLISH with escapes, numbers and binary")
        << QByteArray(R"([16,9007199254740992,{"x":-1.5e-3,"y":[true,false,null]},"a.b",)"
                      R"(["\u00e9\ud83d\ude00\"\\\n","\u0000AQI=",18446744073709551615,-0.0],)"
                      "{\"k\xc3\xa9\":\"\xf0\x9f\x98\x80\"}]");
    QTest::newRow("spaced") << QByteArray(" [ 36 , 1 , 2 , { } , [ NaN , -Infinity , Infinity ] ] ");
}

void tst_JsonSerializer::truncatedInputFails()
{
    QFETCH(QByteArray, message);

    QString error;
    QVERIFY2(decodeExact(message, &error), qPrintable(error));
    // A list message is incomplete at every prefix that stops before its closing bracket.
    const qsizetype complete = message.lastIndexOf(']') + 1;
    for (qsizetype length = 0; length < complete; ++length) {
        error.clear();
        const std::optional<Value> value = decodeExact(message.first(length), &error);
        QVERIFY2(!value, qPrintable(QStringLiteral("prefix of %1 bytes decoded").arg(length)));
        QVERIFY2(error.startsWith(u"invalid JSON at byte "), qPrintable(error));
    }
}

void tst_JsonSerializer::nestingLimit_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("errorOffset"); // -1: accepted

    for (const char* pattern : {"l", "d", "ld", "dl"}) {
        QTest::addRow("%s at the limit", pattern) << nested(kMaxNestingDepth, pattern) << -1;
        QTest::addRow("%s one deeper", pattern)
            << nested(kMaxNestingDepth + 1, pattern) << tooDeepOffset(pattern);
    }
}

void tst_JsonSerializer::nestingLimit()
{
    QFETCH(QByteArray, input);
    QFETCH(int, errorOffset);

    QString error;
    const std::optional<Value> value = decodeExact(input, &error);
    if (errorOffset < 0) {
        QVERIFY2(value, qPrintable(error));
        QCOMPARE(json().encode(*value), input);
    } else {
        QVERIFY(!value);
        QCOMPARE(error, QStringLiteral("invalid JSON at byte %1: nesting deeper than %2 levels")
                            .arg(errorOffset)
                            .arg(kMaxNestingDepth));
    }
}

void tst_JsonSerializer::deepNestingStress()
{
    // Hostile input far deeper than the limit must be refused without recursing into it.
    for (const char* open : {"[", "{\"\":", "[{\"a\":"}) {
        const QByteArray input = QByteArray(open).repeated(100000);
        QString error;
        QVERIFY(!decodeExact(input, &error));
        QVERIFY2(error.endsWith(QStringLiteral("nesting deeper than %1 levels").arg(kMaxNestingDepth)),
                 qPrintable(error));
    }
}

void tst_JsonSerializer::messageRoundTrip()
{
    Message m;
    m.type = MessageType::Call;
    m.requestId = 7814135;
    m.details = DictBuilder().add("timeout", 1000).build();
    m.uri = "com.myapp.myprocedure1";
    m.args = list({"Hello, world!", 1.0, Value::binary("\xff")});
    const QByteArray bytes = json().encodeMessage(m);
    QCOMPARE(bytes,
             QByteArray(R"([48,7814135,{"timeout":1000},"com.myapp.myprocedure1",["Hello, world!",1.0,)"
                        R"("\u0000/w=="]])"));
    QString error;
    const std::optional<Message> decoded = json().decodeMessage(bytes, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->type, MessageType::Call);
    QCOMPARE(decoded->args, m.args);
    QCOMPARE(json().encodeMessage(*decoded), bytes);
}

void tst_JsonSerializer::decodeMessageErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    // Decoding errors and message-shape errors both reach the caller through decodeMessage().
    QTest::newRow("bad JSON") << QByteArray("[1,")
                              << QStringLiteral("invalid JSON at byte 3: unexpected end of input");
    QTest::newRow("not a list") << QByteArray("{}")
                                << QStringLiteral("a WAMP message must be a list, got dict");
    QTest::newRow("unknown code") << QByteArray("[7]") << QStringLiteral("unknown message code 7");
    QTest::newRow("id as float") << QByteArray(R"([32,1.0,{},"t"])")
                                 << QStringLiteral("SUBSCRIBE field 1: Request|id must be id, got float");
}

void tst_JsonSerializer::decodeMessageErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);

    QString actual;
    QVERIFY(!json().decodeMessage(input, &actual));
    QCOMPARE(actual, error);
}

QTEST_APPLESS_MAIN(tst_JsonSerializer)
#include "tst_jsonserializer.moc"
