#pragma once

#include "configissue.h"

#include "config/routerconfig.h"
#include "core/router.h"

#include <QHash>
#include <QTreeWidget>

/*!
 * The configuration's transports, each with its live state (listening on what, failed and why, stopped),
 * and its realms. Elements the loader found errors in are shown in red with the messages as tooltip.
 */
class ConfigOutline : public QTreeWidget {
    Q_OBJECT

public:
    enum class Kind { None, Transport, Realm };
    enum Column { NameColumn, StateColumn };

    explicit ConfigOutline(QWidget* parent = nullptr);

    //! Lists \a config's elements; the selection is left to the caller (select(), selectFirst()).
    void setConfig(const wamp::RouterConfig& config);
    void updateTransport(int index, const wamp::TransportConfig& transport);
    void updateRealm(int index, const wamp::RealmConfig& realm);
    void setTransportStates(const QList<wamp::TransportStatus>& states, bool running);
    void setTransportFailed(const QString& id, const QString& error);
    void setIssues(const ConfigIssues& issues);

    Kind currentKind() const;
    int currentElement() const;
    void select(Kind kind, int index);
    //! Selects the first transport, else the first realm.
    void selectFirst();
    QTreeWidgetItem* transportItem(int index) const { return m_transports->child(index); }
    QTreeWidgetItem* realmItem(int index) const { return m_realms->child(index); }

Q_SIGNALS:
    void currentElementChanged(ConfigOutline::Kind kind, int index);

private:
    void refreshStates();
    void refreshIssues();
    QTreeWidgetItem* itemFor(Kind kind, int index) const;

    QTreeWidgetItem* m_transports;
    QTreeWidgetItem* m_realms;
    QList<QString> m_transportIds;
    QHash<QString, wamp::TransportStatus> m_states;
    ConfigIssues m_issues;
    bool m_running = false;
};
