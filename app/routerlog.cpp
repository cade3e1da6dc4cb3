#include "routerlog.h"

#include "core/router.h"

#include <QDateTime>

#include <cstdio>

RouterLog::RouterLog(wamp::Router& router, QObject* parent)
    : QObject(parent)
{
    connect(&router, &wamp::Router::transportStarted, this, [](const QString& id, const QString& address) {
        write(QStringLiteral("transport %1 listening on %2").arg(id, address));
    });
    connect(&router, &wamp::Router::transportFailed, this, [](const QString& id, const QString& error) {
        write(QStringLiteral("transport %1 failed: %2").arg(id, error));
    });
    connect(&router, &wamp::Router::transportStopped, this,
            [](const QString& id) { write(QStringLiteral("transport %1 stopped").arg(id)); });
    connect(&router, &wamp::Router::connectionRejected, this,
            [](const QString& id, const QString& peer, const QString& reason) {
                write(QStringLiteral("transport %1 refused %2: %3")
                          .arg(id, peer.isEmpty() ? QStringLiteral("a connection") : peer, reason));
            });
    connect(&router, &wamp::Router::sessionJoined, this, [](const wamp::SessionInfo& s) {
        write(QStringLiteral("session %1 joined %2 (authid %3, authrole %4, %5/%6 from %7 via %8)")
                  .arg(QString::number(s.id), s.realm, s.authid, s.authrole, s.transportType, s.serializer,
                       s.peerAddress, s.transportId));
    });
    connect(&router, &wamp::Router::sessionLeft, this, [](const wamp::SessionInfo& s, const QString& reason) {
        write(QStringLiteral("session %1 left %2: %3").arg(QString::number(s.id), s.realm, reason));
    });
}

void RouterLog::write(const QString& line)
{
    const QByteArray text =
        QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8() + ' ' + line.toUtf8() + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}
