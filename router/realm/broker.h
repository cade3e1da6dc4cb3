#pragma once

#include "subscriptioninfo.h"
#include "wamp/ids.h"
#include "wamp/message.h"
#include "wamp/uri.h"

#include <QByteArray>
#include <QHash>

#include <memory>
#include <vector>

namespace wamp {

class Session;

/*!
 * Publish & subscribe of one realm (exact topic matching).
 *
 * All sessions subscribed to a topic share one subscription id. A publication is encoded at most once per
 * serializer among the receivers, and the same bytes go to each of them.
 */
class Broker {
public:
    //! \a ids is the router-scope generator shared by all realms, so an id names one subscription
    //! router-wide.
    Broker(UriCheck uriCheck, ScopeIdGenerator& ids)
        : m_uriCheck(uriCheck)
        , m_ids(ids)
    {}

    void subscribe(Session& session, const Message& subscribe);
    void unsubscribe(Session& session, const Message& unsubscribe);
    void publish(Session& publisher, const Message& publish);
    //! Drops every subscription of a session that leaves.
    void removeSession(Session& session);

    void setUriCheck(UriCheck check) { m_uriCheck = check; }

    //! The broker's `features` for WELCOME.
    static Value features();

    qsizetype subscriptionCount() const { return m_byId.size(); }
    //! Every subscription with its subscribers and counters, for the inspector (not on the routing path).
    QList<SubscriptionInfo> subscriptions(const QString& realm) const;

private:
    struct Subscription {
        quint64 id = 0;
        QByteArray topic;
        std::vector<Session*> subscribers;
        quint64 publicationCount = 0;
        quint64 eventCount = 0;
    };

    void removeSubscriber(Subscription& subscription, Session& session);

    UriCheck m_uriCheck;
    ScopeIdGenerator& m_ids;
    QHash<QByteArray, Subscription*> m_byTopic;
    QHash<quint64, std::shared_ptr<Subscription>> m_byId;
    QHash<Session*, std::vector<quint64>> m_bySession;
};

} // namespace wamp
