#pragma once

#include "config/routerconfig.h"
#include "core/routercontroller.h"

#include <QMainWindow>

class QAction;
class QMenu;
class QTabWidget;
class RouterStatusBar;
class SessionsView;
class TransportStatusView;

/*!
 * The inspector's main window: the router runs behind a RouterController (in its own thread); the window
 * has a tab per view, a Router menu and tool bar (start, stop, apply changes), the transports' live state in
 * a dock, and a status bar with the listening endpoints and the session count. It remembers its geometry and
 * layout (QSettings).
 *
 * Adding a view: one line in setupTabs(). The File menu (fileMenu()) ends with Quit; put entries before it.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(wamp::RouterConfig config, QWidget* parent = nullptr);
    ~MainWindow() override;

    //! Starts the router on the configuration. Transports come up asynchronously: watch
    //! RouterController::transportsChanged.
    void startRouter();
    void stopRouter();
    //! Re-applies the configuration to the running router (only changed transports restart).
    void applyChanges();
    bool isRunning() const { return m_controller.isRunning(); }

    const wamp::RouterConfig& config() const { return m_config; }
    //! The configuration the next start or "Apply changes" uses.
    void setConfig(const wamp::RouterConfig& config);

    RouterController& controller() { return m_controller; }
    QTabWidget* tabs() const { return m_tabs; }
    QMenu* fileMenu() const { return m_fileMenu; }
    SessionsView* sessionsView() const { return m_sessionsView; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setupActions();
    void setupMenus();
    void setupTabs();
    void setupDocks();
    void updateActions();
    void restoreSettings();
    void saveSettings() const;

    template <typename View> View* addTab(View* view, const QString& label)
    {
        addTabWidget(view, label);
        return view;
    }
    void addTabWidget(QWidget* view, const QString& label);

    RouterController m_controller;
    wamp::RouterConfig m_config;
    QTabWidget* m_tabs;
    SessionsView* m_sessionsView = nullptr;
    TransportStatusView* m_transportsView = nullptr;
    RouterStatusBar* m_statusBar = nullptr;
    QMenu* m_fileMenu = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_applyAction = nullptr;
    QAction* m_quitAction = nullptr;
};
