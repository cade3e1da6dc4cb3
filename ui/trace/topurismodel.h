#pragma once

#include "trafficstatistics.h"

#include <QAbstractTableModel>

//! The most used URIs and their message counts, refreshed in place from TrafficStatistics.
class TopUrisModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { UriColumn, CountColumn, ShareColumn, ColumnCount };

    explicit TopUrisModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! \a total is what the shares are relative to.
    void setCounts(const QList<TrafficStatistics::UriCount>& counts, quint64 total);

private:
    QList<TrafficStatistics::UriCount> m_counts;
    quint64 m_total = 0;
};
