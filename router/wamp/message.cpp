#include "message.h"

#include <array>
#include <initializer_list>

namespace wamp {

namespace {

enum class Field : quint8 {
    RequestId,
    RequestType,
    SessionId,
    SubscriptionId,
    RegistrationId,
    PublicationId,
    Details,
    Uri,
    Text,
    Args,           // optional, trailing
    Kwargs,         // optional, trailing, only after Args
    OptionalDetails // optional, trailing (UNSUBSCRIBED / UNREGISTERED in the Advanced Profile)
};

struct Shape {
    MessageType type;
    const char* name;
    std::initializer_list<Field> fields;
};

using F = Field;

// The wire shape of every message type; the single source for decoding and encoding.
const std::array kShapes = {
    // [HELLO, Realm|uri, Details|dict]
    Shape{MessageType::Hello, "HELLO", {F::Uri, F::Details}},
    // [WELCOME, Session|id, Details|dict]
    Shape{MessageType::Welcome, "WELCOME", {F::SessionId, F::Details}},
    // [ABORT, Details|dict, Reason|uri]
    Shape{MessageType::Abort, "ABORT", {F::Details, F::Uri}},
    // [CHALLENGE, AuthMethod|string, Extra|dict]
    Shape{MessageType::Challenge, "CHALLENGE", {F::Text, F::Details}},
    // [AUTHENTICATE, Signature|string, Extra|dict]
    Shape{MessageType::Authenticate, "AUTHENTICATE", {F::Text, F::Details}},
    // [GOODBYE, Details|dict, Reason|uri]
    Shape{MessageType::Goodbye, "GOODBYE", {F::Details, F::Uri}},
    // [ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri, Arguments|list,
    // ArgumentsKw|dict]
    Shape{
        MessageType::Error, "ERROR", {F::RequestType, F::RequestId, F::Details, F::Uri, F::Args, F::Kwargs}},
    // [PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list, ArgumentsKw|dict]
    Shape{MessageType::Publish, "PUBLISH", {F::RequestId, F::Details, F::Uri, F::Args, F::Kwargs}},
    // [PUBLISHED, PUBLISH.Request|id, Publication|id]
    Shape{MessageType::Published, "PUBLISHED", {F::RequestId, F::PublicationId}},
    // [SUBSCRIBE, Request|id, Options|dict, Topic|uri]
    Shape{MessageType::Subscribe, "SUBSCRIBE", {F::RequestId, F::Details, F::Uri}},
    // [SUBSCRIBED, SUBSCRIBE.Request|id, Subscription|id]
    Shape{MessageType::Subscribed, "SUBSCRIBED", {F::RequestId, F::SubscriptionId}},
    // [UNSUBSCRIBE, Request|id, SUBSCRIBED.Subscription|id]
    Shape{MessageType::Unsubscribe, "UNSUBSCRIBE", {F::RequestId, F::SubscriptionId}},
    // [UNSUBSCRIBED, UNSUBSCRIBE.Request|id, Details|dict (optional)]
    Shape{MessageType::Unsubscribed, "UNSUBSCRIBED", {F::RequestId, F::OptionalDetails}},
    // [EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict, Arguments|list,
    //  ArgumentsKw|dict]
    Shape{MessageType::Event, "EVENT", {F::SubscriptionId, F::PublicationId, F::Details, F::Args, F::Kwargs}},
    // [CALL, Request|id, Options|dict, Procedure|uri, Arguments|list, ArgumentsKw|dict]
    Shape{MessageType::Call, "CALL", {F::RequestId, F::Details, F::Uri, F::Args, F::Kwargs}},
    // [CANCEL, CALL.Request|id, Options|dict]
    Shape{MessageType::Cancel, "CANCEL", {F::RequestId, F::Details}},
    // [RESULT, CALL.Request|id, Details|dict, Arguments|list, ArgumentsKw|dict]
    Shape{MessageType::Result, "RESULT", {F::RequestId, F::Details, F::Args, F::Kwargs}},
    // [REGISTER, Request|id, Options|dict, Procedure|uri]
    Shape{MessageType::Register, "REGISTER", {F::RequestId, F::Details, F::Uri}},
    // [REGISTERED, REGISTER.Request|id, Registration|id]
    Shape{MessageType::Registered, "REGISTERED", {F::RequestId, F::RegistrationId}},
    // [UNREGISTER, Request|id, REGISTERED.Registration|id]
    Shape{MessageType::Unregister, "UNREGISTER", {F::RequestId, F::RegistrationId}},
    // [UNREGISTERED, UNREGISTER.Request|id, Details|dict (optional)]
    Shape{MessageType::Unregistered, "UNREGISTERED", {F::RequestId, F::OptionalDetails}},
    // [INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict, Arguments|list, ArgumentsKw|dict]
    Shape{MessageType::Invocation,
          "INVOCATION",
          {F::RequestId, F::RegistrationId, F::Details, F::Args, F::Kwargs}},
    // [INTERRUPT, INVOCATION.Request|id, Options|dict]
    Shape{MessageType::Interrupt, "INTERRUPT", {F::RequestId, F::Details}},
    // [YIELD, INVOCATION.Request|id, Options|dict, Arguments|list, ArgumentsKw|dict]
    Shape{MessageType::Yield, "YIELD", {F::RequestId, F::Details, F::Args, F::Kwargs}},
};

const Shape* shapeOf(qint64 code)
{
    for (const Shape& shape : kShapes) {
        if (int(shape.type) == code)
            return &shape;
    }
    return nullptr;
}

bool isOptional(Field field)
{
    return field == Field::Args || field == Field::Kwargs || field == Field::OptionalDetails;
}

const char* fieldName(Field field)
{
    switch (field) {
    case Field::RequestId:
        return "Request|id";
    case Field::RequestType:
        return "REQUEST.Type|int";
    case Field::SessionId:
        return "Session|id";
    case Field::SubscriptionId:
        return "Subscription|id";
    case Field::RegistrationId:
        return "Registration|id";
    case Field::PublicationId:
        return "Publication|id";
    case Field::Details:
    case Field::OptionalDetails:
        return "Details|dict";
    case Field::Uri:
        return "uri";
    case Field::Text:
        return "string";
    case Field::Args:
        return "Arguments|list";
    case Field::Kwargs:
        return "ArgumentsKw|dict";
    }
    return "?";
}

quint64* idSlot(Message& m, Field field)
{
    switch (field) {
    case Field::RequestId:
        return &m.requestId;
    case Field::SessionId:
        return &m.sessionId;
    case Field::SubscriptionId:
        return &m.subscriptionId;
    case Field::RegistrationId:
        return &m.registrationId;
    case Field::PublicationId:
        return &m.publicationId;
    default:
        return nullptr;
    }
}

// Reads one field into the message; returns an error text or an empty string.
QString readField(Message& m, Field field, const Value& v)
{
    const auto wrongType = [&] {
        const QString name = QLatin1StringView(fieldName(field));
        return QStringLiteral("%1 must be %2, got %3")
            .arg(name, name.section(u'|', -1), QLatin1StringView(Value::typeName(v.type())));
    };
    if (quint64* slot = idSlot(m, field)) {
        if (!v.isInteger())
            return wrongType();
        if (!v.isUnsigned() || v.toUInt() == 0 || v.toUInt() > kMaxId)
            return QStringLiteral("%1 %2 is outside 1..2^53")
                .arg(QLatin1StringView(fieldName(field)), v.toDebugString());
        *slot = v.toUInt();
        return {};
    }
    switch (field) {
    case Field::RequestType:
        if (!v.isInteger() || !isKnownMessageType(v.toInt()))
            return QStringLiteral("REQUEST.Type %1 is not a WAMP message type").arg(v.toDebugString());
        m.requestType = MessageType(v.toInt());
        return {};
    case Field::Details:
    case Field::OptionalDetails:
        if (!v.isDict())
            return wrongType();
        m.details = v;
        return {};
    case Field::Uri:
    case Field::Text:
        if (!v.isString())
            return QStringLiteral("%1 must be a string, got %2")
                .arg(QLatin1StringView(fieldName(field)), QLatin1StringView(Value::typeName(v.type())));
        m.uri = v.bytes();
        return {};
    case Field::Args:
        // Payload Passthru Mode (and the E2EE test vectors) put one binary Payload where Arguments goes.
        if (!v.isList() && !v.isBinary())
            return QStringLiteral("Arguments|list must be list or binary payload, got %1")
                .arg(QLatin1StringView(Value::typeName(v.type())));
        m.args = v;
        return {};
    case Field::Kwargs:
        if (m.args.isBinary())
            return QStringLiteral("ArgumentsKw|dict must not follow a binary payload");
        if (!v.isDict())
            return wrongType();
        m.kwargs = v;
        return {};
    default:
        return QStringLiteral("internal: unhandled field");
    }
}

Value writeField(const Message& m, Field field)
{
    switch (field) {
    case Field::RequestId:
        return Value(m.requestId);
    case Field::RequestType:
        return Value(int(m.requestType));
    case Field::SessionId:
        return Value(m.sessionId);
    case Field::SubscriptionId:
        return Value(m.subscriptionId);
    case Field::RegistrationId:
        return Value(m.registrationId);
    case Field::PublicationId:
        return Value(m.publicationId);
    case Field::Details:
    case Field::OptionalDetails:
        return m.details.isDict() ? m.details : Value(Value::Dict{});
    case Field::Uri:
    case Field::Text:
        return Value::string(m.uri);
    case Field::Args:
        return m.args.isList() || m.args.isBinary() ? m.args : Value(Value::List{});
    case Field::Kwargs:
        return m.kwargs;
    }
    return {};
}

} // namespace

const char* messageTypeName(MessageType type)
{
    const Shape* shape = shapeOf(int(type));
    return shape ? shape->name : nullptr;
}

bool isKnownMessageType(qint64 code)
{
    return shapeOf(code) != nullptr;
}

std::optional<Message> Message::fromValue(const Value& value, QString* error)
{
    const auto fail = [error](const QString& text) {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (!value.isList())
        return fail(QStringLiteral("a WAMP message must be a list, got %1")
                        .arg(QLatin1StringView(Value::typeName(value.type()))));
    const Value::List& items = value.list();
    if (items.empty() || !items.front().isInteger())
        return fail(QStringLiteral("a WAMP message must start with an integer message code"));
    const Shape* shape = shapeOf(items.front().toInt());
    if (!shape)
        return fail(QStringLiteral("unknown message code %1").arg(items.front().toDebugString()));

    const auto fields = shape->fields;
    qsizetype required = 0;
    for (Field f : fields)
        required += isOptional(f) ? 0 : 1;
    const qsizetype given = qsizetype(items.size()) - 1;
    if (given < required || given > qsizetype(fields.size()))
        return fail(QStringLiteral("%1 takes %2 fields, got %3")
                        .arg(QLatin1StringView(shape->name),
                             required == qsizetype(fields.size())
                                 ? QString::number(required)
                                 : QStringLiteral("%1 to %2").arg(required).arg(fields.size()))
                        .arg(given));

    Message m;
    m.type = shape->type;
    qsizetype index = 1;
    for (Field f : fields) {
        if (index >= qsizetype(items.size()))
            break;
        const QString problem = readField(m, f, items[size_t(index)]);
        if (!problem.isEmpty())
            return fail(QStringLiteral("%1 field %2: %3")
                            .arg(QLatin1StringView(shape->name))
                            .arg(index)
                            .arg(problem));
        ++index;
    }
    return m;
}

Value Message::toValue() const
{
    const Shape* shape = shapeOf(int(type));
    Value::List items;
    if (!shape)
        return Value(std::move(items));
    items.reserve(shape->fields.size() + 1);
    items.emplace_back(int(type));
    const bool hasKwargs = kwargs.isDict();
    for (Field f : shape->fields) {
        if (f == Field::Args && !args.isList() && !args.isBinary() && !hasKwargs)
            break;
        if (f == Field::Kwargs && !hasKwargs)
            break;
        if (f == Field::OptionalDetails && (!details.isDict() || details.dict().empty()))
            break;
        items.push_back(writeField(*this, f));
    }
    return Value(std::move(items));
}

QString Message::typeName() const
{
    const char* name = messageTypeName(type);
    return name ? QLatin1StringView(name) : QStringLiteral("UNKNOWN");
}

} // namespace wamp
