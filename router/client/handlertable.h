#pragma once

#include "clienttypes.h"
#include "invocationresponder.h"

#include <QHash>

#include <memory>
#include <vector>

namespace wamp {

/*!
 * The client side of routing: a session's registrations (procedure handlers by registration id) and
 * subscriptions (event handlers by subscription id).
 *
 * Handlers are held through shared pointers, so one may unsubscribe, unregister or end the session while it
 * runs. A subscription is muted as soon as the client asks to unsubscribe (its handlers get no further
 * event) and removed once the router has answered.
 */
class HandlerTable {
public:
    struct Registration {
        QByteArray procedure;
        ProcedureHandler handler;
        DeferredProcedureHandler deferredHandler;
    };

    void addRegistration(quint64 registrationId, Registration registration);
    void removeRegistration(quint64 registrationId) { m_registrations.remove(registrationId); }
    //! The registration, or nullptr when this session holds none with that id.
    std::shared_ptr<const Registration> registration(quint64 registrationId) const
    {
        return m_registrations.value(registrationId);
    }

    /*!
     * Adds \a handler to the subscription \a subscriptionId: the router gives a session one subscription
     * per topic, so subscribing twice adds a second handler to the same id.
     */
    void addSubscription(quint64 subscriptionId, const QByteArray& topic, EventHandler handler);
    //! Stops delivering the subscription's events (an UNSUBSCRIBE is on its way).
    void muteSubscription(quint64 subscriptionId);
    //! Forgets the subscription if it is muted (the router answered the UNSUBSCRIBE).
    void removeMutedSubscription(quint64 subscriptionId);
    /*!
     * Calls the subscription's handlers with \a event. False when this session holds no such subscription;
     * events of a muted subscription are dropped (true).
     */
    bool deliver(const Event& event) const;

    //! Forgets everything; handlers running now get no further event.
    void clear();

private:
    struct Subscription {
        QByteArray topic;
        std::vector<EventHandler> handlers;
        bool active = true;
    };

    QHash<quint64, std::shared_ptr<const Registration>> m_registrations;
    QHash<quint64, std::shared_ptr<Subscription>> m_subscriptions;
};

} // namespace wamp
