#include "configedits.h"

#include <QSet>

using namespace wamp;

namespace {

QStringList transportIds(const RouterConfig& config)
{
    QStringList ids;
    for (const TransportConfig& transport : config.transports)
        ids << transport.id;
    return ids;
}

// The first port from \a start that no TCP transport of \a config uses.
quint16 freePort(const RouterConfig& config, quint16 start)
{
    QSet<quint16> used;
    for (const TransportConfig& transport : config.transports) {
        if (transport.endpoint.type == Endpoint::Type::Tcp)
            used.insert(transport.endpoint.port);
    }
    quint16 port = start;
    while (used.contains(port) && port < 65535)
        ++port;
    return port;
}

} // namespace

QString ConfigEdits::uniqueName(const QString& base, const QStringList& taken)
{
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString name = base + QString::number(n);
        if (!taken.contains(name))
            return name;
    }
}

TransportConfig ConfigEdits::newTransport(TransportType type, const RouterConfig& config)
{
    TransportConfig transport;
    transport.type = type;
    // Crossbar numbers transports without an id by their position: start from this one's.
    const QStringList ids = transportIds(config);
    for (qsizetype n = config.transports.size() + 1;; ++n) {
        transport.id = QStringLiteral("transport%1").arg(n);
        if (!ids.contains(transport.id))
            break;
    }
    transport.endpoint.type = Endpoint::Type::Tcp;
    transport.endpoint.port = freePort(config, type == TransportType::RawSocket ? 8081 : 8080);
    if (type != TransportType::RawSocket)
        transport.url = QStringLiteral("ws://localhost:%1/ws").arg(transport.endpoint.port);
    return transport;
}

TransportConfig ConfigEdits::duplicateTransport(const RouterConfig& config, int index)
{
    TransportConfig copy = config.transports.value(index);
    copy.id = uniqueName(copy.id + QStringLiteral("-copy"), transportIds(config));
    if (copy.endpoint.type == Endpoint::Type::Tcp)
        copy.endpoint.port = freePort(config, copy.endpoint.port);
    else
        copy.endpoint.path += QStringLiteral("-copy");
    return copy;
}

RealmConfig ConfigEdits::newRealm(const RouterConfig& config)
{
    QStringList names;
    for (const RealmConfig& existing : config.realms)
        names << existing.name;
    RealmConfig realm;
    realm.name = uniqueName(QStringLiteral("realm"), names);
    RoleConfig anonymous;
    anonymous.name = QStringLiteral("anonymous");
    Permission everything = newPermission();
    everything.allowCall = everything.allowRegister = everything.allowPublish = everything.allowSubscribe =
        true;
    anonymous.permissions = {everything};
    realm.roles = {anonymous};
    return realm;
}

RealmConfig ConfigEdits::duplicateRealm(const RouterConfig& config, int index)
{
    QStringList names;
    for (const RealmConfig& realm : config.realms)
        names << realm.name;
    RealmConfig copy = config.realms.value(index);
    copy.name = uniqueName(copy.name + QStringLiteral("-copy"), names);
    return copy;
}

RoleConfig ConfigEdits::newRole(const RealmConfig& realm)
{
    QStringList names;
    for (const RoleConfig& role : realm.roles)
        names << role.name;
    RoleConfig role;
    role.name = uniqueName(QStringLiteral("role"), names);
    return role;
}

Permission ConfigEdits::newPermission()
{
    Permission permission;
    permission.match = MatchPolicy::Prefix;
    return permission;
}
