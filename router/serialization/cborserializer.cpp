#include "cborserializer.h"

#include "wamp/utf8.h"

#include <QCborStreamReader>
#include <QFloat16>
#include <QtEndian>

#include <bit>
#include <exception>
#include <iterator>
#include <limits>
#include <new>
#include <vector>

namespace wamp {

namespace {

// Encoding is written by hand: QCborStreamWriter appends each item through a QIODevice, which made CBOR the
// slowest serializer on the routing path. The output is the same: shortest heads, definite lengths, doubles
// always as float64 (0xfb), text strings for String and byte strings for Binary.
void writeHead(QByteArray& out, quint8 major, quint64 argument)
{
    const char type = char(major << 5);
    if (argument < 24) {
        out.append(char(type | char(argument)));
    } else if (argument <= 0xff) {
        const char head[2] = {char(type | 24), char(argument)};
        out.append(head, 2);
    } else if (argument <= 0xffff) {
        char head[3] = {char(type | 25)};
        qToBigEndian(quint16(argument), head + 1);
        out.append(head, 3);
    } else if (argument <= 0xffffffffu) {
        char head[5] = {char(type | 26)};
        qToBigEndian(quint32(argument), head + 1);
        out.append(head, 5);
    } else {
        char head[9] = {char(type | 27)};
        qToBigEndian(argument, head + 1);
        out.append(head, 9);
    }
}

void write(QByteArray& out, const Value& value)
{
    switch (value.type()) {
    case Value::Type::Null:
        out.append(char(0xf6));
        return;
    case Value::Type::Bool:
        out.append(value.toBool() ? char(0xf5) : char(0xf4));
        return;
    case Value::Type::Int: {
        const qint64 i = value.toInt();
        // Major type 1 holds -1 - n, so a negative integer's argument is its bitwise complement.
        i >= 0 ? writeHead(out, 0, quint64(i)) : writeHead(out, 1, ~quint64(i));
        return;
    }
    case Value::Type::UInt:
        writeHead(out, 0, value.toUInt());
        return;
    case Value::Type::Double: {
        char bytes[9] = {char(0xfb)};
        qToBigEndian(std::bit_cast<quint64>(value.toDouble()), bytes + 1);
        out.append(bytes, 9);
        return;
    }
    case Value::Type::String:
    case Value::Type::Binary:
        writeHead(out, value.isString() ? 3 : 2, quint64(value.bytes().size()));
        out.append(value.bytes());
        return;
    case Value::Type::List:
        writeHead(out, 4, quint64(value.list().size()));
        for (const Value& item : value.list())
            write(out, item);
        return;
    case Value::Type::Dict:
        writeHead(out, 5, quint64(value.dict().size()));
        for (const auto& [key, item] : value.dict()) {
            writeHead(out, 3, quint64(key.size()));
            out.append(key);
            write(out, item);
        }
        return;
    }
}

const char* cborTypeName(QCborStreamReader::Type type)
{
    switch (type) {
    case QCborStreamReader::UnsignedInteger:
    case QCborStreamReader::NegativeInteger:
        return "integer";
    case QCborStreamReader::ByteString:
        return "byte string";
    case QCborStreamReader::TextString:
        return "text string";
    case QCborStreamReader::Array:
        return "array";
    case QCborStreamReader::Map:
        return "map";
    case QCborStreamReader::Tag:
        return "tag";
    case QCborStreamReader::SimpleType:
        return "simple value";
    case QCborStreamReader::Float16:
    case QCborStreamReader::Float:
    case QCborStreamReader::Double:
        return "float";
    case QCborStreamReader::Invalid:
        break;
    }
    return "invalid item";
}

/*
 * Streams one CBOR item into a Value. Recursion follows the input's nesting, which is capped at
 * kMaxNestingDepth before each descent.
 *
 * An announced array, map or string length never sizes an allocation on its own: it is first checked against
 * the bytes left in the input (each element needs at least one byte), and finished elements wait on one
 * shared stack from which each container is built with a single exact-size allocation once all of them were
 * read.
 */
class CborDecoder {
public:
    explicit CborDecoder(QByteArrayView bytes)
        : m_reader(bytes.data(), bytes.size())
        , m_size(bytes.size())
    {
        m_values.reserve(16);
        m_keys.reserve(16);
    }

    std::optional<Value> decode()
    {
        if (!readValue(0))
            return std::nullopt;
        const qint64 end = m_reader.currentOffset();
        if (end != m_size) {
            fail(QStringLiteral("trailing data after the CBOR value at byte %1 of %2").arg(end).arg(m_size));
            return std::nullopt;
        }
        return std::move(m_values.back());
    }

    const QString& error() const { return m_error; }

private:
    bool fail(QString message)
    {
        if (m_error.isEmpty())
            m_error = std::move(message);
        return false;
    }

    bool failFromReader()
    {
        const QCborError error = m_reader.lastError();
        if (error == QCborError::EndOfFile)
            return fail(QStringLiteral("truncated CBOR input"));
        if (error == QCborError::NoError)
            return fail(QStringLiteral("invalid CBOR input"));
        return fail(QStringLiteral("invalid CBOR input: %1").arg(error.toString()));
    }

    qint64 remaining() const { return m_size - m_reader.currentOffset(); }

    // Moves to the next item unless there is none; a truncated stream shows up as an Invalid item.
    bool advance() { return m_reader.next() || failFromReader(); }

    // Tags add meaning to the item that follows (a date, a URI, self-described CBOR) but not a different type
    // that WAMP could route, so they are dropped and the tagged item is used. Bignums are the exception: read
    // as the byte string they wrap they would silently turn a number into binary, so they are rejected.
    bool skipTags()
    {
        while (m_reader.isTag()) {
            const QCborTag tag = m_reader.toTag();
            if (tag == QCborTag(QCborKnownTags::PositiveBignum) ||
                tag == QCborTag(QCborKnownTags::NegativeBignum))
                return fail(QStringLiteral("CBOR bignums (tag %1) are not supported").arg(quint64(tag)));
            if (!advance())
                return false;
        }
        return true;
    }

    bool readBytes(QByteArray* out, bool isText)
    {
        for (;;) {
            const qsizetype chunk = m_reader.currentStringChunkSize();
            if (chunk < 0)
                return failFromReader();
            if (chunk > remaining())
                return fail(QStringLiteral("truncated CBOR input"));
            const qsizetype oldSize = out->size();
            // Exact-size allocation for the common single-chunk string (resize() would round up to grow), and
            // none for an empty chunk: data() on a null QByteArray allocates.
            char none = 0;
            char* target = &none;
            if (chunk > 0) {
                if (out->isNull())
                    *out = QByteArray(chunk, Qt::Uninitialized);
                else
                    out->resize(oldSize + chunk);
                target = out->data() + oldSize;
            }
            const auto result = m_reader.readStringChunk(target, chunk);
            if (result.status == QCborStreamReader::EndOfString) {
                out->truncate(oldSize);
                // The reader moves past the string here and may find the next item malformed.
                return m_reader.lastError() == QCborError::NoError || failFromReader();
            }
            if (result.status == QCborStreamReader::Error)
                return failFromReader();
            // readStringChunk() does not check UTF-8; each chunk of a text string must be valid on its own.
            if (isText && !isValidUtf8(QByteArrayView(out->constData() + oldSize, result.data)))
                return fail(QStringLiteral("invalid UTF-8 in CBOR text string"));
            out->truncate(oldSize + result.data);
        }
    }

    bool readInteger(Value* out)
    {
        if (m_reader.isUnsignedInteger()) {
            *out = Value(quint64(m_reader.toUnsignedInteger()));
            return true;
        }
        // The magnitude is stored plus one in a quint64, so 0 stands for 2^64.
        const quint64 magnitude = quint64(m_reader.toNegativeInteger());
        constexpr quint64 kInt64MinMagnitude = quint64(1) << 63;
        if (magnitude == 0 || magnitude > kInt64MinMagnitude)
            return fail(QStringLiteral("CBOR integer out of range"));
        *out =
            Value(magnitude == kInt64MinMagnitude ? std::numeric_limits<qint64>::min() : -qint64(magnitude));
        return true;
    }

    bool readScalar(Value* out)
    {
        switch (m_reader.type()) {
        case QCborStreamReader::UnsignedInteger:
        case QCborStreamReader::NegativeInteger:
            return readInteger(out);
        case QCborStreamReader::Float16:
            *out = Value(double(float(m_reader.toFloat16())));
            return true;
        case QCborStreamReader::Float:
            *out = Value(double(m_reader.toFloat()));
            return true;
        case QCborStreamReader::Double:
            *out = Value(m_reader.toDouble());
            return true;
        case QCborStreamReader::SimpleType:
            switch (m_reader.toSimpleType()) {
            case QCborSimpleType::False:
                *out = Value(false);
                return true;
            case QCborSimpleType::True:
                *out = Value(true);
                return true;
            case QCborSimpleType::Null:
            // WAMP has a single "no value"; JavaScript encoders emit undefined for absent fields.
            case QCborSimpleType::Undefined:
                *out = Value();
                return true;
            }
            return fail(QStringLiteral("unsupported CBOR simple value %1").arg(int(m_reader.toSimpleType())));
        default:
            return failFromReader();
        }
    }

    bool readValue(int depth)
    {
        if (!skipTags())
            return false;
        switch (m_reader.type()) {
        case QCborStreamReader::TextString:
        case QCborStreamReader::ByteString: {
            const bool isText = m_reader.isString();
            QByteArray bytes;
            if (!readBytes(&bytes, isText))
                return false;
            m_values.push_back(isText ? Value::string(std::move(bytes)) : Value::binary(std::move(bytes)));
            return true;
        }
        case QCborStreamReader::Array:
        case QCborStreamReader::Map:
            return readContainer(depth + 1);
        default: {
            Value scalar;
            if (!readScalar(&scalar) || !advance())
                return false;
            m_values.push_back(std::move(scalar));
            return true;
        }
        }
    }

    bool readContainer(int depth)
    {
        const bool isMap = m_reader.isMap();
        if (depth > kMaxNestingDepth)
            return fail(QStringLiteral("CBOR value nested deeper than %1 levels").arg(kMaxNestingDepth));
        if (m_reader.isLengthKnown()) {
            // Every element takes at least one byte (a map entry two), the header itself one more.
            const quint64 count = m_reader.length();
            const quint64 available = quint64(remaining() - 1);
            if (isMap ? count > available / 2 : count > available)
                return fail(QStringLiteral("truncated CBOR input: %1 of %2 elements in %3 remaining bytes")
                                .arg(QLatin1StringView(isMap ? "map" : "array"))
                                .arg(count)
                                .arg(available));
        }
        if (!m_reader.enterContainer())
            return failFromReader();
        const size_t valueStart = m_values.size();
        const size_t keyStart = m_keys.size();
        while (m_reader.hasNext()) {
            if (isMap && !readKey())
                return false;
            if (isMap && !m_reader.hasNext())
                return failFromReader();
            if (!readValue(depth))
                return false;
        }
        if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
            return failFromReader();

        if (!isMap) {
            Value::List list(std::make_move_iterator(m_values.begin() + std::ptrdiff_t(valueStart)),
                             std::make_move_iterator(m_values.end()));
            m_values.erase(m_values.begin() + std::ptrdiff_t(valueStart), m_values.end());
            m_values.emplace_back(std::move(list));
            return true;
        }
        Value::Dict dict;
        dict.reserve(m_values.size() - valueStart);
        for (size_t i = 0; i < m_values.size() - valueStart; ++i)
            dict.emplace_back(std::move(m_keys[keyStart + i]), std::move(m_values[valueStart + i]));
        m_values.erase(m_values.begin() + std::ptrdiff_t(valueStart), m_values.end());
        m_keys.erase(m_keys.begin() + std::ptrdiff_t(keyStart), m_keys.end());
        m_values.emplace_back(std::move(dict));
        return true;
    }

    bool readKey()
    {
        if (!skipTags())
            return false;
        if (!m_reader.isString()) {
            if (m_reader.isInvalid())
                return failFromReader();
            return fail(QStringLiteral("CBOR map key must be a text string, got %1")
                            .arg(QLatin1StringView(cborTypeName(m_reader.type()))));
        }
        QByteArray key;
        if (!readBytes(&key, true))
            return false;
        m_keys.push_back(std::move(key));
        return true;
    }

    QCborStreamReader m_reader;
    qint64 m_size;
    std::vector<Value> m_values;
    std::vector<QByteArray> m_keys;
    QString m_error;
};

} // namespace

QByteArray CborSerializer::encode(const Value& value) const
{
    QByteArray out;
    out.reserve(256); // most WAMP messages fit
    write(out, value);
    return out;
}

std::optional<Value> CborSerializer::decode(QByteArrayView bytes, QString* error) const
{
    const auto fail = [error](QString message) -> std::optional<Value> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    if (bytes.isEmpty())
        return fail(QStringLiteral("empty CBOR input"));
    try {
        CborDecoder decoder(bytes);
        std::optional<Value> value = decoder.decode();
        if (!value)
            return fail(decoder.error());
        return value;
    } catch (const std::bad_alloc&) {
        return fail(QStringLiteral("out of memory decoding CBOR input"));
    } catch (const std::exception& e) {
        return fail(QStringLiteral("invalid CBOR input: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return fail(QStringLiteral("invalid CBOR input"));
    }
}

} // namespace wamp
