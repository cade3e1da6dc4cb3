#pragma once

#include "messageobserver.h"
#include "realmendpoint.h"
#include "sessioninfo.h"
#include "transport/peer.h"

#include <QObject>
#include <QTimer>

namespace wamp {

/*!
 * One WAMP session on one transport connection: the session state machine of the spec.
 *
 * Before HELLO only HELLO and ABORT are accepted; HELLO joins a realm (WELCOME) or fails (ABORT with
 * wamp.error.no_such_realm, invalid_uri, protocol_violation). While established, GOODBYE ends the session
 * (the transport stays open for a new HELLO), anything a client may not send is a protocol violation (ABORT
 * and close), and the rest goes to the realm. Router-initiated close (shutdown(), kill) sends GOODBYE and
 * waits for the reply, with a time limit.
 *
 * The session owns its Peer. finished() is emitted once, when the connection is gone and the session has left
 * its realm; the owner then deletes it.
 */
class Session : public QObject {
    Q_OBJECT

public:
    enum class State { AwaitingHello, Established, Closing, Closed };

    Session(Peer* peer, RealmDirectory& directory, QObject* parent = nullptr);
    ~Session() override;

    quint64 id() const { return m_info.id; }
    State state() const { return m_state; }
    const SessionInfo& info() const { return m_info; }
    RealmEndpoint* realm() const { return m_realm; }
    const Peer& peer() const { return *m_peer; }
    SerializerKind serializerKind() const { return m_peer->serializerKind(); }

    //! Encodes and sends a message to this session's peer. \a origin links it to the request it stems from
    //! (for the trace).
    void send(const Message& message, MessageObserver::Origin origin = {});
    //! Sends \a message already encoded with this session's serializer (broker fan-out encodes once).
    void sendEncoded(const Message& message, const QByteArray& encoded, MessageObserver::Origin origin = {});

    //! Every message in and out is reported to \a observer (nullptr: none).
    void setObserver(MessageObserver* observer) { m_observer = observer; }
    //! Sends ERROR for a request of this session.
    void sendError(MessageType requestType, quint64 requestId, const QByteArray& uri,
                   const QString& text = {});

    //! Request id for a router-to-client request (INVOCATION): sequential per session, as the spec suggests.
    quint64 nextOutgoingRequestId();

    //! Router-initiated end: GOODBYE with \a reason, then close once the client answers (or after a timeout).
    void close(const QByteArray& reason, const QString& message);
    //! A protocol error by this peer: leave the realm, send ABORT wamp.error.protocol_violation, close.
    void protocolViolation(const QString& message);

    static constexpr int kGoodbyeTimeoutMs = 3000;

Q_SIGNALS:
    void joined(const wamp::SessionInfo& info);
    //! The session left its realm (GOODBYE, ABORT, disconnect, kill); \a reason says how.
    void left(const wamp::SessionInfo& info, const QString& reason);
    //! The connection is closed and the session holds nothing any more.
    void finished(wamp::Session* session);

private:
    void onMessage(const QByteArray& bytes);
    void onDisconnected(const QString& reason);
    void handleHello(const Message& hello);
    void handleEstablished(const Message& message);
    void abort(const QByteArray& reason, const QString& message);
    void leaveRealm(const QString& reason);
    void closeTransport(const QString& reason);

    Peer* m_peer;
    RealmDirectory& m_directory;
    RealmEndpoint* m_realm = nullptr;
    SessionInfo m_info;
    State m_state = State::AwaitingHello;
    quint64 m_lastOutgoingRequestId = 0;
    QTimer m_goodbyeTimer;
    MessageObserver* m_observer = nullptr;
};

} // namespace wamp
