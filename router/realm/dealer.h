#pragma once

#include "registrationinfo.h"
#include "wamp/ids.h"
#include "wamp/message.h"
#include "wamp/uri.h"

#include <QByteArray>
#include <QHash>

#include <memory>

namespace wamp {

class Session;

/*!
 * Routed RPC of one realm (exact procedure matching, single callee per procedure).
 *
 * A CALL becomes an INVOCATION with a request id of the callee's session; the pending call is remembered by
 * (callee, invocation id) until the callee answers with YIELD or ERROR. Teardown: when a callee leaves, each
 * of its calls in flight is answered to the caller with ERROR wamp.error.canceled; when a caller leaves, its
 * pending calls are forgotten and the callee's late answers are dropped.
 */
class Dealer {
public:
    Dealer(UriCheck uriCheck, ScopeIdGenerator& ids)
        : m_uriCheck(uriCheck)
        , m_ids(ids)
    {}

    void registerProcedure(Session& callee, const Message& registerMessage);
    void unregisterProcedure(Session& callee, const Message& unregister);
    void call(Session& caller, const Message& call);
    void yield(Session& callee, const Message& yield);
    void invocationError(Session& callee, const Message& error);
    void removeSession(Session& session);

    void setUriCheck(UriCheck check) { m_uriCheck = check; }

    //! The dealer's `features` for WELCOME.
    static Value features();

    qsizetype registrationCount() const { return m_byId.size(); }
    qsizetype pendingCallCount() const { return m_pending.size(); }
    //! Every registration with its callee and counters, for the inspector (not on the routing path).
    QList<RegistrationInfo> registrations(const QString& realm) const;

private:
    struct Registration {
        quint64 id = 0;
        QByteArray procedure;
        Session* callee = nullptr;
        quint64 invocationCount = 0;
    };
    struct PendingCall {
        Session* caller = nullptr;
        quint64 callRequestId = 0;
    };
    //! (callee session id, INVOCATION request id)
    using InvocationKey = std::pair<quint64, quint64>;
    //! (caller session id, CALL request id)
    using CallKey = std::pair<quint64, quint64>;

    std::optional<PendingCall> takePending(Session& callee, quint64 invocationId);

    UriCheck m_uriCheck;
    ScopeIdGenerator& m_ids;
    QHash<QByteArray, std::shared_ptr<Registration>> m_byProcedure;
    QHash<quint64, std::shared_ptr<Registration>> m_byId;
    QHash<InvocationKey, PendingCall> m_pending;
    QHash<CallKey, InvocationKey> m_byCall;
};

} // namespace wamp
