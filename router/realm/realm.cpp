#include "realm.h"

#include "session/session.h"
#include "wamp/errors.h"

namespace wamp {

Realm::Realm(RealmConfig config, ScopeIdGenerator& ids)
    : m_config(std::move(config))
    , m_authorizer(m_config.roles)
    , m_broker(m_config.uriCheck, ids)
    , m_dealer(m_config.uriCheck, ids)
{}

void Realm::reconfigure(const RealmConfig& config)
{
    m_config = config;
    m_authorizer = Authorizer(m_config.roles);
    m_broker.setUriCheck(m_config.uriCheck);
    m_dealer.setUriCheck(m_config.uriCheck);
}

Value Realm::routerRoles() const
{
    return DictBuilder()
        .add("broker", DictBuilder().add("features", Broker::features()).build())
        .add("dealer", DictBuilder().add("features", Dealer::features()).build())
        .build();
}

void Realm::join(Session& session)
{
    m_sessions.insert(session.id(), &session);
}

void Realm::leave(Session& session)
{
    m_sessions.remove(session.id());
    m_broker.removeSession(session);
    m_dealer.removeSession(session);
}

bool Realm::authorize(Session& session, const Message& message, Action action)
{
    if (m_authorizer.allows(session.info().authrole, action, message.uri))
        return true;
    // The spec answers an unacknowledged PUBLISH with nothing, even on error.
    if (action != Action::Publish || message.details["acknowledge"].toBool())
        session.sendError(message.type, message.requestId, uris::kNotAuthorized,
                          QStringLiteral("role '%1' is not allowed to %2 '%3' on realm '%4'")
                              .arg(session.info().authrole, QLatin1StringView(Authorizer::actionName(action)),
                                   message.uriString(), m_config.name));
    return false;
}

void Realm::dispatch(Session& session, const Message& message)
{
    switch (message.type) {
    // [SUBSCRIBE, Request|id, Options|dict, Topic|uri]
    case MessageType::Subscribe:
        if (authorize(session, message, Action::Subscribe))
            m_broker.subscribe(session, message);
        return;
    // [UNSUBSCRIBE, Request|id, SUBSCRIBED.Subscription|id]
    case MessageType::Unsubscribe:
        m_broker.unsubscribe(session, message);
        return;
    // [PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list, ArgumentsKw|dict]
    case MessageType::Publish:
        if (authorize(session, message, Action::Publish))
            m_broker.publish(session, message);
        return;
    // [REGISTER, Request|id, Options|dict, Procedure|uri]
    case MessageType::Register:
        if (authorize(session, message, Action::Register))
            m_dealer.registerProcedure(session, message);
        return;
    // [UNREGISTER, Request|id, REGISTERED.Registration|id]
    case MessageType::Unregister:
        m_dealer.unregisterProcedure(session, message);
        return;
    // [CALL, Request|id, Options|dict, Procedure|uri, Arguments|list, ArgumentsKw|dict]
    case MessageType::Call:
        if (authorize(session, message, Action::Call))
            m_dealer.call(session, message);
        return;
    // [YIELD, INVOCATION.Request|id, Options|dict, Arguments|list, ArgumentsKw|dict]
    case MessageType::Yield:
        m_dealer.yield(session, message);
        return;
    // [ERROR, INVOCATION, INVOCATION.Request|id, Details|dict, Error|uri, Arguments|list, ArgumentsKw|dict]
    case MessageType::Error:
        if (message.requestType == MessageType::Invocation) {
            m_dealer.invocationError(session, message);
            return;
        }
        session.protocolViolation(QStringLiteral("a client may only send ERROR for an INVOCATION, not for %1")
                                      .arg(QLatin1StringView(messageTypeName(message.requestType))));
        return;
    // [CANCEL, CALL.Request|id, Options|dict]: call canceling is not announced in WELCOME.
    case MessageType::Cancel:
        session.protocolViolation(QStringLiteral("CANCEL is not supported: the dealer does not announce "
                                                 "call_canceling"));
        return;
    default:
        session.protocolViolation(
            QStringLiteral("unexpected %1 in an established session").arg(message.typeName()));
        return;
    }
}

} // namespace wamp
