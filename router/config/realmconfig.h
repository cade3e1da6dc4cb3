#pragma once

#include "wamp/uri.h"

#include <QString>

namespace wamp {

//! One realm of a router worker (Crossbar's `realms[]`).
struct RealmConfig {
    QString name;
    //! Crossbar's `options.uri_check`.
    UriCheck uriCheck = UriCheck::Strict;
    //! Role given to anonymous sessions.
    QString anonymousRole = QStringLiteral("anonymous");
};

} // namespace wamp
