#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

/*!
 * A table whose rows are value objects with a unique 64-bit key (a session, registration or subscription
 * id), kept in sync with live data *in place*: rows that changed get dataChanged(), new rows are inserted,
 * missing rows removed, and nothing is ever reset, so selections, sort order and scroll positions in views
 * stay where the user left them.
 *
 * \a Row needs a `quint64 id` member and operator==.
 */
template <typename Row> class KeyedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    const Row& rowAt(int row) const { return m_rows[row]; }
    //! The row of \a key, or -1.
    int rowOf(quint64 key) const { return m_rowOf.value(key, -1); }
    bool contains(quint64 key) const { return m_rowOf.contains(key); }

    //! Updates the row with \a row's key, or appends it.
    void upsert(const Row& row)
    {
        const int index = rowOf(row.id);
        if (index >= 0) {
            update(index, row);
            return;
        }
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(row);
        m_rowOf.insert(row.id, at);
        endInsertRows();
    }

    void remove(quint64 key)
    {
        const int index = rowOf(key);
        if (index < 0)
            return;
        beginRemoveRows({}, index, index);
        m_rows.removeAt(index);
        m_rowOf.remove(key);
        reindexFrom(index);
        endRemoveRows();
    }

    //! Makes the rows those of \a rows: removes the missing ones, updates changed ones in place (one
    //! dataChanged() per run of adjacent rows) and appends the new ones (one insertion).
    void sync(const QList<Row>& rows)
    {
        QHash<quint64, qsizetype> incoming;
        incoming.reserve(rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            incoming.insert(rows[i].id, i);
        removeWhere([&](const Row& row) { return !incoming.contains(row.id); });

        int runFirst = -1;
        for (int index = 0; index <= int(m_rows.size()); ++index) {
            bool changed = false;
            if (index < int(m_rows.size())) {
                const Row& next = rows[incoming.value(m_rows[index].id)];
                changed = !(m_rows[index] == next);
                if (changed)
                    m_rows[index] = next;
            }
            if (changed && runFirst < 0)
                runFirst = index;
            if (!changed && runFirst >= 0) {
                Q_EMIT dataChanged(this->index(runFirst, 0), this->index(index - 1, columnCount() - 1));
                runFirst = -1;
            }
        }

        QList<Row> added;
        for (const Row& row : rows) {
            if (!m_rowOf.contains(row.id))
                added.append(row);
        }
        if (added.isEmpty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        reindexFrom(first);
        endInsertRows();
    }

    void clear()
    {
        if (m_rows.isEmpty())
            return;
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        m_rowOf.clear();
        endRemoveRows();
    }

private:
    void update(int index, const Row& row)
    {
        if (m_rows[index] == row)
            return;
        m_rows[index] = row;
        Q_EMIT dataChanged(this->index(index, 0), this->index(index, columnCount() - 1));
    }

    //! Removes matching rows in contiguous runs (one signal pair per run), from the back.
    template <typename Predicate> void removeWhere(Predicate matches)
    {
        bool removed = false;
        int end = int(m_rows.size());
        while (end > 0) {
            int last = end - 1;
            while (last >= 0 && !matches(m_rows[last]))
                --last;
            if (last < 0)
                break;
            int first = last;
            while (first > 0 && matches(m_rows[first - 1]))
                --first;
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
            removed = true;
            end = first;
        }
        if (!removed)
            return;
        m_rowOf.clear();
        reindexFrom(0);
    }

    void reindexFrom(int from)
    {
        for (int i = from; i < int(m_rows.size()); ++i)
            m_rowOf.insert(m_rows[i].id, i);
    }

    QList<Row> m_rows;
    QHash<quint64, int> m_rowOf;
};
