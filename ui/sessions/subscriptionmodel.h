#pragma once

#include "keyedtablemodel.h"

#include "core/routersnapshot.h"
#include "realm/subscriptioninfo.h"

//! The router's subscriptions over all realms, refreshed in place from each RouterSnapshot.
class SubscriptionModel : public KeyedTableModel<wamp::SubscriptionInfo> {
    Q_OBJECT

public:
    enum Column {
        RealmColumn,
        TopicColumn,
        MatchColumn,
        SubscriberCountColumn,
        SubscribersColumn,
        PublicationsColumn,
        EventsColumn,
        IdColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
    };

    explicit SubscriptionModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applySnapshot(const wamp::RouterSnapshot& snapshot);

private:
    static QVariant sortData(const wamp::SubscriptionInfo& subscription, int column);
};
