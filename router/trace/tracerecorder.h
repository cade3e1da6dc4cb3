#pragma once

#include "byteslab.h"
#include "session/messageobserver.h"
#include "traceentry.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace wamp {

/*!
 * The inspector's tap on the router: attached with Router::setObserver(), it turns every message into a
 * TraceEntry and hands them out in batches (at most every batchIntervalMs, default 100 ms), so that a flood
 * of messages costs the UI one queued signal per batch, not one per message. Tracing can be switched off as a
 * whole, per transport and per session.
 *
 * Timestamps: the clock is read once per input; the messages sent in handling it (a CALL's INVOCATION, a
 * PUBLISH's EVENTs and PUBLISHED) carry the input's time, which they are sent at within microseconds.
 */
class TraceRecorder final : public QObject, public MessageObserver {
    Q_OBJECT

public:
    explicit TraceRecorder(QObject* parent = nullptr);

    void observe(const Session& session, Direction direction, const Message* message,
                 const QByteArray& encoded, Origin origin) override;
    void inputHandled() override { m_inInput = false; }

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setTransportTraced(const QString& transportId, bool traced);
    void setSessionTraced(quint64 sessionId, bool traced);
    bool isTransportTraced(const QString& transportId) const
    {
        return !m_mutedTransports.contains(transportId);
    }
    bool isSessionTraced(quint64 sessionId) const { return !m_mutedSessions.contains(sessionId); }

    void setBatchInterval(int milliseconds) { m_flushTimer.setInterval(milliseconds); }
    //! Hands out what is pending now.
    void flush();
    quint64 recordedCount() const { return m_nextId - 1; }

Q_SIGNALS:
    void entriesRecorded(const QList<wamp::TraceEntry>& entries);

private:
    qint64 nowUs() const { return m_epochUs + m_clock.nsecsElapsed() / 1000; }

    bool m_enabled = true;
    QSet<QString> m_mutedTransports;
    QSet<quint64> m_mutedSessions;
    QList<TraceEntry> m_pending;
    TraceNameCache m_names;
    ByteSlab m_bytes;
    QTimer m_flushTimer;
    quint64 m_nextId = 1;
    qint64 m_epochUs = 0;
    QElapsedTimer m_clock;
    // While an input is handled, what it causes to be sent gets its time: one clock read per input.
    bool m_inInput = false;
    qint64 m_inputTimeUs = 0;
};

} // namespace wamp
