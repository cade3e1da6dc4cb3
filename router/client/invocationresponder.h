#pragma once

#include "clienttypes.h"

#include <QPointer>

#include <memory>

namespace wamp {

class Client;

/*!
 * Answers one INVOCATION later, for procedures registered with Client::registerDeferredProcedure().
 *
 * Copies share one answer: the first reply() sends YIELD or ERROR, later ones do nothing. A reply after the
 * session ended (or the Client was destroyed) is dropped, since the router has already failed the call. When
 * the last copy is destroyed without a reply, the caller gets ERROR `wampscope.error.no_answer` rather than
 * waiting forever.
 */
class InvocationResponder {
public:
    InvocationResponder() = default;

    //! Sends YIELD (result.error empty) or ERROR for the invocation; only the first reply counts.
    void reply(InvocationResult result) const;
    bool isAnswered() const { return !m_state || m_state->answered; }
    quint64 requestId() const { return m_state ? m_state->requestId : 0; }

private:
    friend class Client;

    struct State {
        QPointer<Client> client;
        quint64 sessionEpoch = 0;
        quint64 requestId = 0;
        bool answered = false;
        ~State();
    };

    explicit InvocationResponder(std::shared_ptr<State> state)
        : m_state(std::move(state))
    {}
    static void answer(State& state, InvocationResult result);

    std::shared_ptr<State> m_state;
};

//! A procedure handler that answers through an InvocationResponder, now or later.
using DeferredProcedureHandler = std::function<void(const Invocation&, InvocationResponder)>;

} // namespace wamp
