#pragma once

#include "config/routerconfig.h"

/*!
 * The structural edits of the configuration editor (add, duplicate), kept apart from the widgets so that
 * they are easy to test: new elements get ids, names and ports no other element has.
 */
class ConfigEdits {
public:
    //! A new transport of \a type in the shape Crossbar's documentation shows, with a fresh id and port.
    static wamp::TransportConfig newTransport(wamp::TransportType type, const wamp::RouterConfig& config);
    //! A copy of transport \a index (every key of its source kept) with a fresh id and, for TCP, port.
    static wamp::TransportConfig duplicateTransport(const wamp::RouterConfig& config, int index);
    //! A new realm with one role allowed everything, as the embedded default configuration has.
    static wamp::RealmConfig newRealm(const wamp::RouterConfig& config);
    //! A copy of realm \a index with a fresh name.
    static wamp::RealmConfig duplicateRealm(const wamp::RouterConfig& config, int index);
    //! A new role of \a realm, with no permissions yet.
    static wamp::RoleConfig newRole(const wamp::RealmConfig& realm);
    //! A permission for every URI (prefix ""), allowed nothing yet.
    static wamp::Permission newPermission();

    //! \a base, or \a base followed by the first number that makes it unique among \a taken.
    static QString uniqueName(const QString& base, const QStringList& taken);
};
