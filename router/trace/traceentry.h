#pragma once

#include "serialization/serializer.h"
#include "tracename.h"
#include "wamp/messagetype.h"

#include <QByteArray>
#include <QMetaType>

namespace wamp {

/*!
 * One traced message, as the inspector lists it. Cheap to make on the routing path: the fields the trace
 * filters on are copied, the message itself is kept as the encoded bytes and decoded only when someone looks
 * at it.
 *
 * The recorder's byte strings (encoded, and the URI of a message that carries one) are copies in blocks
 * shared with thousands of other messages (see ByteSlab): whatever keeps one for longer than the entry lives
 * should keep a copy of its own (ByteSlab::ownCopy), or it keeps the whole block.
 *
 * 128 bytes, aligned to a cache line: the trace drops entries long after they were made, cold, and their
 * destructor then reads only the second of two lines (the two byte strings).
 */
struct alignas(64) TraceEntry {
    enum class Direction : quint8 { In, Out };

    quint64 id = 0;         //!< monotonic, assigned by the recorder
    qint64 timestampUs = 0; //!< microseconds since the epoch
    quint64 sessionId = 0;  //!< 0 before WELCOME
    TraceName realm;
    TraceName transportId;
    Direction direction = Direction::In;
    //! False for an incoming message that could not be decoded (then type is meaningless).
    bool valid = true;
    SerializerKind serializer = SerializerKind::Json; // here, next to the other small fields: no padding
    MessageType type = MessageType::Hello;
    quint64 requestId = 0; //!< the message's Request|id (or the id of the request it answers)
    //! INVOCATION and EVENT: the session and request id of the CALL / PUBLISH they stem from.
    quint64 originSessionId = 0;
    quint64 originRequestId = 0;
    //! EVENT and PUBLISHED: the publication id; INVOCATION: the registration id.
    quint64 secondaryId = 0;
    /*!
     * The message's URI. A RESULT, INVOCATION, YIELD, EVENT, ... carries none on the wire; for those the
     * inspector's trace model fills in the URI of the request they belong to, on the UI thread, once the
     * recorder has handed the entry out. Mutable so that it can do so in a batch it shares with the other
     * views, without copying the batch.
     */
    mutable QByteArray uri;
    QByteArray encoded; //!< the bytes on the wire

    int size() const { return int(encoded.size()); }
};

} // namespace wamp

Q_DECLARE_METATYPE(wamp::TraceEntry)
