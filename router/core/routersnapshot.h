#pragma once

#include "realm/registrationinfo.h"
#include "realm/subscriptioninfo.h"
#include "session/sessioninfo.h"

#include <QList>
#include <QMetaType>

namespace wamp {

//! Everything live on a router at one moment: its sessions (with their counters), registrations and
//! subscriptions, over all realms. A plain value, so it can cross threads.
struct RouterSnapshot {
    QList<SessionInfo> sessions;
    QList<RegistrationInfo> registrations;
    QList<SubscriptionInfo> subscriptions;
};

} // namespace wamp

Q_DECLARE_METATYPE(wamp::RouterSnapshot)
