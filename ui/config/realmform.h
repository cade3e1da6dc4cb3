#pragma once

#include "configissue.h"
#include "fielderrors.h"

#include "config/realmconfig.h"

#include <QWidget>

class FieldErrorLabel;
class RealmSection;
class RolesSection;

/*!
 * The form of one realm: name, URI check, and its roles with their permissions. Edits keep every key of
 * the realm's, roles' and permissions' sources; showIssues() puts the loader's messages next to the fields.
 */
class RealmForm : public QWidget {
    Q_OBJECT

public:
    explicit RealmForm(QWidget* parent = nullptr);

    void setRealm(const wamp::RealmConfig& realm);
    wamp::RealmConfig realm() const;
    void showIssues(const ConfigIssues& issues);
    FieldErrorLabel* messagesFor(const QString& field) const { return m_errors.labelFor(field); }
    RolesSection* roles() const { return m_roles; }

Q_SIGNALS:
    void edited();

private:
    wamp::RealmConfig m_realm;
    FieldErrorLabel* m_formMessages;
    FieldErrors m_errors;
    RealmSection* m_section;
    RolesSection* m_roles;
    bool m_loading = false;
};
