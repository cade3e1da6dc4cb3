#include "msgpackserializer.h"

#include "wamp/utf8.h"

#include <msgpack.hpp>

#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <new>
#include <vector>

namespace wamp {

namespace {

// msgpack::packer hands its stream many pieces of 1 to 9 bytes. QByteArray::append() is an out-of-line call
// with a detach check each time, so this stream keeps a raw cursor into a buffer it grows by doubling and
// trims once at the end: one allocation for a typical message, and the result needs no copy.
class ByteWriter {
public:
    ByteWriter() { grow(0); }

    void write(const char* data, size_t size)
    {
        if (size > size_t(m_end - m_cursor))
            grow(size);
        std::memcpy(m_cursor, data, size);
        m_cursor += size;
    }

    QByteArray take()
    {
        m_buffer.truncate(m_cursor - m_begin);
        return std::move(m_buffer);
    }

private:
    void grow(size_t needed)
    {
        constexpr qsizetype kInitialCapacity = 256;
        const qsizetype used = m_cursor - m_begin;
        const qsizetype capacity =
            std::max({kInitialCapacity, 2 * m_buffer.size(), used + qsizetype(needed)});
        if (m_buffer.isNull())
            m_buffer = QByteArray(capacity, Qt::Uninitialized);
        else
            m_buffer.resize(capacity);
        m_begin = m_buffer.data();
        m_cursor = m_begin + used;
        m_end = m_begin + m_buffer.size();
    }

    QByteArray m_buffer;
    char* m_begin = nullptr;
    char* m_cursor = nullptr;
    char* m_end = nullptr;
};

using Packer = msgpack::packer<ByteWriter>;

// MessagePack lengths are 32-bit; a longer string or container cannot be represented, so the encoder reports
// failure instead of writing a wrapped-around header.
bool fitsLength(size_t size)
{
    return size <= std::numeric_limits<quint32>::max();
}

bool pack(Packer& packer, ByteWriter& writer, const Value& value)
{
    switch (value.type()) {
    case Value::Type::Null:
        packer.pack_nil();
        return true;
    case Value::Type::Bool:
        if (value.toBool())
            packer.pack_true();
        else
            packer.pack_false();
        return true;
    case Value::Type::Int:
        packer.pack_int64(value.toInt());
        return true;
    case Value::Type::UInt:
        packer.pack_uint64(value.toUInt());
        return true;
    case Value::Type::Double: {
        // Not packer.pack_double(): since msgpack-c 4.1.2 it writes integral doubles as integers, which turns
        // 1.0 into 1 and -0.0 into 0 on the way through the router. A double is always float64 here.
        char float64[9];
        float64[0] = char(0xcb);
        qToBigEndian(std::bit_cast<quint64>(value.toDouble()), float64 + 1);
        writer.write(float64, sizeof float64);
        return true;
    }
    case Value::Type::String:
    case Value::Type::Binary: {
        const QByteArray& bytes = value.bytes();
        if (!fitsLength(size_t(bytes.size())))
            return false;
        const auto size = quint32(bytes.size());
        if (value.isString())
            packer.pack_str(size).pack_str_body(bytes.constData(), size);
        else
            packer.pack_bin(size).pack_bin_body(bytes.constData(), size);
        return true;
    }
    case Value::Type::List: {
        const Value::List& list = value.list();
        if (!fitsLength(list.size()))
            return false;
        packer.pack_array(quint32(list.size()));
        for (const Value& item : list) {
            if (!pack(packer, writer, item))
                return false;
        }
        return true;
    }
    case Value::Type::Dict: {
        const Value::Dict& dict = value.dict();
        if (!fitsLength(dict.size()))
            return false;
        packer.pack_map(quint32(dict.size()));
        for (const auto& [key, item] : dict) {
            if (!fitsLength(size_t(key.size())))
                return false;
            packer.pack_str(quint32(key.size())).pack_str_body(key.constData(), quint32(key.size()));
            if (!pack(packer, writer, item))
                return false;
        }
        return true;
    }
    }
    return false;
}

/*
 * A visitor for msgpack::parse() that builds the Value tree in one pass over the input.
 *
 * msgpack::unpack() is not used: it allocates `count * sizeof(msgpack::object)` from its zone as soon as it
 * reads an array or map header, before any element arrives. A 5-byte input announcing 2^32 - 1 elements makes
 * it ask malloc for 128 GiB (std::bad_alloc, or an abort under AddressSanitizer); one announcing 2^28
 * reserves 8 GiB of address space before failing as truncated. unpack_limit does not help: a limit low enough
 * to be safe would also cap legitimate large arrays. The visitor API allocates nothing for a header. Finished
 * children wait on one shared stack and each container is built from it with a single exact-size allocation
 * once all its elements have actually been read, so an announced length never drives an allocation.
 */
class ValueBuilder {
public:
    explicit ValueBuilder(size_t inputSize)
        : m_inputSize(inputSize)
    {
        m_values.reserve(16);
        m_keys.reserve(16);
        m_frames.reserve(8);
    }

    bool visit_nil() { return add(Value()); }
    bool visit_boolean(bool b) { return add(Value(b)); }
    bool visit_positive_integer(uint64_t u) { return add(Value(quint64(u))); }
    // msgpack-c reports every int8..int64 encoding here, including non-negative values.
    bool visit_negative_integer(int64_t i) { return add(Value(qint64(i))); }
    bool visit_float32(float f) { return add(Value(double(f))); }
    bool visit_float64(double d) { return add(Value(d)); }

    bool visit_str(const char* data, uint32_t size)
    {
        const QByteArrayView utf8(data, qsizetype(size));
        if (!isValidUtf8(utf8))
            return fail(QStringLiteral("invalid UTF-8 in MessagePack string"));
        if (m_expectKey) {
            m_expectKey = false;
            m_keys.emplace_back(utf8.toByteArray());
            return true;
        }
        return add(Value::string(utf8.toByteArray()));
    }

    bool visit_bin(const char* data, uint32_t size)
    {
        return add(Value::binary(QByteArray(data, qsizetype(size))));
    }

    bool visit_ext(const char* data, uint32_t size)
    {
        // data[0] is the application-defined ext type; WAMP defines none. One exception for interoperability:
        // msgpackr (used by wampy.js) writes JavaScript's `undefined` as fixext1 type 0 with a 0 byte, e.g.
        // for unset SUBSCRIBE options. It becomes null, as CBOR's `undefined` does.
        if (size == 2 && data[0] == 0 && data[1] == 0)
            return add(Value());
        return fail(size > 0
                        ? QStringLiteral("MessagePack ext type %1 is not supported").arg(int(qint8(data[0])))
                        : QStringLiteral("MessagePack ext types are not supported"));
    }

    bool start_array(uint32_t count) { return open(false, count, count); }
    bool start_array_item() { return true; }
    bool end_array_item() { return true; }

    bool end_array()
    {
        const size_t start = m_frames.back().valueStart;
        m_frames.pop_back();
        Value::List list(std::make_move_iterator(m_values.begin() + std::ptrdiff_t(start)),
                         std::make_move_iterator(m_values.end()));
        m_values.erase(m_values.begin() + std::ptrdiff_t(start), m_values.end());
        return add(Value(std::move(list)));
    }

    // Every entry takes at least two bytes, so the count is compared against half the input.
    bool start_map(uint32_t count) { return open(true, count, 2 * size_t(count)); }

    bool start_map_key()
    {
        m_expectKey = true;
        return true;
    }
    bool end_map_key() { return true; }
    bool start_map_value()
    {
        m_expectKey = false;
        return true;
    }
    bool end_map_value() { return true; }

    bool end_map()
    {
        const Frame frame = m_frames.back();
        m_frames.pop_back();
        Value::Dict dict;
        dict.reserve(m_values.size() - frame.valueStart);
        for (size_t i = 0; i < m_values.size() - frame.valueStart; ++i)
            dict.emplace_back(std::move(m_keys[frame.keyStart + i]),
                              std::move(m_values[frame.valueStart + i]));
        m_values.erase(m_values.begin() + std::ptrdiff_t(frame.valueStart), m_values.end());
        m_keys.erase(m_keys.begin() + std::ptrdiff_t(frame.keyStart), m_keys.end());
        return add(Value(std::move(dict)));
    }

    void parse_error(size_t /*parsedOffset*/, size_t errorOffset)
    {
        // 0xc1 is the only byte MessagePack never assigns.
        fail(QStringLiteral("invalid MessagePack type byte at offset %1").arg(errorOffset));
    }

    void insufficient_bytes(size_t /*parsedOffset*/, size_t /*errorOffset*/)
    {
        fail(QStringLiteral("truncated MessagePack input"));
    }

    bool referenced() const { return false; }
    void set_referenced(bool) {}

    bool fail(QString message)
    {
        // The first failure is the cause; msgpack-c may report its own error after a visitor stops it.
        if (m_error.isEmpty())
            m_error = std::move(message);
        return false;
    }

    const QString& error() const { return m_error; }
    bool hasResult() const { return m_error.isEmpty() && m_values.size() == 1 && m_frames.empty(); }
    Value takeResult() { return std::move(m_values.front()); }

private:
    struct Frame {
        size_t valueStart;
        size_t keyStart;
    };

    bool open(bool isMap, uint32_t count, size_t minimumBytes)
    {
        const char* kind = isMap ? "map" : "array";
        if (m_expectKey)
            return fail(QStringLiteral("MessagePack map key must be a string, got %1")
                            .arg(QLatin1StringView(isMap ? "dict" : "list")));
        if (m_frames.size() >= size_t(kMaxNestingDepth))
            return fail(
                QStringLiteral("MessagePack value nested deeper than %1 levels").arg(kMaxNestingDepth));
        if (minimumBytes > m_inputSize)
            return fail(QStringLiteral("truncated MessagePack input: %1 of %2 elements in %3 bytes")
                            .arg(QLatin1StringView(kind))
                            .arg(count)
                            .arg(m_inputSize));
        m_frames.push_back(Frame{m_values.size(), m_keys.size()});
        return true;
    }

    bool add(Value value)
    {
        if (m_expectKey)
            return fail(QStringLiteral("MessagePack map key must be a string, got %1")
                            .arg(QLatin1StringView(Value::typeName(value.type()))));
        m_values.push_back(std::move(value));
        return true;
    }

    size_t m_inputSize;
    bool m_expectKey = false;
    std::vector<Frame> m_frames;
    std::vector<Value> m_values;
    std::vector<QByteArray> m_keys;
    QString m_error;
};

} // namespace

QByteArray MsgPackSerializer::encode(const Value& value) const
{
    ByteWriter writer;
    Packer packer(writer);
    // An empty result is never valid MessagePack: it marks a value with a string or container too long for
    // MessagePack's 32-bit lengths.
    if (!pack(packer, writer, value))
        return {};
    return writer.take();
}

std::optional<Value> MsgPackSerializer::decode(QByteArrayView bytes, QString* error) const
{
    const auto fail = [error](QString message) -> std::optional<Value> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    if (bytes.isEmpty())
        return fail(QStringLiteral("empty MessagePack input"));

    // Hostile input must not take the process down: anything msgpack-c or an allocation throws becomes an
    // error string.
    try {
        ValueBuilder builder{size_t(bytes.size())};
        size_t offset = 0;
        const bool parsed = msgpack::parse(bytes.data(), size_t(bytes.size()), offset, builder);
        if (!parsed || !builder.hasResult())
            return fail(builder.error().isEmpty() ? QStringLiteral("invalid MessagePack input")
                                                  : builder.error());
        if (offset != size_t(bytes.size()))
            return fail(QStringLiteral("trailing data after the MessagePack value at byte %1 of %2")
                            .arg(offset)
                            .arg(bytes.size()));
        return builder.takeResult();
    } catch (const std::bad_alloc&) {
        return fail(QStringLiteral("out of memory decoding MessagePack input"));
    } catch (const std::exception& e) {
        return fail(QStringLiteral("invalid MessagePack input: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return fail(QStringLiteral("invalid MessagePack input"));
    }
}

} // namespace wamp
