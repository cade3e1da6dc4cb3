#pragma once

#include "clienttypes.h"
#include "connectingtransportconfig.h"
#include "handlertable.h"
#include "invocationresponder.h"
#include "pendingrequests.h"
#include "wamp/message.h"

#include <QObject>
#include <QTimer>

namespace wamp {

class ClientTransport;
class Peer;

/*!
 * One WAMP client session over a connecting transport: caller, callee, publisher and subscriber roles of the
 * Basic Profile, with no advanced features announced.
 *
 * Results come back through callbacks (std::function), called directly from the message handler: no signal
 * per message, so a benchmark can drive 100k calls a second. Payloads are passed as Value, whose lists and
 * dicts are shared, not copied.
 *
 * Lifecycle: open() (or openAndJoin()) → transportOpened() → join() → joined() → ... → leave() → left() →
 * disconnected(). failed() reports what went wrong: a transport that could not be opened or dropped, ABORT
 * from the router ("wamp.error.no_such_realm: no realm 'x' on this router"), no WELCOME within the
 * transport's connect timeout, or a protocol violation by the router (answered with ABORT
 * wamp.error.protocol_violation, e.g. a RESULT for a request id never sent). disconnected() follows once per
 * open(), also when the transport never came up. A GOODBYE from the router (Router::killSession(), shutdown)
 * is answered and reported by left(); the router then closes the transport.
 *
 * Every request's callback is called exactly once: with the router's answer, or with a local error when the
 * session ends first or the request could not be sent (see RequestResult for the URIs). Request ids are
 * sequential per session from 1. Nothing is called after the Client is destroyed, and pending callbacks are
 * then dropped without a call. Do not delete the Client from inside one of its callbacks or signals; use
 * deleteLater().
 */
class Client : public QObject {
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Joining, Joined, Leaving, Closing };
    Q_ENUM(State)

    explicit Client(QObject* parent = nullptr);
    ~Client() override;

    //! Opens the transport; false (and nothing happens) unless the client is disconnected.
    bool open(const ConnectingTransportConfig& config);
    //! Sends HELLO for \a realm now, or as soon as the transport is open; false unless connecting or
    //! connected without a session.
    bool join(const QByteArray& realm);
    bool openAndJoin(const ConnectingTransportConfig& config, const QByteArray& realm);
    /*!
     * Sends GOODBYE and waits up to kGoodbyeTimeoutMs for the router's; then left() (with the router's
     * reason, or \a reason when it did not answer in time or closed the connection instead) and the
     * transport is closed. Only while joined.
     */
    void leave(const QByteArray& reason = QByteArrayLiteral("wamp.close.normal"));
    //! Closes the transport at once, in any state; pending callbacks get wamp.error.canceled.
    void close();

    State state() const { return m_state; }
    bool isJoined() const { return m_state == State::Joined; }
    //! The WELCOME's session id while joined, otherwise 0.
    quint64 sessionId() const { return m_sessionId; }
    const QByteArray& realm() const { return m_realm; }
    //! The open transport, or nullptr.
    const Peer* peer() const { return m_peer; }

    //! CALL \a procedure; \a callback gets RESULT or ERROR (args Null or a List, kwargs Null or a Dict).
    void call(const QByteArray& procedure, Value args, Value kwargs, RequestCallback callback,
              CallOptions options = {});

    /*!
     * REGISTER \a procedure; \a handler answers each INVOCATION at once. \a done gets the registration id
     * (RequestResult::id) or the error.
     */
    void registerProcedure(const QByteArray& procedure, ProcedureHandler handler, RequestCallback done = {});
    //! REGISTER with a handler that answers through an InvocationResponder, possibly later.
    void registerDeferredProcedure(const QByteArray& procedure, DeferredProcedureHandler handler,
                                   RequestCallback done = {});
    //! UNREGISTER; invocations keep being served until the router confirms.
    void unregisterProcedure(quint64 registrationId, RequestCallback done = {});

    /*!
     * SUBSCRIBE to \a topic; \a done gets the subscription id. Subscribing twice to one topic yields the same
     * subscription id (the router's), with both handlers called for each event.
     */
    void subscribe(const QByteArray& topic, EventHandler handler, RequestCallback done = {});
    //! UNSUBSCRIBE; the subscription's handlers get no event from now on.
    void unsubscribe(quint64 subscriptionId, RequestCallback done = {});

    /*!
     * PUBLISH to \a topic. With options.acknowledge, \a done gets PUBLISHED (publication id) or ERROR;
     * without it, \a done is called with success (id 0) before publish() returns.
     */
    void publish(const QByteArray& topic, Value args, Value kwargs, PublishOptions options = {},
                 RequestCallback done = {});

    //! Requests waiting for an answer (calls, registrations, subscriptions, acknowledged publications, ...).
    qsizetype pendingRequestCount() const;

    static constexpr int kGoodbyeTimeoutMs = 3000;

Q_SIGNALS:
    //! The transport is up (no session yet).
    void transportOpened();
    void joined(quint64 sessionId, const wamp::Value& welcomeDetails);
    //! The session ended by GOODBYE, from either side; \a reason is the router's GOODBYE reason.
    void left(const QByteArray& reason);
    //! Something went wrong (see the class description); \a error is meant for people.
    void failed(const QString& error);
    //! The transport is gone, or never came up after open().
    void disconnected();

private:
    friend class InvocationResponder;

    void onTransportConnected(Peer* peer);
    void onTransportFailed(const QString& error);
    void onMessage(const QByteArray& bytes);
    void onPeerDisconnected(const QString& reason);
    void handleJoining(Message& message);
    void handleSession(Message& message);
    void handleRouterGoodbye(const Message& goodbye);
    void handleAbort(const Message& abort);
    void handleError(Message& error);
    void handleReply(Message& reply);
    void handleEvent(Message& event);
    void handleInvocation(Message& invocation);
    void answerInvocation(quint64 sessionEpoch, quint64 requestId, InvocationResult result);
    void protocolViolation(const QString& text);
    void sendHello();
    void send(const Message& message);
    quint64 nextRequestId();
    //! Sends a request and remembers it; when not joined, the callback gets an error later instead.
    void startRequest(Message& message, PendingRequests::Request pending, int timeoutMs = 0);
    void failLater(RequestCallback callback, const QByteArray& uri, const QString& text);
    //! The session is over: forget its state and fail every pending request with wamp.error.canceled.
    void endSession(const QString& reason, State next);
    void closeTransport();

    State m_state = State::Disconnected;
    ClientTransport* m_transport = nullptr;
    Peer* m_peer = nullptr;
    const Serializer* m_serializer = nullptr;
    ConnectingTransportConfig m_config;
    QByteArray m_realm;
    bool m_joinRequested = false;
    //! Counts open() calls: a failed() handler that opens again gets no stale disconnected() after it.
    quint64 m_openCount = 0;
    quint64 m_sessionId = 0;
    //! Increments whenever a session ends, so late deferred answers of an old session are dropped.
    quint64 m_sessionEpoch = 0;
    quint64 m_lastRequestId = 0;
    QByteArray m_leaveReason;
    QTimer m_joinTimer;
    QTimer m_goodbyeTimer;

    PendingRequests m_pending;
    HandlerTable m_handlers;
};

} // namespace wamp
