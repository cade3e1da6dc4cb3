#pragma once

#include <QSet>
#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QToolBar;

/*!
 * A live table: a filter box and a tool bar above a sortable QTableView that shows \a model through a
 * QSortFilterProxyModel sorting on \a sortRole. The filter matches a substring of any column.
 *
 * Columns widen to fit new rows (up to a limit), never shrink, and stop following once the user has
 * resized them; one column may be set to take the remaining width.
 */
class FilteredTable : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxAutoWidth = 320;

    FilteredTable(QAbstractItemModel* model, int sortRole, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    //! Holds the filter box; views add their actions after it.
    QToolBar* toolBar() const { return m_toolBar; }
    //! \a column takes the width the others leave (e.g. a URI column).
    void setStretchColumn(int column);

private:
    //! Exact: as wide as the header and rows need. Grow: only ever wider, so columns do not jump about.
    enum class Fit { Exact, Grow };
    void fitColumns(Fit fit);

    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QToolBar* m_toolBar;
    QTimer* m_fitTimer;
    QSet<int> m_userSized;
    bool m_fitting = false;
};
