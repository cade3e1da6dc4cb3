#pragma once

#include "tracefilter.h"

#include <QSortFilterProxyModel>

/*
 * The rows of a TraceModel that pass a TraceFilter, read through the model's filter roles. Rows keep their
 * time order (no sorting: a trace is read in order, and sorting 100,000 rows on every batch would not pay).
 */
class TraceFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit TraceFilterProxy(QObject* parent = nullptr);

    //! Parses \a expression and applies it when valid; an invalid one leaves the current filter in place.
    //! Returns the parsed filter, for its validity and error message.
    TraceFilter setFilterExpression(const QString& expression);
    const TraceFilter& filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    TraceFilter m_filter;
};
