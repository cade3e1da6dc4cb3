#pragma once

#include "config/routerconfig.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace wamp {
class Router;
struct SessionInfo;
} // namespace wamp

/*!
 * The inspector's main window, in its first form: start and stop the router on a configuration, see each
 * transport's state and the live sessions. (Trace, editors and statistics come with the inspector issue.)
 */
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(wamp::RouterConfig config, QWidget* parent = nullptr);
    ~MainWindow() override;

    //! Starts the router on the configuration; returns false if any transport failed.
    bool startRouter();
    void stopRouter();
    bool isRunning() const { return m_router != nullptr; }

private:
    void addSession(const wamp::SessionInfo& info);
    void removeSession(quint64 id);
    void updateStatus();

    wamp::RouterConfig m_config;
    wamp::Router* m_router = nullptr;
    QPushButton* m_startButton;
    QPushButton* m_stopButton;
    QTreeWidget* m_transports;
    QTableWidget* m_sessions;
    QLabel* m_status;
};
