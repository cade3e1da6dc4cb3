#include "transport/rawsocketframing.h"

#include <QRandomGenerator>
#include <QTest>

using namespace wamp::rawsocket;

// Rows follow the WAMP spec, section "RawSocket Transport": a 4-octet handshake each way (0x7F, length
// exponent << 4 | serializer, 0, 0; errors as code << 4), then frames with a 4-octet header (type in bits
// 0-2, reserved bits 3-7, 24-bit big-endian length).
class tst_RawSocketFraming : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseHandshake_data();
    void parseHandshake();
    void parseHandshakeReply_data();
    void parseHandshakeReply();
    void handshakeBytes_data();
    void handshakeBytes();
    void handshakeErrorBytes_data();
    void handshakeErrorBytes();
    void describeErrors();
    void lengthExponentFor_data();
    void lengthExponentFor();
    void encodeFrame_data();
    void encodeFrame();
    void frameReader_data();
    void frameReader();
    void staysFailedAfterError();
    void bufferedBytesAccounting();
    void largeStreamInRandomChunks();
};

namespace {

QByteArray hex(const char* digits)
{
    return QByteArray::fromHex(digits);
}

QByteArray frame(int type, const QByteArray& payload)
{
    return encodeFrame(FrameType(type), payload);
}

} // namespace

void tst_RawSocketFraming::parseHandshake_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<int>("serializer");
    QTest::addColumn<bool>("reservedBitsUsed");
    QTest::addColumn<QString>("error");

    QTest::newRow("json, exponent 0") << hex("7f010000") << true << 0 << 1 << false << QString();
    QTest::newRow("json, exponent 15") << hex("7ff10000") << true << 15 << 1 << false << QString();
    QTest::newRow("msgpack, exponent 0") << hex("7f020000") << true << 0 << 2 << false << QString();
    QTest::newRow("msgpack, exponent 15") << hex("7ff20000") << true << 15 << 2 << false << QString();
    QTest::newRow("cbor, exponent 0") << hex("7f030000") << true << 0 << 3 << false << QString();
    QTest::newRow("cbor, exponent 15") << hex("7ff30000") << true << 15 << 3 << false << QString();
    QTest::newRow("cbor, exponent 8") << hex("7f830000") << true << 8 << 3 << false << QString();
    // Serializer 0 (illegal) and unknown ids parse: the listener answers SerializerUnsupported.
    QTest::newRow("serializer 0 parses") << hex("7f400000") << true << 4 << 0 << false << QString();
    QTest::newRow("unknown serializer parses") << hex("7f790000") << true << 7 << 9 << false << QString();
    QTest::newRow("extra bytes ignored") << hex("7f21000000000005") << true << 2 << 1 << false << QString();

    QTest::newRow("HTTP GET") << QByteArray("GET / HTTP/1.1\r\n") << false << 0 << 0 << false
                              << QStringLiteral(
                                     "expected RawSocket magic 0x7F, got 0x47 0x45 0x54 0x20 (\"GET \") "
                                     "(this looks like HTTP: is this a WebSocket client on a "
                                     "RawSocket endpoint?)");
    QTest::newRow("HTTP POST") << QByteArray("POST") << false << 0 << 0 << false
                               << QStringLiteral(
                                      "expected RawSocket magic 0x7F, got 0x50 0x4F 0x53 0x54 (\"POST\") "
                                      "(this looks like HTTP: is this a WebSocket client on a "
                                      "RawSocket endpoint?)");
    QTest::newRow("TLS ClientHello") << hex("160301020001") << false << 0 << 0 << false
                                     << QStringLiteral(
                                            "expected RawSocket magic 0x7F, got 0x16 0x03 0x01 0x02 "
                                            "(this looks like a TLS handshake: is the client using "
                                            "TLS on a non-TLS endpoint?)");
    QTest::newRow("zero bytes") << hex("00000000") << false << 0 << 0 << false
                                << QStringLiteral("expected RawSocket magic 0x7F, got 0x00 0x00 0x00 0x00");
    QTest::newRow("printable, not HTTP")
        << QByteArray("ab\"c") << false << 0 << 0 << false
        << QStringLiteral("expected RawSocket magic 0x7F, got 0x61 0x62 0x22 "
                          "0x63 (\"ab\"c\")");

    QTest::newRow("reserved octet 2")
        << hex("7f210100") << false << 0 << 0 << true
        << QStringLiteral("RawSocket handshake uses reserved octets (0x01 0x00, "
                          "must be 0x00 0x00)");
    QTest::newRow("reserved octet 3")
        << hex("7f2100ff") << false << 0 << 0 << true
        << QStringLiteral("RawSocket handshake uses reserved octets (0x00 0xFF, "
                          "must be 0x00 0x00)");

    QTest::newRow("empty") << QByteArray() << false << 0 << 0 << false
                           << QStringLiteral("RawSocket handshake needs 4 octets, got 0");
    QTest::newRow("1 byte") << hex("7f") << false << 0 << 0 << false
                            << QStringLiteral("RawSocket handshake needs 4 octets, got 1");
    QTest::newRow("3 bytes") << hex("7f2100") << false << 0 << 0 << false
                             << QStringLiteral("RawSocket handshake needs 4 octets, got 3");
}

void tst_RawSocketFraming::parseHandshake()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);
    QFETCH(int, exponent);
    QFETCH(int, serializer);
    QFETCH(bool, reservedBitsUsed);
    QFETCH(QString, error);

    QString actualError;
    bool actualReserved = !reservedBitsUsed;
    const std::optional<HandshakeRequest> request =
        wamp::rawsocket::parseHandshake(bytes, &actualError, &actualReserved);
    QCOMPARE(request.has_value(), ok);
    QCOMPARE(actualError, error);
    QCOMPARE(actualReserved, reservedBitsUsed);
    if (ok) {
        QCOMPARE(request->lengthExponent, exponent);
        QCOMPARE(request->serializerId, serializer);
        QCOMPARE(request->maxLength(), qint64(1) << (9 + exponent));
    }
    // The out-parameters are optional.
    QCOMPARE(wamp::rawsocket::parseHandshake(bytes, nullptr, nullptr).has_value(), ok);
}

void tst_RawSocketFraming::parseHandshakeReply_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<int>("serializer");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("error");

    QTest::newRow("accepted json, exponent 15")
        << hex("7ff10000") << true << true << 15 << 1 << 0 << QString();
    QTest::newRow("accepted msgpack, exponent 0")
        << hex("7f020000") << true << true << 0 << 2 << 0 << QString();
    QTest::newRow("accepted cbor, exponent 7") << hex("7f730000") << true << true << 7 << 3 << 0 << QString();
    QTest::newRow("error 1 serializer") << hex("7f100000") << true << false << 0 << 0 << 1 << QString();
    QTest::newRow("error 2 length") << hex("7f200000") << true << false << 0 << 0 << 2 << QString();
    QTest::newRow("error 3 reserved bits") << hex("7f300000") << true << false << 0 << 0 << 3 << QString();
    QTest::newRow("error 4 connections") << hex("7f400000") << true << false << 0 << 0 << 4 << QString();

    QTest::newRow("code 0, serializer 0") << hex("7f000000") << false << false << 0 << 0 << 0
                                          << QStringLiteral("RawSocket handshake reply names neither a "
                                                            "serializer nor an error (0x00 is illegal)");
    QTest::newRow("unknown code 7") << hex("7f700000") << false << false << 0 << 0 << 0
                                    << QStringLiteral(
                                           "RawSocket handshake reply carries unknown error code 7");
    QTest::newRow("unknown code 15") << hex("7ff00000") << false << false << 0 << 0 << 0
                                     << QStringLiteral(
                                            "RawSocket handshake reply carries unknown error code 15");
    QTest::newRow("reserved octets") << hex("7f110001") << false << false << 0 << 0 << 0
                                     << QStringLiteral("RawSocket handshake reply uses reserved octets (0x00 "
                                                       "0x01, must be 0x00 0x00)");
    QTest::newRow("HTTP server") << QByteArray("HTTP/1.1 400 Bad Request\r\n") << false << false << 0 << 0
                                 << 0
                                 << QStringLiteral("expected RawSocket magic 0x7F, got 0x48 0x54 0x54 0x50 "
                                                   "(\"HTTP\") (this looks like HTTP: is the endpoint a "
                                                   "WebSocket or HTTP server?)");
    QTest::newRow("TLS alert") << hex("15030100") << false << false << 0 << 0 << 0
                               << QStringLiteral(
                                      "expected RawSocket magic 0x7F, got 0x15 0x03 0x01 0x00 (this "
                                      "looks like TLS: does the endpoint require TLS?)");
    QTest::newRow("short") << hex("7f10") << false << false << 0 << 0 << 0
                           << QStringLiteral("RawSocket handshake reply needs 4 octets, got 2");
}

void tst_RawSocketFraming::parseHandshakeReply()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);
    QFETCH(bool, accepted);
    QFETCH(int, exponent);
    QFETCH(int, serializer);
    QFETCH(int, errorCode);
    QFETCH(QString, error);

    QString actualError;
    const std::optional<HandshakeReply> reply = wamp::rawsocket::parseHandshakeReply(bytes, &actualError);
    QCOMPARE(reply.has_value(), ok);
    QCOMPARE(actualError, error);
    if (!ok)
        return;
    QCOMPARE(reply->accepted.has_value(), accepted);
    QCOMPARE(reply->error.has_value(), !accepted);
    if (accepted) {
        QCOMPARE(reply->accepted->lengthExponent, exponent);
        QCOMPARE(reply->accepted->serializerId, serializer);
    } else {
        QCOMPARE(int(*reply->error), errorCode);
    }
}

void tst_RawSocketFraming::handshakeBytes_data()
{
    QTest::addColumn<int>("exponent");
    QTest::addColumn<int>("serializer");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("json, 0") << 0 << 1 << hex("7f010000");
    QTest::newRow("msgpack, 15") << 15 << 2 << hex("7ff20000");
    QTest::newRow("cbor, 8") << 8 << 3 << hex("7f830000");
}

void tst_RawSocketFraming::handshakeBytes()
{
    QFETCH(int, exponent);
    QFETCH(int, serializer);
    QFETCH(QByteArray, expected);

    QCOMPARE(handshake(exponent, serializer), expected);
    const std::optional<HandshakeRequest> parsed =
        wamp::rawsocket::parseHandshake(expected, nullptr, nullptr);
    QVERIFY(parsed);
    QCOMPARE(parsed->lengthExponent, exponent);
    QCOMPARE(parsed->serializerId, serializer);
}

void tst_RawSocketFraming::handshakeErrorBytes_data()
{
    QTest::addColumn<HandshakeError>("error");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("serializer unsupported") << HandshakeError::SerializerUnsupported << hex("7f100000");
    QTest::newRow("length unacceptable") << HandshakeError::MaxLengthUnacceptable << hex("7f200000");
    QTest::newRow("reserved bits") << HandshakeError::ReservedBitsUsed << hex("7f300000");
    QTest::newRow("connection count") << HandshakeError::MaxConnectionCountReached << hex("7f400000");
}

void tst_RawSocketFraming::handshakeErrorBytes()
{
    QFETCH(HandshakeError, error);
    QFETCH(QByteArray, expected);

    QCOMPARE(handshakeError(error), expected);
    const std::optional<HandshakeReply> reply = wamp::rawsocket::parseHandshakeReply(expected, nullptr);
    QVERIFY(reply);
    QVERIFY(reply->error);
    QCOMPARE(*reply->error, error);
}

void tst_RawSocketFraming::describeErrors()
{
    QCOMPARE(describe(HandshakeError::SerializerUnsupported), QStringLiteral("serializer unsupported"));
    QCOMPARE(describe(HandshakeError::MaxLengthUnacceptable),
             QStringLiteral("maximum message length unacceptable"));
    QCOMPARE(describe(HandshakeError::ReservedBitsUsed),
             QStringLiteral("use of reserved bits (unsupported feature)"));
    QCOMPARE(describe(HandshakeError::MaxConnectionCountReached),
             QStringLiteral("maximum connection count reached"));
    QCOMPARE(describe(HandshakeError(9)), QStringLiteral("unknown RawSocket handshake error 9"));
}

void tst_RawSocketFraming::lengthExponentFor_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("exponent");

    QTest::newRow("0") << qint64(0) << 0;
    QTest::newRow("1") << qint64(1) << 0;
    QTest::newRow("511") << qint64(511) << 0;
    QTest::newRow("512") << qint64(512) << 0;
    QTest::newRow("513") << qint64(513) << 0;
    QTest::newRow("1023") << qint64(1023) << 0;
    QTest::newRow("1024") << qint64(1024) << 1;
    QTest::newRow("131071") << qint64(131071) << 7;
    QTest::newRow("131072") << qint64(131072) << 8;
    QTest::newRow("16 MiB - 1") << (qint64(16) << 20) - 1 << 14;
    QTest::newRow("16 MiB") << (qint64(16) << 20) << 15;
    QTest::newRow("64 MiB") << (qint64(64) << 20) << 15;
    QTest::newRow("negative") << qint64(-1) << 0;
}

void tst_RawSocketFraming::lengthExponentFor()
{
    QFETCH(qint64, size);
    QFETCH(int, exponent);

    QCOMPARE(wamp::rawsocket::lengthExponentFor(size), exponent);
}

void tst_RawSocketFraming::encodeFrame_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty message") << 0 << QByteArray() << hex("00000000");
    QTest::newRow("message") << 0 << QByteArray("[1]") << hex("000000035b315d");
    QTest::newRow("ping") << 1 << QByteArray("abc") << hex("01000003616263");
    QTest::newRow("pong") << 2 << QByteArray("abc") << hex("02000003616263");
    const QByteArray big(0x012345, 'x');
    QTest::newRow("24-bit length") << 0 << big << QByteArray(hex("00012345") + big);
    const QByteArray largest((1 << 24) - 1, 'y');
    QTest::newRow("largest") << 0 << largest << QByteArray(hex("00ffffff") + largest);
}

void tst_RawSocketFraming::encodeFrame()
{
    QFETCH(int, type);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expected);

    QCOMPARE(wamp::rawsocket::encodeFrame(FrameType(type), payload), expected);
    // The header alone, as senders queue it ahead of a shared payload, gives the same bytes.
    const std::array<char, 4> header = wamp::rawsocket::frameHeader(FrameType(type), payload.size());
    QCOMPARE(QByteArray(header.data(), 4) + payload, expected);
}

void tst_RawSocketFraming::frameReader_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("chunkSize"); // 0: the whole stream in one append()
    QTest::addColumn<qint64>("maxPayload");
    QTest::addColumn<QList<int>>("types");
    QTest::addColumn<QByteArrayList>("payloads");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("buffered");

    const QByteArray hello = frame(0, "[1,\"realm1\",{}]");
    const QByteArray mixed = frame(0, "[2,1,{}]") + frame(1, "ping!") + frame(2, "pong!") + frame(0, "") +
                             frame(1, "") + frame(0, QByteArray(300, 'z'));
    const QList<int> mixedTypes{0, 1, 2, 0, 1, 0};
    const QByteArrayList mixedPayloads{"[2,1,{}]", "ping!", "pong!", "", "", QByteArray(300, 'z')};

    QTest::newRow("one frame, one read") << hello << 0 << qint64(512) << QList<int>{0}
                                         << QByteArrayList{"[1,\"realm1\",{}]"} << QString() << 0;
    QTest::newRow("many frames, one read")
        << mixed << 0 << qint64(512) << mixedTypes << mixedPayloads << QString() << 0;
    QTest::newRow("byte by byte") << mixed << 1 << qint64(512) << mixedTypes << mixedPayloads << QString()
                                  << 0;
    QTest::newRow("chunks of 3") << mixed << 3 << qint64(512) << mixedTypes << mixedPayloads << QString()
                                 << 0;
    QTest::newRow("chunks of 7") << mixed << 7 << qint64(512) << mixedTypes << mixedPayloads << QString()
                                 << 0;

    QTest::newRow("partial header, 1 byte")
        << hello.first(1) << 0 << qint64(512) << QList<int>{} << QByteArrayList{} << QString() << 1;
    QTest::newRow("partial header, 2 bytes")
        << hello.first(2) << 0 << qint64(512) << QList<int>{} << QByteArrayList{} << QString() << 2;
    QTest::newRow("partial header, 3 bytes")
        << hello.first(3) << 0 << qint64(512) << QList<int>{} << QByteArrayList{} << QString() << 3;
    QTest::newRow("header only") << hello.first(4) << 0 << qint64(512) << QList<int>{} << QByteArrayList{}
                                 << QString() << 4;
    QTest::newRow("partial payload") << hello.first(9) << 0 << qint64(512) << QList<int>{} << QByteArrayList{}
                                     << QString() << 9;
    QTest::newRow("frame, then part of the next")
        << QByteArray(hello + hello.first(2)) << 0 << qint64(512) << QList<int>{0}
        << QByteArrayList{"[1,\"realm1\",{}]"} << QString() << 2;

    QTest::newRow("zero-length message") << hex("00000000") << 0 << qint64(512) << QList<int>{0}
                                         << QByteArrayList{QByteArray()} << QString() << 0;
    QTest::newRow("zero-length ping") << hex("01000000") << 0 << qint64(512) << QList<int>{1}
                                      << QByteArrayList{QByteArray()} << QString() << 0;
    QTest::newRow("ping") << frame(1, "keepalive") << 0 << qint64(512) << QList<int>{1}
                          << QByteArrayList{"keepalive"} << QString() << 0;
    QTest::newRow("pong") << frame(2, "keepalive") << 0 << qint64(512) << QList<int>{2}
                          << QByteArrayList{"keepalive"} << QString() << 0;

    // Limits are checked on the header alone: no payload needs to arrive (or be buffered) first.
    QTest::newRow("oversized, header only")
        << hex("00030d40") << 0 << qint64(131072) << QList<int>{} << QByteArrayList{}
        << QStringLiteral("RawSocket frame announces 200000 bytes, more than the 131072 allowed") << 0;
    QTest::newRow("oversized, header byte by byte")
        << hex("00ffffff") << 1 << qint64(131072) << QList<int>{} << QByteArrayList{}
        << QStringLiteral("RawSocket frame announces 16777215 bytes, more than the 131072 allowed") << 0;
    QTest::newRow("exactly maxPayload") << frame(0, QByteArray(512, 'm')) << 0 << qint64(512) << QList<int>{0}
                                        << QByteArrayList{QByteArray(512, 'm')} << QString() << 0;
    QTest::newRow("maxPayload + 1") << frame(0, QByteArray(513, 'm')) << 0 << qint64(512) << QList<int>{}
                                    << QByteArrayList{}
                                    << QStringLiteral(
                                           "RawSocket frame announces 513 bytes, more than the 512 allowed")
                                    << 0;
    QTest::newRow("oversized ping") << hex("01000201") << 0 << qint64(512) << QList<int>{} << QByteArrayList{}
                                    << QStringLiteral(
                                           "RawSocket frame announces 513 bytes, more than the 512 "
                                           "allowed")
                                    << 0;

    QTest::newRow("reserved bit 3") << hex("08000000") << 0 << qint64(512) << QList<int>{} << QByteArrayList{}
                                    << QStringLiteral("RawSocket frame header has reserved bits set (0x08)")
                                    << 0;
    QTest::newRow("reserved bit 7") << QByteArray(hex("81000001") + "x") << 0 << qint64(512) << QList<int>{}
                                    << QByteArrayList{}
                                    << QStringLiteral("RawSocket frame header has reserved bits set (0x81)")
                                    << 0;
    QTest::newRow("reserved type 3") << hex("03000000") << 0 << qint64(512) << QList<int>{}
                                     << QByteArrayList{}
                                     << QStringLiteral("RawSocket frame type 3 is reserved") << 0;
    QTest::newRow("reserved type 5") << hex("05000000") << 0 << qint64(512) << QList<int>{}
                                     << QByteArrayList{}
                                     << QStringLiteral("RawSocket frame type 5 is reserved") << 0;
    QTest::newRow("reserved type 7") << hex("07000000") << 0 << qint64(512) << QList<int>{}
                                     << QByteArrayList{}
                                     << QStringLiteral("RawSocket frame type 7 is reserved") << 0;
    QTest::newRow("good frames, then a bad one")
        << QByteArray(hello + hello + hex("07000000") + hello) << 0 << qint64(512) << QList<int>{0, 0}
        << QByteArrayList{"[1,\"realm1\",{}]", "[1,\"realm1\",{}]"}
        << QStringLiteral("RawSocket frame type 7 is reserved") << 0;
    QTest::newRow("bad frame byte by byte")
        << QByteArray(hello + hex("07000000") + hello) << 1 << qint64(512) << QList<int>{0}
        << QByteArrayList{"[1,\"realm1\",{}]"} << QStringLiteral("RawSocket frame type 7 is reserved") << 0;
}

void tst_RawSocketFraming::frameReader()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, chunkSize);
    QFETCH(qint64, maxPayload);
    QFETCH(QList<int>, types);
    QFETCH(QByteArrayList, payloads);
    QFETCH(QString, error);
    QFETCH(int, buffered);

    FrameReader reader(maxPayload);
    QList<int> actualTypes;
    QByteArrayList actualPayloads;
    const qsizetype step = chunkSize > 0 ? chunkSize : qMax<qsizetype>(stream.size(), 1);
    for (qsizetype at = 0; at < stream.size(); at += step) {
        reader.append(QByteArrayView(stream).sliced(at, qMin(step, stream.size() - at)));
        while (std::optional<Frame> next = reader.next()) {
            actualTypes.append(int(next->type));
            actualPayloads.append(next->payload);
        }
    }
    QCOMPARE(actualTypes, types);
    QCOMPARE(actualPayloads, payloads);
    QCOMPARE(reader.hasError(), !error.isEmpty());
    QCOMPARE(reader.error(), error);
    QCOMPARE(reader.bufferedBytes(), qsizetype(buffered));
}

void tst_RawSocketFraming::staysFailedAfterError()
{
    FrameReader reader(512);
    reader.append(hex("04000000"));
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    const QString error = reader.error();
    QCOMPARE(error, QStringLiteral("RawSocket frame type 4 is reserved"));

    // Valid frames after the error are ignored, not buffered, and the first error stays.
    reader.append(QByteArray(frame(0, "[1]") + frame(1, "x")));
    QVERIFY(!reader.next());
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QCOMPARE(reader.error(), error);
    reader.append(hex("08000000"));
    QVERIFY(!reader.next());
    QCOMPARE(reader.error(), error);
}

void tst_RawSocketFraming::bufferedBytesAccounting()
{
    FrameReader reader(1024);
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QVERIFY(!reader.next());

    const QByteArray first = frame(0, QByteArray(100, 'a'));
    const QByteArray second = frame(1, QByteArray(10, 'b'));
    const QByteArray both = first + second;

    reader.append(both.first(2));
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));

    reader.append(both.sliced(2, first.size())); // the first frame (104 bytes) + 2 of the second
    QCOMPARE(reader.bufferedBytes(), first.size() + 2);
    std::optional<Frame> got = reader.next();
    QVERIFY(got);
    QCOMPARE(got->payload, QByteArray(100, 'a'));
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));
    QVERIFY(!reader.next());

    reader.append(QByteArrayView());
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));

    reader.append(both.sliced(first.size() + 2));
    QCOMPARE(reader.bufferedBytes(), second.size());
    got = reader.next();
    QVERIFY(got);
    QCOMPARE(got->type, FrameType::Ping);
    QCOMPARE(got->payload, QByteArray(10, 'b'));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QVERIFY(!reader.next());
    QVERIFY(!reader.hasError());
}

void tst_RawSocketFraming::largeStreamInRandomChunks()
{
    QRandomGenerator random(20240611); // fixed seed: the same chunking on every run
    constexpr int frameCount = 10'000;
    constexpr qint64 maxPayload = 4096;

    QList<int> types;
    QByteArrayList payloads;
    QByteArray stream;
    for (int i = 0; i < frameCount; ++i) {
        const int type = random.bounded(3);
        // Mostly small frames, some empty, some at the limit.
        const int roll = random.bounded(100);
        const int size = roll < 5 ? 0 : roll < 10 ? int(maxPayload) : random.bounded(600);
        QByteArray payload(size, Qt::Uninitialized);
        for (int j = 0; j < size; ++j)
            payload[j] = char(random.bounded(256));
        stream += frame(type, payload);
        types.append(type);
        payloads.append(payload);
    }

    FrameReader reader(maxPayload);
    int received = 0;
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype chunk = qMin<qsizetype>(1 + random.bounded(8192), stream.size() - at);
        reader.append(QByteArrayView(stream).sliced(at, chunk));
        at += chunk;
        while (std::optional<Frame> next = reader.next()) {
            QVERIFY2(received < frameCount, "more frames than were sent");
            QCOMPARE(int(next->type), types.at(received));
            QCOMPARE(next->payload, payloads.at(received));
            ++received;
        }
        QVERIFY(!reader.hasError());
        // Never more than one incomplete frame and the last chunk are held.
        QVERIFY(reader.bufferedBytes() < 4 + maxPayload + 8192);
    }
    QCOMPARE(received, frameCount);
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

QTEST_APPLESS_MAIN(tst_RawSocketFraming)
#include "tst_rawsocketframing.moc"
