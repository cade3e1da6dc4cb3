#include "wamp/value.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace wamp;

Q_DECLARE_METATYPE(wamp::Value)
Q_DECLARE_METATYPE(wamp::Value::Type)

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

Value list(std::initializer_list<Value> items)
{
    return Value(Value::List(items));
}

} // namespace

class tst_Value : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void construction_data();
    void construction();
    void integerNormalisation_data();
    void integerNormalisation();
    void isUnsigned_data();
    void isUnsigned();
    void conversions();
    void accessorsOnOtherTypes_data();
    void accessorsOnOtherTypes();
    void equality_data();
    void equality();
    void nanIsNotEqualToItself();
    void dictLookup();
    void copiesShareListsAndDicts();
    void dictBuilder();
    void toDebugString_data();
    void toDebugString();
    void typeName_data();
    void typeName();
};

void tst_Value::construction_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<Value::Type>("type");

    QTest::newRow("default") << Value() << Value::Type::Null;
    QTest::newRow("nullptr") << Value(nullptr) << Value::Type::Null;
    QTest::newRow("true") << Value(true) << Value::Type::Bool;
    QTest::newRow("false") << Value(false) << Value::Type::Bool;
    QTest::newRow("int") << Value(42) << Value::Type::Int;
    QTest::newRow("negative int") << Value(-1) << Value::Type::Int;
    QTest::newRow("qint64 min") << Value(kInt64Min) << Value::Type::Int;
    QTest::newRow("quint64 max") << Value(kUInt64Max) << Value::Type::UInt;
    QTest::newRow("double") << Value(1.5) << Value::Type::Double;
    QTest::newRow("double NaN") << Value(std::numeric_limits<double>::quiet_NaN()) << Value::Type::Double;
    QTest::newRow("const char*") << Value("abc") << Value::Type::String;
    QTest::newRow("QString") << Value(QStringLiteral("abc")) << Value::Type::String;
    QTest::newRow("string()") << Value::string("abc") << Value::Type::String;
    QTest::newRow("empty string") << Value::string({}) << Value::Type::String;
    QTest::newRow("binary()") << Value::binary(QByteArray("\x00\xff", 2)) << Value::Type::Binary;
    QTest::newRow("empty binary") << Value::binary({}) << Value::Type::Binary;
    QTest::newRow("list") << list({1, "a"}) << Value::Type::List;
    QTest::newRow("empty list") << Value(Value::List{}) << Value::Type::List;
    QTest::newRow("dict") << DictBuilder().add("k", 1).build() << Value::Type::Dict;
    QTest::newRow("empty dict") << Value(Value::Dict{}) << Value::Type::Dict;
}

void tst_Value::construction()
{
    QFETCH(Value, value);
    QFETCH(Value::Type, type);

    QCOMPARE(value.type(), type);
    QCOMPARE(value.isNull(), type == Value::Type::Null);
    QCOMPARE(value.isBool(), type == Value::Type::Bool);
    QCOMPARE(value.isInteger(), type == Value::Type::Int || type == Value::Type::UInt);
    QCOMPARE(value.isDouble(), type == Value::Type::Double);
    QCOMPARE(value.isString(), type == Value::Type::String);
    QCOMPARE(value.isBinary(), type == Value::Type::Binary);
    QCOMPARE(value.isList(), type == Value::Type::List);
    QCOMPARE(value.isDict(), type == Value::Type::Dict);
}

void tst_Value::integerNormalisation_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<Value::Type>("type");
    QTest::addColumn<qint64>("asInt");
    QTest::addColumn<quint64>("asUInt");

    QTest::newRow("quint64 0") << Value(quint64(0)) << Value::Type::Int << qint64(0) << quint64(0);
    QTest::newRow("quint64 5") << Value(quint64(5)) << Value::Type::Int << qint64(5) << quint64(5);
    QTest::newRow("quint64 INT64_MAX")
        << Value(quint64(kInt64Max)) << Value::Type::Int << kInt64Max << quint64(kInt64Max);
    QTest::newRow("quint64 INT64_MAX+1")
        << Value(quint64(kInt64Max) + 1) << Value::Type::UInt << kInt64Min << quint64(kInt64Max) + 1;
    QTest::newRow("quint64 UINT64_MAX") << Value(kUInt64Max) << Value::Type::UInt << qint64(-1) << kUInt64Max;
    QTest::newRow("qint64 INT64_MAX")
        << Value(kInt64Max) << Value::Type::Int << kInt64Max << quint64(kInt64Max);
    QTest::newRow("qint64 INT64_MIN")
        << Value(kInt64Min) << Value::Type::Int << kInt64Min << quint64(kInt64Max) + 1;
    QTest::newRow("int -1") << Value(-1) << Value::Type::Int << qint64(-1) << kUInt64Max;
}

void tst_Value::integerNormalisation()
{
    QFETCH(Value, value);
    QFETCH(Value::Type, type);
    QFETCH(qint64, asInt);
    QFETCH(quint64, asUInt);

    QCOMPARE(value.type(), type);
    QVERIFY(value.isInteger());
    // toInt()/toUInt() reinterpret the 64 bits; isUnsigned() says which reading is the real value.
    QCOMPARE(value.toInt(), asInt);
    QCOMPARE(value.toUInt(), asUInt);
}

void tst_Value::isUnsigned_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<bool>("isUnsigned");

    QTest::newRow("Int 0") << Value(0) << true;
    QTest::newRow("Int 1") << Value(1) << true;
    QTest::newRow("Int INT64_MAX") << Value(kInt64Max) << true;
    QTest::newRow("Int -1") << Value(-1) << false;
    QTest::newRow("Int INT64_MIN") << Value(kInt64Min) << false;
    QTest::newRow("UInt INT64_MAX+1") << Value(quint64(kInt64Max) + 1) << true;
    QTest::newRow("UInt UINT64_MAX") << Value(kUInt64Max) << true;
    QTest::newRow("Double 1.0") << Value(1.0) << false;
    QTest::newRow("String \"1\"") << Value("1") << false;
    QTest::newRow("Bool true") << Value(true) << false;
    QTest::newRow("Null") << Value() << false;
}

void tst_Value::isUnsigned()
{
    QFETCH(Value, value);
    QFETCH(bool, isUnsigned);
    QCOMPARE(value.isUnsigned(), isUnsigned);
}

void tst_Value::conversions()
{
    QCOMPARE(Value(true).toBool(), true);
    QCOMPARE(Value(false).toBool(true), false);
    QCOMPARE(Value(1).toBool(), false);
    QCOMPARE(Value(1).toBool(true), true);

    QCOMPARE(Value(2.9).toInt(), qint64(2));
    QCOMPARE(Value(-2.9).toInt(), qint64(-2));
    QCOMPARE(Value(2.9).toUInt(), quint64(0));
    QCOMPARE(Value(7).toDouble(), 7.0);
    QCOMPARE(Value(kUInt64Max).toDouble(), 18446744073709551615.0);
    QCOMPARE(Value("7").toInt(), qint64(0));
    QCOMPARE(Value("7").toDouble(), 0.0);

    QCOMPARE(Value("h\xc3\xa9").bytes(), QByteArray("h\xc3\xa9"));
    QCOMPARE(Value("h\xc3\xa9").toString(), QStringView(u"h\u00e9").toString());
    QCOMPARE(Value(QStringView(u"h\u00e9").toString()).bytes(), QByteArray("h\xc3\xa9"));
    QCOMPARE(Value::binary("xy").bytes(), QByteArray("xy"));
    QCOMPARE(Value::binary("xy").toString(), QString());
}

void tst_Value::accessorsOnOtherTypes_data()
{
    QTest::addColumn<Value>("value");

    QTest::newRow("null") << Value();
    QTest::newRow("int") << Value(3);
    QTest::newRow("string") << Value("k");
    QTest::newRow("list") << list({"k", 1});
}

void tst_Value::accessorsOnOtherTypes()
{
    QFETCH(Value, value);

    // Accessors for another type return empty fallbacks instead of throwing.
    if (!value.isString())
        QVERIFY(value.bytes().isEmpty());
    if (!value.isList())
        QVERIFY(value.list().empty());
    QVERIFY(value.dict().empty());
    QVERIFY(value["k"].isNull());
    QVERIFY(!value.contains("k"));
}

void tst_Value::equality_data()
{
    QTest::addColumn<Value>("a");
    QTest::addColumn<Value>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("null == null") << Value() << Value(nullptr) << true;
    QTest::newRow("null != false") << Value() << Value(false) << false;
    QTest::newRow("true == true") << Value(true) << Value(true) << true;
    QTest::newRow("true != false") << Value(true) << Value(false) << false;
    QTest::newRow("Int 5 == UInt-constructed 5") << Value(5) << Value(quint64(5)) << true;
    QTest::newRow("Int 5 == qint64 5") << Value(5) << Value(qint64(5)) << true;
    QTest::newRow("Int 5 != Int 6") << Value(5) << Value(6) << false;
    QTest::newRow("UInt max == UInt max") << Value(kUInt64Max) << Value(kUInt64Max) << true;
    // Same 64 bits, different numbers.
    QTest::newRow("Int -1 != UInt max") << Value(-1) << Value(kUInt64Max) << false;
    QTest::newRow("INT64_MIN != 2^63") << Value(kInt64Min) << Value(quint64(kInt64Max) + 1) << false;
    // The documented rule compares Int with UInt only; a float is another type.
    QTest::newRow("Int 5 != Double 5.0") << Value(5) << Value(5.0) << false;
    QTest::newRow("Double 1.5 == 1.5") << Value(1.5) << Value(1.5) << true;
    QTest::newRow("Double 0.0 == -0.0") << Value(0.0) << Value(-0.0) << true;
    QTest::newRow("Double inf == inf") << Value(std::numeric_limits<double>::infinity())
                                       << Value(std::numeric_limits<double>::infinity()) << true;
    QTest::newRow("string == string") << Value("abc") << Value::string("abc") << true;
    QTest::newRow("string != string") << Value("abc") << Value("abd") << false;
    QTest::newRow("string != binary, same bytes") << Value("abc") << Value::binary("abc") << false;
    QTest::newRow("binary == binary") << Value::binary("\x01") << Value::binary("\x01") << true;
    QTest::newRow("empty string != null") << Value("") << Value() << false;
    QTest::newRow("list == list") << list({1, "a", list({true})}) << list({1, "a", list({true})}) << true;
    QTest::newRow("list deep difference") << list({1, list({true})}) << list({1, list({false})}) << false;
    QTest::newRow("list order matters") << list({1, 2}) << list({2, 1}) << false;
    QTest::newRow("list prefix") << list({1}) << list({1, 2}) << false;
    QTest::newRow("list Int vs UInt-constructed") << list({1}) << list({Value(quint64(1))}) << true;
    QTest::newRow("empty list != empty dict") << Value(Value::List{}) << Value(Value::Dict{}) << false;
    QTest::newRow("dict == dict") << DictBuilder().add("a", 1).add("b", "x").build()
                                  << DictBuilder().add("a", 1).add("b", "x").build() << true;
    QTest::newRow("dict value differs")
        << DictBuilder().add("a", 1).build() << DictBuilder().add("a", 2).build() << false;
    QTest::newRow("dict key differs")
        << DictBuilder().add("a", 1).build() << DictBuilder().add("b", 1).build() << false;
    // Dicts keep insertion order (so re-encoding is byte-exact), and operator== compares them entry by entry:
    // the same entries in another order are a different value.
    QTest::newRow("dict order matters") << DictBuilder().add("a", 1).add("b", 2).build()
                                        << DictBuilder().add("b", 2).add("a", 1).build() << false;
}

void tst_Value::equality()
{
    QFETCH(Value, a);
    QFETCH(Value, b);
    QFETCH(bool, equal);

    QCOMPARE(a == b, equal);
    QCOMPARE(b == a, equal);
    QCOMPARE(a != b, !equal);
    QVERIFY(a == a || a.isDouble());
}

void tst_Value::nanIsNotEqualToItself()
{
    const Value nan(std::numeric_limits<double>::quiet_NaN());
    QVERIFY(!(nan == nan));
    QVERIFY(nan != Value(std::numeric_limits<double>::quiet_NaN()));
    QVERIFY(list({nan}) != list({nan}));
}

void tst_Value::dictLookup()
{
    const Value dict = DictBuilder()
                           .add("realm", "com.example")
                           .add("roles", DictBuilder().add("caller", Value(Value::Dict{})).build())
                           .add("null", Value())
                           .add("dup", 1)
                           .add("dup", 2)
                           .build();

    QCOMPARE(dict["realm"], Value("com.example"));
    QVERIFY(dict["roles"]["caller"].isDict());
    QVERIFY(dict["roles"]["callee"].isNull());
    QVERIFY(dict["missing"].isNull());
    QVERIFY(dict["missing"]["deeper"].isNull());
    QVERIFY(dict["Realm"].isNull());
    QVERIFY(dict.contains("realm"));
    QVERIFY(!dict.contains("Realm"));
    QVERIFY(!dict.contains(""));
    // A present key with a null value is told apart from a missing one only by contains().
    QVERIFY(dict["null"].isNull());
    QVERIFY(dict.contains("null"));
    // Lookup is linear from the front: the first of duplicate keys wins.
    QCOMPARE(dict["dup"], Value(1));
    QCOMPARE(dict.dict().size(), size_t(5));
    QCOMPARE(dict.dict()[0].first, QByteArray("realm"));
    QCOMPARE(dict.dict()[4].first, QByteArray("dup"));
}

void tst_Value::copiesShareListsAndDicts()
{
    Value::List items;
    items.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        items.emplace_back(i);
    const Value a(std::move(items));
    const Value b = a; // the copy under test
    QCOMPARE(&a.list(), &b.list());
    QCOMPARE(b.list().size(), size_t(100000));
    QCOMPARE(b.list()[99999], Value(99999));

    const Value outer = list({a, a});
    QCOMPARE(&outer.list()[0].list(), &a.list());
    QCOMPARE(&outer.list()[1].list(), &a.list());
    const Value outerCopy = outer;
    QCOMPARE(&outerCopy.list(), &outer.list());

    Value moved = b;
    const Value target = std::move(moved);
    QCOMPARE(&target.list(), &a.list());

    const Value dict = DictBuilder().add("payload", a).build();
    const Value dictCopy = dict;
    QCOMPARE(&dictCopy.dict(), &dict.dict());
    QCOMPARE(&dictCopy["payload"].list(), &a.list());

    // Distinct but equal lists are separate allocations.
    const Value other = list({1});
    const Value another = list({1});
    QVERIFY(&other.list() != &another.list());
    QCOMPARE(other, another);
}

void tst_Value::dictBuilder()
{
    const Value built = DictBuilder().add("b", 1).add("a", "x").build();
    QVERIFY(built.isDict());
    QCOMPARE(built.dict().size(), size_t(2));
    QCOMPARE(built.dict()[0].first, QByteArray("b"));
    QCOMPARE(built.dict()[0].second, Value(1));
    QCOMPARE(built.dict()[1].first, QByteArray("a"));
    QCOMPARE(built.dict()[1].second, Value("x"));

    const Value::Dict taken = DictBuilder().add("k", true).take();
    QCOMPARE(taken.size(), size_t(1));
    QCOMPARE(Value(taken), DictBuilder().add("k", true).build());
}

void tst_Value::toDebugString_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("null") << Value() << QStringLiteral("null");
    QTest::newRow("true") << Value(true) << QStringLiteral("true");
    QTest::newRow("false") << Value(false) << QStringLiteral("false");
    QTest::newRow("int") << Value(-42) << QStringLiteral("-42");
    QTest::newRow("INT64_MIN") << Value(kInt64Min) << QStringLiteral("-9223372036854775808");
    QTest::newRow("UINT64_MAX") << Value(kUInt64Max) << QStringLiteral("18446744073709551615");
    QTest::newRow("double 1.5") << Value(1.5) << QStringLiteral("1.5");
    QTest::newRow("double 0.1, 17 digits") << Value(0.1) << QStringLiteral("0.10000000000000001");
    QTest::newRow("string") << Value("h\xc3\xa9") << QStringView(u"\"h\u00e9\"").toString();
    QTest::newRow("binary") << Value::binary(QByteArray(3, '\0')) << QStringLiteral("<binary 3 bytes>");
    QTest::newRow("empty list") << Value(Value::List{}) << QStringLiteral("[]");
    QTest::newRow("empty dict") << Value(Value::Dict{}) << QStringLiteral("{}");
    QTest::newRow("nested") << list({1, "a", Value(),
                                     DictBuilder().add("k", list({true})).add("z", 2).build()})
                            << QStringLiteral("[1,\"a\",null,{\"k\":[true],\"z\":2}]");
}

void tst_Value::toDebugString()
{
    QFETCH(Value, value);
    QFETCH(QString, text);
    QCOMPARE(value.toDebugString(), text);
}

void tst_Value::typeName_data()
{
    QTest::addColumn<Value::Type>("type");
    QTest::addColumn<QString>("name");

    QTest::newRow("Null") << Value::Type::Null << QStringLiteral("null");
    QTest::newRow("Bool") << Value::Type::Bool << QStringLiteral("bool");
    QTest::newRow("Int") << Value::Type::Int << QStringLiteral("integer");
    QTest::newRow("UInt") << Value::Type::UInt << QStringLiteral("integer");
    QTest::newRow("Double") << Value::Type::Double << QStringLiteral("float");
    QTest::newRow("String") << Value::Type::String << QStringLiteral("string");
    QTest::newRow("Binary") << Value::Type::Binary << QStringLiteral("binary");
    QTest::newRow("List") << Value::Type::List << QStringLiteral("list");
    QTest::newRow("Dict") << Value::Type::Dict << QStringLiteral("dict");
}

void tst_Value::typeName()
{
    QFETCH(Value::Type, type);
    QFETCH(QString, name);
    QCOMPARE(QLatin1StringView(Value::typeName(type)), name);
}

QTEST_APPLESS_MAIN(tst_Value)
#include "tst_value.moc"
