#pragma once

#include "messagetype.h"
#include "value.h"

#include <QString>

#include <optional>

namespace wamp {

/*!
 * One WAMP message, independent of any serializer.
 *
 * A single struct serves every message type; which members a type uses is given by its wire shape, listed in
 * one table in message.cpp (for example `[PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list,
 * ArgumentsKw|dict]`). fromValue() checks the field count and every field's type against that table.
 * Members a type does not use stay at their defaults.
 */
struct Message {
    MessageType type = MessageType::Hello;

    //! Request|id of a request, or the id of the request a reply answers (CALL.Request for RESULT, ...).
    quint64 requestId = 0;
    //! ERROR only: the type of the request that failed.
    MessageType requestType = MessageType::Hello;
    quint64 sessionId = 0;      //!< WELCOME
    quint64 subscriptionId = 0; //!< SUBSCRIBED, UNSUBSCRIBE, EVENT
    quint64 registrationId = 0; //!< REGISTERED, UNREGISTER, INVOCATION
    quint64 publicationId = 0;  //!< PUBLISHED, EVENT
    //! Details / Options / Extra dict (always a Dict after fromValue()).
    Value details = Value(Value::Dict{});
    //! Realm, Topic, Procedure, Reason or Error URI; AuthMethod for CHALLENGE, Signature for AUTHENTICATE.
    QByteArray uri;
    //! Arguments|list and ArgumentsKw|dict, Null when the message does not carry them. In Payload Passthru
    //! Mode args is the Binary payload and kwargs stays Null.
    Value args;
    Value kwargs;

    //! Decodes and validates a message from its list form; on failure returns nullopt and sets *error.
    static std::optional<Message> fromValue(const Value& value, QString* error);
    //! The list form, ready for a serializer. Arguments are emitted when present or when ArgumentsKw is.
    Value toValue() const;

    QString typeName() const;
    QString uriString() const { return QString::fromUtf8(uri); }
};

//! The largest id WAMP allows (2^53), so that ids survive JavaScript numbers.
inline constexpr quint64 kMaxId = quint64(1) << 53;

} // namespace wamp
