#pragma once

#include "phasemeter.h"
#include "scenario.h"

#include <QTimer>

#include <optional>

class SessionGroup;

/*!
 * idle: opens --sessions sessions (--parallel at a time) that then do nothing. Reports how fast they joined,
 * and given the router's PID, its RSS growth per session (VmRSS before opening and --settle seconds after
 * the last join) and its CPU time per session opened.
 */
class IdleScenario final : public Scenario {
    Q_OBJECT

public:
    explicit IdleScenario(const BenchContext& context, QObject* parent = nullptr);

    void start() override;

private:
    void onJoined();
    void measure();
    void fail(const QString& error);

    SessionGroup* m_group;
    PhaseMeter m_meter;
    QTimer m_settle;
    std::optional<qint64> m_rssBeforeKb;
    qint64 m_joinedNs = 0;
    bool m_ended = false;
};
