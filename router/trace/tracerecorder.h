#pragma once

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
 */
class TraceRecorder final : public QObject, public MessageObserver {
    Q_OBJECT

public:
    explicit TraceRecorder(QObject* parent = nullptr);

    void observe(const Session& session, Direction direction, const Message* message,
                 const QByteArray& encoded, Origin origin) override;

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
    bool m_enabled = true;
    QSet<QString> m_mutedTransports;
    QSet<quint64> m_mutedSessions;
    QList<TraceEntry> m_pending;
    QTimer m_flushTimer;
    quint64 m_nextId = 1;
    qint64 m_epochUs = 0;
    QElapsedTimer m_clock;
};

} // namespace wamp
