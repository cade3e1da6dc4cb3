#include "configoutline.h"

#include "fielderrorlabel.h"

#include <QHeaderView>

using namespace wamp;

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kIndexRole = Qt::UserRole + 1;

QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/wampscope/icons/") + QLatin1StringView(name) + QStringLiteral(".svg"));
}

QString typeName(TransportType type)
{
    switch (type) {
    case TransportType::WebSocket:
        return ConfigOutline::tr("WebSocket");
    case TransportType::RawSocket:
        return ConfigOutline::tr("RawSocket");
    case TransportType::Universal:
        return ConfigOutline::tr("Universal");
    }
    return QString();
}

QTreeWidgetItem* groupItem(QTreeWidget* tree, const QString& title)
{
    auto* item = new QTreeWidgetItem(tree, {title});
    item->setFlags(Qt::ItemIsEnabled);
    QFont font = item->font(ConfigOutline::NameColumn);
    font.setBold(true);
    item->setFont(ConfigOutline::NameColumn, font);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

} // namespace

ConfigOutline::ConfigOutline(QWidget* parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Name"), tr("State")});
    header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setRootIsDecorated(false);
    setIndentation(indentation() / 2);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    m_transports = groupItem(this, tr("Transports"));
    m_realms = groupItem(this, tr("Realms"));
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this] { Q_EMIT currentElementChanged(currentKind(), currentElement()); });
}

void ConfigOutline::setConfig(const RouterConfig& config)
{
    {
        const QSignalBlocker blocker(this);
        qDeleteAll(m_transports->takeChildren());
        qDeleteAll(m_realms->takeChildren());
        m_transportIds.clear();
        for (int i = 0; i < config.transports.size(); ++i) {
            auto* item = new QTreeWidgetItem(m_transports);
            item->setData(NameColumn, kKindRole, int(Kind::Transport));
            item->setData(NameColumn, kIndexRole, i);
            m_transportIds.append(QString());
            updateTransport(i, config.transports[i]);
        }
        for (int i = 0; i < config.realms.size(); ++i) {
            auto* item = new QTreeWidgetItem(m_realms);
            item->setData(NameColumn, kKindRole, int(Kind::Realm));
            item->setData(NameColumn, kIndexRole, i);
            updateRealm(i, config.realms[i]);
        }
        m_issues.clear();
    }
    refreshStates();
    // The items were replaced: whoever shows the current one must look again.
    Q_EMIT currentElementChanged(currentKind(), currentElement());
}

void ConfigOutline::selectFirst()
{
    select(m_transports->childCount() > 0 ? Kind::Transport : Kind::Realm, 0);
}

void ConfigOutline::updateTransport(int index, const TransportConfig& transport)
{
    QTreeWidgetItem* item = m_transports->child(index);
    if (!item)
        return;
    item->setText(NameColumn, tr("%1 (%2)").arg(transport.id, typeName(transport.type)));
    if (m_transportIds.value(index) != transport.id) {
        m_transportIds[index] = transport.id;
        refreshStates();
    }
}

void ConfigOutline::updateRealm(int index, const RealmConfig& realm)
{
    if (QTreeWidgetItem* item = m_realms->child(index)) {
        item->setText(NameColumn, realm.name);
        item->setText(StateColumn, tr("Roles: %1").arg(realm.roles.size()));
    }
}

void ConfigOutline::setTransportStates(const QList<TransportStatus>& states, bool running)
{
    m_running = running;
    m_states.clear();
    for (const TransportStatus& state : states)
        m_states.insert(state.id, state);
    refreshStates();
}

void ConfigOutline::setTransportFailed(const QString& id, const QString& error)
{
    TransportStatus& state = m_states[id];
    state.id = id;
    state.listening = false;
    state.error = error;
    refreshStates();
}

void ConfigOutline::refreshStates()
{
    for (int i = 0; i < m_transports->childCount(); ++i) {
        QTreeWidgetItem* item = m_transports->child(i);
        const auto state = m_states.constFind(m_transportIds.value(i));
        QString text;
        QString tip;
        QColor colour = Qt::gray;
        QIcon stateIcon = icon("stopped");
        if (!m_running) {
            text = tr("stopped");
        } else if (state == m_states.constEnd()) {
            text = tr("not applied yet");
            tip = tr("Apply the configuration to start this transport");
        } else if (state->listening) {
            text = tr("listening on %1").arg(state->address);
            colour = QColor(0x1a, 0x7f, 0x37);
            stateIcon = icon("listening");
        } else {
            text = tr("failed: %1").arg(state->error);
            tip = state->error;
            colour = FieldErrorLabel::errorColor();
            stateIcon = icon("failed");
        }
        item->setText(StateColumn, text);
        item->setToolTip(StateColumn, tip.isEmpty() ? text : tip);
        item->setForeground(StateColumn, colour);
        item->setIcon(StateColumn, stateIcon);
    }
}

void ConfigOutline::setIssues(const ConfigIssues& issues)
{
    m_issues = issues;
    refreshIssues();
}

void ConfigOutline::refreshIssues()
{
    QHash<QTreeWidgetItem*, QStringList> errors;
    for (const ConfigIssue& issue : std::as_const(m_issues)) {
        if (issue.warning)
            continue;
        const Kind kind = issue.target == ConfigIssue::Target::Transport ? Kind::Transport
                          : issue.target == ConfigIssue::Target::Realm   ? Kind::Realm
                                                                         : Kind::None;
        if (QTreeWidgetItem* item = itemFor(kind, issue.index))
            errors[item] << issue.message;
    }
    for (QTreeWidgetItem* group : {m_transports, m_realms}) {
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const QStringList messages = errors.value(item);
            item->setForeground(NameColumn, messages.isEmpty() ? palette().text()
                                                               : QBrush(FieldErrorLabel::errorColor()));
            item->setIcon(NameColumn, messages.isEmpty() ? QIcon() : icon("invalid"));
            item->setToolTip(NameColumn, messages.join(QLatin1Char('\n')));
        }
    }
}

ConfigOutline::Kind ConfigOutline::currentKind() const
{
    const QTreeWidgetItem* item = currentItem();
    return item ? Kind(item->data(NameColumn, kKindRole).toInt()) : Kind::None;
}

int ConfigOutline::currentElement() const
{
    const QTreeWidgetItem* item = currentItem();
    return item && currentKind() != Kind::None ? item->data(NameColumn, kIndexRole).toInt() : -1;
}

QTreeWidgetItem* ConfigOutline::itemFor(Kind kind, int index) const
{
    if (kind == Kind::Transport)
        return m_transports->child(index);
    if (kind == Kind::Realm)
        return m_realms->child(index);
    return nullptr;
}

void ConfigOutline::select(Kind kind, int index)
{
    setCurrentItem(itemFor(kind, index));
}
