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
    //! Messages and bytes (as on the wire) of the connection, HELLO and WELCOME included.
    quint64 messagesIn = 0;
    quint64 messagesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    //! Filled in by Router::snapshot() (zero elsewhere): the session's subscriptions and registrations.
    int subscriptionCount = 0;
    int registrationCount = 0;

    friend bool operator==(const SessionInfo&, const SessionInfo&) = default;
};

} // namespace wamp

Q_DECLARE_METATYPE(wamp::SessionInfo)
