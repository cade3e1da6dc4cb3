#include "value.h"

#include <QStringList>

#include <cmath>
#include <limits>

namespace wamp {

namespace {
const QByteArray kEmptyBytes;
const Value::List kEmptyList;
const Value::Dict kEmptyDict;
const Value kNull;
} // namespace

Value::Value(quint64 u)
{
    if (u <= quint64(std::numeric_limits<qint64>::max())) {
        m_type = Type::Int;
        m_data = qint64(u);
    } else {
        m_type = Type::UInt;
        m_data = u;
    }
}

qint64 Value::toInt() const
{
    switch (m_type) {
    case Type::Int:
        return std::get<qint64>(m_data);
    case Type::UInt:
        return qint64(std::get<quint64>(m_data));
    case Type::Double:
        return qint64(std::get<double>(m_data));
    default:
        return 0;
    }
}

quint64 Value::toUInt() const
{
    switch (m_type) {
    case Type::Int:
        return quint64(std::get<qint64>(m_data));
    case Type::UInt:
        return std::get<quint64>(m_data);
    default:
        return 0;
    }
}

bool Value::isUnsigned() const
{
    return m_type == Type::UInt || (m_type == Type::Int && std::get<qint64>(m_data) >= 0);
}

double Value::toDouble() const
{
    switch (m_type) {
    case Type::Int:
        return double(std::get<qint64>(m_data));
    case Type::UInt:
        return double(std::get<quint64>(m_data));
    case Type::Double:
        return std::get<double>(m_data);
    default:
        return 0.0;
    }
}

const QByteArray& Value::bytes() const
{
    return (m_type == Type::String || m_type == Type::Binary) ? std::get<QByteArray>(m_data) : kEmptyBytes;
}

const Value::List& Value::list() const
{
    return m_type == Type::List ? *std::get<std::shared_ptr<const List>>(m_data) : kEmptyList;
}

const Value::Dict& Value::dict() const
{
    return m_type == Type::Dict ? *std::get<std::shared_ptr<const Dict>>(m_data) : kEmptyDict;
}

const Value& Value::operator[](QByteArrayView key) const
{
    for (const auto& [k, v] : dict()) {
        if (k == key)
            return v;
    }
    return kNull;
}

bool Value::contains(QByteArrayView key) const
{
    for (const auto& entry : dict()) {
        if (entry.first == key)
            return true;
    }
    return false;
}

bool operator==(const Value& a, const Value& b)
{
    if (a.isInteger() && b.isInteger()) {
        if (a.isUnsigned() != b.isUnsigned())
            return false;
        return a.isUnsigned() ? a.toUInt() == b.toUInt() : a.toInt() == b.toInt();
    }
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case Value::Type::Null:
        return true;
    case Value::Type::Bool:
        return a.toBool() == b.toBool();
    case Value::Type::Double:
        return a.toDouble() == b.toDouble();
    case Value::Type::String:
    case Value::Type::Binary:
        return a.bytes() == b.bytes();
    case Value::Type::List:
        return a.list() == b.list();
    case Value::Type::Dict:
        return a.dict() == b.dict();
    case Value::Type::Int:
    case Value::Type::UInt:
        break;
    }
    return false;
}

const char* Value::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return "bool";
    case Type::Int:
    case Type::UInt:
        return "integer";
    case Type::Double:
        return "float";
    case Type::String:
        return "string";
    case Type::Binary:
        return "binary";
    case Type::List:
        return "list";
    case Type::Dict:
        return "dict";
    }
    return "?";
}

QString Value::toDebugString() const
{
    switch (m_type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Int:
        return QString::number(toInt());
    case Type::UInt:
        return QString::number(toUInt());
    case Type::Double:
        return QString::number(toDouble(), 'g', 17);
    case Type::String:
        return QLatin1Char('"') + toString() + QLatin1Char('"');
    case Type::Binary:
        return QStringLiteral("<binary %1 bytes>").arg(bytes().size());
    case Type::List: {
        QStringList parts;
        for (const Value& v : list())
            parts << v.toDebugString();
        return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    case Type::Dict: {
        QStringList parts;
        for (const auto& [k, v] : dict())
            parts << QLatin1Char('"') + QString::fromUtf8(k) + QStringLiteral("\":") + v.toDebugString();
        return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    }
    return {};
}

} // namespace wamp
