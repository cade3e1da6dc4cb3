#pragma once

#include "wamp/value.h"

#include <QByteArray>
#include <QString>

#include <functional>

/*!
 * \file
 * The value types of the Client API: what callbacks and handlers receive and return.
 */
namespace wamp {

/*!
 * The outcome of one request (CALL, REGISTER, SUBSCRIBE, PUBLISH, UNREGISTER, UNSUBSCRIBE).
 *
 * Success: error is empty; a CALL fills args, kwargs and details from RESULT; REGISTER, SUBSCRIBE and
 * PUBLISH put the new registration, subscription or publication id in id.
 *
 * Failure: error holds the ERROR's URI, with its args, kwargs and details. Failures found by the client
 * itself use these URIs, with a text in args[0]:
 * - `wamp.error.canceled`: the session ended (transport lost, left, killed, aborted) before the answer came;
 * - `wamp.error.timeout`: the call's client-side timeout passed (a late RESULT is then dropped);
 * - `wampscope.error.not_joined`: the request was made while no session was established.
 */
struct RequestResult {
    QByteArray error;
    Value args;
    Value kwargs;
    Value details;
    quint64 id = 0;

    bool ok() const { return error.isEmpty(); }
    //! "uri: first argument" for messages and logs; empty on success.
    QString errorMessage() const
    {
        if (ok())
            return {};
        QString text = QString::fromUtf8(error);
        if (args.isList() && !args.list().empty()) {
            const Value& first = args.list().front();
            text += QStringLiteral(": ") + (first.isString() ? first.toString() : first.toDebugString());
        }
        return text;
    }
};

//! Options of one CALL.
struct CallOptions {
    //! Milliseconds to wait for the answer before the callback gets `wamp.error.timeout`; 0 waits forever.
    int timeoutMs = 0;
};

//! Options of one PUBLISH.
struct PublishOptions {
    //! Ask the router for PUBLISHED (or ERROR); without it the done callback gets success at once.
    bool acknowledge = false;
    //! Leave the publisher out of the receivers (the WAMP default is true).
    bool excludeMe = true;
};

//! An EVENT as a subscription handler sees it.
struct Event {
    quint64 subscriptionId = 0;
    quint64 publicationId = 0;
    Value args;
    Value kwargs;
    Value details;
};

//! An INVOCATION as a procedure handler sees it.
struct Invocation {
    quint64 requestId = 0;
    quint64 registrationId = 0;
    Value args;
    Value kwargs;
    Value details;
};

//! What a procedure handler answers: YIELD with args/kwargs, or ERROR with an error URI.
struct InvocationResult {
    Value args;
    Value kwargs;
    //! Empty for a YIELD; otherwise the ERROR's URI (e.g. "com.example.error.bad_input").
    QByteArray error;

    static InvocationResult result(Value args = {}, Value kwargs = {})
    {
        return InvocationResult{std::move(args), std::move(kwargs), {}};
    }
    static InvocationResult failure(QByteArray uri, Value args = {}, Value kwargs = {})
    {
        return InvocationResult{std::move(args), std::move(kwargs), std::move(uri)};
    }
};

using RequestCallback = std::function<void(const RequestResult&)>;
using EventHandler = std::function<void(const Event&)>;
using ProcedureHandler = std::function<InvocationResult(const Invocation&)>;

} // namespace wamp
