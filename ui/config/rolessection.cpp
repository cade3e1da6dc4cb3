#include "rolessection.h"

#include "configedits.h"
#include "fielderrorlabel.h"
#include "permissiontable.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace wamp;

RolesSection::RolesSection(QWidget* parent)
    : QGroupBox(tr("Roles"), parent)
    , m_rolesMessages(new FieldErrorLabel)
    , m_list(new QListWidget)
    , m_addRole(new QPushButton(tr("Add role")))
    , m_removeRole(new QPushButton(tr("Remove role")))
    , m_name(new QLineEdit)
    , m_nameMessages(new FieldErrorLabel)
    , m_table(new PermissionTable)
    , m_tableMessages(new FieldErrorLabel)
    , m_addPermission(new QPushButton(tr("Add permission")))
    , m_removePermission(new QPushButton(tr("Remove permission")))
{
    m_list->setObjectName(QStringLiteral("roles"));
    m_name->setObjectName(QStringLiteral("roleName"));
    m_table->setObjectName(QStringLiteral("permissions"));
    m_addRole->setObjectName(QStringLiteral("addRole"));
    m_removeRole->setObjectName(QStringLiteral("removeRole"));
    m_addPermission->setObjectName(QStringLiteral("addPermission"));
    m_removePermission->setObjectName(QStringLiteral("removePermission"));
    m_rolesMessages->setObjectName(QStringLiteral("rolesMessages"));
    m_nameMessages->setObjectName(QStringLiteral("roleNameMessages"));
    m_tableMessages->setObjectName(QStringLiteral("permissionMessages"));
    // The roles above, the selected role's permissions below across the whole width: the table has
    // eight columns, and their headers are long in some languages.
    m_list->setMaximumWidth(m_list->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
    m_list->setFixedHeight(m_list->fontMetrics().height() * 5 + 2 * m_list->frameWidth() + 4);
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 9);

    auto* roleButtons = new QHBoxLayout;
    roleButtons->addWidget(m_addRole);
    roleButtons->addWidget(m_removeRole);
    auto* listColumn = new QVBoxLayout;
    listColumn->addWidget(m_list);
    listColumn->addLayout(roleButtons);

    auto* nameColumn = new QVBoxLayout;
    nameColumn->setSpacing(2);
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameMessages);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), nameColumn);
    auto* roleColumn = new QVBoxLayout;
    roleColumn->addLayout(form);
    roleColumn->addStretch();
    auto* roles = new QHBoxLayout;
    roles->addLayout(listColumn);
    roles->addLayout(roleColumn, 1);

    auto* permissionButtons = new QHBoxLayout;
    permissionButtons->addWidget(m_addPermission);
    permissionButtons->addWidget(m_removePermission);
    permissionButtons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_rolesMessages);
    layout->addLayout(roles);
    layout->addWidget(new QLabel(tr("Permissions of the selected role:")));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_tableMessages);
    layout->addLayout(permissionButtons);

    connect(m_list, &QListWidget::currentRowChanged, this, &RolesSection::showRole);
    connect(m_addRole, &QPushButton::clicked, this, &RolesSection::addRole);
    connect(m_removeRole, &QPushButton::clicked, this, &RolesSection::removeRole);
    connect(m_addPermission, &QPushButton::clicked, this, &RolesSection::addPermission);
    connect(m_removePermission, &QPushButton::clicked, this, &RolesSection::removePermission);
    connect(m_name, &QLineEdit::textChanged, this, &RolesSection::renameRole);
    connect(m_table, &PermissionTable::edited, this, [this] {
        if (m_showing || currentRole() < 0)
            return;
        m_roles[currentRole()].permissions = m_table->permissions();
        Q_EMIT edited();
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, &RolesSection::updateButtons);
}

int RolesSection::currentRole() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_roles.size() ? row : -1;
}

void RolesSection::setRoles(const QList<RoleConfig>& roles)
{
    const int previous = std::max(0, m_list->currentRow());
    m_roles = roles;
    m_issues.clear();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const RoleConfig& role : roles)
            m_list->addItem(role.name);
    }
    m_list->setCurrentRow(roles.isEmpty() ? -1 : std::min(previous, int(roles.size()) - 1));
    showRole();
}

void RolesSection::selectRole(int index)
{
    m_list->setCurrentRow(index);
}

void RolesSection::showRole()
{
    m_showing = true;
    const int role = currentRole();
    m_name->setEnabled(role >= 0);
    m_table->setEnabled(role >= 0);
    m_name->setText(role >= 0 ? m_roles[role].name : QString());
    m_table->setPermissions(role >= 0 ? m_roles[role].permissions : QList<Permission>());
    m_showing = false;
    refreshIssues();
    updateButtons();
}

void RolesSection::showIssues(const ConfigIssues& issues)
{
    m_issues = issues;
    refreshIssues();
}

void RolesSection::refreshIssues()
{
    const int current = currentRole();
    QStringList rolesErrors, rolesWarnings, nameErrors, nameWarnings, tableErrors, tableWarnings;
    ConfigIssues permissionIssues;
    QList<QStringList> perRole(m_roles.size());
    for (const ConfigIssue& issue : std::as_const(m_issues)) {
        if (issue.role < 0 || issue.role >= m_roles.size()) {
            (issue.warning ? rolesWarnings : rolesErrors) << issue.message;
            continue;
        }
        if (!issue.warning)
            perRole[issue.role] << issue.message;
        if (issue.role != current)
            continue;
        if (issue.permission >= 0)
            permissionIssues << issue;
        else if (issue.field == QLatin1String("name"))
            (issue.warning ? nameWarnings : nameErrors) << issue.message;
        else
            (issue.warning ? tableWarnings : tableErrors) << issue.message;
    }
    m_table->showIssues(permissionIssues, &tableErrors, &tableWarnings);
    m_rolesMessages->setMessages(rolesErrors, rolesWarnings);
    m_nameMessages->setMessages(nameErrors, nameWarnings);
    m_tableMessages->setMessages(tableErrors, tableWarnings);
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        const QStringList& problems = perRole.value(row);
        item->setForeground(problems.isEmpty() ? QBrush() : QBrush(FieldErrorLabel::errorColor()));
        item->setToolTip(problems.join(QLatin1Char('\n')));
    }
}

void RolesSection::addRole()
{
    RealmConfig realm;
    realm.roles = m_roles;
    m_roles.append(ConfigEdits::newRole(realm));
    m_list->addItem(m_roles.last().name);
    m_list->setCurrentRow(int(m_roles.size()) - 1);
    Q_EMIT edited();
    m_name->setFocus();
    m_name->selectAll();
}

void RolesSection::removeRole()
{
    const int role = currentRole();
    if (role < 0)
        return;
    m_roles.removeAt(role);
    // Issues are about the old indices; the editor validates again right away.
    m_issues.clear();
    delete m_list->takeItem(role);
    showRole();
    Q_EMIT edited();
}

void RolesSection::addPermission()
{
    const int role = currentRole();
    if (role < 0)
        return;
    m_roles[role].permissions.append(ConfigEdits::newPermission());
    showRole();
    m_table->setCurrentCell(m_table->rowCount() - 1, PermissionTable::UriColumn);
    Q_EMIT edited();
}

void RolesSection::removePermission()
{
    const int role = currentRole();
    const int row = m_table->currentRow();
    if (role < 0 || row < 0 || row >= m_roles[role].permissions.size())
        return;
    m_roles[role].permissions.removeAt(row);
    m_issues.clear();
    showRole();
    Q_EMIT edited();
}

void RolesSection::renameRole(const QString& name)
{
    const int role = currentRole();
    if (m_showing || role < 0)
        return;
    m_roles[role].name = name;
    m_list->item(role)->setText(name);
    Q_EMIT edited();
}

void RolesSection::updateButtons()
{
    const bool hasRole = currentRole() >= 0;
    m_removeRole->setEnabled(hasRole);
    m_addPermission->setEnabled(hasRole);
    m_removePermission->setEnabled(hasRole && m_table->currentRow() >= 0);
}
