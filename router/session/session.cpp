#include "session.h"

#include "wamp/errors.h"
#include "wamp/ids.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QScopeGuard>

namespace wamp {

namespace {

Q_LOGGING_CATEGORY(lcDebug, "wampscope.transport.debug")

void logMessage(const Session& session, const char* direction, const QByteArray& bytes)
{
    const Serializer& serializer = session.peer().serializer();
    const QString text = serializer.isBinary()
                             ? serializer.decode(bytes, nullptr).value_or(Value()).toDebugString()
                             : QString::fromUtf8(bytes);
    qCInfo(lcDebug).noquote() << QStringLiteral("%1 session %2 %3 %4")
                                     .arg(session.peer().transportId(), QString::number(session.id()),
                                          QLatin1StringView(direction), text);
}

Value messageDetails(const QString& text)
{
    if (text.isEmpty())
        return Value(Value::Dict{});
    return DictBuilder().add("message", Value(text)).build();
}

bool isClientToRouter(MessageType type)
{
    switch (type) {
    case MessageType::Hello:
    case MessageType::Authenticate:
    case MessageType::Goodbye:
    case MessageType::Abort:
    case MessageType::Error:
    case MessageType::Publish:
    case MessageType::Subscribe:
    case MessageType::Unsubscribe:
    case MessageType::Call:
    case MessageType::Cancel:
    case MessageType::Register:
    case MessageType::Unregister:
    case MessageType::Yield:
        return true;
    default:
        return false;
    }
}

// HELLO.Details.roles must name at least one client role, each with a dict (WAMP spec, "HELLO").
QString checkClientRoles(const Value& details)
{
    const Value& roles = details["roles"];
    if (!roles.isDict() || roles.dict().empty())
        return QStringLiteral("HELLO.Details.roles must be a non-empty dict of client roles");
    for (const auto& [name, role] : roles.dict()) {
        if (name != "caller" && name != "callee" && name != "publisher" && name != "subscriber")
            return QStringLiteral("HELLO.Details.roles has unknown role '%1'").arg(QString::fromUtf8(name));
        if (!role.isDict())
            return QStringLiteral("HELLO.Details.roles.%1 must be a dict").arg(QString::fromUtf8(name));
    }
    return {};
}

} // namespace

Session::Session(Peer* peer, RealmDirectory& directory, QObject* parent)
    : QObject(parent)
    , m_peer(peer)
    , m_directory(directory)
{
    m_peer->setParent(this);
    m_info.transportId = m_peer->transportId();
    m_info.transportType = m_peer->transportType();
    m_info.serializer = m_peer->serializer().name();
    m_info.peerAddress = m_peer->peerAddress();
    m_goodbyeTimer.setSingleShot(true);
    m_goodbyeTimer.setInterval(kGoodbyeTimeoutMs);
    connect(&m_goodbyeTimer, &QTimer::timeout, this, [this] {
        closeTransport(QStringLiteral("no GOODBYE reply within %1 ms").arg(kGoodbyeTimeoutMs));
    });
    connect(m_peer, &Peer::messageReceived, this, &Session::onMessage);
    connect(m_peer, &Peer::disconnected, this, &Session::onDisconnected);
}

Session::~Session()
{
    // Normally the realm was left on disconnect; this guards owners that delete a live session.
    if (m_realm)
        m_realm->leave(*this);
}

void Session::send(const Message& message, MessageObserver::Origin origin)
{
    sendEncoded(message, m_peer->serializer().encodeMessage(message), origin);
}

void Session::sendEncoded(const Message& message, const QByteArray& encoded, MessageObserver::Origin origin)
{
    ++m_info.messagesOut;
    m_info.bytesOut += quint64(encoded.size());
    if (m_observer)
        m_observer->observe(*this, MessageObserver::Direction::Out, &message, encoded, origin);
    if (m_peer->isDebug())
        logMessage(*this, "out", encoded);
    m_peer->send(encoded);
}

void Session::sendError(MessageType requestType, quint64 requestId, const QByteArray& uri,
                        const QString& text)
{
    Message error;
    error.type = MessageType::Error;
    error.requestType = requestType;
    error.requestId = requestId;
    error.uri = uri;
    if (!text.isEmpty())
        error.args = Value(Value::List{Value(text)});
    send(error);
}

quint64 Session::nextOutgoingRequestId()
{
    m_lastOutgoingRequestId = m_lastOutgoingRequestId >= kMaxId ? 1 : m_lastOutgoingRequestId + 1;
    return m_lastOutgoingRequestId;
}

void Session::onMessage(const QByteArray& bytes)
{
    if (m_state == State::Closed)
        return;
    ++m_info.messagesIn;
    m_info.bytesIn += quint64(bytes.size());
    if (m_peer->isDebug())
        logMessage(*this, "in ", bytes);
    QString error;
    const std::optional<Message> message = m_peer->serializer().decodeMessage(bytes, &error);
    // Handling the message may end this session; the observer outlives it.
    MessageObserver* const observer = m_observer;
    if (observer)
        observer->observe(*this, MessageObserver::Direction::In, message ? &*message : nullptr, bytes, {});
    const auto handled = qScopeGuard([observer] {
        if (observer)
            observer->inputHandled();
    });
    if (!message) {
        protocolViolation(error);
        return;
    }
    switch (m_state) {
    case State::AwaitingHello:
        if (message->type == MessageType::Hello)
            handleHello(*message);
        else if (message->type == MessageType::Abort)
            closeTransport(QStringLiteral("client aborted: %1").arg(message->uriString()));
        else
            protocolViolation(
                QStringLiteral("received %1 before the session was established (send HELLO first)")
                    .arg(message->typeName()));
        break;
    case State::Established:
        handleEstablished(*message);
        break;
    case State::Closing:
        // We sent GOODBYE; everything but the reply is moot now.
        if (message->type == MessageType::Goodbye || message->type == MessageType::Abort)
            closeTransport(QStringLiteral("GOODBYE acknowledged"));
        break;
    case State::Closed:
        break;
    }
}

void Session::handleHello(const Message& hello)
{
    const QString roleProblem = checkClientRoles(hello.details);
    if (!roleProblem.isEmpty()) {
        protocolViolation(roleProblem);
        return;
    }
    if (!isValidUri(hello.uri, UriCheck::Loose)) {
        abort(uris::kInvalidUri, QStringLiteral("'%1' is not a valid realm URI").arg(hello.uriString()));
        return;
    }
    RealmEndpoint* realm = m_directory.findRealm(hello.uri);
    if (!realm) {
        abort(uris::kNoSuchRealm, QStringLiteral("no realm '%1' on this router").arg(hello.uriString()));
        return;
    }
    const QString authrole = m_peer->anonymousRole();
    if (authrole.isEmpty()) {
        abort(uris::kNoAuthMethod,
              QStringLiteral("this transport admits no anonymous sessions, and its other "
                             "authentication methods are not implemented yet"));
        return;
    }
    if (!realm->hasRole(authrole)) {
        abort(uris::kNoSuchRole,
              QStringLiteral("role '%1' is not defined on realm '%2'").arg(authrole, realm->name()));
        return;
    }
    m_info.id = m_directory.newSessionId();
    m_info.realm = realm->name();
    m_info.authrole = authrole;
    m_info.authmethod = QStringLiteral("anonymous");
    // Anonymous sessions get a router-chosen authid (as Crossbar does): the client's claim is not trusted.
    m_info.authid = QString::number(randomGlobalId(), 36).toUpper().rightJustified(11, u'0');
    m_info.joinedAt = QDateTime::currentDateTimeUtc();
    m_realm = realm;
    m_state = State::Established;

    Message welcome;
    welcome.type = MessageType::Welcome;
    welcome.sessionId = m_info.id;
    welcome.details =
        DictBuilder()
            .add("realm", Value(m_info.realm))
            .add("authid", Value(m_info.authid))
            .add("authrole", Value(m_info.authrole))
            .add("authmethod", Value(m_info.authmethod))
            .add("authprovider", Value("static"))
            .add("roles", realm->routerRoles())
            .add("agent", Value(QStringLiteral("Wampscope/") + QCoreApplication::applicationVersion()))
            .build();
    send(welcome);
    realm->join(*this);
    Q_EMIT joined(m_info);
}

void Session::handleEstablished(const Message& message)
{
    switch (message.type) {
    case MessageType::Goodbye: {
        Message reply;
        reply.type = MessageType::Goodbye;
        reply.uri = uris::kGoodbyeAndOut;
        send(reply);
        leaveRealm(QStringLiteral("GOODBYE (%1)").arg(message.uriString()));
        m_state = State::AwaitingHello;
        return;
    }
    case MessageType::Abort:
        leaveRealm(QStringLiteral("client aborted: %1").arg(message.uriString()));
        closeTransport(QStringLiteral("client aborted"));
        return;
    case MessageType::Hello:
        protocolViolation(QStringLiteral("HELLO received while the session is already established"));
        return;
    case MessageType::Authenticate:
        protocolViolation(QStringLiteral("AUTHENTICATE received without a CHALLENGE"));
        return;
    default:
        break;
    }
    if (!isClientToRouter(message.type)) {
        protocolViolation(QStringLiteral("%1 is a router-to-client message; a client must not send it")
                              .arg(message.typeName()));
        return;
    }
    m_realm->dispatch(*this, message);
}

void Session::close(const QByteArray& reason, const QString& message)
{
    if (m_state == State::AwaitingHello) {
        closeTransport(QString::fromUtf8(reason));
        return;
    }
    if (m_state != State::Established)
        return;
    Message goodbye;
    goodbye.type = MessageType::Goodbye;
    goodbye.uri = reason;
    goodbye.details = messageDetails(message);
    send(goodbye);
    leaveRealm(QStringLiteral("closed by router: %1").arg(QString::fromUtf8(reason)));
    m_state = State::Closing;
    m_goodbyeTimer.start();
}

void Session::protocolViolation(const QString& message)
{
    abort(uris::kProtocolViolation, message);
}

void Session::abort(const QByteArray& reason, const QString& message)
{
    if (m_state == State::Closed)
        return;
    leaveRealm(QStringLiteral("ABORT %1: %2").arg(QString::fromUtf8(reason), message));
    Message abortMessage;
    abortMessage.type = MessageType::Abort;
    abortMessage.uri = reason;
    abortMessage.details = messageDetails(message);
    send(abortMessage);
    closeTransport(QStringLiteral("%1: %2").arg(QString::fromUtf8(reason), message));
}

void Session::leaveRealm(const QString& reason)
{
    if (!m_realm)
        return;
    RealmEndpoint* realm = std::exchange(m_realm, nullptr);
    realm->leave(*this);
    Q_EMIT left(m_info, reason);
}

void Session::closeTransport(const QString& reason)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_goodbyeTimer.stop();
    m_peer->close(reason);
}

void Session::onDisconnected(const QString& reason)
{
    m_goodbyeTimer.stop();
    leaveRealm(QStringLiteral("connection lost: %1").arg(reason));
    m_state = State::Closed;
    Q_EMIT finished(this);
}

} // namespace wamp
