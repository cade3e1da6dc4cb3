#include "sessionmodel.h"

#include <QDate>
#include <QLocale>

using namespace wamp;

namespace {

bool isNumeric(int column)
{
    return column == SessionModel::IdColumn || column >= SessionModel::MessagesInColumn;
}

} // namespace

SessionModel::SessionModel(QObject* parent)
    : KeyedTableModel(parent)
{}

int SessionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionInfo& session = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(session, index.column());
    case Qt::ToolTipRole:
        if (index.column() == BytesInColumn || index.column() == BytesOutColumn)
            return tr("%1 bytes").arg(QLocale().toString(sortData(session, index.column()).toULongLong()));
        if (index.column() == JoinedColumn)
            return QLocale().toString(session.joinedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::TextAlignmentRole:
        return isNumeric(index.column()) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case SortRole:
        return sortData(session, index.column());
    case SessionIdRole:
        return QVariant::fromValue(session.id);
    default:
        return {};
    }
}

QVariant SessionModel::displayData(const SessionInfo& session, int column) const
{
    const QLocale locale;
    switch (column) {
    case IdColumn:
        return QString::number(session.id);
    case RealmColumn:
        return session.realm;
    case AuthidColumn:
        return session.authid;
    case AuthroleColumn:
        return session.authrole;
    case TransportColumn:
        // Transports are often named after their type ("websocket"): say it once.
        return session.transportId == session.transportType
                   ? session.transportId
                   : tr("%1 (%2)").arg(session.transportId, session.transportType);
    case SerializerColumn:
        return session.serializer;
    case PeerColumn:
        return session.peerAddress;
    case JoinedColumn: {
        // Today's sessions need only the time; the tool tip has the full date either way.
        const QDateTime joined = session.joinedAt.toLocalTime();
        return joined.toString(joined.date() == QDate::currentDate() ? QStringLiteral("HH:mm:ss")
                                                                     : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    case MessagesInColumn:
        return locale.toString(session.messagesIn);
    case MessagesOutColumn:
        return locale.toString(session.messagesOut);
    case BytesInColumn:
        return locale.formattedDataSize(qint64(session.bytesIn));
    case BytesOutColumn:
        return locale.formattedDataSize(qint64(session.bytesOut));
    case SubscriptionsColumn:
        return locale.toString(session.subscriptionCount);
    case RegistrationsColumn:
        return locale.toString(session.registrationCount);
    default:
        return {};
    }
}

QVariant SessionModel::sortData(const SessionInfo& session, int column)
{
    switch (column) {
    case IdColumn:
        return QVariant::fromValue(session.id);
    case RealmColumn:
        return session.realm;
    case AuthidColumn:
        return session.authid;
    case AuthroleColumn:
        return session.authrole;
    case TransportColumn:
        return session.transportId;
    case SerializerColumn:
        return session.serializer;
    case PeerColumn:
        return session.peerAddress;
    case JoinedColumn:
        return session.joinedAt;
    case MessagesInColumn:
        return QVariant::fromValue(session.messagesIn);
    case MessagesOutColumn:
        return QVariant::fromValue(session.messagesOut);
    case BytesInColumn:
        return QVariant::fromValue(session.bytesIn);
    case BytesOutColumn:
        return QVariant::fromValue(session.bytesOut);
    case SubscriptionsColumn:
        return session.subscriptionCount;
    case RegistrationsColumn:
        return session.registrationCount;
    default:
        return {};
    }
}

QVariant SessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole)
        return headerToolTip(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Session");
    case RealmColumn:
        return tr("Realm");
    case AuthidColumn:
        return tr("Auth ID");
    case AuthroleColumn:
        return tr("Auth role");
    case TransportColumn:
        return tr("Transport");
    case SerializerColumn:
        return tr("Serializer");
    case PeerColumn:
        return tr("Peer address");
    case JoinedColumn:
        return tr("Joined at");
    case MessagesInColumn:
        return tr("Msgs in");
    case MessagesOutColumn:
        return tr("Msgs out");
    case BytesInColumn:
        return tr("Bytes in");
    case BytesOutColumn:
        return tr("Bytes out");
    case SubscriptionsColumn:
        return tr("Subs");
    case RegistrationsColumn:
        return tr("Regs");
    default:
        return {};
    }
}

QVariant SessionModel::headerToolTip(int section) const
{
    switch (section) {
    case JoinedColumn:
        return tr("When the session joined its realm (local time)");
    case MessagesInColumn:
        return tr("WAMP messages received from the session's connection");
    case MessagesOutColumn:
        return tr("WAMP messages sent to the session's connection");
    case BytesInColumn:
        return tr("Bytes received, as encoded on the wire");
    case BytesOutColumn:
        return tr("Bytes sent, as encoded on the wire");
    case SubscriptionsColumn:
        return tr("Subscriptions the session holds");
    case RegistrationsColumn:
        return tr("Procedures the session has registered");
    default:
        return {};
    }
}

void SessionModel::addSession(const SessionInfo& info)
{
    upsert(info);
}

void SessionModel::removeSession(const SessionInfo& info)
{
    remove(info.id);
}

void SessionModel::applySnapshot(const RouterSnapshot& snapshot)
{
    sync(snapshot.sessions);
}
