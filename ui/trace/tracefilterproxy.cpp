#include "tracefilterproxy.h"

#include "tracemodel.h"

TraceFilterProxy::TraceFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // Only the chain highlight changes in existing rows: no re-filtering on dataChanged.
    setDynamicSortFilter(false);
}

TraceFilter TraceFilterProxy::setFilterExpression(const QString& expression)
{
    TraceFilter filter = TraceFilter::parse(expression);
    if (filter.isValid()) {
        m_filter = filter;
        // One layout change, not invalidateRowsFilter(): that announces every run of removed or added rows
        // on its own, and the view handles each in time linear in the rows (minutes for 100,000 rows).
        invalidate();
    }
    return filter;
}

bool TraceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    TraceRowFields row;
    row.type = index.data(TraceModel::TypeRole).toInt();
    row.session = index.data(TraceModel::SessionRole).toULongLong();
    row.realm = index.data(TraceModel::RealmRole).toString();
    row.uri = index.data(TraceModel::UriRole).toByteArray();
    row.direction = wamp::TraceEntry::Direction(index.data(TraceModel::DirectionRole).toInt());
    row.transport = index.data(TraceModel::TransportRole).toString();
    return m_filter.matches(row);
}
