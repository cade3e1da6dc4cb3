#pragma once

#include "configsource.h"
#include "wamp/uri.h"

#include <QList>
#include <QString>

namespace wamp {

//! How a permission's `uri` is matched (Crossbar's `match`).
enum class MatchPolicy { Exact, Prefix, Wildcard };

//! One entry of a role's `permissions` (Crossbar format).
struct Permission {
    QString uri;
    MatchPolicy match = MatchPolicy::Exact;
    bool allowCall = false;
    bool allowRegister = false;
    bool allowPublish = false;
    bool allowSubscribe = false;
    //! Crossbar's `disclose`: reveal the caller to callees / the publisher to subscribers.
    bool discloseCaller = false;
    bool disclosePublisher = false;
    //! Crossbar's `cache`; kept for round trips (decisions are always computed here).
    bool cache = true;
    //! The JSON read; not compared (see ConfigSource).
    ConfigSource source{};

    friend bool operator==(const Permission&, const Permission&) = default;
};

//! A role of a realm (Crossbar's `roles[]` with static `permissions`).
struct RoleConfig {
    QString name;
    QList<Permission> permissions;
    //! The JSON read; not compared (see ConfigSource).
    ConfigSource source{};

    friend bool operator==(const RoleConfig&, const RoleConfig&) = default;
};

//! One realm of a router worker (Crossbar's `realms[]`).
struct RealmConfig {
    QString name;
    //! Crossbar's `options.uri_check`.
    UriCheck uriCheck = UriCheck::Strict;
    /*!
     * The realm's roles. When empty, the realm does not authorize: every session may do everything (handy
     * for development; the loader warns). When set, a session whose authrole is not listed is refused with
     * wamp.error.no_such_role and every call, register, publish and subscribe is checked.
     */
    QList<RoleConfig> roles;
    //! The JSON read; not compared (see ConfigSource).
    ConfigSource source{};

    friend bool operator==(const RealmConfig&, const RealmConfig&) = default;
};

} // namespace wamp
