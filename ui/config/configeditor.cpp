#include "configeditor.h"

#include "configedits.h"
#include "configvalidator.h"
#include "fielderrorlabel.h"
#include "realmform.h"
#include "transportform.h"

#include "core/routercontroller.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace wamp;

namespace {

enum Page { EmptyPage, TransportPage, RealmPage };

QScrollArea* scrolling(QWidget* form)
{
    auto* area = new QScrollArea;
    area->setWidget(form);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

ConfigEditor::ConfigEditor(RouterController& controller, const RouterConfig& config, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_outline(new ConfigOutline)
    , m_pages(new QStackedWidget)
    , m_transportForm(new TransportForm)
    , m_realmForm(new RealmForm)
{
    setObjectName(QStringLiteral("configEditor"));
    m_outline->setObjectName(QStringLiteral("configOutline"));
    auto* hint = new QLabel(tr("Select a transport or a realm to edit it."));
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    m_pages->insertWidget(EmptyPage, hint);
    m_pages->insertWidget(TransportPage, scrolling(m_transportForm));
    m_pages->insertWidget(RealmPage, scrolling(m_realmForm));

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(createOutlinePane());
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({fontMetrics().horizontalAdvance(QLatin1Char('x')) * 62, 800});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(createApplyBar());

    connect(m_outline, &ConfigOutline::currentElementChanged, this, &ConfigEditor::showCurrent);
    connect(m_transportForm, &TransportForm::edited, this, &ConfigEditor::onTransportEdited);
    connect(m_realmForm, &RealmForm::edited, this, &ConfigEditor::onRealmEdited);
    connect(&m_controller, &RouterController::transportsChanged, this,
            [this](const QList<TransportStatus>& states) {
                m_outline->setTransportStates(states, m_controller.isRunning());
                updateApplyBar();
            });
    connect(&m_controller, &RouterController::transportFailed, m_outline, &ConfigOutline::setTransportFailed);
    connect(&m_controller, &RouterController::runningChanged, this, [this](bool running) {
        m_outline->setTransportStates(m_controller.transports(), running);
        updateApplyBar();
    });
    m_outline->setTransportStates(m_controller.transports(), m_controller.isRunning());
    setConfig(config);
}

QWidget* ConfigEditor::createOutlinePane()
{
    auto* addTransport = new QToolButton;
    addTransport->setObjectName(QStringLiteral("addTransport"));
    addTransport->setText(tr("Add transport"));
    addTransport->setPopupMode(QToolButton::InstantPopup);
    addTransport->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* types = new QMenu(addTransport);
    types->addAction(tr("WebSocket"), this, [this] { this->addTransport(TransportType::WebSocket); });
    types->addAction(tr("RawSocket"), this, [this] { this->addTransport(TransportType::RawSocket); });
    types->addAction(tr("Universal (WebSocket and RawSocket on one port)"), this,
                     [this] { this->addTransport(TransportType::Universal); });
    addTransport->setMenu(types);
    auto* addRealm = new QPushButton(tr("Add realm"));
    addRealm->setObjectName(QStringLiteral("addRealm"));
    m_duplicateButton = new QPushButton(tr("Duplicate"));
    m_duplicateButton->setObjectName(QStringLiteral("duplicate"));
    m_removeButton = new QPushButton(tr("Remove"));
    m_removeButton->setObjectName(QStringLiteral("remove"));
    connect(addRealm, &QPushButton::clicked, this, &ConfigEditor::addRealm);
    connect(m_duplicateButton, &QPushButton::clicked, this, &ConfigEditor::duplicateSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &ConfigEditor::removeSelected);

    auto* buttons = new QGridLayout;
    buttons->addWidget(addTransport, 0, 0);
    buttons->addWidget(addRealm, 0, 1);
    buttons->addWidget(m_duplicateButton, 1, 0);
    buttons->addWidget(m_removeButton, 1, 1);
    addTransport->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_outline, 1);
    layout->addLayout(buttons);
    return pane;
}

QWidget* ConfigEditor::createApplyBar()
{
    m_documentMessages = new FieldErrorLabel;
    m_documentMessages->setObjectName(QStringLiteral("documentMessages"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summary"));
    m_applyButton = new QPushButton(QIcon(QStringLiteral(":/wampscope/icons/listening.svg")), tr("Apply"));
    m_applyButton->setObjectName(QStringLiteral("apply"));
    m_applyButton->setToolTip(tr("Start the router on this configuration, or re-apply it: only the "
                                 "transports that changed restart"));
    connect(m_applyButton, &QPushButton::clicked, this, &ConfigEditor::apply);
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_documentMessages, 1);
    layout->addStretch();
    layout->addWidget(m_applyButton);
    return bar;
}

void ConfigEditor::setConfig(const RouterConfig& config)
{
    m_config = config;
    m_outline->setConfig(m_config);
    m_outline->selectFirst();
    validate();
    showCurrent();
    if (!hasErrors())
        Q_EMIT validConfigChanged(m_config);
}

void ConfigEditor::setDocumentDirectory(const QString& directory)
{
    m_config.source.directory = directory;
    showCurrent();
}

bool ConfigEditor::hasErrors() const
{
    return std::any_of(m_issues.begin(), m_issues.end(),
                       [](const ConfigIssue& issue) { return !issue.warning; });
}

void ConfigEditor::showCurrent()
{
    const ConfigOutline::Kind kind = m_outline->currentKind();
    const int index = m_outline->currentElement();
    if (kind == ConfigOutline::Kind::Transport && index < m_config.transports.size()) {
        m_transportForm->setRoleSuggestions(roleNames());
        m_transportForm->setTransport(m_config.transports[index], m_config.source.directory);
        m_pages->setCurrentIndex(TransportPage);
    } else if (kind == ConfigOutline::Kind::Realm && index < m_config.realms.size()) {
        m_realmForm->setRealm(m_config.realms[index]);
        m_pages->setCurrentIndex(RealmPage);
    } else {
        m_pages->setCurrentIndex(EmptyPage);
    }
    m_duplicateButton->setEnabled(kind != ConfigOutline::Kind::None);
    m_removeButton->setEnabled(kind != ConfigOutline::Kind::None);
    showIssues();
}

void ConfigEditor::onTransportEdited()
{
    const int index = m_outline->currentElement();
    if (m_outline->currentKind() != ConfigOutline::Kind::Transport || index >= m_config.transports.size())
        return;
    m_config.transports[index] = m_transportForm->transport();
    m_outline->updateTransport(index, m_config.transports[index]);
    changed();
}

void ConfigEditor::onRealmEdited()
{
    const int index = m_outline->currentElement();
    if (m_outline->currentKind() != ConfigOutline::Kind::Realm || index >= m_config.realms.size())
        return;
    m_config.realms[index] = m_realmForm->realm();
    m_outline->updateRealm(index, m_config.realms[index]);
    changed();
}

void ConfigEditor::changed()
{
    validate();
    Q_EMIT edited();
    if (!hasErrors())
        Q_EMIT validConfigChanged(m_config);
}

void ConfigEditor::addTransport(TransportType type)
{
    m_config.transports.append(ConfigEdits::newTransport(type, m_config));
    m_outline->setConfig(m_config);
    m_outline->select(ConfigOutline::Kind::Transport, int(m_config.transports.size()) - 1);
    changed();
}

void ConfigEditor::addRealm()
{
    m_config.realms.append(ConfigEdits::newRealm(m_config));
    m_outline->setConfig(m_config);
    m_outline->select(ConfigOutline::Kind::Realm, int(m_config.realms.size()) - 1);
    changed();
}

void ConfigEditor::duplicateSelected()
{
    const int index = m_outline->currentElement();
    if (m_outline->currentKind() == ConfigOutline::Kind::Transport) {
        m_config.transports.insert(index + 1, ConfigEdits::duplicateTransport(m_config, index));
        m_outline->setConfig(m_config);
        m_outline->select(ConfigOutline::Kind::Transport, index + 1);
    } else if (m_outline->currentKind() == ConfigOutline::Kind::Realm) {
        m_config.realms.insert(index + 1, ConfigEdits::duplicateRealm(m_config, index));
        m_outline->setConfig(m_config);
        m_outline->select(ConfigOutline::Kind::Realm, index + 1);
    } else {
        return;
    }
    changed();
}

void ConfigEditor::removeSelected()
{
    const ConfigOutline::Kind kind = m_outline->currentKind();
    const int index = m_outline->currentElement();
    if (kind == ConfigOutline::Kind::Transport)
        m_config.transports.removeAt(index);
    else if (kind == ConfigOutline::Kind::Realm)
        m_config.realms.removeAt(index);
    else
        return;
    m_outline->setConfig(m_config);
    const int remaining =
        int(kind == ConfigOutline::Kind::Transport ? m_config.transports.size() : m_config.realms.size());
    if (remaining > 0)
        m_outline->select(kind, std::min(index, remaining - 1));
    changed();
    showCurrent();
}

void ConfigEditor::apply()
{
    if (hasErrors())
        return;
    m_controller.apply(m_config);
    updateApplyBar();
}

void ConfigEditor::validate()
{
    m_issues = ConfigValidator::validate(m_config);
    m_outline->setIssues(m_issues);
    showIssues();
    updateApplyBar();
}

void ConfigEditor::showIssues()
{
    const ConfigOutline::Kind kind = m_outline->currentKind();
    const int index = m_outline->currentElement();
    ConfigIssues transportIssues;
    ConfigIssues realmIssues;
    QStringList documentErrors;
    QStringList documentWarnings;
    for (const ConfigIssue& issue : std::as_const(m_issues)) {
        if (issue.target == ConfigIssue::Target::Transport) {
            if (kind == ConfigOutline::Kind::Transport && issue.index == index)
                transportIssues << issue;
        } else if (issue.target == ConfigIssue::Target::Realm) {
            if (kind == ConfigOutline::Kind::Realm && issue.index == index)
                realmIssues << issue;
        } else {
            const QString text =
                issue.path.isEmpty() ? issue.message : issue.path + QStringLiteral(": ") + issue.message;
            (issue.warning ? documentWarnings : documentErrors) << text;
        }
    }
    m_transportForm->showIssues(transportIssues);
    m_realmForm->showIssues(realmIssues);
    m_documentMessages->setMessages(documentErrors, documentWarnings);
}

void ConfigEditor::updateApplyBar()
{
    qsizetype errors = 0;
    for (const ConfigIssue& issue : std::as_const(m_issues))
        errors += issue.warning ? 0 : 1;
    m_applyButton->setEnabled(errors == 0);
    QPalette colours = m_summary->palette();
    colours.setColor(QPalette::WindowText,
                     errors > 0 ? FieldErrorLabel::errorColor() : palette().color(QPalette::WindowText));
    m_summary->setPalette(colours);
    if (errors > 0)
        m_summary->setText(tr("Errors: %1 (fix them to apply)").arg(errors));
    else if (!m_controller.isRunning())
        m_summary->setText(tr("Router stopped: Apply starts it"));
    else if (m_config != m_controller.config())
        m_summary->setText(tr("Changes not applied yet"));
    else
        m_summary->setText(tr("Applied"));
}

QStringList ConfigEditor::roleNames() const
{
    QStringList names;
    for (const RealmConfig& realm : m_config.realms) {
        for (const RoleConfig& role : realm.roles) {
            if (!names.contains(role.name))
                names << role.name;
        }
    }
    return names;
}
