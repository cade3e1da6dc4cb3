#pragma once

#include "configissue.h"
#include "configoutline.h"

#include "config/routerconfig.h"

#include <QWidget>

class FieldErrorLabel;
class QLabel;
class QPushButton;
class QStackedWidget;
class RealmForm;
class RouterController;
class TransportForm;

/*!
 * The "Configuration" tab: the transports (with their live state) and realms on the left, the selected one's
 * form on the right. Every edit is validated at once by the loader's own rules (ConfigValidator) and each
 * message shown next to the field it concerns; "Apply" (enabled while there is no error) hands the
 * configuration to the RouterController, which restarts only the transports that changed.
 */
class ConfigEditor : public QWidget {
    Q_OBJECT

public:
    ConfigEditor(RouterController& controller, const wamp::RouterConfig& config, QWidget* parent = nullptr);

    //! Replaces the configuration (a document was opened); keeps the selection where it can.
    void setConfig(const wamp::RouterConfig& config);
    const wamp::RouterConfig& config() const { return m_config; }
    //! The directory relative paths are relative to (the document's); the forms show paths relative to it.
    void setDocumentDirectory(const QString& directory);
    const ConfigIssues& issues() const { return m_issues; }
    bool hasErrors() const;

    TransportForm* transportForm() const { return m_transportForm; }
    RealmForm* realmForm() const { return m_realmForm; }
    ConfigOutline* outline() const { return m_outline; }

public Q_SLOTS:
    //! Starts the router on the configuration, or re-applies it when running.
    void apply();
    void addTransport(wamp::TransportType type);
    void addRealm();
    //! Duplicates, or removes, the selected transport or realm.
    void duplicateSelected();
    void removeSelected();

Q_SIGNALS:
    //! The user changed the configuration (not emitted by setConfig()).
    void edited();
    //! The configuration changed (edited, or replaced by setConfig()) and passes validation: what a start or
    //! "apply changes" should use.
    void validConfigChanged(const wamp::RouterConfig& config);

private:
    QWidget* createOutlinePane();
    QWidget* createApplyBar();
    void showCurrent();
    void onTransportEdited();
    void onRealmEdited();
    void changed();
    void validate();
    void showIssues();
    void updateApplyBar();
    QStringList roleNames() const;

    RouterController& m_controller;
    wamp::RouterConfig m_config;
    ConfigIssues m_issues;
    ConfigOutline* m_outline;
    QStackedWidget* m_pages;
    TransportForm* m_transportForm;
    RealmForm* m_realmForm;
    QPushButton* m_duplicateButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    FieldErrorLabel* m_documentMessages = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_applyButton = nullptr;
};
