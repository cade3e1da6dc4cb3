#include "subscriptionmodel.h"

#include "sessionids.h"

#include <QLocale>

using namespace wamp;

namespace {

bool isNumeric(int column)
{
    return column == SubscriptionModel::SubscriberCountColumn ||
           column >= SubscriptionModel::PublicationsColumn;
}

} // namespace

SubscriptionModel::SubscriptionModel(QObject* parent)
    : KeyedTableModel(parent)
{}

int SubscriptionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubscriptionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SubscriptionInfo& subscription = rowAt(index.row());
    const int column = index.column();
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SubscriberCountColumn:
            return locale.toString(qlonglong(subscription.subscriberIds.size()));
        case SubscribersColumn:
            return joinSessionIds(subscription.subscriberIds);
        case PublicationsColumn:
            return locale.toString(subscription.publicationCount);
        case EventsColumn:
            return locale.toString(subscription.eventCount);
        case IdColumn:
            return QString::number(subscription.id);
        default:
            return sortData(subscription, column);
        }
    case Qt::ToolTipRole:
        // The cells most likely to be cut short.
        if (column == TopicColumn || column == SubscribersColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case SortRole:
        return sortData(subscription, column);
    default:
        return {};
    }
}

QVariant SubscriptionModel::sortData(const SubscriptionInfo& subscription, int column)
{
    switch (column) {
    case RealmColumn:
        return subscription.realm;
    case TopicColumn:
        return subscription.topic;
    case MatchColumn:
        return subscription.match;
    case SubscriberCountColumn:
        return qlonglong(subscription.subscriberIds.size());
    case SubscribersColumn:
        return joinSessionIds(subscription.subscriberIds);
    case PublicationsColumn:
        return QVariant::fromValue(subscription.publicationCount);
    case EventsColumn:
        return QVariant::fromValue(subscription.eventCount);
    case IdColumn:
        return QVariant::fromValue(subscription.id);
    default:
        return {};
    }
}

QVariant SubscriptionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == PublicationsColumn)
            return tr("PUBLISH messages to the topic");
        if (section == EventsColumn)
            return tr("EVENT messages delivered to subscribers");
        return {};
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (section) {
    case RealmColumn:
        return tr("Realm");
    case TopicColumn:
        return tr("Topic");
    case MatchColumn:
        return tr("Match");
    case SubscriberCountColumn:
        return tr("Subscribers");
    case SubscribersColumn:
        return tr("Subscriber sessions");
    case PublicationsColumn:
        return tr("Publications");
    case EventsColumn:
        return tr("Events");
    case IdColumn:
        return tr("Subscription");
    default:
        return {};
    }
}

void SubscriptionModel::applySnapshot(const RouterSnapshot& snapshot)
{
    sync(snapshot.subscriptions);
}
