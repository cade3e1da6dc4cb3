#include "rawsocketframing.h"

#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <type_traits>

namespace wamp::rawsocket {

namespace {

constexpr qsizetype kHeaderSize = 4;
// A consumed prefix is dropped once it is at least this large and no smaller than what is left to move, so
// compaction costs at most one extra copy of each byte received (amortised), never one per frame.
constexpr qsizetype kCompactMinimum = 4096;
// After a burst of large frames, an emptied buffer above this capacity is released rather than kept.
constexpr qsizetype kKeepCapacity = 64 * 1024;

quint8 octet(QByteArrayView bytes, qsizetype i)
{
    return quint8(bytes[i]);
}

QString hex(quint8 value)
{
    return u"0x" + QString::number(value, 16).rightJustified(2, u'0').toUpper();
}

QString hexList(QByteArrayView bytes)
{
    QString out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out += u' ';
        out += hex(octet(bytes, i));
    }
    return out;
}

bool isPrintable(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}

bool looksLikeHttpRequest(QByteArrayView bytes)
{
    static constexpr QByteArrayView methods[] = {"GET ", "POST", "PUT ", "HEAD",
                                                 "OPTI", "DELE", "PATC", "CONN"};
    return std::find(std::begin(methods), std::end(methods), bytes) != std::end(methods);
}

// A TLS record starts with its content type (0x16 handshake, 0x15 alert) and the major version 3.
bool looksLikeTls(QByteArrayView bytes, quint8 contentType)
{
    return bytes.size() >= 2 && octet(bytes, 0) == contentType && octet(bytes, 1) == 0x03;
}

// Names the bytes received instead of the magic, with a hint for the usual mix-ups: an HTTP or TLS client on
// a plain RawSocket port (the router's side), or an HTTP or TLS server behind it (the client's side).
QString wrongMagic(QByteArrayView bytes, bool fromRouter)
{
    QString text = u"expected RawSocket magic " + hex(kMagic) + u", got " + hexList(bytes);
    if (isPrintable(bytes))
        text += u" (\"" + QString::fromLatin1(bytes) + u"\")";
    if (!fromRouter && looksLikeTls(bytes, 0x16))
        text += u" (this looks like a TLS handshake: is the client using TLS on a non-TLS endpoint?)";
    else if (!fromRouter && looksLikeHttpRequest(bytes))
        text += u" (this looks like HTTP: is this a WebSocket client on a RawSocket endpoint?)";
    else if (fromRouter && (looksLikeTls(bytes, 0x15) || looksLikeTls(bytes, 0x16)))
        text += u" (this looks like TLS: does the endpoint require TLS?)";
    else if (fromRouter && bytes.startsWith("HTTP"))
        text += u" (this looks like HTTP: is the endpoint a WebSocket or HTTP server?)";
    return text;
}

template <typename T> void setIfGiven(T* out, std::type_identity_t<T> value)
{
    if (out)
        *out = std::move(value);
}

} // namespace

std::optional<HandshakeRequest> parseHandshake(QByteArrayView fourBytes, QString* error,
                                               bool* reservedBitsUsed)
{
    setIfGiven(reservedBitsUsed, false);
    // A wrong first octet is named as such even before 4 octets are in: the listener refuses at once.
    if (!fourBytes.isEmpty() && octet(fourBytes, 0) != kMagic) {
        setIfGiven(error, wrongMagic(fourBytes.first(std::min(fourBytes.size(), kHeaderSize)), false));
        return std::nullopt;
    }
    if (fourBytes.size() < kHeaderSize) {
        setIfGiven(error, QStringLiteral("RawSocket handshake needs 4 octets, got %1").arg(fourBytes.size()));
        return std::nullopt;
    }
    const QByteArrayView bytes = fourBytes.first(kHeaderSize);
    if (octet(bytes, 2) != 0 || octet(bytes, 3) != 0) {
        setIfGiven(reservedBitsUsed, true);
        setIfGiven(error, u"RawSocket handshake uses reserved octets (" + hexList(bytes.sliced(2)) +
                              u", must be 0x00 0x00)");
        return std::nullopt;
    }
    HandshakeRequest request;
    request.lengthExponent = octet(bytes, 1) >> 4;
    request.serializerId = octet(bytes, 1) & 0x0F;
    return request;
}

std::optional<HandshakeReply> parseHandshakeReply(QByteArrayView fourBytes, QString* error)
{
    if (fourBytes.size() < kHeaderSize) {
        setIfGiven(error,
                   QStringLiteral("RawSocket handshake reply needs 4 octets, got %1").arg(fourBytes.size()));
        return std::nullopt;
    }
    const QByteArrayView bytes = fourBytes.first(kHeaderSize);
    if (octet(bytes, 0) != kMagic) {
        setIfGiven(error, wrongMagic(bytes, true));
        return std::nullopt;
    }
    if (octet(bytes, 2) != 0 || octet(bytes, 3) != 0) {
        setIfGiven(error, u"RawSocket handshake reply uses reserved octets (" + hexList(bytes.sliced(2)) +
                              u", must be 0x00 0x00)");
        return std::nullopt;
    }
    const int high = octet(bytes, 1) >> 4;
    const int low = octet(bytes, 1) & 0x0F;
    HandshakeReply reply;
    if (low != 0) {
        reply.accepted = HandshakeRequest{high, low};
        return reply;
    }
    if (high == 0) {
        setIfGiven(error, QStringLiteral("RawSocket handshake reply names neither a serializer nor an error "
                                         "(0x00 is illegal)"));
        return std::nullopt;
    }
    if (high > int(HandshakeError::MaxConnectionCountReached)) {
        setIfGiven(error,
                   QStringLiteral("RawSocket handshake reply carries unknown error code %1").arg(high));
        return std::nullopt;
    }
    reply.error = HandshakeError(high);
    return reply;
}

QByteArray handshake(int lengthExponent, int serializerId)
{
    Q_ASSERT(lengthExponent >= 0 && lengthExponent <= 15);
    Q_ASSERT(serializerId >= 1 && serializerId <= 15);
    const char bytes[] = {char(kMagic), char(((lengthExponent & 0x0F) << 4) | (serializerId & 0x0F)), 0, 0};
    return QByteArray(bytes, sizeof bytes);
}

QByteArray handshakeError(HandshakeError error)
{
    const char bytes[] = {char(kMagic), char((quint8(error) & 0x0F) << 4), 0, 0};
    return QByteArray(bytes, sizeof bytes);
}

int lengthExponentFor(qint64 maxMessageSize)
{
    if (maxMessageSize < 2 * kMinMaxLength)
        return 0;
    if (maxMessageSize >= kMaxMaxLength)
        return 15;
    // floor(log2(size)) - 9; size is in [1024, 2^24) here, so the result is in 1..14.
    return std::bit_width(quint64(maxMessageSize)) - 1 - 9;
}

QString describe(HandshakeError error)
{
    switch (error) {
    case HandshakeError::SerializerUnsupported:
        return QStringLiteral("serializer unsupported");
    case HandshakeError::MaxLengthUnacceptable:
        return QStringLiteral("maximum message length unacceptable");
    case HandshakeError::ReservedBitsUsed:
        return QStringLiteral("use of reserved bits (unsupported feature)");
    case HandshakeError::MaxConnectionCountReached:
        return QStringLiteral("maximum connection count reached");
    }
    return QStringLiteral("unknown RawSocket handshake error %1").arg(int(error));
}

QByteArray encodeFrame(FrameType type, QByteArrayView payload)
{
    Q_ASSERT_X(payload.size() < kMaxMaxLength, "encodeFrame",
               "RawSocket payloads are shorter than 2^24 bytes");
    if (payload.size() >= kMaxMaxLength)
        return {};
    const auto length = quint32(payload.size());
    QByteArray frame;
    frame.reserve(kHeaderSize + payload.size());
    frame.append(char(type));
    frame.append(char(length >> 16));
    frame.append(char(length >> 8));
    frame.append(char(length));
    frame.append(payload);
    return frame;
}

std::array<char, 4> frameHeader(FrameType type, qint64 length)
{
    Q_ASSERT_X(length >= 0 && length < kMaxMaxLength, "frameHeader",
               "RawSocket payloads are shorter than 2^24 bytes");
    return {char(type), char(length >> 16), char(length >> 8), char(length)};
}

void FrameReader::append(QByteArrayView bytes)
{
    if (hasError() || bytes.isEmpty())
        return;
    const qsizetype remaining = m_buffer.size() - m_offset;
    if (m_offset >= kCompactMinimum && m_offset >= remaining) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

std::optional<Frame> FrameReader::next()
{
    if (hasError() || bufferedBytes() < kHeaderSize)
        return std::nullopt;

    const QByteArrayView header = QByteArrayView(m_buffer).sliced(m_offset, kHeaderSize);
    const quint8 first = octet(header, 0);
    const qint64 length =
        (qint64(octet(header, 1)) << 16) | (qint64(octet(header, 2)) << 8) | octet(header, 3);
    if (first & 0xF8) {
        m_error = u"RawSocket frame header has reserved bits set (" + hex(first) + u')';
    } else if (first > quint8(FrameType::Pong)) {
        m_error = QStringLiteral("RawSocket frame type %1 is reserved").arg(first);
    } else if (length > m_maxPayload) {
        m_error = QStringLiteral("RawSocket frame announces %1 bytes, more than the %2 allowed")
                      .arg(length)
                      .arg(m_maxPayload);
    }
    if (hasError()) {
        m_buffer.clear();
        m_offset = 0;
        return std::nullopt;
    }
    if (bufferedBytes() < kHeaderSize + length)
        return std::nullopt;

    Frame frame;
    frame.type = FrameType(first);
    frame.payload = m_buffer.mid(m_offset + kHeaderSize, qsizetype(length));
    m_offset += kHeaderSize + qsizetype(length);
    if (m_offset == m_buffer.size()) {
        if (m_buffer.capacity() > kKeepCapacity)
            m_buffer.clear();
        else
            m_buffer.truncate(0);
        m_offset = 0;
    }
    return frame;
}

} // namespace wamp::rawsocket
