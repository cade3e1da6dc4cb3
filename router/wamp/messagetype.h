#pragma once

#include <QtGlobal>

namespace wamp {

//! WAMP message codes (WAMP spec, "Message Codes and Direction").
enum class MessageType : int {
    Hello = 1,
    Welcome = 2,
    Abort = 3,
    Challenge = 4,
    Authenticate = 5,
    Goodbye = 6,
    Error = 8,
    Publish = 16,
    Published = 17,
    Subscribe = 32,
    Subscribed = 33,
    Unsubscribe = 34,
    Unsubscribed = 35,
    Event = 36,
    Call = 48,
    Cancel = 49,
    Result = 50,
    Register = 64,
    Registered = 65,
    Unregister = 66,
    Unregistered = 67,
    Invocation = 68,
    Interrupt = 69,
    Yield = 70,
};

//! Upper-case WAMP name ("PUBLISH"), or nullptr for a code that is not a known message type.
const char* messageTypeName(MessageType type);
bool isKnownMessageType(qint64 code);

} // namespace wamp
