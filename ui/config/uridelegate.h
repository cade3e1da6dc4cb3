#pragma once

#include <QStyledItemDelegate>

//! Shows an empty permission URI as what it means with match prefix: every URI.
class UriDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};
