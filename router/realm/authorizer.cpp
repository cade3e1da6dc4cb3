#include "authorizer.h"

namespace wamp {

namespace {

// A wildcard pattern has empty components that match any one component: "com..update" matches
// "com.myapp.update". Returns the number of literal components matched, or -1 for no match.
int wildcardScore(QByteArrayView pattern, QByteArrayView uri)
{
    const QList<QByteArray> patternParts = pattern.toByteArray().split('.');
    const QList<QByteArray> uriParts = uri.toByteArray().split('.');
    if (patternParts.size() != uriParts.size())
        return -1;
    int literals = 0;
    for (qsizetype i = 0; i < patternParts.size(); ++i) {
        if (patternParts[i].isEmpty())
            continue;
        if (patternParts[i] != uriParts[i])
            return -1;
        ++literals;
    }
    return literals;
}

} // namespace

Authorizer::Authorizer(const QList<RoleConfig>& roles)
{
    for (const RoleConfig& role : roles)
        m_roles.insert(role.name, role.permissions);
}

const Permission* Authorizer::permissionFor(const QString& role, QByteArrayView uri) const
{
    const auto it = m_roles.constFind(role);
    if (it == m_roles.cend())
        return nullptr;
    const Permission* prefix = nullptr;
    const Permission* wildcard = nullptr;
    int wildcardBest = -1;
    for (const Permission& permission : *it) {
        const QByteArray pattern = permission.uri.toUtf8();
        switch (permission.match) {
        case MatchPolicy::Exact:
            if (pattern == uri)
                return &permission;
            break;
        case MatchPolicy::Prefix:
            if (uri.startsWith(pattern) && (!prefix || pattern.size() > prefix->uri.toUtf8().size()))
                prefix = &permission;
            break;
        case MatchPolicy::Wildcard:
            if (const int score = wildcardScore(pattern, uri); score > wildcardBest) {
                wildcardBest = score;
                wildcard = &permission;
            }
            break;
        }
    }
    return prefix ? prefix : wildcard;
}

bool Authorizer::allows(const QString& role, Action action, QByteArrayView uri) const
{
    if (!enforces())
        return true;
    const Permission* permission = permissionFor(role, uri);
    if (!permission)
        return false;
    switch (action) {
    case Action::Call:
        return permission->allowCall;
    case Action::Register:
        return permission->allowRegister;
    case Action::Publish:
        return permission->allowPublish;
    case Action::Subscribe:
        return permission->allowSubscribe;
    }
    return false;
}

const char* Authorizer::actionName(Action action)
{
    switch (action) {
    case Action::Call:
        return "call";
    case Action::Register:
        return "register";
    case Action::Publish:
        return "publish";
    case Action::Subscribe:
        return "subscribe";
    }
    return "?";
}

} // namespace wamp
