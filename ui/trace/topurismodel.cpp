#include "topurismodel.h"

#include <QLocale>

TopUrisModel::TopUrisModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

int TopUrisModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int TopUrisModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopUrisModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrafficStatistics::UriCount& entry = m_counts.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UriColumn:
            return QString::fromUtf8(entry.uri);
        case CountColumn:
            return QLocale().toString(entry.count);
        case ShareColumn:
            return m_total ? QLocale().toString(100.0 * double(entry.count) / double(m_total), 'f', 1) +
                                 QLatin1StringView(" %")
                           : QString();
        }
    } else if (role == Qt::TextAlignmentRole) {
        return int(index.column() == UriColumn ? Qt::AlignLeft | Qt::AlignVCenter
                                               : Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::UserRole) {
        return qulonglong(entry.count);
    }
    return {};
}

QVariant TopUrisModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return int((section == UriColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UriColumn:
        return tr("URI");
    case CountColumn:
        return tr("Messages");
    case ShareColumn:
        return tr("Share");
    }
    return {};
}

void TopUrisModel::setCounts(const QList<TrafficStatistics::UriCount>& counts, quint64 total)
{
    // Rows change in place (no reset), so the view keeps its scroll position and selection.
    const int before = rowCount();
    const int after = int(counts.size());
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_counts.resize(after);
        endRemoveRows();
    }
    const int common = std::min(before, after);
    for (int row = 0; row < common; ++row)
        m_counts[row] = counts[row];
    m_total = total;
    if (common > 0)
        Q_EMIT dataChanged(index(0, 0), index(common - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::UserRole});
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_counts += counts.mid(before);
        endInsertRows();
    }
}
