#pragma once

#include "wamp/message.h"
#include "wamp/value.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace wamp {

enum class SerializerKind : quint8 { Json, MsgPack, Cbor };
inline constexpr int kSerializerKindCount = 3;

//! Deepest nesting of lists and dicts a decoder accepts; deeper input is rejected, not recursed into.
inline constexpr int kMaxNestingDepth = 64;

/*!
 * Encodes and decodes Value trees in one wire format. Implementations are stateless and thread-safe; get
 * them with serializerFor().
 *
 * decode() never crashes on hostile input: truncated data, trailing bytes, invalid UTF-8 in strings,
 * nesting deeper than kMaxNestingDepth and unsupported types all return nullopt with a readable error.
 */
class Serializer {
public:
    virtual ~Serializer() = default;

    virtual SerializerKind kind() const = 0;
    virtual QByteArray encode(const Value& value) const = 0;
    virtual std::optional<Value> decode(QByteArrayView bytes, QString* error) const = 0;

    //! True when messages travel as binary WebSocket frames (msgpack, cbor), false for text (json).
    bool isBinary() const { return kind() != SerializerKind::Json; }
    //! "json", "msgpack" or "cbor": the names Crossbar's configuration uses.
    QString name() const;
    //! "wamp.2.json" and so on: the WebSocket subprotocol.
    QString subprotocol() const;
    //! The RawSocket handshake serializer nibble: 1 json, 2 msgpack, 3 cbor.
    int rawSocketId() const;

    QByteArray encodeMessage(const Message& message) const { return encode(message.toValue()); }
    std::optional<Message> decodeMessage(QByteArrayView bytes, QString* error) const;
};

const Serializer& serializerFor(SerializerKind kind);
//! Looks a serializer up by its configuration name ("json", "msgpack", "cbor").
std::optional<SerializerKind> serializerKindFromName(QStringView name);
std::optional<SerializerKind> serializerKindFromSubprotocol(QStringView subprotocol);
QList<SerializerKind> allSerializerKinds();

} // namespace wamp
