#pragma once

#include "configsource.h"
#include "realmconfig.h"
#include "transportconfig.h"

#include <QList>

namespace wamp {

//! The router worker's configuration: realms and listening transports.
struct RouterConfig {
    QList<RealmConfig> realms;
    QList<TransportConfig> transports;
    //! The document read, for ConfigWriter; not compared (see DocumentSource).
    DocumentSource source{};

    friend bool operator==(const RouterConfig&, const RouterConfig&) = default;
};

} // namespace wamp
