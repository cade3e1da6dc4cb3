#include "realmsection.h"

#include <QComboBox>
#include <QLineEdit>

using namespace wamp;

RealmSection::RealmSection(FieldErrors& errors, QWidget* parent)
    : FormSection(tr("Realm"), errors, QString(), parent)
    , m_name(lineEdit(tr("e.g. realm1 or com.example.app")))
    , m_uriCheck(comboBox({tr("Strict"), tr("Loose")}))
{
    m_name->setObjectName(QStringLiteral("realmName"));
    m_uriCheck->setObjectName(QStringLiteral("uriCheck"));
    m_uriCheck->setToolTip(tr("Strict: URI components are lower-case letters, digits and _. Loose: anything "
                              "but whitespace, . and #."));
    addRow(tr("Name:"), m_name, QStringLiteral("name"));
    addRow(tr("URI check:"), m_uriCheck, QStringLiteral("options"));
}

void RealmSection::load(const RealmConfig& realm)
{
    m_name->setText(realm.name);
    m_uriCheck->setCurrentIndex(realm.uriCheck == UriCheck::Loose ? 1 : 0);
}

void RealmSection::store(RealmConfig& realm) const
{
    realm.name = m_name->text();
    realm.uriCheck = m_uriCheck->currentIndex() == 1 ? UriCheck::Loose : UriCheck::Strict;
}
