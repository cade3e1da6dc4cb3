#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace wamp {

//! A snapshot of one session, as logs and the inspector show it.
struct SessionInfo {
    quint64 id = 0;
    QString realm;
    QString authid;
    QString authrole;
    QString authmethod;
    QString transportId;
    QString transportType;
    QString serializer;
    QString peerAddress;
    QDateTime joinedAt;
};

} // namespace wamp

Q_DECLARE_METATYPE(wamp::SessionInfo)
