#include "websocketframing.h"

#include "wamp/utf8.h"

#include <QtEndian>

#include <cstring>
#include <limits>
#include <utility>

namespace wamp::websocket {

namespace {

constexpr quint8 kFin = 0x80;
constexpr quint8 kReservedBits = 0x70;
constexpr quint8 kMaskBit = 0x80;
constexpr qint64 kMaxControlPayload = 125;
constexpr qsizetype kMaxCloseReason = kMaxControlPayload - 2;
// A consumed prefix is dropped once it is at least this large and no smaller than what is left to move, so
// compaction costs at most one extra copy of each byte received (amortised), never one per frame.
constexpr qsizetype kCompactMinimum = 4096;

bool isControl(quint8 opcode)
{
    return opcode & 0x08;
}

bool isKnownOpcode(quint8 opcode)
{
    switch (Opcode(opcode)) {
    case Opcode::Continuation:
    case Opcode::Text:
    case Opcode::Binary:
    case Opcode::Close:
    case Opcode::Ping:
    case Opcode::Pong:
        return true;
    }
    return false;
}

QString opcodeName(Opcode opcode)
{
    switch (opcode) {
    case Opcode::Continuation:
        return QStringLiteral("continuation");
    case Opcode::Text:
        return QStringLiteral("Text");
    case Opcode::Binary:
        return QStringLiteral("Binary");
    case Opcode::Close:
        return QStringLiteral("Close");
    case Opcode::Ping:
        return QStringLiteral("Ping");
    case Opcode::Pong:
        return QStringLiteral("Pong");
    }
    return QString::number(int(opcode));
}

qsizetype lengthFieldSize(qint64 length)
{
    return length < 126 ? 0 : length <= 0xFFFF ? 2 : 8;
}

// Copies n octets from src to dst, XORing octet i with key octet i % 4. Eight octets at a time: the key
// repeated twice is one 64-bit word, and as 8 is a multiple of 4 the key phase is 0 again at the tail.
// memcpy keeps the unaligned loads and stores well-defined (compilers emit plain moves for them).
void maskCopy(char* dst, const char* src, qsizetype n, quint32 maskKey)
{
    uchar key[8];
    qToBigEndian(maskKey, key);
    qToBigEndian(maskKey, key + 4);
    quint64 word;
    std::memcpy(&word, key, sizeof word);
    qsizetype i = 0;
    for (; n - i >= 8; i += 8) {
        quint64 chunk;
        std::memcpy(&chunk, src + i, sizeof chunk);
        chunk ^= word;
        std::memcpy(dst + i, &chunk, sizeof chunk);
    }
    for (; i < n; ++i)
        dst[i] = char(src[i] ^ key[i & 3]);
}

void copyPayload(char* dst, const char* src, qsizetype n, bool masked, quint32 maskKey)
{
    if (n == 0)
        return;
    if (masked)
        maskCopy(dst, src, n, maskKey);
    else
        std::memcpy(dst, src, size_t(n));
}

Event makeEvent(Event::Kind kind, QByteArray payload)
{
    Event event;
    event.kind = kind;
    event.payload = std::move(payload);
    return event;
}

// Writes a frame header for a payload of \a length octets at \a header (room for 14 octets); returns its
// size.
qsizetype writeHeader(uchar* header, Opcode opcode, qint64 length, bool masked, bool fin, quint32 maskKey)
{
    header[0] = uchar((fin ? kFin : 0) | quint8(opcode));
    const uchar maskBit = masked ? kMaskBit : 0;
    qsizetype at = 2;
    if (length < 126) {
        header[1] = uchar(maskBit | length);
    } else if (length <= 0xFFFF) {
        header[1] = uchar(maskBit | 126);
        qToBigEndian(quint16(length), header + at);
        at += 2;
    } else {
        header[1] = uchar(maskBit | 127);
        qToBigEndian(quint64(length), header + at);
        at += 8;
    }
    if (masked) {
        qToBigEndian(maskKey, header + at);
        at += 4;
    }
    return at;
}

} // namespace

void appendFrame(QByteArray& out, Opcode opcode, QByteArrayView payload, Role role, bool fin, quint32 maskKey)
{
    const bool masked = role == Role::Client;
    const qint64 length = payload.size();
    const qsizetype headerSize = 2 + lengthFieldSize(length) + (masked ? 4 : 0);
    const qsizetype start = out.size();
    // resize() grows the capacity geometrically; the header and payload are then written in place.
    out.resize(start + headerSize + payload.size());
    const qsizetype at =
        writeHeader(reinterpret_cast<uchar*>(out.data() + start), opcode, length, masked, fin, maskKey);
    copyPayload(out.data() + start + at, payload.data(), payload.size(), masked, maskKey);
}

FrameHeader serverFrameHeader(Opcode opcode, qint64 length, bool fin)
{
    FrameHeader header;
    header.size = writeHeader(reinterpret_cast<uchar*>(header.bytes), opcode, length, false, fin, 0);
    return header;
}

QByteArray encodeFrame(Opcode opcode, QByteArrayView payload, Role role, bool fin, quint32 maskKey)
{
    QByteArray frame;
    frame.reserve(2 + lengthFieldSize(payload.size()) + (role == Role::Client ? 4 : 0) + payload.size());
    appendFrame(frame, opcode, payload, role, fin, maskKey);
    return frame;
}

QByteArray encodeClose(quint16 code, QStringView reason, Role role, quint32 maskKey)
{
    if (code == 0)
        return encodeFrame(Opcode::Close, {}, role, true, maskKey);
    QByteArray utf8 = reason.toUtf8();
    if (utf8.size() > kMaxCloseReason) {
        qsizetype cut = kMaxCloseReason;
        // Back off over continuation octets (10xxxxxx) to the start of the code point that would be split.
        while (cut > 0 && (quint8(utf8.at(cut)) & 0xC0) == 0x80)
            --cut;
        utf8.truncate(cut);
    }
    char payload[kMaxControlPayload];
    qToBigEndian(code, payload);
    std::memcpy(payload + 2, utf8.constData(), size_t(utf8.size()));
    return encodeFrame(Opcode::Close, QByteArrayView(payload, 2 + utf8.size()), role, true, maskKey);
}

bool isValidReceivedCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

FrameReader::FrameReader(Role role, qint64 maxMessageSize, qint64 maxFrameSize)
    : m_maxMessageSize(maxMessageSize)
    , m_maxFrameSize(maxFrameSize)
    , m_role(role)
{}

void FrameReader::append(QByteArrayView bytes)
{
    if (hasError() || m_closed || bytes.isEmpty())
        return;
    const qsizetype remaining = bufferedBytes();
    if (m_offset >= kCompactMinimum && m_offset >= remaining) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

std::nullopt_t FrameReader::fail(quint16 closeCode, QString message)
{
    m_errorCode = closeCode;
    m_error = std::move(message);
    m_buffer = QByteArray();
    m_offset = 0;
    m_message = QByteArray();
    return std::nullopt;
}

void FrameReader::consume(qsizetype frameSize)
{
    m_offset += frameSize;
    if (m_offset == m_buffer.size()) {
        // Assigned, not cleared: clear() would keep the capacity, and an idle connection holds no memory.
        m_buffer = QByteArray();
        m_offset = 0;
    }
}

struct FrameReader::FrameHeader {
    Opcode opcode = Opcode::Continuation;
    bool fin = false;
    bool masked = false;
    quint32 maskKey = 0;
    qsizetype size = 0; // of the header itself
    qint64 length = 0;  // of the payload
};

std::optional<FrameReader::FrameHeader> FrameReader::readHeader()
{
    const qsizetype available = bufferedBytes();
    if (available < 2)
        return std::nullopt;
    const auto* bytes = reinterpret_cast<const uchar*>(m_buffer.constData() + m_offset);
    FrameHeader header;
    header.fin = bytes[0] & kFin;
    const quint8 reserved = bytes[0] & kReservedBits;
    const quint8 code = bytes[0] & 0x0F;
    header.masked = bytes[1] & kMaskBit;
    const quint8 length7 = bytes[1] & 0x7F;

    // Everything the first two octets tell is judged at once, before the rest of the header is in.
    if (reserved)
        return fail(CloseCode::ProtocolError,
                    QStringLiteral("WebSocket frame has reserved bits set (0x%1) but no extension was "
                                   "negotiated")
                        .arg(uint(reserved), 2, 16, QLatin1Char('0')));
    if (!isKnownOpcode(code))
        return fail(CloseCode::ProtocolError,
                    QStringLiteral("WebSocket frame has reserved opcode %1").arg(uint(code)));
    header.opcode = Opcode(code);
    const QString name = opcodeName(header.opcode);
    if (m_role == Role::Server && !header.masked)
        return fail(CloseCode::ProtocolError, u"WebSocket " + name + u" frame from the client is not masked");
    if (m_role == Role::Client && header.masked)
        return fail(CloseCode::ProtocolError, u"WebSocket " + name + u" frame from the server is masked");
    if (isControl(code) && !header.fin)
        return fail(CloseCode::ProtocolError, u"WebSocket " + name + u" frame is fragmented (FIN not set)");
    if (isControl(code) && length7 > kMaxControlPayload)
        return fail(CloseCode::ProtocolError,
                    u"WebSocket " + name +
                        u" frame has an extended payload length: control frames carry at most 125 bytes");
    const bool inMessage = m_messageOpcode != Opcode::Continuation;
    if (header.opcode == Opcode::Continuation && !inMessage)
        return fail(CloseCode::ProtocolError,
                    QStringLiteral("WebSocket continuation frame without a message in progress"));
    if (header.opcode != Opcode::Continuation && !isControl(code) && inMessage)
        return fail(CloseCode::ProtocolError, u"WebSocket " + name +
                                                  u" frame starts a message while a fragmented " +
                                                  opcodeName(m_messageOpcode) + u" message is in progress");

    header.size = 2;
    header.length = length7;
    if (length7 == 126) {
        header.size += 2;
        if (available < header.size)
            return std::nullopt;
        header.length = qFromBigEndian<quint16>(bytes + 2);
    } else if (length7 == 127) {
        header.size += 8;
        if (available < header.size)
            return std::nullopt;
        const auto length64 = qFromBigEndian<quint64>(bytes + 2);
        if (length64 >> 63)
            return fail(CloseCode::ProtocolError,
                        QStringLiteral("WebSocket frame length 0x%1 has the most significant bit set")
                            .arg(length64, 16, 16, QLatin1Char('0')));
        header.length = qint64(length64);
    }

    // The limits are checked on the length alone, before the masking key or any payload is waited for.
    if (m_maxFrameSize > 0 && header.length > m_maxFrameSize)
        return fail(
            CloseCode::TooBig,
            QStringLiteral("WebSocket %1 frame announces %2 bytes, more than the %3 allowed per frame")
                .arg(name)
                .arg(header.length)
                .arg(m_maxFrameSize));
    if (!isControl(code) && m_maxMessageSize > 0) {
        const qint64 before = header.opcode == Opcode::Continuation ? m_message.size() : 0;
        if (header.length > m_maxMessageSize - before) {
            // Both terms are below 2^63, so their sum fits in 64 unsigned bits.
            const QString size = before == 0 ? QStringLiteral("of %1 bytes").arg(header.length)
                                             : QStringLiteral("would reach %1 bytes (%2 received, %3 more "
                                                              "announced)")
                                                   .arg(quint64(before) + quint64(header.length))
                                                   .arg(before)
                                                   .arg(header.length);
            return fail(CloseCode::TooBig, u"WebSocket " +
                                               opcodeName(inMessage ? m_messageOpcode : header.opcode) +
                                               u" message " + size + u", more than the " +
                                               QString::number(m_maxMessageSize) + u" allowed");
        }
    }

    if (header.masked) {
        if (available < header.size + 4)
            return std::nullopt;
        header.maskKey = qFromBigEndian<quint32>(bytes + header.size);
        header.size += 4;
    }
    return header;
}

std::optional<Event> FrameReader::next()
{
    while (!hasError() && !m_closed) {
        const std::optional<FrameHeader> header = readHeader();
        if (!header || bufferedBytes() - header->size < header->length)
            return std::nullopt;
        const char* source = m_buffer.constData() + m_offset + header->size;
        const auto length = qsizetype(header->length);

        if (header->opcode == Opcode::Continuation) {
            const qsizetype before = m_message.size();
            m_message.resize(before + length); // grows geometrically: many fragments cost linear time
            copyPayload(m_message.data() + before, source, length, header->masked, header->maskKey);
            consume(header->size + length);
            if (!header->fin)
                continue;
            const Opcode opcode = std::exchange(m_messageOpcode, Opcode::Continuation);
            return message(opcode, std::exchange(m_message, QByteArray()));
        }
        if (!header->fin) {
            // The first fragment of a message: control frames are never fragmented (see readHeader()).
            m_messageOpcode = header->opcode;
            m_message = QByteArray(length, Qt::Uninitialized);
            copyPayload(m_message.data(), source, length, header->masked, header->maskKey);
            consume(header->size + length);
            continue;
        }

        // A single-frame message or a control frame: unmasked straight into its own array.
        QByteArray payload(length, Qt::Uninitialized);
        copyPayload(payload.data(), source, length, header->masked, header->maskKey);
        consume(header->size + length);
        switch (header->opcode) {
        case Opcode::Ping:
            return makeEvent(Event::Kind::Ping, std::move(payload));
        case Opcode::Pong:
            return makeEvent(Event::Kind::Pong, std::move(payload));
        case Opcode::Close:
            return close(std::move(payload));
        default:
            return message(header->opcode, std::move(payload));
        }
    }
    return std::nullopt;
}

std::optional<Event> FrameReader::message(Opcode opcode, QByteArray payload)
{
    if (opcode == Opcode::Text) {
        if (!isValidUtf8(payload))
            return fail(
                CloseCode::InvalidPayload,
                QStringLiteral("WebSocket Text message of %1 bytes is not valid UTF-8").arg(payload.size()));
        return makeEvent(Event::Kind::Text, std::move(payload));
    }
    return makeEvent(Event::Kind::Binary, std::move(payload));
}

std::optional<Event> FrameReader::close(QByteArray payload)
{
    Event event;
    event.kind = Event::Kind::Close;
    if (payload.size() == 1)
        return fail(CloseCode::ProtocolError,
                    QStringLiteral("WebSocket Close frame has a 1-byte payload; a close code takes 2"));
    if (payload.size() >= 2) {
        event.closeCode = qFromBigEndian<quint16>(payload.constData());
        if (!isValidReceivedCloseCode(event.closeCode))
            return fail(CloseCode::ProtocolError,
                        QStringLiteral("WebSocket Close frame carries close code %1, which may not be sent")
                            .arg(event.closeCode));
        const QByteArrayView reason = QByteArrayView(payload).sliced(2);
        if (!isValidUtf8(reason))
            return fail(CloseCode::InvalidPayload,
                        QStringLiteral("WebSocket Close frame reason is not valid UTF-8"));
        event.closeReason = QString::fromUtf8(reason);
    }
    event.payload = std::move(payload);
    m_closed = true;
    m_buffer = QByteArray();
    m_offset = 0;
    m_message = QByteArray();
    return event;
}

} // namespace wamp::websocket
