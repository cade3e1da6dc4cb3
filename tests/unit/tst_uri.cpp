#include "wamp/uri.h"

#include <QTest>

using namespace wamp;

// Rows follow the WAMP spec, section "URIs": strict components match [0-9a-z_]+, loose components are any
// run without whitespace, '.' and '#'. Empty components are wildcard positions and only valid in patterns.
class tst_Uri : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isValidUri_data();
    void isValidUri();
};

void tst_Uri::isValidUri_data()
{
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<bool>("loose");
    // The same checks with allowEmptyComponents (wildcard registrations and subscriptions).
    QTest::addColumn<bool>("strictPattern");
    QTest::addColumn<bool>("loosePattern");

    // Valid everywhere.
    QTest::newRow("com.myapp.topic1") << QByteArray("com.myapp.topic1") << true << true << true << true;
    QTest::newRow("a") << QByteArray("a") << true << true << true << true;
    QTest::newRow("a_b.c1") << QByteArray("a_b.c1") << true << true << true << true;
    QTest::newRow("digits only") << QByteArray("0.1") << true << true << true << true;
    QTest::newRow("underscore only") << QByteArray("_") << true << true << true << true;
    QTest::newRow("wamp.error.invalid_uri")
        << QByteArray("wamp.error.invalid_uri") << true << true << true << true;

    // Strict-invalid, loose-valid.
    QTest::newRow("upper case") << QByteArray("com.MyApp.Topic") << false << true << false << true;
    QTest::newRow("hyphen") << QByteArray("com.my-app.x") << false << true << false << true;
    QTest::newRow("non-ASCII") << QByteArray("\xc3\xbcn\xc3\xaf"
                                             "code.x")
                               << false << true << false << true;
    QTest::newRow("punctuation") << QByteArray("com.app:v1/x") << false << true << false << true;
    QTest::newRow("wildcard star is just a char") << QByteArray("com.*") << false << true << false << true;

    // Invalid everywhere: nothing, or whitespace / '#' inside a component.
    QTest::newRow("empty") << QByteArray("") << false << false << false << false;
    QTest::newRow("space") << QByteArray("a b") << false << false << false << false;
    QTest::newRow("hash") << QByteArray("a#b") << false << false << false << false;
    QTest::newRow("tab after dot") << QByteArray("a.\tb") << false << false << false << false;
    QTest::newRow("newline") << QByteArray("a\nb") << false << false << false << false;
    QTest::newRow("carriage return") << QByteArray("a\rb") << false << false << false << false;
    QTest::newRow("form feed") << QByteArray("a\fb") << false << false << false << false;
    QTest::newRow("vertical tab") << QByteArray("a\vb") << false << false << false << false;
    QTest::newRow("trailing space") << QByteArray("com.a ") << false << false << false << false;
    QTest::newRow("hash in pattern") << QByteArray("a..#") << false << false << false << false;

    // Empty components: invalid as URIs, valid as wildcard patterns.
    QTest::newRow("leading dot") << QByteArray(".a") << false << false << true << true;
    QTest::newRow("trailing dot") << QByteArray("a.") << false << false << true << true;
    QTest::newRow("double dot") << QByteArray("a..b") << false << false << true << true;
    QTest::newRow("wildcard middle") << QByteArray("com..create") << false << false << true << true;
    QTest::newRow("loose wildcard") << QByteArray("com..Create") << false << false << false << true;
}

void tst_Uri::isValidUri()
{
    QFETCH(QByteArray, uri);
    QFETCH(bool, strict);
    QFETCH(bool, loose);
    QFETCH(bool, strictPattern);
    QFETCH(bool, loosePattern);

    QCOMPARE(wamp::isValidUri(uri, UriCheck::Strict), strict);
    QCOMPARE(wamp::isValidUri(uri, UriCheck::Loose), loose);
    QCOMPARE(wamp::isValidUri(uri, UriCheck::Strict, true), strictPattern);
    QCOMPARE(wamp::isValidUri(uri, UriCheck::Loose, true), loosePattern);
}

QTEST_APPLESS_MAIN(tst_Uri)
#include "tst_uri.moc"
