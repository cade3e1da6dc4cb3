#include "traceformatter.h"

#include "jsontext.h"

#include "serialization/serializer.h"
#include "wamp/message.h"

#include <QDateTime>
#include <QTimeZone>

using wamp::MessageType;
using wamp::TraceEntry;
using wamp::Value;

namespace {

QString joinArguments(const wamp::Message& message, int maxChars)
{
    QString text;
    if (!message.args.isNull())
        text = JsonText::compact(message.args, maxChars);
    if (!message.kwargs.isNull() && !(message.kwargs.isDict() && message.kwargs.dict().empty())) {
        if (!text.isEmpty())
            text.append(QLatin1Char(' '));
        text.append(JsonText::compact(message.kwargs, maxChars - text.size()));
    }
    return text;
}

QString detailsMessage(const wamp::Message& message)
{
    const Value& text = message.details[QByteArrayView("message")];
    return text.isString() ? text.toString() : QString();
}

} // namespace

QString TraceFormatter::typeName(const TraceEntry& entry)
{
    if (!entry.valid)
        return tr("invalid");
    const char* name = wamp::messageTypeName(entry.type);
    return name ? QLatin1StringView(name) : QString::number(int(entry.type));
}

QString TraceFormatter::timeOfDay(qint64 timestampUs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timestampUs / 1000);
    return time.toString(QStringLiteral("HH:mm:ss.zzz")) +
           QStringLiteral("%1").arg(timestampUs % 1000, 3, 10, QLatin1Char('0'));
}

QString TraceFormatter::isoTime(qint64 timestampUs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timestampUs / 1000, QTimeZone::utc());
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           QStringLiteral("%1Z").arg(timestampUs % 1000, 3, 10, QLatin1Char('0'));
}

QString TraceFormatter::directionText(TraceEntry::Direction direction)
{
    return direction == TraceEntry::Direction::In ? QStringLiteral(u"\u2192 ") + tr("in")
                                                  : QStringLiteral(u"\u2190 ") + tr("out");
}

QString TraceFormatter::directionToolTip(TraceEntry::Direction direction)
{
    return direction == TraceEntry::Direction::In ? tr("Received by the router from the client")
                                                  : tr("Sent by the router to the client");
}

QString TraceFormatter::serializerName(wamp::SerializerKind kind)
{
    return wamp::serializerFor(kind).name();
}

bool TraceFormatter::carriesUri(MessageType type)
{
    switch (type) {
    case MessageType::Hello:
    case MessageType::Abort:
    case MessageType::Goodbye:
    case MessageType::Error:
    case MessageType::Publish:
    case MessageType::Subscribe:
    case MessageType::Call:
    case MessageType::Register:
        return true;
    default:
        return false;
    }
}

bool TraceFormatter::isUriInherited(const TraceEntry& entry)
{
    return entry.valid && !entry.uri.isEmpty() && !carriesUri(entry.type);
}

QString TraceFormatter::summary(const TraceEntry& entry, int maxChars)
{
    if (entry.size() > kMaxSummaryDecodeBytes)
        return tr("(%1 bytes, see the details)").arg(entry.size());
    QString error;
    const std::optional<wamp::Message> decoded =
        wamp::serializerFor(entry.serializer).decodeMessage(entry.encoded, &error);
    if (!decoded)
        return tr("could not decode: %1").arg(error);
    const wamp::Message& message = *decoded;
    QString text;
    switch (message.type) {
    case MessageType::Hello:
        text = tr("realm %1").arg(message.uriString());
        break;
    case MessageType::Welcome:
        text = tr("session %1").arg(message.sessionId);
        break;
    case MessageType::Abort:
    case MessageType::Goodbye:
        text = message.uriString();
        if (const QString reason = detailsMessage(message); !reason.isEmpty())
            text += QStringLiteral(": ") + reason;
        break;
    case MessageType::Error:
        text = message.uriString();
        if (const QString arguments = joinArguments(message, maxChars); !arguments.isEmpty())
            text += QLatin1Char(' ') + arguments;
        break;
    case MessageType::Published:
        text = tr("publication %1").arg(message.publicationId);
        break;
    case MessageType::Subscribed:
    case MessageType::Unsubscribe:
        text = tr("subscription %1").arg(message.subscriptionId);
        break;
    case MessageType::Registered:
    case MessageType::Unregister:
        text = tr("registration %1").arg(message.registrationId);
        break;
    default:
        text = joinArguments(message, maxChars);
        if (text.isEmpty() && message.details.isDict() && !message.details.dict().empty())
            text = JsonText::compact(message.details, maxChars);
    }
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        text.append(QChar(0x2026)); // ellipsis
    }
    return text;
}

QString TraceFormatter::details(const TraceEntry& entry)
{
    // Three lines of two "label: value" cells, then the message.
    const QString cells[3][2][2] = {
        {{tr("Time"), QDateTime::fromMSecsSinceEpoch(entry.timestampUs / 1000)
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
                          QStringLiteral("%1").arg(entry.timestampUs % 1000, 3, 10, QLatin1Char('0'))},
         {tr("Session"), entry.realm.isEmpty()
                             ? QString::number(entry.sessionId)
                             : tr("%1 (realm %2)").arg(entry.sessionId).arg(entry.realm.toString())}},
        {{tr("Direction"), directionText(entry.direction) + QStringLiteral(" (") +
                               directionToolTip(entry.direction) + QLatin1Char(')')},
         {tr("Transport"), entry.transportId.toString()}},
        {{tr("Type"), typeName(entry)},
         {tr("Serializer"), tr("%1, %2 bytes").arg(serializerName(entry.serializer)).arg(entry.size())}},
    };
    qsizetype labelWidth = 0;
    for (const auto& line : cells)
        for (const auto& cell : line)
            labelWidth = std::max(labelWidth, cell[0].size() + 2);
    const auto cell = [&](const QString(&labelled)[2]) -> QString {
        return QString(labelled[0] + QLatin1Char(':')).leftJustified(labelWidth) + labelled[1];
    };
    qsizetype leftWidth = 0;
    for (const auto& line : cells)
        leftWidth = std::max(leftWidth, cell(line[0]).size() + 4);
    QString text;
    for (const auto& line : cells)
        text += cell(line[0]).leftJustified(leftWidth) + cell(line[1]) + QLatin1Char('\n');
    text += QLatin1Char('\n');

    QString error;
    const std::optional<Value> decoded = wamp::serializerFor(entry.serializer).decode(entry.encoded, &error);
    if (!decoded) {
        text += tr("Could not decode the message: %1").arg(error) + QLatin1Char('\n');
        text += tr("Bytes (base64):") + QLatin1Char('\n') + QLatin1StringView(entry.encoded.toBase64());
        return text;
    }
    bool sawBinary = false;
    const QString json = JsonText::pretty(*decoded, &sawBinary);
    if (sawBinary)
        text += tr("Note: binary values are shown as base64 strings.") + QStringLiteral("\n\n");
    text += json;
    return text;
}
