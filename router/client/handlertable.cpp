#include "handlertable.h"

namespace wamp {

void HandlerTable::addRegistration(quint64 registrationId, Registration registration)
{
    m_registrations.insert(registrationId, std::make_shared<const Registration>(std::move(registration)));
}

void HandlerTable::addSubscription(quint64 subscriptionId, const QByteArray& topic, EventHandler handler)
{
    std::shared_ptr<Subscription>& subscription = m_subscriptions[subscriptionId];
    // A muted one is on its way out: the new handler starts a fresh subscription.
    if (!subscription || !subscription->active)
        subscription = std::make_shared<Subscription>();
    subscription->topic = topic;
    subscription->handlers.push_back(std::move(handler));
}

void HandlerTable::muteSubscription(quint64 subscriptionId)
{
    if (const std::shared_ptr<Subscription> subscription = m_subscriptions.value(subscriptionId))
        subscription->active = false;
}

void HandlerTable::removeMutedSubscription(quint64 subscriptionId)
{
    const auto it = m_subscriptions.constFind(subscriptionId);
    if (it != m_subscriptions.cend() && !(*it)->active)
        m_subscriptions.erase(it);
}

bool HandlerTable::deliver(const Event& event) const
{
    const auto it = m_subscriptions.constFind(event.subscriptionId);
    if (it == m_subscriptions.cend())
        return false;
    // Held here: a handler may unsubscribe, or end the session, while it runs.
    const std::shared_ptr<Subscription> subscription = *it;
    for (std::size_t i = 0; i < subscription->handlers.size() && subscription->active; ++i) {
        if (subscription->handlers[i])
            subscription->handlers[i](event);
    }
    return true;
}

void HandlerTable::clear()
{
    for (const std::shared_ptr<Subscription>& subscription : std::as_const(m_subscriptions))
        subscription->active = false;
    m_subscriptions.clear();
    m_registrations.clear();
}

} // namespace wamp
