#include "tracefilterproxy.h"

#include "tracemodel.h"

#include <algorithm>

TraceFilterProxy::TraceFilterProxy(QObject* parent)
    : QAbstractProxyModel(parent)
{}

void TraceFilterProxy::setSourceModel(QAbstractItemModel* sourceModel)
{
    auto* model = qobject_cast<TraceModel*>(sourceModel);
    Q_ASSERT_X(model || !sourceModel, "TraceFilterProxy::setSourceModel", "the source must be a TraceModel");
    beginResetModel();
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_model = model;
    // Connected before QAbstractProxyModel connects its own: then this proxy's rows are up to date when
    // that one reacts to a change (Qt 6.4 announces header changes when the last row leaves).
    if (model) {
        m_connections = {
            connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                    [this](const QModelIndex&, int first, int last) {
                        sourceRowsAboutToBeInserted(first, last);
                    }),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex&, int first, int last) { sourceRowsInserted(first, last); }),
            connect(
                model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex&, int first, int last) { sourceRowsAboutToBeRemoved(first, last); }),
            connect(model, &QAbstractItemModel::rowsRemoved, this, &TraceFilterProxy::sourceRowsRemoved),
            connect(model, &QAbstractItemModel::dataChanged, this, &TraceFilterProxy::sourceDataChanged),
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                    &TraceFilterProxy::beginResetModel),
            connect(model, &QAbstractItemModel::modelReset, this, &TraceFilterProxy::endSourceReset),
            // TraceModel neither moves nor reorders rows; should it ever, start over.
            connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
                    &TraceFilterProxy::beginResetModel),
            connect(model, &QAbstractItemModel::layoutChanged, this, &TraceFilterProxy::endSourceReset),
            connect(model, &QAbstractItemModel::destroyed, this,
                    [this] {
                        // The model is half destroyed: forget it before anyone asks for rows.
                        m_model = nullptr;
                        m_serials.clear();
                        beginResetModel();
                        endResetModel();
                    }),
        };
    }
    QAbstractProxyModel::setSourceModel(model);
    rebuild();
    endResetModel();
}

TraceFilter TraceFilterProxy::setFilterExpression(const QString& expression)
{
    TraceFilter filter = TraceFilter::parse(expression);
    if (filter.isValid())
        applyFilter(filter);
    return filter;
}

void TraceFilterProxy::applyFilter(const TraceFilter& filter)
{
    // A layout change, not a reset: the selected row (a persistent index) stays selected when the new filter
    // keeps it.
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<quint64> serials;
    serials.reserve(before.size());
    for (const QModelIndex& index : before)
        serials.append(m_model->serialAt(mapToSource(index).row()));
    m_filter = filter;
    rebuild();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int sourceRow = m_model->rowOfSerial(serials[i]);
        after.append(mapFromSource(m_model->index(sourceRow, before[i].column())));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
}

QModelIndex TraceFilterProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex TraceFilterProxy::parent(const QModelIndex&) const
{
    return {};
}

QModelIndex TraceFilterProxy::sibling(int row, int column, const QModelIndex&) const
{
    return index(row, column);
}

int TraceFilterProxy::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_model)
        return 0;
    return m_filter.isEmpty() ? m_model->rowCount() : int(m_serials.size());
}

int TraceFilterProxy::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool TraceFilterProxy::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QModelIndex TraceFilterProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_model || proxyIndex.model() != this)
        return {};
    const int row =
        m_filter.isEmpty() ? proxyIndex.row() : m_model->rowOfSerial(m_serials[size_t(proxyIndex.row())]);
    return m_model->index(row, proxyIndex.column());
}

QModelIndex TraceFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid() || !m_model || sourceIndex.model() != m_model)
        return {};
    if (m_filter.isEmpty())
        return index(sourceIndex.row(), sourceIndex.column());
    const quint64 serial = m_model->serialAt(sourceIndex.row());
    const auto found = std::lower_bound(m_serials.cbegin(), m_serials.cend(), serial);
    if (found == m_serials.cend() || *found != serial)
        return {};
    return index(int(found - m_serials.cbegin()), sourceIndex.column());
}

bool TraceFilterProxy::accepts(int sourceRow) const
{
    return m_filter.matches(TraceRowFields::of(m_model->entryAt(sourceRow)));
}

std::pair<int, int> TraceFilterProxy::proxyRange(int sourceFirst, int sourceLast) const
{
    const auto first = std::lower_bound(m_serials.cbegin(), m_serials.cend(), m_model->serialAt(sourceFirst));
    const auto end = std::upper_bound(first, m_serials.cend(), m_model->serialAt(sourceLast));
    return {int(first - m_serials.cbegin()), int(end - m_serials.cbegin())};
}

void TraceFilterProxy::rebuild()
{
    m_serials.clear();
    if (!m_model || m_filter.isEmpty())
        return;
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        if (accepts(row))
            m_serials.push_back(m_model->serialAt(row));
    }
}

void TraceFilterProxy::endSourceReset()
{
    rebuild();
    endResetModel();
}

void TraceFilterProxy::sourceRowsAboutToBeInserted(int first, int last)
{
    if (m_filter.isEmpty())
        beginInsertRows({}, first, last);
}

void TraceFilterProxy::sourceRowsInserted(int first, int last)
{
    if (m_filter.isEmpty()) {
        endInsertRows();
        return;
    }
    // The model appends; rows are only ever inserted after the ones shown.
    if (!m_serials.empty() && m_model->serialAt(first) <= m_serials.back()) {
        beginResetModel();
        rebuild();
        endResetModel();
        return;
    }
    QList<quint64> accepted;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            accepted.append(m_model->serialAt(row));
    }
    if (accepted.isEmpty())
        return;
    const int at = int(m_serials.size());
    beginInsertRows({}, at, at + int(accepted.size()) - 1);
    m_serials.insert(m_serials.end(), accepted.cbegin(), accepted.cend());
    endInsertRows();
}

void TraceFilterProxy::sourceRowsAboutToBeRemoved(int first, int last)
{
    m_removing = m_filter.isEmpty() ? std::pair(first, last + 1) : proxyRange(first, last);
    if (m_removing.first < m_removing.second)
        beginRemoveRows({}, m_removing.first, m_removing.second - 1);
}

void TraceFilterProxy::sourceRowsRemoved()
{
    const auto [first, end] = std::exchange(m_removing, {0, 0});
    if (first >= end)
        return;
    if (!m_filter.isEmpty())
        m_serials.erase(m_serials.cbegin() + first, m_serials.cbegin() + end);
    endRemoveRows();
}

void TraceFilterProxy::sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                         const QList<int>& roles)
{
    const auto [first, end] = m_filter.isEmpty() ? std::pair(topLeft.row(), bottomRight.row() + 1)
                                                 : proxyRange(topLeft.row(), bottomRight.row());
    if (first < end)
        Q_EMIT dataChanged(index(first, topLeft.column()), index(end - 1, bottomRight.column()), roles);
}
