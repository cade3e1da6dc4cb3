#include "generalsection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStringListModel>

using namespace wamp;

GeneralSection::GeneralSection(FieldErrors& errors, QWidget* parent)
    : FormSection(tr("Transport"), errors, QString(), parent)
    , m_id(lineEdit())
    , m_type(
          comboBox({tr("WebSocket"), tr("RawSocket"), tr("Universal (WebSocket and RawSocket on one port)")}))
    , m_url(lineEdit(tr("Informational, e.g. ws://localhost:8080/ws")))
    , m_debug(checkBox(tr("Log every message (debug)")))
    , m_anonymous(checkBox(tr("Allow anonymous sessions, with role")))
    , m_anonymousRole(lineEdit(QStringLiteral("anonymous")))
    , m_roleSuggestions(new QStringListModel(this))
{
    auto* completer = new QCompleter(m_roleSuggestions, m_anonymousRole);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_anonymousRole->setCompleter(completer);
    m_id->setObjectName(QStringLiteral("id"));
    m_type->setObjectName(QStringLiteral("type"));
    m_url->setObjectName(QStringLiteral("url"));
    m_debug->setObjectName(QStringLiteral("debug"));
    m_anonymous->setObjectName(QStringLiteral("anonymous"));
    m_anonymousRole->setObjectName(QStringLiteral("anonymousRole"));

    auto* anonymous = new QWidget;
    auto* anonymousLayout = new QHBoxLayout(anonymous);
    anonymousLayout->setContentsMargins(0, 0, 0, 0);
    anonymousLayout->addWidget(m_anonymous);
    anonymousLayout->addWidget(m_anonymousRole, 1);

    addRow(tr("ID:"), m_id, QStringLiteral("id"));
    addRow(tr("Type:"), m_type, QStringLiteral("type"));
    addRow(tr("URL:"), m_url, QStringLiteral("url"));
    addRow(tr("Authentication:"), anonymous, QStringLiteral("auth"));
    addRow(QString(), m_debug, QStringLiteral("debug"));

    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        updateRows();
        Q_EMIT typeChanged(TransportType(index));
    });
    connect(m_anonymous, &QCheckBox::toggled, m_anonymousRole, &QWidget::setEnabled);
}

void GeneralSection::load(const TransportConfig& transport)
{
    m_id->setText(transport.id);
    m_type->setCurrentIndex(int(transport.type));
    m_url->setText(transport.url);
    m_debug->setChecked(transport.debug);
    m_anonymous->setChecked(!transport.anonymousRole.isEmpty());
    m_anonymousRole->setEnabled(!transport.anonymousRole.isEmpty());
    m_anonymousRole->setText(transport.anonymousRole);
    updateRows();
}

void GeneralSection::store(TransportConfig& transport) const
{
    transport.id = m_id->text();
    transport.type = TransportType(m_type->currentIndex());
    transport.url = m_url->text();
    transport.debug = m_debug->isChecked();
    // Crossbar's default role for anonymous sessions is "anonymous".
    const QString role =
        m_anonymousRole->text().isEmpty() ? QStringLiteral("anonymous") : m_anonymousRole->text();
    transport.anonymousRole = m_anonymous->isChecked() ? role : QString();
}

void GeneralSection::setRoleSuggestions(const QStringList& roles)
{
    m_roleSuggestions->setStringList(roles);
}

void GeneralSection::updateRows()
{
    setRowVisible(m_url, TransportType(m_type->currentIndex()) != TransportType::RawSocket);
}
