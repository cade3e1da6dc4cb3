// isValidUtf8: every ill-formed sequence of the Unicode standard's table 3-7 rules, at every position
// relative to the eight-byte ASCII fast path.

#include "wamp/utf8.h"

#include <QTest>

class TestUtf8 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sequences_data()
    {
        QTest::addColumn<QByteArray>("sequence");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("a") << true;
        QTest::newRow("2-byte") << QByteArray("\xc3\xa9") << true;
        QTest::newRow("3-byte") << QByteArray("\xe2\x82\xac") << true;
        QTest::newRow("4-byte") << QByteArray("\xf0\x9f\x98\x80") << true;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("overlong 2-byte") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("overlong 3-byte") << QByteArray("\xe0\x80\xaf") << false;
        QTest::newRow("overlong 4-byte") << QByteArray("\xf0\x80\x80\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("5-byte lead") << QByteArray("\xf8\x88\x80\x80\x80") << false;
        QTest::newRow("truncated 3-byte") << QByteArray("\xe2\x82") << false;
        QTest::newRow("bad continuation") << QByteArray("\xc3\x28") << false;
        QTest::newRow("0xff") << QByteArray("\xff") << false;
    }

    void sequences()
    {
        QFETCH(QByteArray, sequence);
        QFETCH(bool, valid);
        // Alone, and surrounded by ASCII runs of every length around the fast path's word size.
        QCOMPARE(wamp::isValidUtf8(sequence), valid);
        for (int before = 0; before <= 17; ++before) {
            for (int after : {0, 1, 7, 8, 9, 16}) {
                const QByteArray text = QByteArray(before, 'x') + sequence + QByteArray(after, 'y');
                QVERIFY2(wamp::isValidUtf8(text) == valid,
                         qPrintable(QStringLiteral("%1 + seq + %2").arg(before).arg(after)));
            }
        }
    }

    void truncatedAtTheEndOfAWord()
    {
        // A multi-byte sequence cut off by the end of the data right after a full ASCII word.
        QVERIFY(!wamp::isValidUtf8(QByteArray(QByteArray(8, 'a') + "\xe2")));
        QVERIFY(wamp::isValidUtf8(QByteArray(64, 'a')));
        QVERIFY(wamp::isValidUtf8(QByteArray()));
    }
};

QTEST_APPLESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
