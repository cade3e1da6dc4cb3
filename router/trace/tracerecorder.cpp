#include "tracerecorder.h"

#include "session/session.h"

#include <QDateTime>

namespace wamp {

namespace {

// A flood is handed out in batches of at most this many entries, so that the UI takes it in bounded bites
// and the trace ring never holds more than one batch beyond its capacity.
constexpr qsizetype kMaxBatch = 4096;

bool carriesUri(MessageType type)
{
    switch (type) {
    case MessageType::Hello:
    case MessageType::Abort:
    case MessageType::Goodbye:
    case MessageType::Error:
    case MessageType::Publish:
    case MessageType::Subscribe:
    case MessageType::Call:
    case MessageType::Register:
        return true;
    default:
        return false;
    }
}

quint64 secondaryIdOf(const Message& message)
{
    switch (message.type) {
    case MessageType::Event:
    case MessageType::Published:
        return message.publicationId;
    case MessageType::Invocation:
    case MessageType::Registered:
    case MessageType::Unregister:
        return message.registrationId;
    case MessageType::Subscribed:
    case MessageType::Unsubscribe:
        return message.subscriptionId;
    case MessageType::Welcome:
        return message.sessionId;
    default:
        return 0;
    }
}

} // namespace

TraceRecorder::TraceRecorder(QObject* parent)
    : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &TraceRecorder::flush);
    // Wall-clock time once, then a monotonic clock: cheap per message and never runs backwards.
    m_epochUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_clock.start();
}

void TraceRecorder::setTransportTraced(const QString& transportId, bool traced)
{
    traced ? void(m_mutedTransports.remove(transportId)) : void(m_mutedTransports.insert(transportId));
}

void TraceRecorder::setSessionTraced(quint64 sessionId, bool traced)
{
    traced ? void(m_mutedSessions.remove(sessionId)) : void(m_mutedSessions.insert(sessionId));
}

void TraceRecorder::observe(const Session& session, Direction direction, const Message* message,
                            const QByteArray& encoded, Origin origin)
{
    if (!m_enabled || (!m_mutedSessions.isEmpty() && m_mutedSessions.contains(session.id())) ||
        (!m_mutedTransports.isEmpty() && m_mutedTransports.contains(session.peer().transportId())))
        return;
    if (m_pending.isEmpty()) {
        m_pending.reserve(kMaxBatch);
        m_flushTimer.start(); // runs exactly while entries are pending
    }
    // Made in place: an entry is large enough for a move and a destruction per message to show.
    TraceEntry& entry = m_pending.emplaceBack();
    entry.id = m_nextId++;
    if (direction == Direction::In) {
        m_inputTimeUs = nowUs();
        m_inInput = true;
    }
    entry.timestampUs = m_inInput ? m_inputTimeUs : nowUs();
    entry.sessionId = session.id();
    entry.realm = m_names.intern(session.info().realm);
    entry.transportId = m_names.intern(session.peer().transportId());
    entry.direction = direction == Direction::In ? TraceEntry::Direction::In : TraceEntry::Direction::Out;
    entry.serializer = session.serializerKind();
    entry.encoded = m_bytes.keep(encoded);
    entry.originSessionId = origin.sessionId;
    entry.originRequestId = origin.requestId;
    if (message) {
        entry.type = message->type;
        entry.requestId = message->requestId;
        entry.secondaryId = secondaryIdOf(*message);
        if (carriesUri(message->type))
            entry.uri = m_bytes.keep(message->uri);
    } else {
        entry.valid = false;
    }
    if (m_pending.size() >= kMaxBatch)
        flush();
}

void TraceRecorder::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    Q_EMIT entriesRecorded(std::exchange(m_pending, {}));
}

} // namespace wamp
