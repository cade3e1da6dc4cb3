#pragma once

#include "trace/traceentry.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

/*
 * Stands in for the router's TraceRecorder: on its own thread, emits entriesRecorded() batches every 100 ms
 * holding exactly \a rate messages per second of realistic traffic (CALL -> INVOCATION -> YIELD -> RESULT and
 * PUBLISH -> 4 EVENTs + PUBLISHED over 50 sessions and 200 URIs), each with its own JSON-encoded bytes.
 */
class SyntheticTrace : public QObject {
    Q_OBJECT

public:
    explicit SyntheticTrace(int rate, QObject* parent = nullptr);

    quint64 produced() const { return m_produced; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void entriesRecorded(const QList<wamp::TraceEntry>& entries);

private:
    void emitBatch();
    void appendExchange(QList<wamp::TraceEntry>& batch, qint64 nowUs);

    int m_rate;
    QTimer* m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_epochUs = 0;
    quint64 m_produced = 0; // written on the worker thread, read after it stopped
    quint64 m_exchange = 0;
    QList<wamp::TraceEntry> m_pending; // the rest of an exchange that did not fit the last batch
};
