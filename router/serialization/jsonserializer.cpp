#include "jsonserializer.h"

#include "wamp/utf8.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace wamp {

// JSON is written compactly (no spaces), like Autobahn|Python, so the official test vectors match byte for
// byte. WAMP's binary convention: a Binary value travels as a string "\u0000" + base64(bytes).
// JSON cannot carry NaN or infinities: they are written as null (what JavaScript's JSON.stringify does); the
// decoder accepts Python's NaN / Infinity / -Infinity tokens so such peers interoperate.

namespace {

void writeString(QByteArray& out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    qsizetype runStart = 0;
    const qsizetype n = utf8.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.sliced(runStart, i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            out.append(escape, 6);
        }
        }
    }
    out.append(utf8.sliced(runStart));
    out.append('"');
}

void writeDouble(QByteArray& out, double d)
{
    if (!std::isfinite(d)) {
        out.append("null", 4);
        return;
    }
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    Q_ASSERT(ec == std::errc());
    const QByteArrayView text(buffer, end - buffer);
    out.append(text);
    // Keep the value a float for the reader: "1" would come back as an integer.
    if (!text.contains('.') && !text.contains('e'))
        out.append(".0", 2);
}

template <typename T> void writeInteger(QByteArray& out, T value)
{
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    Q_ASSERT(ec == std::errc());
    out.append(buffer, end - buffer);
}

void writeValue(QByteArray& out, const Value& v)
{
    switch (v.type()) {
    case Value::Type::Null:
        out.append("null", 4);
        break;
    case Value::Type::Bool:
        v.toBool() ? out.append("true", 4) : out.append("false", 5);
        break;
    case Value::Type::Int:
        writeInteger(out, v.toInt());
        break;
    case Value::Type::UInt:
        writeInteger(out, v.toUInt());
        break;
    case Value::Type::Double:
        writeDouble(out, v.toDouble());
        break;
    case Value::Type::String:
        writeString(out, v.bytes());
        break;
    case Value::Type::Binary:
        out.append("\"\\u0000", 7);
        out.append(v.bytes().toBase64());
        out.append('"');
        break;
    case Value::Type::List: {
        out.append('[');
        bool first = true;
        for (const Value& item : v.list()) {
            if (!first)
                out.append(',');
            first = false;
            writeValue(out, item);
        }
        out.append(']');
        break;
    }
    case Value::Type::Dict: {
        out.append('{');
        bool first = true;
        for (const auto& [key, item] : v.dict()) {
            if (!first)
                out.append(',');
            first = false;
            writeString(out, key);
            out.append(':');
            writeValue(out, item);
        }
        out.append('}');
        break;
    }
    }
}

void appendUtf8(QByteArray& out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xc0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.append(char(0xe0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3f)));
        out.append(char(0x80 | (cp & 0x3f)));
    } else {
        out.append(char(0xf0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3f)));
        out.append(char(0x80 | ((cp >> 6) & 0x3f)));
        out.append(char(0x80 | (cp & 0x3f)));
    }
}

class Parser {
public:
    explicit Parser(QByteArrayView input)
        : m_in(input)
    {}

    std::optional<Value> parseDocument(QString* error)
    {
        std::optional<Value> v = parseValue(0);
        if (v) {
            skipWhitespace();
            if (m_pos != m_in.size()) {
                fail(QStringLiteral("unexpected data after the JSON value"));
                v.reset();
            }
        }
        if (!v && error)
            *error = QStringLiteral("invalid JSON at byte %1: %2").arg(m_errorPos).arg(m_error);
        return v;
    }

private:
    std::optional<Value> fail(const QString& what) { return failAt(m_pos, what); }

    // Errors found after a token was consumed (string content) point back at where the token starts.
    std::optional<Value> failAt(qsizetype pos, const QString& what)
    {
        if (m_error.isEmpty()) {
            m_error = what;
            m_errorPos = pos;
        }
        return std::nullopt;
    }

    void skipWhitespace()
    {
        while (m_pos < m_in.size()) {
            const char c = m_in[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool consumeLiteral(QByteArrayView literal)
    {
        if (m_in.sliced(m_pos).startsWith(literal)) {
            m_pos += literal.size();
            return true;
        }
        return false;
    }

    std::optional<Value> parseValue(int depth)
    {
        skipWhitespace();
        if (m_pos >= m_in.size())
            return fail(QStringLiteral("unexpected end of input"));
        switch (m_in[m_pos]) {
        case '[':
            return parseList(depth + 1);
        case '{':
            return parseDict(depth + 1);
        case '"':
            return parseStringValue();
        case 't':
            if (consumeLiteral("true"))
                return Value(true);
            break;
        case 'f':
            if (consumeLiteral("false"))
                return Value(false);
            break;
        case 'n':
            if (consumeLiteral("null"))
                return Value();
            break;
        case 'N':
            if (consumeLiteral("NaN"))
                return Value(std::numeric_limits<double>::quiet_NaN());
            break;
        case 'I':
            if (consumeLiteral("Infinity"))
                return Value(std::numeric_limits<double>::infinity());
            break;
        default:
            return parseNumber();
        }
        return fail(QStringLiteral("invalid literal"));
    }

    std::optional<Value> parseList(int depth)
    {
        if (depth > kMaxNestingDepth)
            return fail(QStringLiteral("nesting deeper than %1 levels").arg(kMaxNestingDepth));
        ++m_pos; // '['
        Value::List items;
        skipWhitespace();
        if (m_pos < m_in.size() && m_in[m_pos] == ']') {
            ++m_pos;
            return Value(std::move(items));
        }
        for (;;) {
            std::optional<Value> item = parseValue(depth);
            if (!item)
                return std::nullopt;
            items.push_back(std::move(*item));
            skipWhitespace();
            if (m_pos >= m_in.size())
                return fail(QStringLiteral("unterminated list"));
            const char c = m_in[m_pos];
            if (c != ',' && c != ']')
                return fail(QStringLiteral("expected ',' or ']' in list"));
            ++m_pos;
            if (c == ']')
                return Value(std::move(items));
        }
    }

    std::optional<Value> parseDict(int depth)
    {
        if (depth > kMaxNestingDepth)
            return fail(QStringLiteral("nesting deeper than %1 levels").arg(kMaxNestingDepth));
        ++m_pos; // '{'
        Value::Dict entries;
        skipWhitespace();
        if (m_pos < m_in.size() && m_in[m_pos] == '}') {
            ++m_pos;
            return Value(std::move(entries));
        }
        for (;;) {
            skipWhitespace();
            if (m_pos >= m_in.size())
                return fail(QStringLiteral("unexpected end of input"));
            if (m_in[m_pos] != '"')
                return fail(QStringLiteral("expected a string key in dict"));
            std::optional<QByteArray> key = parseString();
            if (!key)
                return std::nullopt;
            skipWhitespace();
            if (m_pos >= m_in.size() || m_in[m_pos] != ':')
                return fail(QStringLiteral("expected ':' after dict key"));
            ++m_pos;
            std::optional<Value> item = parseValue(depth);
            if (!item)
                return std::nullopt;
            entries.emplace_back(std::move(*key), std::move(*item));
            skipWhitespace();
            if (m_pos >= m_in.size())
                return fail(QStringLiteral("unterminated dict"));
            const char c = m_in[m_pos];
            if (c != ',' && c != '}')
                return fail(QStringLiteral("expected ',' or '}' in dict"));
            ++m_pos;
            if (c == '}')
                return Value(std::move(entries));
        }
    }

    std::optional<Value> parseStringValue()
    {
        const qsizetype start = m_pos;
        std::optional<QByteArray> s = parseString();
        if (!s)
            return std::nullopt;
        if (s->startsWith('\0')) {
            const auto decoded =
                QByteArray::fromBase64Encoding(s->sliced(1), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return failAt(start, QStringLiteral("invalid base64 after the \\u0000 binary marker"));
            return Value::binary(*decoded);
        }
        return Value::string(std::move(*s));
    }

    std::optional<char32_t> parseHex4()
    {
        if (m_in.size() - m_pos < 4) {
            fail(QStringLiteral("truncated \\u escape"));
            return std::nullopt;
        }
        char32_t cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_in[m_pos++];
            cp <<= 4;
            if (c >= '0' && c <= '9')
                cp |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                cp |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                cp |= char32_t(c - 'A' + 10);
            else {
                fail(QStringLiteral("invalid hex digit in \\u escape"));
                return std::nullopt;
            }
        }
        return cp;
    }

    std::optional<QByteArray> parseString()
    {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        QByteArray out;
        qsizetype runStart = m_pos;
        const auto flushRun = [&] { out.append(m_in.sliced(runStart, m_pos - runStart)); };
        while (m_pos < m_in.size()) {
            const auto c = static_cast<unsigned char>(m_in[m_pos]);
            if (c == '"') {
                flushRun();
                ++m_pos;
                if (!isValidUtf8(out)) {
                    failAt(start, QStringLiteral("string is not valid UTF-8"));
                    return std::nullopt;
                }
                return out;
            }
            if (c < 0x20) {
                fail(QStringLiteral("unescaped control character in string"));
                return std::nullopt;
            }
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flushRun();
            ++m_pos;
            if (m_pos >= m_in.size())
                break;
            const char e = m_in[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out.append(e);
                break;
            case 'b':
                out.append('\b');
                break;
            case 'f':
                out.append('\f');
                break;
            case 'n':
                out.append('\n');
                break;
            case 'r':
                out.append('\r');
                break;
            case 't':
                out.append('\t');
                break;
            case 'u': {
                std::optional<char32_t> cp = parseHex4();
                if (!cp)
                    return std::nullopt;
                if (*cp >= 0xd800 && *cp <= 0xdbff) {
                    if (!consumeLiteral("\\u")) {
                        fail(QStringLiteral("unpaired UTF-16 surrogate in \\u escape"));
                        return std::nullopt;
                    }
                    std::optional<char32_t> low = parseHex4();
                    if (!low)
                        return std::nullopt;
                    if (*low < 0xdc00 || *low > 0xdfff) {
                        fail(QStringLiteral("unpaired UTF-16 surrogate in \\u escape"));
                        return std::nullopt;
                    }
                    *cp = 0x10000 + ((*cp - 0xd800) << 10) + (*low - 0xdc00);
                } else if (*cp >= 0xdc00 && *cp <= 0xdfff) {
                    fail(QStringLiteral("unpaired UTF-16 surrogate in \\u escape"));
                    return std::nullopt;
                }
                appendUtf8(out, *cp);
                break;
            }
            default:
                fail(QStringLiteral("invalid escape sequence"));
                return std::nullopt;
            }
            runStart = m_pos;
        }
        fail(QStringLiteral("unterminated string"));
        return std::nullopt;
    }

    std::optional<Value> parseNumber()
    {
        const qsizetype start = m_pos;
        bool negative = false;
        if (m_in[m_pos] == '-') {
            negative = true;
            ++m_pos;
            if (consumeLiteral("Infinity"))
                return Value(-std::numeric_limits<double>::infinity());
        }
        const auto isDigit = [this] {
            return m_pos < m_in.size() && m_in[m_pos] >= '0' && m_in[m_pos] <= '9';
        };
        if (!isDigit())
            return fail(QStringLiteral("invalid value"));
        if (m_in[m_pos] == '0') {
            ++m_pos;
            if (isDigit())
                return fail(QStringLiteral("leading zeros are not allowed in numbers"));
        }
        while (isDigit())
            ++m_pos;
        bool isFloat = false;
        if (m_pos < m_in.size() && m_in[m_pos] == '.') {
            isFloat = true;
            ++m_pos;
            if (!isDigit())
                return fail(QStringLiteral("expected digits after the decimal point"));
            while (isDigit())
                ++m_pos;
        }
        if (m_pos < m_in.size() && (m_in[m_pos] == 'e' || m_in[m_pos] == 'E')) {
            isFloat = true;
            ++m_pos;
            if (m_pos < m_in.size() && (m_in[m_pos] == '+' || m_in[m_pos] == '-'))
                ++m_pos;
            if (!isDigit())
                return fail(QStringLiteral("expected digits in the exponent"));
            while (isDigit())
                ++m_pos;
        }
        const char* first = m_in.data() + start;
        const char* last = m_in.data() + m_pos;
        if (!isFloat) {
            if (negative) {
                qint64 i = 0;
                if (std::from_chars(first, last, i).ec == std::errc())
                    return Value(i);
            } else {
                quint64 u = 0;
                if (std::from_chars(first, last, u).ec == std::errc())
                    return Value(u);
            }
            // Out of 64-bit range: keep the magnitude as a float, as JavaScript peers would.
        }
        double d = 0;
        const auto [ptr, ec] = std::from_chars(first, last, d);
        if (ec == std::errc::result_out_of_range) {
            // Either overflow (to infinity) or underflow (to zero), told apart by the exponent's sign.
            const qsizetype e = QByteArrayView(first, last).indexOf('e') >= 0
                                    ? QByteArrayView(first, last).indexOf('e')
                                    : QByteArrayView(first, last).indexOf('E');
            const bool underflow = e >= 0 && e + 1 < last - first && first[e + 1] == '-';
            const double magnitude = underflow ? 0.0 : std::numeric_limits<double>::infinity();
            return Value(negative ? -magnitude : magnitude);
        }
        if (ec != std::errc() || ptr != last)
            return fail(QStringLiteral("invalid number"));
        return Value(d);
    }

    QByteArrayView m_in;
    qsizetype m_pos = 0;
    QString m_error;
    qsizetype m_errorPos = 0;
};

} // namespace

QByteArray JsonSerializer::encode(const Value& value) const
{
    QByteArray out;
    out.reserve(256);
    writeValue(out, value);
    return out;
}

std::optional<Value> JsonSerializer::decode(QByteArrayView bytes, QString* error) const
{
    return Parser(bytes).parseDocument(error);
}

} // namespace wamp
