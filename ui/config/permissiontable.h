#pragma once

#include "configissue.h"

#include "config/realmconfig.h"

#include <QTableWidget>

/*!
 * A role's permissions as a table: URI, match policy, the four actions it allows and what it discloses.
 * Edits keep each permission's source keys; showIssues() marks the cells the loader complained about (red,
 * with the message as tooltip).
 */
class PermissionTable : public QTableWidget {
    Q_OBJECT

public:
    enum Column {
        UriColumn,
        MatchColumn,
        CallColumn,
        RegisterColumn,
        PublishColumn,
        SubscribeColumn,
        DiscloseCallerColumn,
        DisclosePublisherColumn,
        ColumnCount
    };

    explicit PermissionTable(QWidget* parent = nullptr);

    void setPermissions(const QList<wamp::Permission>& permissions);
    QList<wamp::Permission> permissions() const { return m_permissions; }
    //! Marks the cells of \a issues (permission issues of this role) and adds their messages, as
    //! "Row n: message", to \a errors or \a warnings.
    void showIssues(const ConfigIssues& issues, QStringList* errors, QStringList* warnings);
    //! The column a permission field (`uri`, `allow.call`, ...) is edited in; -1 for the whole row.
    static int columnFor(const QString& field);

Q_SIGNALS:
    void edited();

private:
    void fillRow(int row, const wamp::Permission& permission);
    void readItem(QTableWidgetItem* item);

    QList<wamp::Permission> m_permissions;
    bool m_filling = false;
};
