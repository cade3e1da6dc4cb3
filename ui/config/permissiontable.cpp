#include "permissiontable.h"

#include "fielderrorlabel.h"
#include "matchdelegate.h"
#include "uridelegate.h"

#include <QHeaderView>

using namespace wamp;

namespace {

bool* flagFor(Permission& permission, int column)
{
    switch (column) {
    case PermissionTable::CallColumn:
        return &permission.allowCall;
    case PermissionTable::RegisterColumn:
        return &permission.allowRegister;
    case PermissionTable::PublishColumn:
        return &permission.allowPublish;
    case PermissionTable::SubscribeColumn:
        return &permission.allowSubscribe;
    case PermissionTable::DiscloseCallerColumn:
        return &permission.discloseCaller;
    case PermissionTable::DisclosePublisherColumn:
        return &permission.disclosePublisher;
    default:
        return nullptr;
    }
}

} // namespace

PermissionTable::PermissionTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("URI"), tr("Match"), tr("Call"), tr("Register"), tr("Publish"),
                               tr("Subscribe"), tr("Disclose\ncaller"), tr("Disclose\npublisher")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(UriColumn, QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setItemDelegateForColumn(UriColumn, new UriDelegate(this));
    setItemDelegateForColumn(MatchColumn, new MatchDelegate(this));
    setEditTriggers(QAbstractItemView::AllEditTriggers);
    horizontalHeaderItem(UriColumn)->setToolTip(
        tr("The URI, or its beginning for match prefix (\"\" is every URI)"));
    connect(this, &QTableWidget::itemChanged, this, &PermissionTable::readItem);
}

void PermissionTable::setPermissions(const QList<Permission>& permissions)
{
    m_filling = true;
    m_permissions = permissions;
    setRowCount(int(permissions.size()));
    for (int row = 0; row < rowCount(); ++row)
        fillRow(row, permissions[row]);
    m_filling = false;
}

void PermissionTable::fillRow(int row, const Permission& permission)
{
    setItem(row, UriColumn, new QTableWidgetItem(permission.uri));
    auto* match = new QTableWidgetItem(MatchDelegate::displayName(int(permission.match)));
    match->setData(Qt::UserRole, int(permission.match));
    setItem(row, MatchColumn, match);
    for (int column = CallColumn; column < ColumnCount; ++column) {
        auto* flag = new QTableWidgetItem;
        flag->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        flag->setCheckState(*flagFor(m_permissions[row], column) ? Qt::Checked : Qt::Unchecked);
        setItem(row, column, flag);
    }
}

void PermissionTable::readItem(QTableWidgetItem* item)
{
    if (m_filling || item->row() >= m_permissions.size())
        return;
    Permission& permission = m_permissions[item->row()];
    if (item->column() == UriColumn)
        permission.uri = item->text();
    else if (item->column() == MatchColumn)
        permission.match = MatchPolicy(item->data(Qt::UserRole).toInt());
    else if (bool* flag = flagFor(permission, item->column()))
        *flag = item->checkState() == Qt::Checked;
    Q_EMIT edited();
}

int PermissionTable::columnFor(const QString& field)
{
    static const QHash<QString, int> columns = {
        {QStringLiteral("uri"), UriColumn},
        {QStringLiteral("match"), MatchColumn},
        {QStringLiteral("allow.call"), CallColumn},
        {QStringLiteral("allow.register"), RegisterColumn},
        {QStringLiteral("allow.publish"), PublishColumn},
        {QStringLiteral("allow.subscribe"), SubscribeColumn},
        {QStringLiteral("disclose.caller"), DiscloseCallerColumn},
        {QStringLiteral("disclose.publisher"), DisclosePublisherColumn},
    };
    return columns.value(field, -1);
}

void PermissionTable::showIssues(const ConfigIssues& issues, QStringList* errors, QStringList* warnings)
{
    m_filling = true;
    for (int row = 0; row < rowCount(); ++row) {
        for (int column = 0; column < ColumnCount; ++column) {
            if (QTableWidgetItem* cell = item(row, column)) {
                cell->setData(Qt::BackgroundRole, QVariant());
                cell->setToolTip(QString());
            }
        }
    }
    for (const ConfigIssue& issue : issues) {
        if (issue.permission < 0 || issue.permission >= rowCount())
            continue;
        const int column = columnFor(issue.field);
        const QColor colour = issue.warning ? FieldErrorLabel::warningColor() : FieldErrorLabel::errorColor();
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem* cell = item(issue.permission, c);
            if (!cell || (column >= 0 && c != column))
                continue;
            QColor background = colour;
            background.setAlpha(50);
            cell->setBackground(background);
            cell->setToolTip(issue.message);
        }
        *(issue.warning ? warnings : errors) << tr("Row %1: %2").arg(issue.permission + 1).arg(issue.message);
    }
    m_filling = false;
}
