#include "matchdelegate.h"

#include "config/realmconfig.h"

#include <QComboBox>

using wamp::MatchPolicy;

QString MatchDelegate::displayName(int policy)
{
    switch (MatchPolicy(policy)) {
    case MatchPolicy::Exact:
        return tr("exact");
    case MatchPolicy::Prefix:
        return tr("prefix");
    case MatchPolicy::Wildcard:
        return tr("wildcard");
    }
    return QString();
}

QWidget* MatchDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* box = new QComboBox(parent);
    for (MatchPolicy policy : {MatchPolicy::Exact, MatchPolicy::Prefix, MatchPolicy::Wildcard})
        box->addItem(displayName(int(policy)), int(policy));
    // Commit as soon as a policy is picked, not only when the editor loses focus.
    connect(box, &QComboBox::activated, this, &MatchDelegate::commitEditor);
    return box;
}

void MatchDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* box = static_cast<QComboBox*>(editor);
    box->setCurrentIndex(box->findData(index.data(Qt::UserRole)));
}

void MatchDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    const int policy = static_cast<QComboBox*>(editor)->currentData().toInt();
    model->setData(index, policy, Qt::UserRole);
    model->setData(index, displayName(policy), Qt::DisplayRole);
}

void MatchDelegate::commitEditor()
{
    if (auto* box = qobject_cast<QComboBox*>(sender()))
        Q_EMIT commitData(box);
}
