#pragma once

#include "tracefilter.h"

#include <QAbstractProxyModel>

#include <deque>

class TraceModel;

/*
 * The rows of a TraceModel that pass a TraceFilter, in time order.
 *
 * Not a QSortFilterProxyModel: the trace drops its oldest rows and appends new ones many times a second, and
 * QSortFilterProxyModel (like the persistent-index bookkeeping behind it) handles every removal at the front
 * in time linear in all the rows it maps; with a full ring under load that was a fifth of the whole
 * process's CPU. This proxy keeps the serials of the rows it shows in order: a batch appended or dropped
 * costs time in the batch's size, a row maps to the model by its serial, and a model row to a proxy row by a
 * binary search. With the empty filter it maps one to one and keeps nothing.
 */
class TraceFilterProxy : public QAbstractProxyModel {
    Q_OBJECT

public:
    explicit TraceFilterProxy(QObject* parent = nullptr);

    //! \a sourceModel must be a TraceModel (or null).
    void setSourceModel(QAbstractItemModel* sourceModel) override;

    //! Parses \a expression and applies it when valid; an invalid one leaves the current filter in place.
    //! Returns the parsed filter, for its validity and error message.
    TraceFilter setFilterExpression(const QString& expression);
    const TraceFilter& filter() const { return m_filter; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

private:
    bool accepts(int sourceRow) const;
    //! The proxy rows [first, last) whose model rows are in [sourceFirst, sourceLast].
    std::pair<int, int> proxyRange(int sourceFirst, int sourceLast) const;
    void rebuild();
    void applyFilter(const TraceFilter& filter);

    void endSourceReset();
    void sourceRowsAboutToBeInserted(int first, int last);
    void sourceRowsInserted(int first, int last);
    void sourceRowsAboutToBeRemoved(int first, int last);
    void sourceRowsRemoved();
    void sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                           const QList<int>& roles);

    TraceModel* m_model = nullptr;
    TraceFilter m_filter;
    std::deque<quint64> m_serials; // the serials of the rows shown, ascending; unused with the empty filter
    std::pair<int, int> m_removing{0, 0};
    QList<QMetaObject::Connection> m_connections;
};
