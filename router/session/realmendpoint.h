#pragma once

#include "wamp/message.h"
#include "wamp/uri.h"

#include <QByteArrayView>
#include <QString>

namespace wamp {

class Session;

/*!
 * What a session needs from the realm it joined. The realm (broker and dealer) implements it, so the session
 * layer does not depend on routing code.
 */
class RealmEndpoint {
public:
    virtual ~RealmEndpoint() = default;

    virtual QString name() const = 0;
    virtual UriCheck uriCheck() const = 0;
    //! False when the realm authorizes by roles and \a role is not one of them.
    virtual bool hasRole(const QString& role) const = 0;
    //! The `roles` dict announced in WELCOME: exactly the features implemented.
    virtual Value routerRoles() const = 0;
    virtual void join(Session& session) = 0;
    //! Removes every trace of the session (subscriptions, registrations, calls in flight).
    virtual void leave(Session& session) = 0;
    //! Routes one message of an established session (never HELLO, GOODBYE or ABORT).
    virtual void dispatch(Session& session, const Message& message) = 0;
};

//! Finds realms by name and hands out session ids that are unique on the router.
class RealmDirectory {
public:
    virtual ~RealmDirectory() = default;

    virtual RealmEndpoint* findRealm(QByteArrayView name) = 0;
    virtual quint64 newSessionId() = 0;
};

} // namespace wamp
