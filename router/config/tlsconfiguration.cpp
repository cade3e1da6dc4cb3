#include "tlsconfiguration.h"

#include <QFile>
#include <QSslCipher>
#include <QSslKey>

namespace wamp {

namespace {

bool readFile(const QString& path, const char* what, QByteArray* contents, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read TLS %1 %2: %3")
                     .arg(QLatin1StringView(what), path, file.errorString());
        return false;
    }
    *contents = file.readAll();
    return true;
}

} // namespace

bool makeServerTlsConfiguration(const TlsOptions& options, QSslConfiguration* configuration, QString* error)
{
    QByteArray pem;
    if (!readFile(options.certificate, "certificate", &pem, error))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("TLS certificate %1 holds no PEM certificate").arg(options.certificate);
        return false;
    }
    if (!readFile(options.key, "key", &pem, error))
        return false;
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("TLS key %1 holds no unencrypted PEM private key (RSA, EC or DSA)")
                     .arg(options.key);
        return false;
    }
    // Qt cannot derive the public half of a private key, so compare what it can: algorithm and size.
    const QSslKey publicKey = chain.first().publicKey();
    if (publicKey.algorithm() != key.algorithm() || publicKey.length() != key.length()) {
        *error =
            QStringLiteral("TLS key %1 does not match certificate %2").arg(options.key, options.certificate);
        return false;
    }

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!options.caCertificates.isEmpty()) {
        QList<QSslCertificate> authorities;
        for (const QString& path : options.caCertificates) {
            if (!readFile(path, "CA certificate", &pem, error))
                return false;
            const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
            if (certificates.isEmpty()) {
                *error = QStringLiteral("TLS CA certificate %1 holds no PEM certificate").arg(path);
                return false;
            }
            authorities += certificates;
        }
        tls.setCaCertificates(authorities);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer); // clients must present a certificate these signed
    }
    if (!options.ciphers.isEmpty()) {
        tls.setCiphers(options.ciphers);
        if (tls.ciphers().isEmpty()) {
            *error =
                QStringLiteral("TLS ciphers '%1' name no cipher this OpenSSL supports").arg(options.ciphers);
            return false;
        }
    }
    *configuration = tls;
    return true;
}

} // namespace wamp
