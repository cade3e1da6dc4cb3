#include "client.h"

#include "clientmessages.h"
#include "clienttransport.h"
#include "transport/peer.h"
#include "wamp/errors.h"

namespace wamp {

using namespace clientmessages;

namespace {

const QByteArray kNotJoined = QByteArrayLiteral("wampscope.error.not_joined");
const QByteArray kTimeout = QByteArrayLiteral("wamp.error.timeout");

} // namespace

Client::Client(QObject* parent)
    : QObject(parent)
{
    m_pending.setExpiryHandler([](PendingRequests::Request request) {
        if (request.callback)
            request.callback(localError(kTimeout, QStringLiteral("no answer within the call's timeout")));
    });
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
}

Client::~Client()
{
    // Nothing may call back from here on: drop what is pending without calling it.
    m_state = State::Disconnected;
    ++m_sessionEpoch;
    if (m_peer)
        disconnect(m_peer, nullptr, this, nullptr);
    m_pending.takeAll();
    m_handlers.clear();
}

bool Client::open(const ConnectingTransportConfig& config)
{
    if (m_state != State::Disconnected)
        return false;
    m_config = config;
    m_state = State::Connecting;
    ++m_openCount;
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
    send(goodbye(reason));
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
    Message message = request(MessageType::Call, procedure);
    message.args = std::move(args);
    message.kwargs = std::move(kwargs);
    startRequest(message, {.callback = std::move(callback)}, options.timeoutMs);
}

void Client::registerProcedure(const QByteArray& procedure, ProcedureHandler handler, RequestCallback done)
{
    // [REGISTER, Request|id, Options|dict, Procedure|uri]
    Message message = request(MessageType::Register, procedure);
    startRequest(message, {.callback = std::move(done), .uri = procedure, .procedure = std::move(handler)});
}

void Client::registerDeferredProcedure(const QByteArray& procedure, DeferredProcedureHandler handler,
                                       RequestCallback done)
{
    Message message = request(MessageType::Register, procedure);
    startRequest(message,
                 {.callback = std::move(done), .uri = procedure, .deferredProcedure = std::move(handler)});
}

void Client::unregisterProcedure(quint64 registrationId, RequestCallback done)
{
    // [UNREGISTER, Request|id, REGISTERED.Registration|id]
    Message message = request(MessageType::Unregister);
    message.registrationId = registrationId;
    startRequest(message, {.callback = std::move(done), .targetId = registrationId});
}

void Client::subscribe(const QByteArray& topic, EventHandler handler, RequestCallback done)
{
    // [SUBSCRIBE, Request|id, Options|dict, Topic|uri]
    Message message = request(MessageType::Subscribe, topic);
    startRequest(message, {.callback = std::move(done), .uri = topic, .event = std::move(handler)});
}

void Client::unsubscribe(quint64 subscriptionId, RequestCallback done)
{
    // [UNSUBSCRIBE, Request|id, SUBSCRIBED.Subscription|id]
    Message message = request(MessageType::Unsubscribe);
    message.subscriptionId = subscriptionId;
    if (m_state == State::Joined)
        m_handlers.muteSubscription(subscriptionId);
    startRequest(message, {.callback = std::move(done), .targetId = subscriptionId});
}

void Client::publish(const QByteArray& topic, Value args, Value kwargs, PublishOptions options,
                     RequestCallback done)
{
    // [PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list, ArgumentsKw|dict]
    Message message = request(MessageType::Publish, topic);
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
    if (options.acknowledge || m_state != State::Joined) {
        startRequest(message, {.callback = std::move(done)});
        return;
    }
    // Unacknowledged: the router never answers, so nothing is kept.
    message.requestId = nextRequestId();
    send(message);
    if (done)
        done(RequestResult());
}

void Client::startRequest(Message& message, PendingRequests::Request pending, int timeoutMs)
{
    if (m_state != State::Joined) {
        failLater(std::move(pending.callback), kNotJoined,
                  QStringLiteral("%1 not sent: no session is established").arg(typeName(message.type)));
        return;
    }
    message.requestId = nextRequestId();
    pending.type = message.type;
    m_pending.add(message.requestId, std::move(pending), timeoutMs);
    send(message);
}

void Client::failLater(RequestCallback callback, const QByteArray& uri, const QString& text)
{
    if (!callback)
        return;
    // Never from inside the request call itself: callers may not expect re-entrance.
    QMetaObject::invokeMethod(
        this, [callback = std::move(callback), result = localError(uri, text)] { callback(result); },
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
    m_joinRequested = false;
    m_lastRequestId = 0;
    m_state = State::Joining;
    m_joinTimer.start(m_config.connectTimeoutMs);
    send(hello(m_realm));
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
    const quint64 attempt = m_openCount;
    Q_EMIT failed(error);
    if (attempt == m_openCount)
        Q_EMIT disconnected();
}

void Client::onPeerDisconnected(const QString& reason)
{
    const State previous = m_state;
    const quint64 attempt = m_openCount;
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
    if (attempt == m_openCount)
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
    send(clientmessages::goodbye(uris::kGoodbyeAndOut));
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
    std::optional<PendingRequests::Request> pending =
        m_pending.take(reply.requestId, requestTypeOf(reply.type));
    if (!pending) {
        if (reply.type == MessageType::Result && m_pending.takeAbandoned(reply.requestId))
            return;
        protocolViolation(QStringLiteral("%1 for request id %2, which has no %3 pending")
                              .arg(reply.typeName())
                              .arg(reply.requestId)
                              .arg(typeName(requestTypeOf(reply.type))));
        return;
    }
    RequestResult result;
    switch (reply.type) {
    // [RESULT, CALL.Request|id, Details|dict, Arguments|list, ArgumentsKw|dict]
    case MessageType::Result:
        result.args = std::move(reply.args);
        result.kwargs = std::move(reply.kwargs);
        result.details = std::move(reply.details);
        break;
    // [REGISTERED, REGISTER.Request|id, Registration|id]
    case MessageType::Registered:
        m_handlers.addRegistration(
            reply.registrationId,
            {std::move(pending->uri), std::move(pending->procedure), std::move(pending->deferredProcedure)});
        result.id = reply.registrationId;
        break;
    // [UNREGISTERED, UNREGISTER.Request|id]
    case MessageType::Unregistered:
        m_handlers.removeRegistration(pending->targetId);
        break;
    // [SUBSCRIBED, SUBSCRIBE.Request|id, Subscription|id]
    case MessageType::Subscribed:
        m_handlers.addSubscription(reply.subscriptionId, pending->uri, std::move(pending->event));
        result.id = reply.subscriptionId;
        break;
    // [UNSUBSCRIBED, UNSUBSCRIBE.Request|id]
    case MessageType::Unsubscribed:
        m_handlers.removeMutedSubscription(pending->targetId);
        break;
    // [PUBLISHED, PUBLISH.Request|id, Publication|id]
    case MessageType::Published:
        result.id = reply.publicationId;
        break;
    default:
        break;
    }
    if (pending->callback)
        pending->callback(result);
}

void Client::handleError(Message& error)
{
    // [ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri, Arguments|list,
    // ArgumentsKw|dict]
    std::optional<PendingRequests::Request> pending = m_pending.take(error.requestId, error.requestType);
    if (!pending) {
        if (error.requestType == MessageType::Call && m_pending.takeAbandoned(error.requestId))
            return;
        protocolViolation(QStringLiteral("ERROR for %1 request id %2, which is not pending")
                              .arg(typeName(error.requestType))
                              .arg(error.requestId));
        return;
    }
    // The handlers were muted when unsubscribe() was called; whatever the router says, they stay gone.
    if (pending->type == MessageType::Unsubscribe)
        m_handlers.removeMutedSubscription(pending->targetId);
    if (!pending->callback)
        return;
    RequestResult result;
    result.error = std::move(error.uri);
    result.args = std::move(error.args);
    result.kwargs = std::move(error.kwargs);
    result.details = std::move(error.details);
    pending->callback(result);
}

void Client::handleEvent(Message& event)
{
    // [EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict, Arguments|list,
    //  ArgumentsKw|dict]
    const Event received{event.subscriptionId, event.publicationId, std::move(event.args),
                         std::move(event.kwargs), std::move(event.details)};
    if (!m_handlers.deliver(received))
        protocolViolation(QStringLiteral("EVENT for subscription %1, which this session does not hold")
                              .arg(event.subscriptionId));
}

void Client::handleInvocation(Message& invocation)
{
    // [INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict, Arguments|list, ArgumentsKw|dict]
    // Held here: the handler may unregister, or end the session, while it runs.
    const std::shared_ptr<const HandlerTable::Registration> registration =
        m_handlers.registration(invocation.registrationId);
    if (!registration) {
        protocolViolation(QStringLiteral("INVOCATION for registration %1, which this session does not hold")
                              .arg(invocation.registrationId));
        return;
    }
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
    send(invocationAnswer(requestId, std::move(result)));
}

void Client::protocolViolation(const QString& text)
{
    if (m_state == State::Joining || m_state == State::Joined || m_state == State::Leaving ||
        m_state == State::Connected) {
        send(clientmessages::abort(uris::kProtocolViolation, text));
    }
    const QString error = QStringLiteral("protocol violation by the router: %1").arg(text);
    endSession(error, State::Closing);
    closeTransport();
    Q_EMIT failed(error);
}

void Client::endSession(const QString& reason, State next)
{
    m_state = next;
    m_joinTimer.stop();
    m_goodbyeTimer.stop();
    m_handlers.clear();
    m_sessionId = 0;
    ++m_sessionEpoch;

    // Each callback once, in request order; taken out first, since a callback may start new requests.
    const std::vector<PendingRequests::Request> pending = m_pending.takeAll();
    if (pending.empty())
        return;
    const RequestResult canceled = localError(uris::kCanceled, reason);
    for (const PendingRequests::Request& request : pending) {
        if (request.callback)
            request.callback(canceled);
    }
}

} // namespace wamp
