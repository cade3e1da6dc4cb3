#pragma once

#include <QObject>

class QSocketNotifier;

/*!
 * Turns SIGINT and SIGTERM (terminate) and SIGHUP (reload) into Qt signals on the main thread (the self-pipe
 * trick: the handler only writes to a socket pair, which is async-signal-safe). One instance per process.
 */
class SignalWatcher : public QObject {
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);
    void reloadRequested();

private:
    void onActivated();

    QSocketNotifier* m_notifier = nullptr;
};
