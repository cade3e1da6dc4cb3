#pragma once

#include <QWidget>

class FilteredTable;
class RouterController;
class SubscriptionModel;

//! The Subscriptions tab: every topic subscribed on the router, live, sortable and filterable.
class SubscriptionsView : public QWidget {
    Q_OBJECT

public:
    explicit SubscriptionsView(RouterController& controller, QWidget* parent = nullptr);

    SubscriptionModel* model() const { return m_model; }
    FilteredTable* table() const { return m_table; }

private:
    SubscriptionModel* m_model;
    FilteredTable* m_table;
};
