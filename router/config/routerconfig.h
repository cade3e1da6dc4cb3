#pragma once

#include "realmconfig.h"
#include "transportconfig.h"

#include <QList>

namespace wamp {

//! The router worker's configuration: realms and listening transports.
struct RouterConfig {
    QList<RealmConfig> realms;
    QList<TransportConfig> transports;
};

} // namespace wamp
