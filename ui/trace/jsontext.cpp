#include "jsontext.h"

#include <charconv>
#include <cmath>

using wamp::Value;

namespace {

constexpr qsizetype kLineWidth = 100;
constexpr int kIndent = 2;

struct Writer {
    QString& out;
    qsizetype limit; // -1: no limit
    bool* sawBinary;

    bool full() const { return limit >= 0 && out.size() > limit; }

    void string(QStringView text)
    {
        out.append(QLatin1Char('"'));
        for (const QChar c : text) {
            switch (c.unicode()) {
            case '"':
                out.append(QLatin1StringView("\\\""));
                break;
            case '\\':
                out.append(QLatin1StringView("\\\\"));
                break;
            case '\n':
                out.append(QLatin1StringView("\\n"));
                break;
            case '\r':
                out.append(QLatin1StringView("\\r"));
                break;
            case '\t':
                out.append(QLatin1StringView("\\t"));
                break;
            default:
                if (c.unicode() < 0x20)
                    out.append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
                else
                    out.append(c);
            }
        }
        out.append(QLatin1Char('"'));
    }

    void scalar(const Value& value)
    {
        switch (value.type()) {
        case Value::Type::Null:
            out.append(QLatin1StringView("null"));
            break;
        case Value::Type::Bool:
            out.append(value.toBool() ? QLatin1StringView("true") : QLatin1StringView("false"));
            break;
        case Value::Type::Int:
            out.append(QString::number(value.toInt()));
            break;
        case Value::Type::UInt:
            out.append(QString::number(value.toUInt()));
            break;
        case Value::Type::Double: {
            const double d = value.toDouble();
            if (!std::isfinite(d)) {
                out.append(QLatin1StringView("null"));
                break;
            }
            // The shortest text that reads back as the same double: 22.8, not 22.800000000000001.
            char buffer[32];
            const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
            const QLatin1StringView text(buffer, ec == std::errc() ? end - buffer : 0);
            out.append(text);
            if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
                out.append(QLatin1StringView(".0"));
            break;
        }
        case Value::Type::String:
            string(QString::fromUtf8(value.bytes()));
            break;
        case Value::Type::Binary:
            if (sawBinary)
                *sawBinary = true;
            out.append(QLatin1Char('"'));
            out.append(QLatin1StringView(value.bytes().toBase64()));
            out.append(QLatin1Char('"'));
            break;
        case Value::Type::List:
        case Value::Type::Dict:
            break;
        }
    }

    void compact(const Value& value)
    {
        if (full())
            return;
        if (value.isList()) {
            out.append(QLatin1Char('['));
            bool first = true;
            for (const Value& item : value.list()) {
                if (full())
                    return;
                if (!std::exchange(first, false))
                    out.append(QLatin1StringView(", "));
                compact(item);
            }
            out.append(QLatin1Char(']'));
        } else if (value.isDict()) {
            out.append(QLatin1Char('{'));
            bool first = true;
            for (const auto& [key, item] : value.dict()) {
                if (full())
                    return;
                if (!std::exchange(first, false))
                    out.append(QLatin1StringView(", "));
                string(QString::fromUtf8(key));
                out.append(QLatin1StringView(": "));
                compact(item);
            }
            out.append(QLatin1Char('}'));
        } else {
            scalar(value);
        }
    }

    void pretty(const Value& value, int depth)
    {
        if (!value.isList() && !value.isDict()) {
            scalar(value);
            return;
        }
        // On one line when it fits: rendered once with a limit, so a big container costs no more than the
        // line it would have taken.
        const qsizetype room = kLineWidth - depth * kIndent;
        QString line;
        Writer probe{line, room, sawBinary};
        probe.compact(value);
        if (line.size() <= room) {
            out.append(line);
            return;
        }
        const bool isList = value.isList();
        out.append(isList ? QLatin1Char('[') : QLatin1Char('{'));
        const QString indent(qsizetype(depth + 1) * kIndent, QLatin1Char(' '));
        bool first = true;
        auto next = [&] {
            if (!std::exchange(first, false))
                out.append(QLatin1Char(','));
            out.append(QLatin1Char('\n'));
            out.append(indent);
        };
        if (isList) {
            for (const Value& item : value.list()) {
                next();
                pretty(item, depth + 1);
            }
        } else {
            for (const auto& [key, item] : value.dict()) {
                next();
                string(QString::fromUtf8(key));
                out.append(QLatin1StringView(": "));
                pretty(item, depth + 1);
            }
        }
        out.append(QLatin1Char('\n'));
        out.append(QString(qsizetype(depth) * kIndent, QLatin1Char(' ')));
        out.append(isList ? QLatin1Char(']') : QLatin1Char('}'));
    }
};

} // namespace

QString JsonText::compact(const Value& value, qsizetype maxChars, bool* sawBinary)
{
    QString out;
    Writer{out, maxChars, sawBinary}.compact(value);
    return out;
}

QString JsonText::pretty(const Value& value, bool* sawBinary)
{
    QString out;
    Writer{out, -1, sawBinary}.pretty(value, 0);
    return out;
}

QString JsonText::quoted(QStringView text)
{
    QString out;
    Writer{out, -1, nullptr}.string(text);
    return out;
}
