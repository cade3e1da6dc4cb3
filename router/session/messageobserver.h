#pragma once

#include <QByteArray>

namespace wamp {

class Session;
struct Message;

/*!
 * Sees every message a session receives or sends (the inspector's trace and statistics). Called on the
 * router's thread, on the routing path: implementations must be quick and must not call back into the router.
 * With no observer attached the cost is one branch per message.
 */
class MessageObserver {
public:
    enum class Direction : quint8 { In, Out };

    //! The request a message stems from, when the message itself does not say: an INVOCATION stems from the
    //! caller's CALL, an EVENT from the publisher's PUBLISH. Zero otherwise.
    struct Origin {
        quint64 sessionId = 0;
        quint64 requestId = 0;
    };

    virtual ~MessageObserver() = default;

    /*!
     * \a encoded is the message as on the wire (shared, not copied). For an incoming message that could not
     * be decoded \a message is null.
     */
    virtual void observe(const Session& session, Direction direction, const Message* message,
                         const QByteArray& encoded, Origin origin) = 0;

    /*!
     * The router is done with the incoming message observed last: what was sent between the two calls was
     * sent in handling it (a CALL's INVOCATION, a PUBLISH's EVENTs), at the same moment for any purpose of
     * an observer. Not called for an input that did not reach observe().
     */
    virtual void inputHandled() {}
};

} // namespace wamp
