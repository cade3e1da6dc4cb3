#include "uridelegate.h"

void UriDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!option->text.isEmpty())
        return;
    option->text = tr("(empty: every URI)");
    option->font.setItalic(true);
    option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
}
