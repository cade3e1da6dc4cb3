#include "clientmessages.h"

namespace wamp::clientmessages {

Message hello(const QByteArray& realm)
{
    const Value none(Value::Dict{});
    Message message;
    message.type = MessageType::Hello;
    message.uri = realm;
    message.details = DictBuilder()
                          .add("roles", DictBuilder()
                                            .add("caller", none)
                                            .add("callee", none)
                                            .add("publisher", none)
                                            .add("subscriber", none)
                                            .build())
                          .add("agent", Value("Wampscope"))
                          .build();
    return message;
}

Message goodbye(const QByteArray& reason)
{
    Message message;
    message.type = MessageType::Goodbye;
    message.uri = reason;
    return message;
}

Message abort(const QByteArray& reason, const QString& text)
{
    Message message;
    message.type = MessageType::Abort;
    message.uri = reason;
    message.details = DictBuilder().add("message", Value(text)).build();
    return message;
}

Message request(MessageType type, const QByteArray& uri)
{
    Message message;
    message.type = type;
    message.uri = uri;
    return message;
}

Message invocationAnswer(quint64 requestId, InvocationResult result)
{
    Message message;
    message.requestId = requestId;
    message.args = std::move(result.args);
    message.kwargs = std::move(result.kwargs);
    if (result.error.isEmpty()) {
        message.type = MessageType::Yield;
    } else {
        message.type = MessageType::Error;
        message.requestType = MessageType::Invocation;
        message.uri = std::move(result.error);
    }
    return message;
}

MessageType requestTypeOf(MessageType reply)
{
    switch (reply) {
    case MessageType::Result:
        return MessageType::Call;
    case MessageType::Registered:
        return MessageType::Register;
    case MessageType::Unregistered:
        return MessageType::Unregister;
    case MessageType::Subscribed:
        return MessageType::Subscribe;
    case MessageType::Unsubscribed:
        return MessageType::Unsubscribe;
    case MessageType::Published:
        return MessageType::Publish;
    default:
        return MessageType::Hello;
    }
}

QString reasonText(const Message& message)
{
    const Value& text = message.details["message"];
    return text.isString() ? message.uriString() + QStringLiteral(": ") + text.toString()
                           : message.uriString();
}

QString typeName(MessageType type)
{
    const char* name = messageTypeName(type);
    return name ? QString::fromLatin1(name) : QString::number(int(type));
}

RequestResult localError(const QByteArray& uri, const QString& text)
{
    RequestResult result;
    result.error = uri;
    result.args = Value(Value::List{Value(text)});
    return result;
}

} // namespace wamp::clientmessages
