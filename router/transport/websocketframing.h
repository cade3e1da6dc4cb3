#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

/*!
 * WebSocket wire format (RFC 6455 section 5), as plain functions and a byte-fed frame reader: no sockets
 * here, so every edge case is unit-tested with data rows. The opening handshake is in websockethandshake.h.
 *
 * A frame: octet 0 is FIN (0x80), RSV1-3 (0x70, zero: no extension is ever negotiated) and the opcode (low
 * nibble); octet 1 is MASK (0x80) and a 7-bit length, where 126 means a 16-bit and 127 a 64-bit big-endian
 * length follows; then, when MASK is set, a 4-octet masking key; then the payload, XORed octet i with key
 * octet i % 4 when masked. Clients mask every frame they send, servers none.
 *
 * Mask keys are quint32 written big-endian: 0x37fa213d is the masking key 0x37 0xfa 0x21 0x3d. A client must
 * use a fresh unpredictable key per frame (RFC 6455 section 10.3), e.g.
 * QRandomGenerator::system()->generate().
 */
namespace wamp::websocket {

enum class Opcode : quint8 { Continuation = 0, Text = 1, Binary = 2, Close = 8, Ping = 9, Pong = 10 };

//! Status codes of a Close frame (RFC 6455 section 7.4.1).
namespace CloseCode {
inline constexpr quint16 Normal = 1000, GoingAway = 1001, ProtocolError = 1002, Unsupported = 1003,
                         NoStatus = 1005, Abnormal = 1006, InvalidPayload = 1007, PolicyViolation = 1008,
                         TooBig = 1009, InternalError = 1011;
}

//! Server: incoming frames MUST be masked; Client: incoming frames MUST NOT be masked. Outgoing: Server
//! unmasked, Client masked.
enum class Role { Server, Client };

//! One frame. Server role: unmasked. Client role: masked with maskKey. fin=false for fragments.
QByteArray encodeFrame(Opcode opcode, QByteArrayView payload, Role role = Role::Server, bool fin = true,
                       quint32 maskKey = 0);
//! Appends a frame header (and for Role::Client the masked payload; for Server the payload) to out, without
//! an intermediate copy. encodeFrame uses it. \a out grows geometrically, so many frames appended to one
//! array cost linear time.
void appendFrame(QByteArray& out, Opcode opcode, QByteArrayView payload, Role role = Role::Server,
                 bool fin = true, quint32 maskKey = 0);
//! The header alone of an unmasked (server) frame with \a length payload octets, for a sender that queues a
//! large payload as a separate, shared buffer instead of copying it behind the header.
struct FrameHeader {
    char bytes[10];
    qsizetype size = 0;
    QByteArrayView view() const { return QByteArrayView(bytes, size); }
};
FrameHeader serverFrameHeader(Opcode opcode, qint64 length, bool fin = true);
//! Close frame payload: 2-byte code + UTF-8 reason truncated to at most 123 bytes on a code point boundary.
//! code 0 = empty payload (the reason is then dropped: a reason needs a code).
QByteArray encodeClose(quint16 code, QStringView reason, Role role = Role::Server, quint32 maskKey = 0);
//! Whether a close code received from a peer is allowed on the wire (1000-1003, 1007-1014, 3000-4999).
bool isValidReceivedCloseCode(quint16 code);

struct Event {
    enum class Kind : quint8 { Text, Binary, Ping, Pong, Close };
    Kind kind = Kind::Binary;
    QByteArray payload; // reassembled, unmasked message; ping/pong application data; Close: the raw payload
    quint16 closeCode = 0; // Close: 0 when the close frame had no payload (1005 semantics)
    QString closeReason;   // Close
};

/*!
 * Byte-fed reader of a WebSocket stream (like rawsocket::FrameReader). append() what the socket delivered,
 * then next() until nullopt.
 *
 * Errors (stay failed, drop buffered data, ignore further input): RSV bits set (no extension is ever
 * negotiated) -> 1002; unknown opcode -> 1002; wrong masking for the role -> 1002; control frame with
 * payload > 125 or not FIN -> 1002; continuation without a message in progress, or a new Text/Binary while
 * one is in progress -> 1002; 64-bit length with the most significant bit set -> 1002; a frame longer than
 * maxFrameSize, or a message (sum of fragments) longer than maxMessageSize -> 1009 detected as soon as the
 * header says so, BEFORE buffering the payload; Text message not valid UTF-8 (whole reassembled message)
 * -> 1007; close payload of 1 byte -> 1002; close code not isValidReceivedCloseCode -> 1002; close reason
 * not valid UTF-8 -> 1007. maxFrameSize/maxMessageSize <= 0 means unlimited (maxFrameSize applies to every
 * frame, maxMessageSize to data messages). Control frames may be interleaved between fragments of a data
 * message. After a Close event, further input is ignored.
 *
 * A frame is decoded once it is complete: its payload is unmasked straight from the stream buffer into the
 * event's payload, 8 octets at a time; a fragmented message is unmasked into one growing buffer, a
 * single-frame message never goes through it. The reader keeps an offset into its buffer and compacts only
 * when the consumed prefix outweighs the rest, so a read holding many frames costs linear time. Once
 * everything received has been returned, both buffers are released: an idle reader holds no heap memory.
 */
class FrameReader {
public:
    FrameReader(Role role, qint64 maxMessageSize, qint64 maxFrameSize);

    void append(QByteArrayView bytes);
    //! The next complete message or control frame, or nullopt when more bytes are needed, after a Close
    //! event, or when the stream is bad (see error()).
    std::optional<Event> next();
    bool hasError() const { return m_errorCode != 0; }
    //! The close code to send for the error (0 when there is none).
    quint16 errorCloseCode() const { return m_errorCode; }
    //! Human-readable, names the problem and sizes.
    QString error() const { return m_error; }
    //! Stream bytes received but not yet decoded (the partial frame), excluding partialMessageBytes().
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }
    //! Unmasked payload of the fragments of a message in progress.
    qsizetype partialMessageBytes() const { return m_message.size(); }
    //! Heap bytes the two buffers hold (their capacities); 0 when idle.
    qsizetype allocatedBytes() const { return m_buffer.capacity() + m_message.capacity(); }
    //! A Close event was returned; nothing more will be.
    bool isClosed() const { return m_closed; }

private:
    struct FrameHeader;
    //! The header of the next frame once it is complete and acceptable; nullopt when more bytes are needed
    //! or after failing.
    std::optional<FrameHeader> readHeader();
    std::nullopt_t fail(quint16 closeCode, QString message);
    void consume(qsizetype frameSize);
    std::optional<Event> message(Opcode opcode, QByteArray payload);
    std::optional<Event> close(QByteArray payload);

    qint64 m_maxMessageSize;
    qint64 m_maxFrameSize;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    QByteArray m_message; // the fragments so far of a message in progress
    Role m_role;
    Opcode m_messageOpcode = Opcode::Continuation; // Text or Binary while a message is in progress
    bool m_closed = false;
    quint16 m_errorCode = 0;
    QString m_error;
};

} // namespace wamp::websocket
