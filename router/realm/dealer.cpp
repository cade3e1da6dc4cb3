#include "dealer.h"

#include "session/session.h"
#include "wamp/errors.h"

namespace wamp {

namespace {

bool isReserved(QByteArrayView uri)
{
    return uri.startsWith("wamp.");
}

} // namespace

Value Dealer::features()
{
    return Value(Value::Dict{});
}

void Dealer::registerProcedure(Session& callee, const Message& registerMessage)
{
    const auto refuse = [&](const QByteArray& uri, const QString& text) {
        callee.sendError(MessageType::Register, registerMessage.requestId, uri, text);
    };
    const Value& match = registerMessage.details["match"];
    if (!match.isNull() && match.bytes() != "exact")
        return refuse(
            uris::kInvalidArgument,
            QStringLiteral("match policy '%1' is not supported (only exact)").arg(match.toString()));
    const Value& invoke = registerMessage.details["invoke"];
    if (!invoke.isNull() && invoke.bytes() != "single")
        return refuse(
            uris::kInvalidArgument,
            QStringLiteral("invocation policy '%1' is not supported (only single)").arg(invoke.toString()));
    if (!isValidUri(registerMessage.uri, m_uriCheck))
        return refuse(uris::kInvalidUri,
                      QStringLiteral("'%1' is not a valid procedure URI").arg(registerMessage.uriString()));
    if (isReserved(registerMessage.uri))
        return refuse(
            uris::kInvalidUri,
            QStringLiteral("'%1' is in the reserved wamp. namespace").arg(registerMessage.uriString()));
    if (m_byProcedure.contains(registerMessage.uri))
        return refuse(uris::kProcedureAlreadyExists,
                      QStringLiteral("'%1' is already registered").arg(registerMessage.uriString()));

    auto registration = std::make_shared<Registration>();
    registration->id = m_ids.next();
    registration->procedure = registerMessage.uri;
    registration->callee = &callee;
    m_byProcedure.insert(registration->procedure, registration);
    m_byId.insert(registration->id, registration);

    Message reply;
    reply.type = MessageType::Registered;
    reply.requestId = registerMessage.requestId;
    reply.registrationId = registration->id;
    callee.send(reply);
}

void Dealer::unregisterProcedure(Session& callee, const Message& unregister)
{
    const std::shared_ptr<Registration> registration = m_byId.value(unregister.registrationId);
    if (!registration || registration->callee != &callee) {
        callee.sendError(
            MessageType::Unregister, unregister.requestId, uris::kNoSuchRegistration,
            QStringLiteral("this session has no registration %1").arg(unregister.registrationId));
        return;
    }
    m_byId.remove(registration->id);
    m_byProcedure.remove(registration->procedure);
    Message reply;
    reply.type = MessageType::Unregistered;
    reply.requestId = unregister.requestId;
    callee.send(reply);
}

void Dealer::call(Session& caller, const Message& call)
{
    if (!isValidUri(call.uri, m_uriCheck)) {
        caller.sendError(MessageType::Call, call.requestId, uris::kInvalidUri,
                         QStringLiteral("'%1' is not a valid procedure URI").arg(call.uriString()));
        return;
    }
    const CallKey callKey{caller.id(), call.requestId};
    if (m_byCall.contains(callKey)) {
        caller.protocolViolation(
            QStringLiteral("CALL request id %1 is already in use by a call in flight").arg(call.requestId));
        return;
    }
    const std::shared_ptr<Registration> registration = m_byProcedure.value(call.uri);
    if (!registration) {
        caller.sendError(MessageType::Call, call.requestId, uris::kNoSuchProcedure,
                         QStringLiteral("no callee registered for '%1'").arg(call.uriString()));
        return;
    }
    Session& callee = *registration->callee;
    Message invocation;
    invocation.type = MessageType::Invocation;
    invocation.requestId = callee.nextOutgoingRequestId();
    invocation.registrationId = registration->id;
    invocation.args = call.args;
    invocation.kwargs = call.kwargs;
    const InvocationKey invocationKey{callee.id(), invocation.requestId};
    m_pending.insert(invocationKey, PendingCall{&caller, call.requestId});
    m_byCall.insert(callKey, invocationKey);
    ++registration->invocationCount;
    callee.send(invocation, {caller.id(), call.requestId});
}

QList<RegistrationInfo> Dealer::registrations(const QString& realm) const
{
    QList<RegistrationInfo> result;
    result.reserve(m_byId.size());
    for (const auto& registration : m_byId) {
        RegistrationInfo info;
        info.realm = realm;
        info.id = registration->id;
        info.procedure = QString::fromUtf8(registration->procedure);
        info.calleeIds = {registration->callee->id()};
        info.invocationCount = registration->invocationCount;
        result.append(std::move(info));
    }
    return result;
}

std::optional<Dealer::PendingCall> Dealer::takePending(Session& callee, quint64 invocationId)
{
    const auto it = m_pending.constFind(InvocationKey{callee.id(), invocationId});
    if (it == m_pending.cend())
        return std::nullopt;
    const PendingCall pending = *it;
    m_pending.erase(it);
    m_byCall.remove(CallKey{pending.caller->id(), pending.callRequestId});
    return pending;
}

void Dealer::yield(Session& callee, const Message& yield)
{
    // No pending call: its caller left, so the result has nowhere to go (the spec says to drop it).
    const std::optional<PendingCall> pending = takePending(callee, yield.requestId);
    if (!pending)
        return;
    Message result;
    result.type = MessageType::Result;
    result.requestId = pending->callRequestId;
    result.args = yield.args;
    result.kwargs = yield.kwargs;
    pending->caller->send(result);
}

void Dealer::invocationError(Session& callee, const Message& error)
{
    const std::optional<PendingCall> pending = takePending(callee, error.requestId);
    if (!pending)
        return;
    Message reply;
    reply.type = MessageType::Error;
    reply.requestType = MessageType::Call;
    reply.requestId = pending->callRequestId;
    if (isValidUri(error.uri, UriCheck::Loose)) {
        reply.uri = error.uri;
        reply.args = error.args;
        reply.kwargs = error.kwargs;
    } else {
        reply.uri = uris::kInvalidUri;
        reply.args = Value(Value::List{Value(
            QStringLiteral("the callee answered with an invalid error URI '%1'").arg(error.uriString()))});
    }
    pending->caller->send(reply);
}

void Dealer::removeSession(Session& session)
{
    for (auto it = m_byId.begin(); it != m_byId.end();) {
        if ((*it)->callee == &session) {
            m_byProcedure.remove((*it)->procedure);
            it = m_byId.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const bool isCallee = it.key().first == session.id();
        const bool isCaller = it->caller == &session;
        if (!isCallee && !isCaller) {
            ++it;
            continue;
        }
        const PendingCall pending = *it;
        m_byCall.remove(CallKey{pending.caller->id(), pending.callRequestId});
        it = m_pending.erase(it);
        if (isCallee && !isCaller)
            pending.caller->sendError(MessageType::Call, pending.callRequestId, uris::kCanceled,
                                      QStringLiteral("the callee left before answering"));
    }
}

} // namespace wamp
