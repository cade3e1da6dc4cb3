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
    for (const RoleConfig& role : roles) {
        QList<Rule>& rules = m_roles[role.name];
        for (const Permission& permission : role.permissions)
            rules.append(Rule{permission.uri.toUtf8(), permission});
    }
}

const Permission* Authorizer::permissionFor(const QString& role, QByteArrayView uri) const
{
    const auto it = m_roles.constFind(role);
    if (it == m_roles.cend())
        return nullptr;
    const Rule* prefix = nullptr;
    const Permission* wildcard = nullptr;
    int wildcardBest = -1;
    for (const Rule& rule : *it) {
        switch (rule.permission.match) {
        case MatchPolicy::Exact:
            if (rule.pattern == uri)
                return &rule.permission;
            break;
        case MatchPolicy::Prefix:
            if (uri.startsWith(rule.pattern) && (!prefix || rule.pattern.size() > prefix->pattern.size()))
                prefix = &rule;
            break;
        case MatchPolicy::Wildcard:
            if (const int score = wildcardScore(rule.pattern, uri); score > wildcardBest) {
                wildcardBest = score;
                wildcard = &rule.permission;
            }
            break;
        }
    }
    return prefix ? &prefix->permission : wildcard;
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
