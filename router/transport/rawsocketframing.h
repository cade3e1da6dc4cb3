#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <optional>

/*!
 * WAMP-over-RawSocket wire format (WAMP spec, "RawSocket Transport"), as plain functions and a byte-fed frame
 * reader: no sockets here, so every edge case is unit-tested with data rows.
 *
 * Handshake, 4 octets each way: 0x7F, then (length exponent << 4 | serializer), then two zero octets. The
 * maximum message length a side accepts is 2^(9 + exponent), exponent 0..15 (512 bytes to 16 MiB). An error
 * reply is 0x7F, (error code << 4), 0, 0.
 *
 * Frames: a 4-octet header, then the payload. Header octet 0: bits 0-2 the frame type (0 message, 1 ping,
 * 2 pong), bits 3-7 reserved (zero); octets 1-3 the payload length, 24-bit big-endian.
 */
namespace wamp::rawsocket {

inline constexpr quint8 kMagic = 0x7F;
inline constexpr qint64 kMinMaxLength = qint64(1) << 9;
inline constexpr qint64 kMaxMaxLength = qint64(1) << 24;

//! Handshake error codes (spec, "RawSocket Handshake"), sent in the high nibble of the second octet.
enum class HandshakeError : quint8 {
    SerializerUnsupported = 1,
    MaxLengthUnacceptable = 2,
    ReservedBitsUsed = 3,
    MaxConnectionCountReached = 4,
};

//! A parsed client handshake.
struct HandshakeRequest {
    int lengthExponent = 0; //!< 0..15: the peer accepts messages up to 2^(9 + lengthExponent) bytes
    int serializerId = 0;   //!< 1 json, 2 msgpack, 3 cbor, others unknown
    qint64 maxLength() const { return qint64(1) << (9 + lengthExponent); }
};

/*!
 * Parses the 4 octets a client sends first (only the first 4 of \a fourBytes are read). Returns nullopt with
 * *error set when fewer than 4 octets are given, when the magic octet is wrong (the error names the bytes
 * received, as hex and as text if printable, with a hint when they look like an HTTP request or a TLS
 * ClientHello, so a user can tell e.g. a WebSocket or TLS client from a RawSocket one; a wrong first octet
 * is reported as such even before 4 octets are in, so a listener can refuse at once) or when the reserved
 * octets are not zero (*reservedBitsUsed is then set, so the caller can reply
 * HandshakeError::ReservedBitsUsed; it is false in every other case). \a error and \a reservedBitsUsed may be
 * null.
 *
 * Any length exponent is valid, and so is any serializer id, including the illegal 0 and unknown ones: which
 * serializers it supports is the listener's decision, answered with HandshakeError::SerializerUnsupported.
 */
std::optional<HandshakeRequest> parseHandshake(QByteArrayView fourBytes, QString* error,
                                               bool* reservedBitsUsed);

/*!
 * Parses the 4 octets a router answers (client side): the accepted handshake (exponent and serializer), or
 * the error code it sent (1..4). Returns nullopt with *error set (\a error may be null) when fewer than 4
 * octets are given, the magic is wrong, the reserved octets are not zero, the second octet is 0x00 (neither a
 * serializer nor an error) or the error code is not one the spec defines.
 */
struct HandshakeReply {
    std::optional<HandshakeRequest> accepted;
    std::optional<HandshakeError> error;
};
std::optional<HandshakeReply> parseHandshakeReply(QByteArrayView fourBytes, QString* error);

//! A handshake (client request or router acceptance): lengthExponent 0..15, serializerId 1..15.
QByteArray handshake(int lengthExponent, int serializerId);
//! A router's error reply: 0x7F, (error << 4), 0, 0.
QByteArray handshakeError(HandshakeError error);

//! The largest exponent whose length 2^(9 + exponent) does not exceed \a maxMessageSize (0 below 512 bytes,
//! 15 from 16 MiB up). The router both advertises and enforces 2^(9 + exponent): they are the same limit.
int lengthExponentFor(qint64 maxMessageSize);

//! Human-readable meaning of an error code, for logs and client errors.
QString describe(HandshakeError error);

enum class FrameType : quint8 { Message = 0, Ping = 1, Pong = 2 };

struct Frame {
    FrameType type = FrameType::Message;
    QByteArray payload;
};

//! Encodes one frame (header + payload). The payload must be shorter than 2^24 bytes: callers check the
//! peer's limit first; a longer payload asserts in debug builds and yields an empty array in release builds,
//! never a frame with a truncated length.
QByteArray encodeFrame(FrameType type, QByteArrayView payload);
//! Just the 4-octet header of a frame with \a length payload octets (0 to 2^24 - 1; callers check the
//! peer's limit first), for senders that queue header and payload without joining them first.
std::array<char, 4> frameHeader(FrameType type, qint64 length);

/*!
 * Splits a byte stream into frames. Feed it whatever the socket delivered with append(), then call next()
 * until it returns nothing. A header announcing more than maxPayload bytes, an unknown frame type or reserved
 * bits set is an error as soon as the header is complete, before any of the payload is buffered; after an
 * error the reader stays failed, drops what it holds and ignores further input. Zero-length frames are
 * frames (a zero-length PING is normal; an empty message is returned for the session to reject).
 *
 * Taking a frame does not move the rest of the buffer: the reader keeps an offset and compacts only when the
 * consumed prefix outweighs what is left, so a read holding many frames costs linear time.
 */
class FrameReader {
public:
    explicit FrameReader(qint64 maxPayload)
        : m_maxPayload(maxPayload)
    {}

    void append(QByteArrayView bytes);
    //! The next complete frame, or nullopt when more bytes are needed or the stream is bad (see error()).
    std::optional<Frame> next();
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    //! Bytes received but not yet returned as frames.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }

private:
    qint64 m_maxPayload;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    QString m_error;
};

} // namespace wamp::rawsocket
