#pragma once

#include <QStyledItemDelegate>

/*!
 * Edits a permission's match policy (exact, prefix, wildcard) with a combo box; the item holds the policy
 * as an int in Qt::UserRole and its name as display text.
 */
class MatchDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QString displayName(int policy);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    void commitEditor();
};
