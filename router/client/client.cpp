#include "client.h"

#include "clienttransport.h"
#include "transport/peer.h"
#include "wamp/errors.h"

#include <algorithm>

namespace wamp {

namespace {

const QByteArray kNotJoined = QByteArrayLiteral("wampscope.error.not_joined");
const QByteArray kTimeout = QByteArrayLiteral("wamp.error.timeout");

Value textArgs(const QString& text)
{
    return Value(Value::List{Value(text)});
}

Value messageDetails(const QString& text)
{
    return DictBuilder().add("message", Value(text)).build();
}

// [ABORT, Details|dict, Reason|uri] and GOODBYE carry an optional human-readable Details.message.
QString reasonText(const Message& message)
{
    const Value& text = message.details["message"];
    return text.isString() ? message.uriString() + QStringLiteral(": ") + text.toString()
                           : message.uriString();
}

// The request type a reply answers.
MessageType requestTypeOf(MessageType reply)
{
    switch (reply) {
    case MessageType::Result:
        return MessageType::Call;
    case MessageType::Registered:
        return MessageType::Register;
    case MessageType::Unregistered:
        return MessageType::Unregister;
    case MessageType::Subscribed:
        return MessageType::Subscribe;
    case MessageType::Unsubscribed:
        return MessageType::Unsubscribe;
    case MessageType::Published:
        return MessageType::Publish;
    default:
        return MessageType::Hello;
    }
}

Value helloDetails()
{
    // Exactly the Basic Profile roles, with no advanced features: that is what this client implements.
    const Value none(Value::Dict{});
    return DictBuilder()
        .add("roles", DictBuilder()
                          .add("caller", none)
                          .add("callee", none)
                          .add("publisher", none)
                          .add("subscriber", none)
                          .build())
        .add("agent", Value("Wampscope"))
        .build();
}

QString typeName(MessageType type)
{
    const char* name = messageTypeName(type);
    return name ? QString::fromLatin1(name) : QString::number(int(type));
}

} // namespace

Client::Client(QObject* parent)
    : QObject(parent)
{
    m_clock.start();
    m_joinTimer.setSingleShot(true);
    connect(&m_joinTimer, &QTimer::timeout, this, [this] {
        const QString error = QStringLiteral("no WELCOME or ABORT within %1 ms after HELLO for realm '%2'")
                                  .arg(m_joinTimer.interval())
                                  .arg(QString::fromUtf8(m_realm));
        endSession(error, State::Closing);
        closeTransport();
        Q_EMIT failed(error);
    });
    m_goodbyeTimer.setSingleShot(true);
    m_goodbyeTimer.setInterval(kGoodbyeTimeoutMs);
    connect(&m_goodbyeTimer, &QTimer::timeout, this, [this] {
        endSession(QStringLiteral("left without GOODBYE reply within %1 ms").arg(kGoodbyeTimeoutMs),
                   State::Closing);
        closeTransport();
        Q_EMIT left(m_leaveReason);
    });
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &Client::onDeadline);
}

Client::~Client()
{
    // Nothing may call back from here on: drop what is pending without calling it.
    m_state = State::Disconnected;
    ++m_sessionEpoch;
    if (m_peer)
        disconnect(m_peer, nullptr, this, nullptr);
    m_pending.clear();
    m_registrations.clear();
    m_subscriptions.clear();
}

bool Client::open(const ConnectingTransportConfig& config)
{
    if (m_state != State::Disconnected)
        return false;
    m_config = config;
    m_state = State::Connecting;
    if (!m_transport) {
        m_transport = new ClientTransport(this);
        connect(m_transport, &ClientTransport::connected, this, &Client::onTransportConnected);
        connect(m_transport, &ClientTransport::failed, this, &Client::onTransportFailed);
    }
    m_transport->open(config);
    return true;
}

bool Client::join(const QByteArray& realm)
{
    if (m_state == State::Connecting && !m_joinRequested) {
        m_realm = realm;
        m_joinRequested = true;
        return true;
    }
    if (m_state != State::Connected)
        return false;
    m_realm = realm;
    sendHello();
    return true;
}

bool Client::openAndJoin(const ConnectingTransportConfig& config, const QByteArray& realm)
{
    return open(config) && join(realm);
}

void Client::leave(const QByteArray& reason)
{
    if (m_state != State::Joined)
        return;
    m_leaveReason = reason;
    Message goodbye;
    goodbye.type = MessageType::Goodbye;
    goodbye.uri = reason;
    send(goodbye);
    m_state = State::Leaving;
    m_goodbyeTimer.start();
}

void Client::close()
{
    switch (m_state) {
    case State::Connecting:
        m_transport->abort();
        m_state = State::Disconnected;
        m_joinRequested = false;
        Q_EMIT disconnected();
        return;
    case State::Connected:
        m_state = State::Closing;
        closeTransport();
        return;
    case State::Joining:
    case State::Joined:
    case State::Leaving:
        endSession(QStringLiteral("the client closed the connection"), State::Closing);
        closeTransport();
        return;
    case State::Closing:
    case State::Disconnected:
        return;
    }
}

qsizetype Client::pendingRequestCount() const
{
    return m_pending.size();
}

void Client::call(const QByteArray& procedure, Value args, Value kwargs, RequestCallback callback,
                  CallOptions options)
{
    // [CALL, Request|id, Options|dict, Procedure|uri, Arguments|list, ArgumentsKw|dict]
    Message message;
    message.type = MessageType::Call;
    message.uri = procedure;
    message.args = std::move(args);
    message.kwargs = std::move(kwargs);
    PendingRequest pending;
    pending.type = MessageType::Call;
    pending.callback = std::move(callback);
    if (startRequest(message, std::move(pending)) && options.timeoutMs > 0)
        addDeadline(message.requestId, options.timeoutMs);
}

void Client::registerProcedure(const QByteArray& procedure, ProcedureHandler handler, RequestCallback done)
{
    // [REGISTER, Request|id, Options|dict, Procedure|uri]
    Message message;
    message.type = MessageType::Register;
    message.uri = procedure;
    PendingRequest pending;
    pending.type = MessageType::Register;
    pending.callback = std::move(done);
    pending.uri = procedure;
    pending.procedure = std::move(handler);
    startRequest(message, std::move(pending));
}

void Client::registerDeferredProcedure(const QByteArray& procedure, DeferredProcedureHandler handler,
                                       RequestCallback done)
{
    Message message;
    message.type = MessageType::Register;
    message.uri = procedure;
    PendingRequest pending;
    pending.type = MessageType::Register;
    pending.callback = std::move(done);
    pending.uri = procedure;
    pending.deferredProcedure = std::move(handler);
    startRequest(message, std::move(pending));
}

void Client::unregisterProcedure(quint64 registrationId, RequestCallback done)
{
    // [UNREGISTER, Request|id, REGISTERED.Registration|id]
    Message message;
    message.type = MessageType::Unregister;
    message.registrationId = registrationId;
    PendingRequest pending;
    pending.type = MessageType::Unregister;
    pending.callback = std::move(done);
    pending.targetId = registrationId;
    startRequest(message, std::move(pending));
}

void Client::subscribe(const QByteArray& topic, EventHandler handler, RequestCallback done)
{
    // [SUBSCRIBE, Request|id, Options|dict, Topic|uri]
    Message message;
    message.type = MessageType::Subscribe;
    message.uri = topic;
    PendingRequest pending;
    pending.type = MessageType::Subscribe;
    pending.callback = std::move(done);
    pending.uri = topic;
    pending.event = std::move(handler);
    startRequest(message, std::move(pending));
}

void Client::unsubscribe(quint64 subscriptionId, RequestCallback done)
{
    // [UNSUBSCRIBE, Request|id, SUBSCRIBED.Subscription|id]
    Message message;
    message.type = MessageType::Unsubscribe;
    message.subscriptionId = subscriptionId;
    PendingRequest pending;
    pending.type = MessageType::Unsubscribe;
    pending.callback = std::move(done);
    pending.targetId = subscriptionId;
    if (!startRequest(message, std::move(pending)))
        return;
    if (const std::shared_ptr<Subscription> subscription = m_subscriptions.value(subscriptionId))
        subscription->active = false;
}

void Client::publish(const QByteArray& topic, Value args, Value kwargs, PublishOptions options,
                     RequestCallback done)
{
    // [PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list, ArgumentsKw|dict]
    Message message;
    message.type = MessageType::Publish;
    message.uri = topic;
    message.args = std::move(args);
    message.kwargs = std::move(kwargs);
    if (options.acknowledge || !options.excludeMe) {
        DictBuilder details;
        if (options.acknowledge)
            details.add("acknowledge", Value(true));
        if (!options.excludeMe)
            details.add("exclude_me", Value(false));
        message.details = details.build();
    }
    if (options.acknowledge) {
        PendingRequest pending;
        pending.type = MessageType::Publish;
        pending.callback = std::move(done);
        startRequest(message, std::move(pending));
        return;
    }
    if (m_state != State::Joined) {
        failLater(std::move(done), kNotJoined, QStringLiteral("PUBLISH not sent: no session is established"));
        return;
    }
    message.requestId = nextRequestId();
    send(message);
    if (done)
        done(RequestResult());
}

bool Client::startRequest(Message& message, PendingRequest pending)
{
    if (m_state != State::Joined) {
        failLater(std::move(pending.callback), kNotJoined,
                  QStringLiteral("%1 not sent: no session is established").arg(typeName(message.type)));
        return false;
    }
    message.requestId = nextRequestId();
    m_pending.insert(message.requestId, std::move(pending));
    send(message);
    return true;
}

void Client::failLater(RequestCallback callback, const QByteArray& uri, const QString& text)
{
    if (!callback)
        return;
    RequestResult result;
    result.error = uri;
    result.args = textArgs(text);
    // Never from inside the request call itself: callers may not expect re-entrance.
    QMetaObject::invokeMethod(
        this, [callback = std::move(callback), result = std::move(result)] { callback(result); },
        Qt::QueuedConnection);
}

quint64 Client::nextRequestId()
{
    m_lastRequestId = m_lastRequestId >= kMaxId ? 1 : m_lastRequestId + 1;
    return m_lastRequestId;
}

void Client::send(const Message& message)
{
    if (m_peer)
        m_peer->send(m_serializer->encodeMessage(message));
}

void Client::sendHello()
{
    // [HELLO, Realm|uri, Details|dict]
    Message hello;
    hello.type = MessageType::Hello;
    hello.uri = m_realm;
    hello.details = helloDetails();
    m_joinRequested = false;
    m_lastRequestId = 0;
    m_state = State::Joining;
    m_joinTimer.start(m_config.connectTimeoutMs);
    send(hello);
}

void Client::onTransportConnected(Peer* peer)
{
    peer->setParent(this);
    m_peer = peer;
    m_serializer = &peer->serializer();
    connect(peer, &Peer::messageReceived, this, &Client::onMessage);
    connect(peer, &Peer::disconnected, this, &Client::onPeerDisconnected);
    m_state = State::Connected;
    Q_EMIT transportOpened();
    if (m_joinRequested && m_state == State::Connected)
        sendHello();
}

void Client::onTransportFailed(const QString& error)
{
    m_state = State::Disconnected;
    m_joinRequested = false;
    Q_EMIT failed(error);
    Q_EMIT disconnected();
}

void Client::onPeerDisconnected(const QString& reason)
{
    const State previous = m_state;
    if (Peer* peer = std::exchange(m_peer, nullptr)) {
        disconnect(peer, nullptr, this, nullptr);
        // We may be inside the peer's own signal.
        peer->deleteLater();
    }
    switch (previous) {
    case State::Joining:
    case State::Joined: {
        const QString error = previous == State::Joining
                                  ? QStringLiteral("connection lost before WELCOME: %1").arg(reason)
                                  : QStringLiteral("connection lost: %1").arg(reason);
        endSession(error, State::Disconnected);
        Q_EMIT failed(error);
        break;
    }
    case State::Leaving:
        // The router closed instead of answering GOODBYE: the session is over all the same.
        endSession(QStringLiteral("connection closed while leaving: %1").arg(reason), State::Disconnected);
        Q_EMIT left(m_leaveReason);
        break;
    default:
        m_state = State::Disconnected;
        break;
    }
    Q_EMIT disconnected();
}

void Client::closeTransport()
{
    if (m_peer)
        m_peer->close(QStringLiteral("client closing"));
}

void Client::onMessage(const QByteArray& bytes)
{
    if (m_state == State::Closing || m_state == State::Disconnected || m_state == State::Connecting)
        return;
    QString error;
    std::optional<Message> message = m_serializer->decodeMessage(bytes, &error);
    if (!message) {
        protocolViolation(QStringLiteral("undecodable message: %1").arg(error));
        return;
    }
    switch (m_state) {
    case State::Connected:
        protocolViolation(
            QStringLiteral("%1 received while no session was requested").arg(message->typeName()));
        return;
    case State::Joining:
        handleJoining(*message);
        return;
    default:
        handleSession(*message);
        return;
    }
}

void Client::handleJoining(Message& message)
{
    switch (message.type) {
    // [WELCOME, Session|id, Details|dict]
    case MessageType::Welcome:
        m_joinTimer.stop();
        m_sessionId = message.sessionId;
        m_state = State::Joined;
        Q_EMIT joined(m_sessionId, message.details);
        return;
    // [ABORT, Details|dict, Reason|uri]
    case MessageType::Abort:
        handleAbort(message);
        return;
    // [CHALLENGE, AuthMethod|string, Extra|dict]
    case MessageType::Challenge:
        protocolViolation(QStringLiteral("CHALLENGE for authmethod '%1', but HELLO offered no authentication")
                              .arg(message.uriString()));
        return;
    default:
        protocolViolation(QStringLiteral("%1 received before WELCOME").arg(message.typeName()));
        return;
    }
}

void Client::handleSession(Message& message)
{
    switch (message.type) {
    case MessageType::Result:
    case MessageType::Registered:
    case MessageType::Unregistered:
    case MessageType::Subscribed:
    case MessageType::Unsubscribed:
    case MessageType::Published:
        handleReply(message);
        return;
    case MessageType::Error:
        handleError(message);
        return;
    case MessageType::Event:
        handleEvent(message);
        return;
    case MessageType::Invocation:
        // After our GOODBYE the router has left us out of routing; an answer now would be out of place.
        if (m_state == State::Joined)
            handleInvocation(message);
        return;
    // [GOODBYE, Details|dict, Reason|uri]
    case MessageType::Goodbye:
        if (m_state == State::Leaving) {
            endSession(QStringLiteral("left the session"), State::Closing);
            closeTransport();
            Q_EMIT left(message.uri);
        } else {
            handleRouterGoodbye(message);
        }
        return;
    case MessageType::Abort:
        handleAbort(message);
        return;
    case MessageType::Interrupt:
        protocolViolation(
            QStringLiteral("INTERRUPT received, but the client did not announce call canceling"));
        return;
    case MessageType::Welcome:
    case MessageType::Challenge:
        protocolViolation(QStringLiteral("%1 received in an established session").arg(message.typeName()));
        return;
    default:
        protocolViolation(QStringLiteral("%1 is a client-to-router message; a router must not send it")
                              .arg(message.typeName()));
        return;
    }
}

void Client::handleRouterGoodbye(const Message& goodbye)
{
    Message reply;
    reply.type = MessageType::Goodbye;
    reply.uri = uris::kGoodbyeAndOut;
    send(reply);
    endSession(QStringLiteral("session closed by the router: %1").arg(reasonText(goodbye)), State::Connected);
    Q_EMIT left(goodbye.uri);
}

void Client::handleAbort(const Message& abort)
{
    const QString text = reasonText(abort);
    endSession(QStringLiteral("ABORT %1").arg(text), State::Closing);
    closeTransport();
    Q_EMIT failed(text);
}

void Client::handleReply(Message& reply)
{
    const auto it = m_pending.find(reply.requestId);
    if (it == m_pending.end() || it->type != requestTypeOf(reply.type)) {
        if (reply.type == MessageType::Result && m_abandonedCalls.remove(reply.requestId))
            return;
        protocolViolation(QStringLiteral("%1 for request id %2, which has no %3 pending")
                              .arg(reply.typeName())
                              .arg(reply.requestId)
                              .arg(typeName(requestTypeOf(reply.type))));
        return;
    }
    PendingRequest pending = std::move(*it);
    m_pending.erase(it);
    RequestResult result;
    switch (reply.type) {
    // [RESULT, CALL.Request|id, Details|dict, Arguments|list, ArgumentsKw|dict]
    case MessageType::Result:
        result.args = std::move(reply.args);
        result.kwargs = std::move(reply.kwargs);
        result.details = std::move(reply.details);
        break;
    // [REGISTERED, REGISTER.Request|id, Registration|id]
    case MessageType::Registered: {
        auto registration = std::make_shared<Registration>();
        registration->procedure = std::move(pending.uri);
        registration->handler = std::move(pending.procedure);
        registration->deferredHandler = std::move(pending.deferredProcedure);
        m_registrations.insert(reply.registrationId, std::move(registration));
        result.id = reply.registrationId;
        break;
    }
    // [UNREGISTERED, UNREGISTER.Request|id]
    case MessageType::Unregistered:
        m_registrations.remove(pending.targetId);
        break;
    // [SUBSCRIBED, SUBSCRIBE.Request|id, Subscription|id]
    case MessageType::Subscribed: {
        std::shared_ptr<Subscription>& subscription = m_subscriptions[reply.subscriptionId];
        if (!subscription || !subscription->active)
            subscription = std::make_shared<Subscription>();
        subscription->topic = std::move(pending.uri);
        subscription->handlers.push_back(std::move(pending.event));
        result.id = reply.subscriptionId;
        break;
    }
    // [UNSUBSCRIBED, UNSUBSCRIBE.Request|id]
    case MessageType::Unsubscribed:
        m_subscriptions.remove(pending.targetId);
        break;
    // [PUBLISHED, PUBLISH.Request|id, Publication|id]
    case MessageType::Published:
        result.id = reply.publicationId;
        break;
    default:
        break;
    }
    if (pending.callback)
        pending.callback(result);
}

void Client::handleError(Message& error)
{
    // [ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri, Arguments|list,
    // ArgumentsKw|dict]
    const auto it = m_pending.find(error.requestId);
    if (it == m_pending.end() || it->type != error.requestType) {
        if (error.requestType == MessageType::Call && m_abandonedCalls.remove(error.requestId))
            return;
        protocolViolation(QStringLiteral("ERROR for %1 request id %2, which is not pending")
                              .arg(typeName(error.requestType))
                              .arg(error.requestId));
        return;
    }
    PendingRequest pending = std::move(*it);
    m_pending.erase(it);
    // The handlers were muted when unsubscribe() was called; whatever the router says, they stay gone.
    if (pending.type == MessageType::Unsubscribe) {
        const std::shared_ptr<Subscription> subscription = m_subscriptions.value(pending.targetId);
        if (subscription && !subscription->active)
            m_subscriptions.remove(pending.targetId);
    }
    if (!pending.callback)
        return;
    RequestResult result;
    result.error = std::move(error.uri);
    result.args = std::move(error.args);
    result.kwargs = std::move(error.kwargs);
    result.details = std::move(error.details);
    pending.callback(result);
}

void Client::handleEvent(Message& event)
{
    // [EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict, Arguments|list,
    //  ArgumentsKw|dict]
    const auto it = m_subscriptions.constFind(event.subscriptionId);
    if (it == m_subscriptions.cend()) {
        protocolViolation(QStringLiteral("EVENT for subscription %1, which this session does not hold")
                              .arg(event.subscriptionId));
        return;
    }
    // Held here: a handler may unsubscribe, or end the session, while it runs.
    const std::shared_ptr<Subscription> subscription = *it;
    const Event received{event.subscriptionId, event.publicationId, std::move(event.args),
                         std::move(event.kwargs), std::move(event.details)};
    for (std::size_t i = 0; i < subscription->handlers.size() && subscription->active; ++i) {
        if (subscription->handlers[i])
            subscription->handlers[i](received);
    }
}

void Client::handleInvocation(Message& invocation)
{
    // [INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict, Arguments|list, ArgumentsKw|dict]
    const auto it = m_registrations.constFind(invocation.registrationId);
    if (it == m_registrations.cend()) {
        protocolViolation(QStringLiteral("INVOCATION for registration %1, which this session does not hold")
                              .arg(invocation.registrationId));
        return;
    }
    const std::shared_ptr<Registration> registration = *it;
    const Invocation received{invocation.requestId, invocation.registrationId, std::move(invocation.args),
                              std::move(invocation.kwargs), std::move(invocation.details)};
    if (registration->deferredHandler) {
        auto state = std::make_shared<InvocationResponder::State>();
        state->client = this;
        state->sessionEpoch = m_sessionEpoch;
        state->requestId = received.requestId;
        registration->deferredHandler(received, InvocationResponder(std::move(state)));
        return;
    }
    InvocationResult result = registration->handler ? registration->handler(received)
                                                    : InvocationResult::failure(uris::kNoSuchProcedure);
    answerInvocation(m_sessionEpoch, received.requestId, std::move(result));
}

void Client::answerInvocation(quint64 sessionEpoch, quint64 requestId, InvocationResult result)
{
    // The handler may have ended the session; its router side no longer waits for this answer.
    if (sessionEpoch != m_sessionEpoch || m_state != State::Joined)
        return;
    Message answer;
    answer.requestId = requestId;
    answer.args = std::move(result.args);
    answer.kwargs = std::move(result.kwargs);
    if (result.error.isEmpty()) {
        // [YIELD, INVOCATION.Request|id, Options|dict, Arguments|list, ArgumentsKw|dict]
        answer.type = MessageType::Yield;
    } else {
        // [ERROR, INVOCATION, INVOCATION.Request|id, Details|dict, Error|uri, Arguments|list,
        // ArgumentsKw|dict]
        answer.type = MessageType::Error;
        answer.requestType = MessageType::Invocation;
        answer.uri = std::move(result.error);
    }
    send(answer);
}

void Client::protocolViolation(const QString& text)
{
    if (m_state == State::Joining || m_state == State::Joined || m_state == State::Leaving ||
        m_state == State::Connected) {
        Message abort;
        abort.type = MessageType::Abort;
        abort.uri = uris::kProtocolViolation;
        abort.details = messageDetails(text);
        send(abort);
    }
    const QString error = QStringLiteral("protocol violation by the router: %1").arg(text);
    endSession(error, State::Closing);
    closeTransport();
    Q_EMIT failed(error);
}

void Client::addDeadline(quint64 requestId, int timeoutMs)
{
    const qint64 deadline = m_clock.elapsed() + timeoutMs;
    const bool earliest = m_deadlines.empty() || deadline < m_deadlines.top().first;
    m_deadlines.emplace(deadline, requestId);
    if (earliest)
        scheduleDeadlineTimer();
}

void Client::scheduleDeadlineTimer()
{
    if (m_deadlines.empty()) {
        m_deadlineTimer.stop();
        return;
    }
    m_deadlineTimer.start(int(std::max<qint64>(0, m_deadlines.top().first - m_clock.elapsed())));
}

void Client::onDeadline()
{
    const quint64 epoch = m_sessionEpoch;
    while (!m_deadlines.empty() && m_deadlines.top().first <= m_clock.elapsed() && epoch == m_sessionEpoch) {
        const quint64 requestId = m_deadlines.top().second;
        m_deadlines.pop();
        const auto it = m_pending.find(requestId);
        if (it == m_pending.end())
            continue; // answered in time
        RequestCallback callback = std::move(it->callback);
        m_pending.erase(it);
        m_abandonedCalls.insert(requestId);
        if (callback) {
            RequestResult result;
            result.error = kTimeout;
            result.args = textArgs(QStringLiteral("no answer within the call's timeout"));
            callback(result);
        }
    }
    if (epoch == m_sessionEpoch)
        scheduleDeadlineTimer();
}

void Client::endSession(const QString& reason, State next)
{
    m_state = next;
    m_joinTimer.stop();
    m_goodbyeTimer.stop();
    m_deadlineTimer.stop();
    m_deadlines = {};
    m_abandonedCalls.clear();
    for (const std::shared_ptr<Subscription>& subscription : std::as_const(m_subscriptions))
        subscription->active = false;
    m_subscriptions.clear();
    m_registrations.clear();
    m_sessionId = 0;
    ++m_sessionEpoch;

    // Callbacks in request order, each once; taken out first, since a callback may start new requests.
    const QHash<quint64, PendingRequest> pending = std::exchange(m_pending, {});
    if (pending.isEmpty())
        return;
    QList<quint64> ids = pending.keys();
    std::sort(ids.begin(), ids.end());
    RequestResult result;
    result.error = uris::kCanceled;
    result.args = textArgs(reason);
    for (quint64 id : std::as_const(ids)) {
        const RequestCallback& callback = pending.constFind(id)->callback;
        if (callback)
            callback(result);
    }
}

} // namespace wamp
