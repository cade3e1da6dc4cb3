#include "subscriptionsview.h"

#include "core/routercontroller.h"
#include "filteredtable.h"
#include "subscriptionmodel.h"

#include <QTableView>
#include <QVBoxLayout>

SubscriptionsView::SubscriptionsView(RouterController& controller, QWidget* parent)
    : QWidget(parent)
    , m_model(new SubscriptionModel(this))
    , m_table(new FilteredTable(m_model, SubscriptionModel::SortRole))
{
    m_table->view()->setObjectName(QStringLiteral("subscriptions"));
    m_table->setStretchColumn(SubscriptionModel::TopicColumn);
    m_table->view()->sortByColumn(SubscriptionModel::TopicColumn, Qt::AscendingOrder);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    connect(&controller, &RouterController::snapshotUpdated, m_model, &SubscriptionModel::applySnapshot);
}
