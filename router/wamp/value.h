#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace wamp {

/*!
 * A format-neutral WAMP payload value: everything JSON, MessagePack and CBOR can carry in WAMP.
 *
 * Strings are kept as UTF-8 bytes (all three wire formats use UTF-8, so no transcoding on the routing path);
 * decoders validate them. Lists and dicts are immutable once built and shared between copies, so handing a
 * PUBLISH's arguments to every EVENT costs a reference count, not a deep copy. Dicts keep insertion order,
 * which makes re-encoding byte-exact.
 *
 * Integers: a value that fits qint64 is Int; only values above INT64_MAX are UInt.
 */
class Value {
public:
    enum class Type : quint8 { Null, Bool, Int, UInt, Double, String, Binary, List, Dict };
    using List = std::vector<Value>;
    using Dict = std::vector<std::pair<QByteArray, Value>>;

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b)
        : m_type(Type::Bool)
        , m_data(b)
    {}
    Value(int i)
        : Value(qint64(i))
    {}
    Value(qint64 i)
        : m_type(Type::Int)
        , m_data(i)
    {}
    Value(quint64 u);
    Value(double d)
        : m_type(Type::Double)
        , m_data(d)
    {}
    Value(const char* utf8)
        : m_type(Type::String)
        , m_data(QByteArray(utf8))
    {}
    Value(const QString& s)
        : m_type(Type::String)
        , m_data(s.toUtf8())
    {}
    Value(List list)
        : m_type(Type::List)
        , m_data(std::make_shared<const List>(std::move(list)))
    {}
    Value(Dict dict)
        : m_type(Type::Dict)
        , m_data(std::make_shared<const Dict>(std::move(dict)))
    {}

    static Value string(QByteArray utf8) { return Value(Type::String, std::move(utf8)); }
    static Value binary(QByteArray bytes) { return Value(Type::Binary, std::move(bytes)); }

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isInteger() const { return m_type == Type::Int || m_type == Type::UInt; }
    bool isDouble() const { return m_type == Type::Double; }
    bool isString() const { return m_type == Type::String; }
    bool isBinary() const { return m_type == Type::Binary; }
    bool isList() const { return m_type == Type::List; }
    bool isDict() const { return m_type == Type::Dict; }

    bool toBool(bool fallback = false) const { return isBool() ? std::get<bool>(m_data) : fallback; }
    qint64 toInt() const;
    quint64 toUInt() const;
    //! True for Int >= 0 and UInt: a value usable as a WAMP id or count.
    bool isUnsigned() const;
    double toDouble() const;
    //! UTF-8 bytes of a String or raw bytes of a Binary; empty otherwise.
    const QByteArray& bytes() const;
    QString toString() const { return isString() ? QString::fromUtf8(bytes()) : QString(); }
    const List& list() const;
    const Dict& dict() const;

    //! Dict lookup by key (linear: WAMP dicts are small); a Null value when absent or not a dict.
    const Value& operator[](QByteArrayView key) const;
    bool contains(QByteArrayView key) const;

    //! Deep equality. Int and UInt compare by numeric value; doubles compare by value (NaN != NaN).
    friend bool operator==(const Value& a, const Value& b);

    //! A compact, JSON-like rendering for logs and test failure messages.
    QString toDebugString() const;

    static const char* typeName(Type type);

private:
    Value(Type type, QByteArray bytes)
        : m_type(type)
        , m_data(std::move(bytes))
    {}

    Type m_type = Type::Null;
    std::variant<std::monostate, bool, qint64, quint64, double, QByteArray, std::shared_ptr<const List>,
                 std::shared_ptr<const Dict>>
        m_data;
};

//! Builds a Dict value fluently: `Value(DictBuilder().add("x", 1).take())`.
class DictBuilder {
public:
    DictBuilder& add(QByteArray key, Value value)
    {
        m_dict.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    Value::Dict take() { return std::move(m_dict); }
    Value build() { return Value(std::move(m_dict)); }

private:
    Value::Dict m_dict;
};

} // namespace wamp
