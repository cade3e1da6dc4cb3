#include "synthetictrace.h"

#include "serialization/serializer.h"
#include "wamp/message.h"

#include <QDateTime>

using wamp::Message;
using wamp::MessageType;
using wamp::TraceEntry;
using wamp::Value;

namespace {

constexpr int kSessions = 50;
constexpr int kUris = 200;

TraceEntry traced(const Message& message, quint64 session, TraceEntry::Direction direction, qint64 nowUs)
{
    TraceEntry entry;
    entry.timestampUs = nowUs;
    entry.sessionId = 1000000 + session;
    static const wamp::TraceName realm(QStringLiteral("realm1"));
    static const wamp::TraceName transports[2] = {wamp::TraceName(QStringLiteral("rawsocket")),
                                                  wamp::TraceName(QStringLiteral("ws"))};
    entry.realm = realm;
    entry.transportId = transports[session % 2];
    entry.direction = direction;
    entry.type = message.type;
    entry.requestId = message.requestId;
    entry.serializer = wamp::SerializerKind::Json;
    entry.encoded = wamp::serializerFor(entry.serializer).encodeMessage(message);
    if (message.type == MessageType::Call || message.type == MessageType::Publish)
        entry.uri = message.uri;
    return entry;
}

} // namespace

SyntheticTrace::SyntheticTrace(int rate, QObject* parent)
    : QObject(parent)
    , m_rate(rate)
{}

void SyntheticTrace::start()
{
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(100); // the recorder's batch interval
    connect(m_timer, &QTimer::timeout, this, &SyntheticTrace::emitBatch);
    m_epochUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_clock.start();
    m_timer->start();
}

void SyntheticTrace::stop()
{
    if (m_timer)
        m_timer->stop();
}

void SyntheticTrace::emitBatch()
{
    const qint64 elapsedUs = m_clock.nsecsElapsed() / 1000;
    const quint64 due = quint64(double(m_rate) * double(elapsedUs) / 1e6) - m_produced;
    if (due == 0)
        return;
    const qint64 nowUs = m_epochUs + elapsedUs;
    QList<TraceEntry> batch;
    batch.reserve(qsizetype(due));
    while (quint64(batch.size()) < due) {
        if (m_pending.isEmpty())
            appendExchange(m_pending, nowUs);
        batch.append(m_pending.takeFirst());
    }
    m_produced += due;
    Q_EMIT entriesRecorded(batch);
}

void SyntheticTrace::appendExchange(QList<TraceEntry>& batch, qint64 nowUs)
{
    const quint64 n = ++m_exchange;
    const quint64 caller = n % kSessions;
    const quint64 callee = (n + 7) % kSessions;
    const quint64 request = 2 * n;
    Message call;
    call.type = MessageType::Call;
    call.requestId = request;
    call.uri = "com.example.procedure" + QByteArray::number(n % kUris);
    call.args = Value(Value::List{Value(qint64(n)), Value("some argument text"), Value(3.25)});
    call.kwargs = Value(wamp::DictBuilder().add("user", Value("alice")).add("retries", Value(2)).take());
    TraceEntry entry = traced(call, caller, TraceEntry::Direction::In, nowUs);
    batch << entry;

    Message invocation = call;
    invocation.type = MessageType::Invocation;
    invocation.requestId = n + 5000000;
    invocation.registrationId = 42 + n % kUris;
    entry = traced(invocation, callee, TraceEntry::Direction::Out, nowUs);
    entry.originSessionId = 1000000 + caller;
    entry.originRequestId = request;
    entry.secondaryId = invocation.registrationId;
    batch << entry;

    Message yield;
    yield.type = MessageType::Yield;
    yield.requestId = invocation.requestId;
    yield.args = Value(Value::List{Value(qint64(n * 2))});
    batch << traced(yield, callee, TraceEntry::Direction::In, nowUs);

    Message result = yield;
    result.type = MessageType::Result;
    result.requestId = request;
    batch << traced(result, caller, TraceEntry::Direction::Out, nowUs);

    Message publish;
    publish.type = MessageType::Publish;
    publish.requestId = request + 1;
    publish.uri = "com.example.topic" + QByteArray::number(n % kUris);
    publish.args = Value(Value::List{Value("temperature"), Value(21.5 + double(n % 10))});
    batch << traced(publish, caller, TraceEntry::Direction::In, nowUs);
    for (quint64 subscriber = 1; subscriber <= 4; ++subscriber) {
        Message event = publish;
        event.type = MessageType::Event;
        event.requestId = 0;
        event.subscriptionId = 77;
        event.publicationId = 9000000 + n;
        entry = traced(event, (caller + subscriber * 3) % kSessions, TraceEntry::Direction::Out, nowUs);
        entry.originSessionId = 1000000 + caller;
        entry.originRequestId = publish.requestId;
        entry.secondaryId = event.publicationId;
        batch << entry;
    }
    Message published;
    published.type = MessageType::Published;
    published.requestId = publish.requestId;
    published.publicationId = 9000000 + n;
    batch << traced(published, caller, TraceEntry::Direction::Out, nowUs);
}
