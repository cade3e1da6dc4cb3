#pragma once

#include "configissue.h"

#include "config/realmconfig.h"

#include <QGroupBox>

class FieldErrorLabel;
class PermissionTable;
class QLineEdit;
class QListWidget;
class QPushButton;

/*!
 * A realm's roles: the list of roles (add, remove), and for the selected one its name and its permissions
 * table (add, remove). The loader's messages go under the name or the table; roles with problems are
 * marked in the list.
 */
class RolesSection : public QGroupBox {
    Q_OBJECT

public:
    explicit RolesSection(QWidget* parent = nullptr);

    void setRoles(const QList<wamp::RoleConfig>& roles);
    QList<wamp::RoleConfig> roles() const { return m_roles; }
    //! \a issues are the realm's issues about its roles (role >= 0, or the field `roles`).
    void showIssues(const ConfigIssues& issues);
    void selectRole(int index);
    int currentRole() const;

Q_SIGNALS:
    void edited();

private:
    void showRole();
    void refreshIssues();
    void addRole();
    void removeRole();
    void addPermission();
    void removePermission();
    void renameRole(const QString& name);
    void updateButtons();

    QList<wamp::RoleConfig> m_roles;
    ConfigIssues m_issues;
    FieldErrorLabel* m_rolesMessages;
    QListWidget* m_list;
    QPushButton* m_addRole;
    QPushButton* m_removeRole;
    QLineEdit* m_name;
    FieldErrorLabel* m_nameMessages;
    PermissionTable* m_table;
    FieldErrorLabel* m_tableMessages;
    QPushButton* m_addPermission;
    QPushButton* m_removePermission;
    bool m_showing = false;
};
