#include "broker.h"

#include "session/session.h"
#include "wamp/errors.h"
#include "wamp/ids.h"

#include <algorithm>
#include <array>

namespace wamp {

Value Broker::features()
{
    return DictBuilder().add("publisher_exclusion", Value(true)).build();
}

void Broker::subscribe(Session& session, const Message& subscribe)
{
    const Value& match = subscribe.details["match"];
    if (!match.isNull() && match.bytes() != "exact") {
        session.sendError(
            MessageType::Subscribe, subscribe.requestId, uris::kInvalidArgument,
            QStringLiteral("match policy '%1' is not supported (only exact)").arg(match.toString()));
        return;
    }
    if (!isValidUri(subscribe.uri, m_uriCheck)) {
        session.sendError(MessageType::Subscribe, subscribe.requestId, uris::kInvalidUri,
                          QStringLiteral("'%1' is not a valid topic URI").arg(subscribe.uriString()));
        return;
    }
    Subscription* subscription = m_byTopic.value(subscribe.uri);
    if (!subscription) {
        auto created = std::make_shared<Subscription>();
        created->id = m_ids.next();
        created->topic = subscribe.uri;
        subscription = created.get();
        m_byId.insert(created->id, std::move(created));
        m_byTopic.insert(subscribe.uri, subscription);
    }
    auto& subscribers = subscription->subscribers;
    if (std::find(subscribers.begin(), subscribers.end(), &session) == subscribers.end()) {
        subscribers.push_back(&session);
        m_bySession[&session].push_back(subscription->id);
    }
    Message reply;
    reply.type = MessageType::Subscribed;
    reply.requestId = subscribe.requestId;
    reply.subscriptionId = subscription->id;
    session.send(reply);
}

void Broker::unsubscribe(Session& session, const Message& unsubscribe)
{
    const auto it = m_byId.constFind(unsubscribe.subscriptionId);
    const bool subscribed =
        it != m_byId.cend() &&
        std::find((*it)->subscribers.begin(), (*it)->subscribers.end(), &session) != (*it)->subscribers.end();
    if (!subscribed) {
        session.sendError(
            MessageType::Unsubscribe, unsubscribe.requestId, uris::kNoSuchSubscription,
            QStringLiteral("this session has no subscription %1").arg(unsubscribe.subscriptionId));
        return;
    }
    auto& ids = m_bySession[&session];
    ids.erase(std::remove(ids.begin(), ids.end(), unsubscribe.subscriptionId), ids.end());
    if (ids.empty())
        m_bySession.remove(&session);
    removeSubscriber(**it, session);
    Message reply;
    reply.type = MessageType::Unsubscribed;
    reply.requestId = unsubscribe.requestId;
    session.send(reply);
}

void Broker::publish(Session& publisher, const Message& publish)
{
    const bool acknowledge = publish.details["acknowledge"].toBool();
    if (!isValidUri(publish.uri, m_uriCheck)) {
        // The spec answers an unacknowledged PUBLISH with nothing, even on error.
        if (acknowledge)
            publisher.sendError(MessageType::Publish, publish.requestId, uris::kInvalidUri,
                                QStringLiteral("'%1' is not a valid topic URI").arg(publish.uriString()));
        return;
    }
    const quint64 publicationId = randomGlobalId();
    if (Subscription* subscription = m_byTopic.value(publish.uri)) {
        ++subscription->publicationCount;
        const bool excludeMe = publish.details["exclude_me"].toBool(true);
        Message event;
        event.type = MessageType::Event;
        event.subscriptionId = subscription->id;
        event.publicationId = publicationId;
        event.args = publish.args;
        event.kwargs = publish.kwargs;
        // Encoded lazily, once per serializer in use among the receivers.
        std::array<QByteArray, kSerializerKindCount> encoded;
        for (Session* subscriber : subscription->subscribers) {
            if (excludeMe && subscriber == &publisher)
                continue;
            QByteArray& bytes = encoded[size_t(subscriber->serializerKind())];
            if (bytes.isNull())
                bytes = serializerFor(subscriber->serializerKind()).encodeMessage(event);
            ++subscription->eventCount;
            subscriber->sendEncoded(event, bytes, {publisher.id(), publish.requestId});
        }
    }
    if (acknowledge) {
        Message reply;
        reply.type = MessageType::Published;
        reply.requestId = publish.requestId;
        reply.publicationId = publicationId;
        publisher.send(reply);
    }
}

QList<SubscriptionInfo> Broker::subscriptions(const QString& realm) const
{
    QList<SubscriptionInfo> result;
    result.reserve(m_byId.size());
    for (const auto& subscription : m_byId) {
        SubscriptionInfo info;
        info.realm = realm;
        info.id = subscription->id;
        info.topic = QString::fromUtf8(subscription->topic);
        info.subscriberIds.reserve(qsizetype(subscription->subscribers.size()));
        for (const Session* subscriber : subscription->subscribers)
            info.subscriberIds.append(subscriber->id());
        info.publicationCount = subscription->publicationCount;
        info.eventCount = subscription->eventCount;
        result.append(std::move(info));
    }
    return result;
}

void Broker::removeSession(Session& session)
{
    const auto ids = m_bySession.take(&session);
    for (quint64 id : ids) {
        if (const auto it = m_byId.constFind(id); it != m_byId.cend())
            removeSubscriber(**it, session);
    }
}

void Broker::removeSubscriber(Subscription& subscription, Session& session)
{
    auto& subscribers = subscription.subscribers;
    subscribers.erase(std::remove(subscribers.begin(), subscribers.end(), &session), subscribers.end());
    if (subscribers.empty()) {
        m_byTopic.remove(subscription.topic);
        m_byId.remove(subscription.id); // destroys the subscription: nothing may touch it after this
    }
}

} // namespace wamp
