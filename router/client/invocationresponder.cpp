#include "invocationresponder.h"

#include "client.h"

namespace wamp {

void InvocationResponder::reply(InvocationResult result) const
{
    if (m_state)
        answer(*m_state, std::move(result));
}

void InvocationResponder::answer(State& state, InvocationResult result)
{
    if (state.answered)
        return;
    state.answered = true;
    if (Client* client = state.client)
        client->answerInvocation(state.sessionEpoch, state.requestId, std::move(result));
}

InvocationResponder::State::~State()
{
    if (!answered)
        answer(*this, InvocationResult::failure(
                          QByteArrayLiteral("wampscope.error.no_answer"),
                          Value(Value::List{Value("the callee dropped the invocation without answering")})));
}

} // namespace wamp
