#pragma once

#include "config/realmconfig.h"

#include <QByteArrayView>
#include <QHash>

namespace wamp {

enum class Action { Call, Register, Publish, Subscribe };

/*!
 * Decides what a role may do on a URI, from a realm's static permissions (Crossbar's rules): the permission
 * that applies is the exact match if there is one, else the longest matching prefix, else a matching wildcard
 * pattern (most literal components first); no applicable permission means not allowed. A realm without roles
 * allows everything.
 */
class Authorizer {
public:
    explicit Authorizer(const QList<RoleConfig>& roles);

    bool enforces() const { return !m_roles.isEmpty(); }
    bool hasRole(const QString& role) const { return !enforces() || m_roles.contains(role); }
    bool allows(const QString& role, Action action, QByteArrayView uri) const;
    //! The permission that applies to \a uri for \a role, or nullptr.
    const Permission* permissionFor(const QString& role, QByteArrayView uri) const;

    static const char* actionName(Action action);

private:
    //! A permission with its pattern in UTF-8, prepared once: checks run on every call and publication.
    struct Rule {
        QByteArray pattern;
        Permission permission;
    };

    QHash<QString, QList<Rule>> m_roles;
};

} // namespace wamp
