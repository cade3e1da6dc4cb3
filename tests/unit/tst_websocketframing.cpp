#include "transport/websocketframing.h"

#include "wamp/utf8.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace wamp::websocket;

// Rows follow RFC 6455 section 5: the examples of section 5.7 byte for byte, then every way a frame stream
// can be wrong (section 5.2 header, 5.4 fragmentation, 5.5 control frames, 7.4 close codes, 8.1 UTF-8), each
// fed in one append() and byte by byte.
class tst_WebSocketFraming : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfcExamples_data();
    void rfcExamples();
    void frameHeaders_data();
    void frameHeaders();
    void appendFrameAppends();
    void serverFrameHeaderMatchesEncodeFrame();
    void encodeClose_data();
    void encodeClose();
    void validReceivedCloseCodes_data();
    void validReceivedCloseCodes();
    void frameReader_data();
    void frameReader();
    void tooBigDetectedBeforePayload();
    void staysFailedAfterError();
    void ignoresInputAfterClose();
    void idleReaderHoldsNoMemory();
    void bufferedBytesAccounting();
    void maskingAtEveryLength();
    void roundTrip_data();
    void roundTrip();
    void manySmallFramesInOneAppend();
    void largeStreamInRandomChunks();
    void corruptedStreams();
};

namespace {

constexpr quint32 kRfcKey = 0x37fa213d;

QByteArray hex(const char* digits)
{
    return QByteArray::fromHex(digits);
}

// A frame as a client sends it (masked), for a Server-role reader.
QByteArray masked(Opcode opcode, const QByteArray& payload, bool fin = true, quint32 key = 0x01020304)
{
    return encodeFrame(opcode, payload, Role::Client, fin, key);
}

// A frame as a server sends it (unmasked), for a Client-role reader.
QByteArray plain(Opcode opcode, const QByteArray& payload, bool fin = true)
{
    return encodeFrame(opcode, payload, Role::Server, fin);
}

QByteArray closePayload(quint16 code, const QByteArray& reason = {})
{
    return QByteArray(1, char(code >> 8)) + char(code & 0xFF) + reason;
}

QString kindName(Event::Kind kind)
{
    switch (kind) {
    case Event::Kind::Text:
        return QStringLiteral("Text");
    case Event::Kind::Binary:
        return QStringLiteral("Binary");
    case Event::Kind::Ping:
        return QStringLiteral("Ping");
    case Event::Kind::Pong:
        return QStringLiteral("Pong");
    case Event::Kind::Close:
        return QStringLiteral("Close");
    }
    return QString();
}

// One line per event: short payloads as hex, long ones by size and hash, so a failing row shows the
// difference.
QString describe(const Event& event)
{
    QString line = kindName(event.kind) + u' ';
    if (event.payload.size() <= 32)
        line += QString::fromLatin1(event.payload.toHex());
    else
        line += QStringLiteral("%1 bytes, sha1 %2")
                    .arg(event.payload.size())
                    .arg(QString::fromLatin1(
                        QCryptographicHash::hash(event.payload, QCryptographicHash::Sha1).toHex().left(16)));
    if (event.kind == Event::Kind::Close)
        line += QStringLiteral(" code %1 reason \"%2\"").arg(event.closeCode).arg(event.closeReason);
    return line;
}

QString ev(Event::Kind kind, const QByteArray& payload)
{
    Event event;
    event.kind = kind;
    event.payload = payload;
    return describe(event);
}

QString closeEv(quint16 code, const QString& reason)
{
    Event event;
    event.kind = Event::Kind::Close;
    event.payload = code == 0 ? QByteArray() : closePayload(code, reason.toUtf8());
    event.closeCode = code;
    event.closeReason = reason;
    return describe(event);
}

QString text(const QByteArray& payload)
{
    return ev(Event::Kind::Text, payload);
}

QString binary(const QByteArray& payload)
{
    return ev(Event::Kind::Binary, payload);
}

struct Limits {
    qint64 message = 0;
    qint64 frame = 0;
};

// Feeds the stream in chunks (0: all at once) and lists what came out: the events, then the error if any,
// then what is still held. Flags a reader that holds memory while it has nothing buffered.
QStringList readAll(Role role, Limits limits, const QByteArray& stream, qsizetype chunk)
{
    FrameReader reader(role, limits.message, limits.frame);
    QStringList out;
    const qsizetype step = chunk > 0 ? chunk : qMax<qsizetype>(stream.size(), 1);
    for (qsizetype at = 0; at < stream.size(); at += step) {
        reader.append(QByteArrayView(stream).sliced(at, qMin(step, stream.size() - at)));
        while (std::optional<Event> event = reader.next())
            out.append(describe(*event));
    }
    if (reader.hasError())
        out.append(QStringLiteral("error %1: %2").arg(reader.errorCloseCode()).arg(reader.error()));
    else if (reader.errorCloseCode() != 0 || !reader.error().isEmpty())
        out.append(QStringLiteral("error state inconsistent"));
    out.append(QStringLiteral("buffered %1, partial %2")
                   .arg(reader.bufferedBytes())
                   .arg(reader.partialMessageBytes()));
    if (reader.bufferedBytes() == 0 && reader.partialMessageBytes() == 0 && reader.allocatedBytes() != 0)
        out.append(QStringLiteral("idle reader holds %1 bytes").arg(reader.allocatedBytes()));
    return out;
}

QByteArray randomBytes(QRandomGenerator& random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(random.bounded(256));
    return bytes;
}

} // namespace

void tst_WebSocketFraming::rfcExamples_data()
{
    QTest::addColumn<QByteArray>("frames");   // as encoded by us
    QTest::addColumn<QByteArray>("expected"); // RFC 6455 section 5.7
    QTest::addColumn<Role>("readerRole");
    QTest::addColumn<QStringList>("events");

    QTest::newRow("single-frame unmasked text") << plain(Opcode::Text, "Hello") << hex("810548656c6c6f")
                                                << Role::Client << QStringList{text("Hello")};
    QTest::newRow("single-frame masked text")
        << encodeFrame(Opcode::Text, "Hello", Role::Client, true, kRfcKey) << hex("818537fa213d7f9f4d5158")
        << Role::Server << QStringList{text("Hello")};
    QTest::newRow("fragmented unmasked text")
        << QByteArray(plain(Opcode::Text, "Hel", false) + plain(Opcode::Continuation, "lo"))
        << hex("010348656c80026c6f") << Role::Client << QStringList{text("Hello")};
    QTest::newRow("unmasked ping") << plain(Opcode::Ping, "Hello") << hex("890548656c6c6f") << Role::Client
                                   << QStringList{ev(Event::Kind::Ping, "Hello")};
    QTest::newRow("masked pong") << encodeFrame(Opcode::Pong, "Hello", Role::Client, true, kRfcKey)
                                 << hex("8a8537fa213d7f9f4d5158") << Role::Server
                                 << QStringList{ev(Event::Kind::Pong, "Hello")};
    const QByteArray bytes256(256, '\x5a');
    QTest::newRow("256 bytes binary, 16-bit length")
        << plain(Opcode::Binary, bytes256) << QByteArray(hex("827e0100") + bytes256) << Role::Client
        << QStringList{binary(bytes256)};
    const QByteArray bytes64k(65536, '\xa5');
    QTest::newRow("64 KiB binary, 64-bit length")
        << plain(Opcode::Binary, bytes64k) << QByteArray(hex("827f0000000000010000") + bytes64k)
        << Role::Client << QStringList{binary(bytes64k)};
}

void tst_WebSocketFraming::rfcExamples()
{
    QFETCH(QByteArray, frames);
    QFETCH(QByteArray, expected);
    QFETCH(Role, readerRole);
    QFETCH(QStringList, events);

    QCOMPARE(frames, expected);
    const QStringList done = events + QStringList{QStringLiteral("buffered 0, partial 0")};
    QCOMPARE(readAll(readerRole, {}, expected, 0), done);
    QCOMPARE(readAll(readerRole, {}, expected, 1), done);
}

void tst_WebSocketFraming::frameHeaders_data()
{
    QTest::addColumn<Opcode>("opcode");
    QTest::addColumn<int>("size");
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<QByteArray>("header");

    QTest::newRow("empty text") << Opcode::Text << 0 << Role::Server << true << hex("8100");
    QTest::newRow("empty close, masked") << Opcode::Close << 0 << Role::Client << true << hex("8880a1b2c3d4");
    QTest::newRow("125, 7-bit") << Opcode::Binary << 125 << Role::Server << true << hex("827d");
    QTest::newRow("126, 16-bit") << Opcode::Binary << 126 << Role::Server << true << hex("827e007e");
    QTest::newRow("65535, 16-bit") << Opcode::Binary << 65535 << Role::Server << true << hex("827effff");
    QTest::newRow("65536, 64-bit") << Opcode::Binary << 65536 << Role::Server << true
                                   << hex("827f0000000000010000");
    QTest::newRow("126, masked") << Opcode::Text << 126 << Role::Client << true << hex("81fe007ea1b2c3d4");
    QTest::newRow("65536, masked") << Opcode::Text << 65536 << Role::Client << true
                                   << hex("81ff0000000000010000a1b2c3d4");
    QTest::newRow("first fragment") << Opcode::Text << 3 << Role::Server << false << hex("0103");
    QTest::newRow("middle fragment") << Opcode::Continuation << 3 << Role::Client << false
                                     << hex("0083a1b2c3d4");
    QTest::newRow("last fragment") << Opcode::Continuation << 3 << Role::Server << true << hex("8003");
    QTest::newRow("pong") << Opcode::Pong << 4 << Role::Server << true << hex("8a04");
}

void tst_WebSocketFraming::frameHeaders()
{
    QFETCH(Opcode, opcode);
    QFETCH(int, size);
    QFETCH(Role, role);
    QFETCH(bool, fin);
    QFETCH(QByteArray, header);

    const QByteArray payload(size, 'p');
    const QByteArray frame = encodeFrame(opcode, payload, role, fin, 0xa1b2c3d4);
    QCOMPARE(frame.size(), header.size() + size);
    QCOMPARE(frame.first(header.size()), header);
    if (role == Role::Server) {
        QCOMPARE(frame.sliced(header.size()), payload);
    } else {
        const char key[] = {char(0xa1), char(0xb2), char(0xc3), char(0xd4)};
        for (int i = 0; i < size; ++i)
            QCOMPARE(frame.at(header.size() + i), char('p' ^ key[i % 4]));
    }
}

void tst_WebSocketFraming::serverFrameHeaderMatchesEncodeFrame()
{
    // A header sent ahead of a separately queued payload must give the same bytes as the whole frame.
    for (const qsizetype size : {0, 1, 125, 126, 65535, 65536, 100000}) {
        const QByteArray payload(size, 'x');
        for (const Opcode opcode : {Opcode::Text, Opcode::Binary}) {
            QCOMPARE(serverFrameHeader(opcode, size).view().toByteArray() + payload,
                     encodeFrame(opcode, payload));
            QCOMPARE(serverFrameHeader(opcode, size, false).view().toByteArray() + payload,
                     encodeFrame(opcode, payload, Role::Server, false));
        }
    }
}

void tst_WebSocketFraming::appendFrameAppends()
{
    QByteArray out("prefix");
    appendFrame(out, Opcode::Text, "Hello", Role::Client, true, kRfcKey);
    appendFrame(out, Opcode::Ping, "", Role::Server);
    appendFrame(out, Opcode::Binary, QByteArray(300, 'b'));
    QCOMPARE(out, QByteArray("prefix" + hex("818537fa213d7f9f4d5158") + hex("8900") + hex("827e012c") +
                             QByteArray(300, 'b')));

    // One array, many frames: the array grows geometrically, not by one frame each time.
    QByteArray many;
    int reallocations = 0;
    for (int i = 0; i < 10'000; ++i) {
        const qsizetype before = many.capacity();
        appendFrame(many, Opcode::Binary, "0123456789");
        reallocations += many.capacity() != before;
    }
    QCOMPARE(many.size(), qsizetype(10'000 * 12));
    QVERIFY2(reallocations < 100, qPrintable(QString::number(reallocations)));
}

void tst_WebSocketFraming::encodeClose_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("no code") << 0 << QString() << QByteArray();
    QTest::newRow("no code drops the reason") << 0 << QStringLiteral("bye") << QByteArray();
    QTest::newRow("1000, no reason") << 1000 << QString() << hex("03e8");
    QTest::newRow("1001 with reason")
        << 1001 << QStringLiteral("shutting down") << QByteArray(hex("03e9") + "shutting down");
    QTest::newRow("4000, non-ASCII") << 4000 << QStringLiteral("Grüße €")
                                     << QByteArray(hex("0fa0") + "Gr\xc3\xbc\xc3\x9f"
                                                                 "e \xe2\x82\xac");
    QTest::newRow("123 ASCII bytes, kept")
        << 1000 << QString(123, u'a') << QByteArray(hex("03e8") + QByteArray(123, 'a'));
    QTest::newRow("124 ASCII bytes, cut to 123")
        << 1000 << QString(124, u'a') << QByteArray(hex("03e8") + QByteArray(123, 'a'));
    QTest::newRow("300 ASCII bytes, cut to 123")
        << 1000 << QString(300, u'a') << QByteArray(hex("03e8") + QByteArray(123, 'a'));
    // 122 ASCII bytes then "é" (2 bytes): the 123-byte cut would split it, so it goes whole.
    QTest::newRow("2-byte code point at the cut")
        << 1011 << QString(QString(122, u'a') + u'é') << QByteArray(hex("03f3") + QByteArray(122, 'a'));
    QTest::newRow("2-byte code point just fits")
        << 1011 << QString(QString(121, u'a') + u'é' + u'x')
        << QByteArray(hex("03f3") + QByteArray(121, 'a') + "\xc3\xa9");
    QTest::newRow("3-byte code point at the cut, 1 byte in")
        << 1000 << QString(QString(122, u'a') + u'€') << QByteArray(hex("03e8") + QByteArray(122, 'a'));
    QTest::newRow("3-byte code point at the cut, 2 bytes in")
        << 1000 << QString(QString(121, u'a') + u'€') << QByteArray(hex("03e8") + QByteArray(121, 'a'));
    QTest::newRow("3-byte code point just fits")
        << 1000 << QString(QString(120, u'a') + u'€' + u'x')
        << QByteArray(hex("03e8") + QByteArray(120, 'a') + "\xe2\x82\xac");
    QTest::newRow("4-byte code point at the cut")
        << 1000 << QString(QString(121, u'a') + QStringLiteral("\U0001F600"))
        << QByteArray(hex("03e8") + QByteArray(121, 'a'));
    QTest::newRow("only 4-byte code points")
        << 1000 << QString(QStringLiteral("\U0001F600").repeated(40))
        << QByteArray(hex("03e8") + QByteArray("\xf0\x9f\x98\x80").repeated(30));
}

void tst_WebSocketFraming::encodeClose()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QByteArray, payload);

    QVERIFY(payload.size() <= 125);
    QCOMPARE(wamp::websocket::encodeClose(quint16(code), reason), plain(Opcode::Close, payload));
    const QByteArray frame = wamp::websocket::encodeClose(quint16(code), reason, Role::Client, kRfcKey);
    QCOMPARE(frame, masked(Opcode::Close, payload, true, kRfcKey));

    // What a peer reads back: the code and the reason as cut, valid UTF-8.
    FrameReader reader(Role::Server, 0, 0);
    reader.append(frame);
    const std::optional<Event> event = reader.next();
    QVERIFY(event);
    QCOMPARE(event->kind, Event::Kind::Close);
    QCOMPARE(int(event->closeCode), code);
    QCOMPARE(event->closeReason, code == 0 ? QString() : QString::fromUtf8(payload.sliced(2)));
    QVERIFY(event->closeReason.isEmpty() || reason.startsWith(event->closeReason));
}

void tst_WebSocketFraming::validReceivedCloseCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("valid");

    for (int code :
         {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
        QTest::addRow("%d", code) << code << true;
    for (int code : {0, 1, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
        QTest::addRow("%d", code) << code << false;
}

void tst_WebSocketFraming::validReceivedCloseCodes()
{
    QFETCH(int, code);
    QFETCH(bool, valid);

    QCOMPARE(isValidReceivedCloseCode(quint16(code)), valid);
    const QStringList result =
        readAll(Role::Server, {}, masked(Opcode::Close, closePayload(quint16(code))), 0);
    QCOMPARE(result.first(),
             valid ? closeEv(quint16(code), QString())
                   : QStringLiteral("error 1002: WebSocket Close frame carries close code %1, which may not "
                                    "be sent")
                         .arg(code));
}

void tst_WebSocketFraming::frameReader_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<Role>("role");
    QTest::addColumn<qint64>("maxMessage");
    QTest::addColumn<qint64>("maxFrame");
    QTest::addColumn<QStringList>("expected"); // events, then "error CODE: text" if any, then what is held

    const auto row = [](const char* name, const QByteArray& stream, QStringList expected,
                        Role role = Role::Server, Limits limits = {}) {
        QTest::newRow(name) << stream << role << limits.message << limits.frame << expected;
    };
    const QString idle = QStringLiteral("buffered 0, partial 0");
    const auto failed = [&](int code, const QString& error) {
        return QStringList{QStringLiteral("error %1: %2").arg(code).arg(error), idle};
    };
    const QByteArray hello = masked(Opcode::Text, "Hello");
    using O = Opcode;

    // Well-formed streams, server side (masked frames in).
    row("masked text", hello, {text("Hello"), idle});
    row("masked binary, all octets", masked(O::Binary, hex("00ff7f80")), {binary(hex("00ff7f80")), idle});
    row("empty text", masked(O::Text, ""), {text(""), idle});
    row("empty binary", masked(O::Binary, ""), {binary(""), idle});
    row("binary need not be UTF-8", masked(O::Binary, "\xff\xfe"), {binary("\xff\xfe"), idle});
    row("ping, pong, empty ping", masked(O::Ping, "Hello") + masked(O::Pong, "p") + masked(O::Ping, ""),
        {ev(Event::Kind::Ping, "Hello"), ev(Event::Kind::Pong, "p"), ev(Event::Kind::Ping, ""), idle});
    row("ping of 125 bytes", masked(O::Ping, QByteArray(125, 'p')),
        {ev(Event::Kind::Ping, QByteArray(125, 'p')), idle});
    row("close without payload", masked(O::Close, ""), {closeEv(0, QString()), idle});
    row("close 1000 with reason", masked(O::Close, closePayload(1000, "bye")),
        {closeEv(1000, QStringLiteral("bye")), idle});
    row("close 4999 with UTF-8 reason",
        masked(O::Close, closePayload(4999, "Gr\xc3\xbc\xc3\x9f"
                                            "e")),
        {closeEv(4999, QStringLiteral("Grüße")), idle});
    row("several messages", hello + masked(O::Binary, "b") + masked(O::Text, "{}"),
        {text("Hello"), binary("b"), text("{}"), idle});
    row("lengths 125, 126, 65535, 65536",
        masked(O::Binary, QByteArray(125, 'a')) + masked(O::Binary, QByteArray(126, 'b')) +
            masked(O::Binary, QByteArray(65535, 'c')) + masked(O::Text, QByteArray(65536, 'd')),
        {binary(QByteArray(125, 'a')), binary(QByteArray(126, 'b')), binary(QByteArray(65535, 'c')),
         text(QByteArray(65536, 'd')), idle});
    // RFC 6455 asks senders for the shortest length encoding; receivers are not told to refuse longer ones.
    row("non-minimal length encoding", hex("81fe0005") + hex("00000000") + "Hello", {text("Hello"), idle});

    // Fragmentation (section 5.4), with control frames in between.
    row("three fragments",
        masked(O::Text, "Hel", false) + masked(O::Continuation, "lo ", false) +
            masked(O::Continuation, "World"),
        {text("Hello World"), idle});
    row("empty fragments",
        masked(O::Binary, "", false) + masked(O::Continuation, "ab", false) +
            masked(O::Continuation, "", false) + masked(O::Continuation, "cd") +
            masked(O::Binary, "", false) + masked(O::Continuation, ""),
        {binary("abcd"), binary(""), idle});
    row("control frames between fragments",
        masked(O::Text, "Hel", false) + masked(O::Ping, "p1") + masked(O::Continuation, "lo", false) +
            masked(O::Pong, "p2") + masked(O::Ping, "") + masked(O::Continuation, "!"),
        {ev(Event::Kind::Ping, "p1"), ev(Event::Kind::Pong, "p2"), ev(Event::Kind::Ping, ""), text("Hello!"),
         idle});
    row("close between fragments ends the stream",
        masked(O::Text, "Hel", false) + masked(O::Close, closePayload(1001)) + masked(O::Continuation, "lo"),
        {closeEv(1001, QString()), idle});
    row("2-byte UTF-8 split across fragments",
        masked(O::Text, "caf\xc3", false) + masked(O::Continuation, "\xa9"), {text("caf\xc3\xa9"), idle});
    row("3-byte UTF-8 split in three, a ping between",
        masked(O::Text, "\xe2", false) + masked(O::Continuation, "\x82", false) + masked(O::Ping, "") +
            masked(O::Continuation, "\xac"),
        {ev(Event::Kind::Ping, ""), text("\xe2\x82\xac"), idle});
    row("4-byte UTF-8 split 2 + 2", masked(O::Text, "\xf0\x9f", false) + masked(O::Continuation, "\x98\x80"),
        {text("\xf0\x9f\x98\x80"), idle});

    // After a Close, the rest is ignored, even garbage.
    row("input after close ignored", masked(O::Close, closePayload(1000)) + hello + hex("ffffffff"),
        {closeEv(1000, QString()), idle});

    // Client side (unmasked frames in).
    row("client: unmasked text", plain(O::Text, "Hello"), {text("Hello"), idle}, Role::Client);
    row("client: fragments and a ping",
        plain(O::Binary, "ab", false) + plain(O::Ping, "x") + plain(O::Continuation, "cd"),
        {ev(Event::Kind::Ping, "x"), binary("abcd"), idle}, Role::Client);
    row("client: close", plain(O::Close, closePayload(1000, "done")),
        {closeEv(1000, QStringLiteral("done")), idle}, Role::Client);

    // Incomplete input is held.
    row("1 header byte", hello.first(1), {QStringLiteral("buffered 1, partial 0")});
    row("header and key, no payload", hello.first(6), {QStringLiteral("buffered 6, partial 0")});
    row("all but the last byte", hello.chopped(1), {QStringLiteral("buffered 10, partial 0")});
    row("16-bit length incomplete", masked(O::Binary, QByteArray(200, 'x')).first(3),
        {QStringLiteral("buffered 3, partial 0")});
    row("a fragment, then part of the next",
        masked(O::Text, "abc", false) + masked(O::Continuation, "de").first(2),
        {QStringLiteral("buffered 2, partial 3")});
    row("a message, then part of the next", hello + hello.first(4),
        {text("Hello"), QStringLiteral("buffered 4, partial 0")});

    // Header errors (section 5.2).
    const QString reserved =
        QStringLiteral("WebSocket frame has reserved bits set (0x%1) but no extension was "
                       "negotiated");
    row("RSV1", hex("c18537fa213d7f9f4d5158"), failed(1002, reserved.arg(u"40")));
    row("RSV2", hex("a18537fa213d7f9f4d5158"), failed(1002, reserved.arg(u"20")));
    row("RSV3", hex("918537fa213d7f9f4d5158"), failed(1002, reserved.arg(u"10")));
    row("RSV1 on a client", hex("c10548656c6c6f"), failed(1002, reserved.arg(u"40")), Role::Client);
    for (const char* opcode : {"3", "7", "b", "f"}) {
        const QByteArray frame = hex(QByteArray(QByteArray("8") + opcode + "8001020304").constData());
        row(qPrintable(QStringLiteral("opcode 0x%1").arg(QLatin1String(opcode))), frame,
            failed(1002, QStringLiteral("WebSocket frame has reserved opcode %1")
                             .arg(QByteArray(opcode).toInt(nullptr, 16))));
    }
    row("unmasked frame to a server", plain(O::Text, "Hello"),
        failed(1002, QStringLiteral("WebSocket Text frame from the client is not masked")));
    row("unmasked close to a server", plain(O::Close, ""),
        failed(1002, QStringLiteral("WebSocket Close frame from the client is not masked")));
    row("masked frame to a client", hello,
        failed(1002, QStringLiteral("WebSocket Text frame from the server is masked")), Role::Client);
    row("64-bit length with the top bit", hex("82ff8000000000000000") + hex("01020304"),
        failed(1002,
               QStringLiteral("WebSocket frame length 0x8000000000000000 has the most significant bit set")));
    row("64-bit length all ones", hex("82ffffffffffffffffff"),
        failed(1002,
               QStringLiteral("WebSocket frame length 0xffffffffffffffff has the most significant bit set")));

    // Control frames (section 5.5).
    row("fragmented ping", masked(O::Ping, "x", false),
        failed(1002, QStringLiteral("WebSocket Ping frame is fragmented (FIN not set)")));
    row("fragmented close", masked(O::Close, "", false),
        failed(1002, QStringLiteral("WebSocket Close frame is fragmented (FIN not set)")));
    const QString tooLong = QStringLiteral(
        "WebSocket %1 frame has an extended payload length: control frames carry at most 125 bytes");
    row("ping of 126 bytes", masked(O::Ping, QByteArray(126, 'p')), failed(1002, tooLong.arg(u"Ping")));
    row("pong of 65536 bytes, header only", hex("8aff0000000000010000"), failed(1002, tooLong.arg(u"Pong")));
    row("close of 126 bytes", masked(O::Close, closePayload(1000, QByteArray(124, 'r'))),
        failed(1002, tooLong.arg(u"Close")));
    row("close with a 1-byte payload", masked(O::Close, "\x03"),
        failed(1002, QStringLiteral("WebSocket Close frame has a 1-byte payload; a close code takes 2")));
    row("close code 1005", masked(O::Close, closePayload(1005)),
        failed(1002, QStringLiteral("WebSocket Close frame carries close code 1005, which may not be sent")));
    row("close reason not UTF-8", masked(O::Close, closePayload(1000, "\xc3\x28")),
        failed(1007, QStringLiteral("WebSocket Close frame reason is not valid UTF-8")));
    row("close reason, lone surrogate", masked(O::Close, closePayload(1000, "a\xed\xa0\x80")),
        failed(1007, QStringLiteral("WebSocket Close frame reason is not valid UTF-8")));

    // Fragmentation errors (section 5.4).
    row("continuation first", masked(O::Continuation, "x"),
        failed(1002, QStringLiteral("WebSocket continuation frame without a message in progress")));
    row("continuation after a finished message", hello + masked(O::Continuation, "x"),
        {text("Hello"),
         QStringLiteral("error 1002: WebSocket continuation frame without a message in progress"), idle});
    row("text during a text message", masked(O::Text, "a", false) + hello,
        failed(1002,
               QStringLiteral(
                   "WebSocket Text frame starts a message while a fragmented Text message is in progress")));
    row("binary during a text message, a ping between",
        masked(O::Text, "a", false) + masked(O::Ping, "") + masked(O::Binary, "b"),
        {ev(Event::Kind::Ping, ""),
         QStringLiteral(
             "error 1002: WebSocket Binary frame starts a message while a fragmented Text message is in "
             "progress"),
         idle});

    // Sizes (1009): on the header alone.
    row("frame over maxFrame", masked(O::Binary, QByteArray(1001, 'x')),
        failed(1009,
               QStringLiteral(
                   "WebSocket Binary frame announces 1001 bytes, more than the 1000 allowed per frame")),
        Role::Server, {0, 1000});
    row("frame at maxFrame", masked(O::Binary, QByteArray(1000, 'x')), {binary(QByteArray(1000, 'x')), idle},
        Role::Server, {0, 1000});
    row("control frame over maxFrame", masked(O::Ping, QByteArray(11, 'x')),
        failed(1009,
               QStringLiteral("WebSocket Ping frame announces 11 bytes, more than the 10 allowed per frame")),
        Role::Server, {0, 10});
    row("fragment over maxFrame",
        masked(O::Text, "abc", false) + masked(O::Continuation, QByteArray(11, 'x')),
        {QStringLiteral("error 1009: WebSocket continuation frame announces 11 bytes, more than the 10 "
                        "allowed per frame"),
         idle},
        Role::Server, {0, 10});
    row("message over maxMessage", masked(O::Text, QByteArray(1001, 'x')),
        failed(1009, QStringLiteral("WebSocket Text message of 1001 bytes, more than the 1000 allowed")),
        Role::Server, {1000, 0});
    row("message at maxMessage", masked(O::Text, QByteArray(1000, 'x')), {text(QByteArray(1000, 'x')), idle},
        Role::Server, {1000, 0});
    row("fragments over maxMessage",
        masked(O::Binary, QByteArray(600, 'x'), false) + masked(O::Ping, "") +
            masked(O::Continuation, QByteArray(401, 'y')),
        {ev(Event::Kind::Ping, ""),
         QStringLiteral("error 1009: WebSocket Binary message would reach 1001 bytes (600 received, 401 more "
                        "announced), "
                        "more than the 1000 allowed"),
         idle},
        Role::Server, {1000, 0});
    row("fragments at maxMessage",
        masked(O::Binary, QByteArray(600, 'x'), false) + masked(O::Continuation, QByteArray(400, 'y')),
        {binary(QByteArray(600, 'x') + QByteArray(400, 'y')), idle}, Role::Server, {1000, 600});
    row("control frames do not count toward maxMessage",
        masked(O::Text, QByteArray(10, 'x'), false) + masked(O::Ping, QByteArray(100, 'p')) +
            masked(O::Continuation, ""),
        {ev(Event::Kind::Ping, QByteArray(100, 'p')), text(QByteArray(10, 'x')), idle}, Role::Server,
        {10, 0});
    row("client: message over maxMessage", plain(O::Binary, QByteArray(70000, 'x')),
        failed(1009, QStringLiteral("WebSocket Binary message of 70000 bytes, more than the 65536 allowed")),
        Role::Client, {65536, 0});
    row("negative limits are unlimited", masked(O::Binary, QByteArray(70000, 'x')),
        {binary(QByteArray(70000, 'x')), idle}, Role::Server, {-1, -1});

    // Text payloads (section 8.1), judged on the whole message.
    const QString notUtf8 = QStringLiteral("WebSocket Text message of %1 bytes is not valid UTF-8");
    row("invalid UTF-8", masked(O::Text, "\xc3\x28"), failed(1007, notUtf8.arg(2)));
    row("overlong encoding", masked(O::Text, "\xc0\xaf"), failed(1007, notUtf8.arg(2)));
    row("surrogate", masked(O::Text, "\xed\xa0\x80"), failed(1007, notUtf8.arg(3)));
    row("above U+10FFFF", masked(O::Text, "\xf4\x90\x80\x80"), failed(1007, notUtf8.arg(4)));
    row("truncated sequence at the end", masked(O::Text, "ab\xe2\x82"), failed(1007, notUtf8.arg(4)));
    row("invalid UTF-8 split across fragments",
        masked(O::Text, "caf\xc3", false) + masked(O::Continuation, "("), failed(1007, notUtf8.arg(5)));
    row("sequence cut by the last fragment",
        masked(O::Text, "ok", false) + masked(O::Continuation, "\xf0\x9f\x98"), failed(1007, notUtf8.arg(5)));
    row("client: invalid UTF-8", plain(O::Text, "\xff"), failed(1007, notUtf8.arg(1)), Role::Client);

    row("good frames, then a bad one", hello + masked(O::Ping, "") + hex("c380") + hello,
        {text("Hello"), ev(Event::Kind::Ping, ""),
         QStringLiteral(
             "error 1002: WebSocket frame has reserved bits set (0x40) but no extension was negotiated"),
         idle});
}

void tst_WebSocketFraming::frameReader()
{
    QFETCH(QByteArray, stream);
    QFETCH(Role, role);
    QFETCH(qint64, maxMessage);
    QFETCH(qint64, maxFrame);
    QFETCH(QStringList, expected);

    const Limits limits{maxMessage, maxFrame};
    QCOMPARE(readAll(role, limits, stream, 0), expected);
    QCOMPARE(readAll(role, limits, stream, 1), expected);
    QCOMPARE(readAll(role, limits, stream, 5), expected);
}

void tst_WebSocketFraming::tooBigDetectedBeforePayload()
{
    // A 64-bit length: refused as soon as its 10 header bytes are in, before the masking key or payload.
    FrameReader reader(Role::Server, 1 << 20, 1 << 16);
    const QByteArray header = hex("82ff0000010000000000"); // 2^40 bytes announced
    for (qsizetype i = 0; i + 1 < header.size(); ++i) {
        reader.append(header.sliced(i, 1));
        QVERIFY(!reader.next());
        QVERIFY(!reader.hasError());
    }
    reader.append(header.last(1));
    QVERIFY(!reader.next());
    QCOMPARE(reader.errorCloseCode(), CloseCode::TooBig);
    QCOMPARE(
        reader.error(),
        QStringLiteral(
            "WebSocket Binary frame announces 1099511627776 bytes, more than the 65536 allowed per frame"));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));

    // The sum of fragments: the second fragment's header is enough, and the first fragment's data is dropped.
    FrameReader fragments(Role::Server, 1000, 0);
    fragments.append(masked(Opcode::Text, QByteArray(900, 'a'), false));
    QVERIFY(!fragments.next());
    QCOMPARE(fragments.partialMessageBytes(), qsizetype(900));
    fragments.append(hex("80e5")); // FIN, continuation, masked, 101 bytes: 1001 in all
    QVERIFY(!fragments.next());
    QCOMPARE(fragments.errorCloseCode(), CloseCode::TooBig);
    QCOMPARE(fragments.bufferedBytes(), qsizetype(0));
    QCOMPARE(fragments.partialMessageBytes(), qsizetype(0));
    QCOMPARE(fragments.allocatedBytes(), qsizetype(0));

    // A header arriving with part of its payload: the error comes first, the bytes are dropped.
    FrameReader withPayload(Role::Server, 0, 4096);
    withPayload.append(masked(Opcode::Binary, QByteArray(100'000, 'z')).first(8192));
    QVERIFY(!withPayload.next());
    QCOMPARE(withPayload.errorCloseCode(), CloseCode::TooBig);
    QCOMPARE(withPayload.bufferedBytes(), qsizetype(0));
    QCOMPARE(withPayload.allocatedBytes(), qsizetype(0));
}

void tst_WebSocketFraming::staysFailedAfterError()
{
    FrameReader reader(Role::Server, 0, 0);
    reader.append(plain(Opcode::Text, "unmasked"));
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    const QString error = reader.error();
    QCOMPARE(reader.errorCloseCode(), CloseCode::ProtocolError);

    // Valid frames after the error are ignored, not buffered, and the first error stays.
    reader.append(QByteArray(masked(Opcode::Text, "[1]") + masked(Opcode::Ping, "x")));
    QVERIFY(!reader.next());
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));
    reader.append(masked(Opcode::Text, "\xff"));
    QVERIFY(!reader.next());
    QCOMPARE(reader.error(), error);
    QCOMPARE(reader.errorCloseCode(), CloseCode::ProtocolError);
}

void tst_WebSocketFraming::ignoresInputAfterClose()
{
    FrameReader reader(Role::Server, 0, 0);
    reader.append(
        QByteArray(masked(Opcode::Close, closePayload(1000, "bye")) + masked(Opcode::Text, "late")));
    QVERIFY(!reader.isClosed());
    const std::optional<Event> close = reader.next();
    QVERIFY(close);
    QCOMPARE(close->kind, Event::Kind::Close);
    QCOMPARE(close->closeCode, CloseCode::Normal);
    QCOMPARE(close->closeReason, QStringLiteral("bye"));
    QCOMPARE(close->payload, closePayload(1000, "bye"));
    QVERIFY(reader.isClosed());
    QVERIFY(!reader.next());
    reader.append(masked(Opcode::Text, "later"));
    QVERIFY(!reader.next());
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));
}

void tst_WebSocketFraming::idleReaderHoldsNoMemory()
{
    FrameReader reader(Role::Server, 0, 0);
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));

    // Several frames in one read, all taken: nothing held.
    reader.append(QByteArray(masked(Opcode::Text, QByteArray(5000, 't')) + masked(Opcode::Ping, "") +
                             masked(Opcode::Binary, "b")));
    QVERIFY(reader.allocatedBytes() > 0);
    int events = 0;
    while (reader.next())
        ++events;
    QCOMPARE(events, 3);
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));

    // A frame arriving in pieces holds only while it is incomplete.
    const QByteArray frame = masked(Opcode::Binary, QByteArray(300, 'x'));
    reader.append(frame.first(100));
    QVERIFY(!reader.next());
    QVERIFY(reader.allocatedBytes() >= 100);
    reader.append(frame.sliced(100));
    QVERIFY(reader.next());
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));

    // A fragmented message holds its fragments until the last one, then nothing.
    reader.append(masked(Opcode::Text, "abc", false));
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QCOMPARE(reader.partialMessageBytes(), qsizetype(3));
    QVERIFY(reader.allocatedBytes() >= 3);
    reader.append(masked(Opcode::Continuation, "def", false));
    QVERIFY(!reader.next());
    reader.append(masked(Opcode::Continuation, "g"));
    const std::optional<Event> message = reader.next();
    QVERIFY(message);
    QCOMPARE(message->payload, QByteArray("abcdefg"));
    QCOMPARE(reader.partialMessageBytes(), qsizetype(0));
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));
    QVERIFY(!reader.hasError());
}

void tst_WebSocketFraming::bufferedBytesAccounting()
{
    FrameReader reader(Role::Server, 0, 0);
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QVERIFY(!reader.next());

    const QByteArray first = masked(Opcode::Binary, QByteArray(100, 'a'));
    const QByteArray second = masked(Opcode::Ping, QByteArray(10, 'b'));
    const QByteArray both = first + second;

    reader.append(both.first(2));
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));

    reader.append(both.sliced(2, first.size())); // the first frame + 2 bytes of the second
    QCOMPARE(reader.bufferedBytes(), first.size() + 2);
    std::optional<Event> got = reader.next();
    QVERIFY(got);
    QCOMPARE(got->payload, QByteArray(100, 'a'));
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));
    QCOMPARE(reader.partialMessageBytes(), qsizetype(0)); // a single-frame message never goes there
    QVERIFY(!reader.next());

    reader.append(QByteArrayView());
    QCOMPARE(reader.bufferedBytes(), qsizetype(2));

    reader.append(both.sliced(first.size() + 2));
    QCOMPARE(reader.bufferedBytes(), second.size());
    got = reader.next();
    QVERIFY(got);
    QCOMPARE(got->kind, Event::Kind::Ping);
    QCOMPARE(got->payload, QByteArray(10, 'b'));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QVERIFY(!reader.next());
    QVERIFY(!reader.hasError());
}

void tst_WebSocketFraming::maskingAtEveryLength()
{
    // Every tail length of the 8-octet unmasking, against a plain octet-by-octet reference.
    QRandomGenerator random(6455);
    for (int size = 0; size <= 80; ++size) {
        const QByteArray payload = randomBytes(random, size);
        const quint32 key = random.generate();
        const char keyBytes[] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
        QByteArray reference = payload;
        for (int i = 0; i < size; ++i)
            reference[i] = char(reference[i] ^ keyBytes[i % 4]);

        const QByteArray frame = encodeFrame(Opcode::Binary, payload, Role::Client, true, key);
        QCOMPARE(frame.right(size), reference);
        QCOMPARE(frame.sliced(frame.size() - size - 4, 4), QByteArray(keyBytes, 4));

        FrameReader reader(Role::Server, 0, 0);
        reader.append(frame);
        const std::optional<Event> event = reader.next();
        QVERIFY(event);
        QCOMPARE(event->payload, payload);
    }
}

void tst_WebSocketFraming::roundTrip_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<Role>("sender");

    for (int size : {0, 1, 125, 126, 65535, 65536, 100000}) {
        QTest::addRow("client to server, %d", size) << size << Role::Client;
        QTest::addRow("server to client, %d", size) << size << Role::Server;
    }
}

void tst_WebSocketFraming::roundTrip()
{
    QFETCH(int, size);
    QFETCH(Role, sender);

    QRandomGenerator random(quint32(size) * 2 + (sender == Role::Client));
    const Role receiver = sender == Role::Client ? Role::Server : Role::Client;
    const QByteArray payload = randomBytes(random, size);
    QByteArray ascii(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        ascii[i] = char(0x20 + random.bounded(95));

    QByteArray stream = encodeFrame(Opcode::Binary, payload, sender, true, random.generate());
    stream += encodeFrame(Opcode::Text, ascii, sender, true, random.generate());
    // The same binary payload again, in three fragments.
    const int third = size / 3;
    stream += encodeFrame(Opcode::Binary, payload.first(third), sender, false, random.generate());
    stream +=
        encodeFrame(Opcode::Continuation, payload.sliced(third, third), sender, false, random.generate());
    stream += encodeFrame(Opcode::Continuation, payload.sliced(2 * third), sender, true, random.generate());
    const QStringList expected{binary(payload), text(ascii), binary(payload),
                               QStringLiteral("buffered 0, partial 0")};

    QCOMPARE(readAll(receiver, {qint64(size), qint64(size)}, stream, 0), expected);
    QCOMPARE(readAll(receiver, {}, stream, 1 + random.bounded(5000)), expected);

    FrameReader reader(receiver, size, size);
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype chunk = qMin<qsizetype>(1 + random.bounded(3000), stream.size() - at);
        reader.append(QByteArrayView(stream).sliced(at, chunk));
        at += chunk;
        while (const std::optional<Event> event = reader.next())
            QVERIFY(event->payload == payload || event->payload == ascii);
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));
}

void tst_WebSocketFraming::manySmallFramesInOneAppend()
{
    // Linear time: a quadratic reader (moving the rest of the buffer per frame) would take minutes here.
    constexpr int frameCount = 200'000;
    QByteArray stream;
    for (int i = 0; i < frameCount; ++i)
        appendFrame(stream, Opcode::Binary, QByteArray::number(i), Role::Client, true, quint32(i));
    // And one message of many one-byte fragments.
    constexpr int fragmentCount = 50'000;
    appendFrame(stream, Opcode::Text, "<", Role::Client, false, 7);
    for (int i = 0; i < fragmentCount; ++i)
        appendFrame(stream, Opcode::Continuation, "x", Role::Client, false, quint32(i));
    appendFrame(stream, Opcode::Continuation, ">", Role::Client, true, 9);

    FrameReader reader(Role::Server, 0, 0);
    reader.append(stream);
    for (int i = 0; i < frameCount; ++i) {
        const std::optional<Event> event = reader.next();
        QVERIFY(event);
        if (event->payload != QByteArray::number(i))
            QFAIL(qPrintable(
                QStringLiteral("frame %1 has payload %2").arg(i).arg(QString::fromLatin1(event->payload))));
    }
    const std::optional<Event> message = reader.next();
    QVERIFY(message);
    QCOMPARE(message->kind, Event::Kind::Text);
    QCOMPARE(message->payload, QByteArray('<' + QByteArray(fragmentCount, 'x') + '>'));
    QVERIFY(!reader.next());
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));
}

void tst_WebSocketFraming::largeStreamInRandomChunks()
{
    QRandomGenerator random(20240611); // fixed seed: the same stream and chunking on every run
    constexpr int messageCount = 5'000;
    constexpr qint64 maxMessage = 8192;

    QStringList expected;
    QByteArray stream;
    for (int i = 0; i < messageCount; ++i) {
        const int roll = random.bounded(100);
        const int size = roll < 5 ? 0 : roll < 10 ? int(maxMessage) : random.bounded(700);
        const bool isText = random.bounded(2);
        QByteArray payload = randomBytes(random, size);
        if (isText) {
            for (char& c : payload)
                c = char(0x20 + quint8(c) % 95);
        }
        const Opcode opcode = isText ? Opcode::Text : Opcode::Binary;
        const int fragments = random.bounded(100) < 80 ? 1 : 1 + random.bounded(6);
        qsizetype at = 0;
        for (int f = 0; f < fragments; ++f) {
            const bool last = f == fragments - 1;
            const qsizetype piece = last ? size - at : random.bounded(size - at + 1);
            appendFrame(stream, f == 0 ? opcode : Opcode::Continuation, payload.sliced(at, piece),
                        Role::Client, last, random.generate());
            at += piece;
            if (!last && random.bounded(3) == 0) {
                const QByteArray ping = randomBytes(random, random.bounded(126));
                appendFrame(stream, Opcode::Ping, ping, Role::Client, true, random.generate());
                expected.append(ev(Event::Kind::Ping, ping));
            }
        }
        expected.append(isText ? text(payload) : binary(payload));
    }

    FrameReader reader(Role::Server, maxMessage, maxMessage);
    QStringList received;
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype chunk = qMin<qsizetype>(1 + random.bounded(8192), stream.size() - at);
        reader.append(QByteArrayView(stream).sliced(at, chunk));
        at += chunk;
        while (const std::optional<Event> event = reader.next())
            received.append(describe(*event));
        QVERIFY2(!reader.hasError(), qPrintable(reader.error()));
        // Never more than one incomplete frame and the last chunk are held.
        QVERIFY(reader.bufferedBytes() < 14 + maxMessage + 8192);
    }
    QCOMPARE(received.size(), expected.size());
    QCOMPARE(received, expected);
    QCOMPARE(reader.allocatedBytes(), qsizetype(0));
}

void tst_WebSocketFraming::corruptedStreams()
{
    // Valid streams with random octets changed, and random octets: whatever happens, the reader ends either
    // waiting for more or failed with one of its three codes, and never reads outside its buffer (ASan).
    QRandomGenerator random(1009);
    for (int round = 0; round < 3000; ++round) {
        const Role role = round % 2 ? Role::Server : Role::Client;
        const Role sender = role == Role::Server ? Role::Client : Role::Server;
        QByteArray stream;
        if (round % 3 == 0) {
            stream = randomBytes(random, random.bounded(300));
        } else {
            appendFrame(stream, Opcode::Text, "Hello", sender, false, random.generate());
            appendFrame(stream, Opcode::Ping, randomBytes(random, 5), sender, true, random.generate());
            appendFrame(stream, Opcode::Continuation, QByteArray(random.bounded(300), 'w'), sender, true,
                        random.generate());
            appendFrame(stream, Opcode::Close, closePayload(1000, "bye"), sender, true, random.generate());
            for (int flips = 1 + random.bounded(3); flips > 0; --flips)
                stream[random.bounded(stream.size())] = char(random.bounded(256));
        }
        FrameReader reader(role, random.bounded(2) ? 200 : 0, random.bounded(2) ? 100 : 0);
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype chunk = qMin<qsizetype>(1 + random.bounded(40), stream.size() - at);
            reader.append(QByteArrayView(stream).sliced(at, chunk));
            at += chunk;
            while (const std::optional<Event> event = reader.next()) {
                if (event->kind == Event::Kind::Text)
                    QVERIFY(wamp::isValidUtf8(event->payload));
                if (event->kind == Event::Kind::Close)
                    QVERIFY(event->closeCode == 0 || isValidReceivedCloseCode(event->closeCode));
            }
        }
        if (reader.hasError()) {
            QVERIFY2(QList<quint16>({CloseCode::ProtocolError, CloseCode::InvalidPayload, CloseCode::TooBig})
                         .contains(reader.errorCloseCode()),
                     qPrintable(reader.error()));
            QVERIFY(!reader.error().isEmpty());
            QCOMPARE(reader.allocatedBytes(), qsizetype(0));
        }
    }
}

QTEST_APPLESS_MAIN(tst_WebSocketFraming)
#include "tst_websocketframing.moc"
