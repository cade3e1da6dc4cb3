#include "realmform.h"

#include "fielderrorlabel.h"
#include "realmsection.h"
#include "rolessection.h"

#include <QVBoxLayout>

using namespace wamp;

RealmForm::RealmForm(QWidget* parent)
    : QWidget(parent)
    , m_formMessages(new FieldErrorLabel)
    , m_errors(m_formMessages)
    , m_section(new RealmSection(m_errors))
    , m_roles(new RolesSection)
{
    m_formMessages->setObjectName(QStringLiteral("realmMessages"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_formMessages);
    layout->addWidget(m_section);
    layout->addWidget(m_roles, 1);
    connect(m_section, &FormSection::edited, this, [this] {
        if (!m_loading)
            Q_EMIT edited();
    });
    connect(m_roles, &RolesSection::edited, this, &RealmForm::edited);
}

void RealmForm::setRealm(const RealmConfig& realm)
{
    m_loading = true;
    m_realm = realm;
    m_section->load(realm);
    m_roles->setRoles(realm.roles);
    m_loading = false;
}

RealmConfig RealmForm::realm() const
{
    RealmConfig realm = m_realm;
    m_section->store(realm);
    realm.roles = m_roles->roles();
    return realm;
}

void RealmForm::showIssues(const ConfigIssues& issues)
{
    ConfigIssues realmIssues;
    ConfigIssues roleIssues;
    for (const ConfigIssue& issue : issues) {
        if (issue.role >= 0 || issue.field == QLatin1String("roles"))
            roleIssues << issue;
        else
            realmIssues << issue;
    }
    m_errors.show(realmIssues);
    m_roles->showIssues(roleIssues);
}
