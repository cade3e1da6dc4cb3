#pragma once

#include "authorizer.h"
#include "broker.h"
#include "config/realmconfig.h"
#include "dealer.h"
#include "session/realmendpoint.h"

#include <QHash>

namespace wamp {

/*!
 * A routing realm: its sessions, its broker and its dealer. dispatch() is the one switch that sends each
 * message type of an established session to the broker or the dealer.
 */
class Realm final : public RealmEndpoint {
public:
    Realm(RealmConfig config, ScopeIdGenerator& ids);

    QString name() const override { return m_config.name; }
    UriCheck uriCheck() const override { return m_config.uriCheck; }
    bool hasRole(const QString& role) const override { return m_authorizer.hasRole(role); }
    Value routerRoles() const override;
    void join(Session& session) override;
    void leave(Session& session) override;
    void dispatch(Session& session, const Message& message) override;

    const RealmConfig& config() const { return m_config; }
    //! Takes new roles and URI rules; subscriptions and registrations stay.
    void reconfigure(const RealmConfig& config);

    qsizetype sessionCount() const { return m_sessions.size(); }
    const Broker& broker() const { return m_broker; }
    const Dealer& dealer() const { return m_dealer; }

private:
    //! Answers a request the session's role may not make; returns false then.
    bool authorize(Session& session, const Message& message, Action action);

    RealmConfig m_config;
    Authorizer m_authorizer;
    Broker m_broker;
    Dealer m_dealer;
    QHash<quint64, Session*> m_sessions;
};

} // namespace wamp
