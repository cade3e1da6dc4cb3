// SocketStream, the router's own socket layer, on a real socket pair: batched writes, the kernel's send
// buffer filling up, graceful close, abort, and the other side going away. Close reports must come from the
// event loop, never from inside a call.

#include "transport/socketstream.h"

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

using namespace wamp;

namespace {

constexpr int kWaitMs = 5000;

struct Recorder : ByteStreamHandler {
    QByteArray received;
    QStringList closed;
    bool insideCall = false;
    bool closedInsideCall = false;
    void streamReadable(QByteArrayView bytes) override { received.append(bytes); }
    void streamClosed(const QString& reason) override
    {
        closedInsideCall = closedInsideCall || insideCall;
        closed << reason;
    }
};

// The other end of the pair, read and written with plain system calls.
struct RawEnd {
    int fd = -1;
    ~RawEnd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    QByteArray readAvailable() const
    {
        QByteArray all;
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                break;
            all.append(buffer, n);
        }
        return all;
    }
    //! True once the other side shut down its writing half (recv returns 0).
    bool sawEndOfFile() const
    {
        char byte;
        return ::recv(fd, &byte, 1, MSG_DONTWAIT | MSG_PEEK) == 0;
    }
};

} // namespace

class TestSocketStream : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SocketStream> makePair(RawEnd& other, Recorder& recorder)
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
            return nullptr;
        other.fd = fds[1];
        auto stream = std::make_unique<SocketStream>(fds[0], QStringLiteral("/run/test.sock"));
        stream->setHandler(&recorder);
        return stream;
    }

private Q_SLOTS:
    void writesOfOnePassLeaveTogetherInOrder()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        QVERIFY(stream);
        QByteArray expected;
        for (int i = 0; i < 500; ++i) {
            const QByteArray chunk = QByteArray::number(i) + ';';
            stream->write(chunk);
            expected += chunk;
        }
        // Nothing leaves inside write(): the flush comes at the end of the event-loop pass.
        QCOMPARE(stream->bytesToWrite(), expected.size());
        QCOMPARE(other.readAvailable(), QByteArray());
        QTRY_COMPARE_WITH_TIMEOUT(stream->bytesToWrite(), 0, kWaitMs);
        QCOMPARE(other.readAvailable(), expected);
    }

    void framesKeepTheirOrderWhetherCopiedOrShared()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        QByteArray expected;
        // Small payloads are copied into coalescing buffers, large ones queued shared: the order must hold
        // across both, and across coalescing buffers filling up.
        for (int i = 0; i < 300; ++i) {
            const QByteArray header = "H" + QByteArray::number(i) + ":";
            const QByteArray payload(i % 7 == 0 ? 5000 : 100 + i, char('a' + i % 26));
            stream->writeFrame(header, payload);
            expected += header + payload;
            if (i % 50 == 0) {
                stream->write(QByteArray::number(i));
                expected += QByteArray::number(i);
            }
        }
        QCOMPARE(stream->bytesToWrite(), expected.size());
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += other.readAvailable(), got.size() >= expected.size()), kWaitMs);
        QVERIFY(got == expected);
        QCOMPARE(stream->bytesToWrite(), 0);
    }

    void readsAreDelivered()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        QCOMPARE(::send(other.fd, "hello", 5, 0), 5);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.received, QByteArray("hello"), kWaitMs);
        QCOMPARE(stream->peerAddress(), QStringLiteral("unix:/run/test.sock"));
    }

    void noHandlerNoReading()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        stream->setHandler(nullptr);
        QCOMPARE(::send(other.fd, "abc", 3, 0), 3);
        QTest::qWait(50);
        QCOMPARE(recorder.received, QByteArray());
        stream->setHandler(&recorder); // the bytes waited in the kernel
        QTRY_COMPARE_WITH_TIMEOUT(recorder.received, QByteArray("abc"), kWaitMs);
    }

    void fullSendBufferQueuesAndDrainsInOrder()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        // Far more than a socket pair buffers: the kernel takes part, the rest waits for the write notifier.
        QByteArray expected;
        for (int i = 0; i < 64; ++i) {
            QByteArray chunk(128 * 1024, char('a' + i % 26));
            stream->write(chunk);
            expected += chunk;
        }
        QTest::qWait(50);
        QVERIFY2(stream->bytesToWrite() > 0, "the reader has not read: data must still be queued");
        QByteArray got;
        QElapsedTimer timer;
        timer.start();
        while (got.size() < expected.size() && timer.elapsed() < kWaitMs) {
            got += other.readAvailable();
            QCoreApplication::processEvents();
        }
        QCOMPARE(got.size(), expected.size());
        QVERIFY(got == expected);
        QTRY_COMPARE_WITH_TIMEOUT(stream->bytesToWrite(), 0, kWaitMs);
        QVERIFY(recorder.closed.isEmpty());
    }

    void otherSideClosingIsReportedOnceFromTheEventLoop()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        ::close(std::exchange(other.fd, -1));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.closed.size(), 1, kWaitMs);
        QCOMPARE(recorder.closed.first(), QStringLiteral("connection closed"));
        QTest::qWait(20);
        QCOMPARE(recorder.closed.size(), 1);
        stream->write("late"); // ignored, no crash
        QCOMPARE(stream->bytesToWrite(), 0);
    }

    void writingToAGoneReaderFailsWithoutSignal()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        stream->setHandler(nullptr); // do not notice the close by reading: the write must find it
        ::close(std::exchange(other.fd, -1));
        stream->write(QByteArray(1000, 'x'));
        stream->setHandler(&recorder);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.closed.size(), 1, kWaitMs); // EPIPE, not SIGPIPE
    }

    void closeSendsQueuedDataThenEndOfFile()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        stream->write("last words");
        recorder.insideCall = true;
        stream->close(kWaitMs);
        recorder.insideCall = false;
        stream->write("ignored after close");
        QTRY_VERIFY_WITH_TIMEOUT(other.sawEndOfFile() || !other.readAvailable().isEmpty(), kWaitMs);
        // Data still arrives while closing (a WebSocket close reply does).
        QCOMPARE(::send(other.fd, "reply", 5, 0), 5);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.received, QByteArray("reply"), kWaitMs);
        ::close(std::exchange(other.fd, -1));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.closed.size(), 1, kWaitMs);
        QVERIFY(!recorder.closedInsideCall);
    }

    void closeDeliversAllQueuedBytes()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        stream->write("last words");
        stream->close(kWaitMs);
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += other.readAvailable(), other.sawEndOfFile()), kWaitMs);
        QCOMPARE(got, QByteArray("last words"));
    }

    void closeTimesOutWhenTheOtherSideStays()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        stream->close(100);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.closed.size(), 1, kWaitMs);
    }

    void abortReportsItsReasonLater()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        stream->write("dropped");
        recorder.insideCall = true;
        stream->abort(QStringLiteral("outgoing queue overflow"));
        recorder.insideCall = false;
        QVERIFY(recorder.closed.isEmpty());
        QCOMPARE(stream->bytesToWrite(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.closed, QStringList{QStringLiteral("outgoing queue overflow")},
                                  kWaitMs);
        QVERIFY(!recorder.closedInsideCall);
        QTRY_VERIFY_WITH_TIMEOUT(other.sawEndOfFile(), kWaitMs);
        QCOMPARE(other.readAvailable(), QByteArray());
    }

    void destroyingAStreamWithQueuedDataIsSafe()
    {
        RawEnd other;
        Recorder recorder;
        auto stream = makePair(other, recorder);
        stream->write("never flushed");
        stream.reset(); // the flusher must forget it
        QTest::qWait(20);
        QVERIFY(other.sawEndOfFile());
    }
};

QTEST_GUILESS_MAIN(TestSocketStream)
#include "tst_socketstream.moc"
