#pragma once

#include "core/router.h"

#include <QStatusBar>

class QAbstractItemModel;
class QLabel;
class RouterController;

/*!
 * The main window's status bar: where the router listens (or why a transport failed), and how many
 * sessions are live (the row count of \a sessions).
 */
class RouterStatusBar : public QStatusBar {
    Q_OBJECT

public:
    RouterStatusBar(RouterController& controller, QAbstractItemModel* sessions, QWidget* parent = nullptr);

    QString endpointsText() const;
    QString errorText() const;
    QString sessionsText() const;

private:
    void showTransports(const QList<wamp::TransportStatus>& transports);
    void showRunning(bool running);
    void updateSessionCount();

    RouterController& m_controller;
    QAbstractItemModel* m_sessions;
    QLabel* m_endpoints;
    QLabel* m_errors;
    QLabel* m_sessionCount;
};
