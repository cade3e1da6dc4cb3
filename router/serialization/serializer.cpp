#include "serializer.h"

#include "cborserializer.h"
#include "jsonserializer.h"
#include "msgpackserializer.h"

namespace wamp {

QString Serializer::name() const
{
    switch (kind()) {
    case SerializerKind::Json:
        return QStringLiteral("json");
    case SerializerKind::MsgPack:
        return QStringLiteral("msgpack");
    case SerializerKind::Cbor:
        return QStringLiteral("cbor");
    }
    return {};
}

QString Serializer::subprotocol() const
{
    return QStringLiteral("wamp.2.") + name();
}

int Serializer::rawSocketId() const
{
    return int(kind()) + 1;
}

std::optional<Message> Serializer::decodeMessage(QByteArrayView bytes, QString* error) const
{
    const std::optional<Value> value = decode(bytes, error);
    if (!value)
        return std::nullopt;
    return Message::fromValue(*value, error);
}

const Serializer& serializerFor(SerializerKind kind)
{
    static const JsonSerializer json;
    static const MsgPackSerializer msgpack;
    static const CborSerializer cbor;
    switch (kind) {
    case SerializerKind::MsgPack:
        return msgpack;
    case SerializerKind::Cbor:
        return cbor;
    case SerializerKind::Json:
        break;
    }
    return json;
}

std::optional<SerializerKind> serializerKindFromName(QStringView name)
{
    for (SerializerKind kind : allSerializerKinds()) {
        if (serializerFor(kind).name() == name)
            return kind;
    }
    return std::nullopt;
}

std::optional<SerializerKind> serializerKindFromSubprotocol(QStringView subprotocol)
{
    for (SerializerKind kind : allSerializerKinds()) {
        if (serializerFor(kind).subprotocol() == subprotocol)
            return kind;
    }
    return std::nullopt;
}

QList<SerializerKind> allSerializerKinds()
{
    return {SerializerKind::Json, SerializerKind::MsgPack, SerializerKind::Cbor};
}

} // namespace wamp
