#pragma once

#include "clienttypes.h"
#include "wamp/message.h"

#include <QByteArray>
#include <QString>

/*!
 * \file
 * The messages the client sends, built in one place, and small helpers for reading the router's.
 */
namespace wamp::clientmessages {

//! [HELLO, Realm|uri, Details|dict] announcing the caller, callee, publisher and subscriber roles with no
//! advanced features: exactly what Client implements.
Message hello(const QByteArray& realm);
//! [GOODBYE, Details|dict, Reason|uri]
Message goodbye(const QByteArray& reason);
//! [ABORT, Details|dict, Reason|uri] with Details.message = \a text.
Message abort(const QByteArray& reason, const QString& text);
//! A request (CALL, REGISTER, ...) with empty Options; the request id is set when it is sent.
Message request(MessageType type, const QByteArray& uri = {});
//! [YIELD, INVOCATION.Request|id, Options|dict, Arguments|list, ArgumentsKw|dict] or, when \a result has
//! an error URI, [ERROR, INVOCATION, INVOCATION.Request|id, Details|dict, Error|uri, Arguments|list,
//! ArgumentsKw|dict].
Message invocationAnswer(quint64 requestId, InvocationResult result);

//! The request a reply answers: CALL for RESULT, REGISTER for REGISTERED, ...; HELLO for anything else.
MessageType requestTypeOf(MessageType reply);
//! "REASON" or "REASON: Details.message" of an ABORT or GOODBYE.
QString reasonText(const Message& message);
//! "CALL", or the number for an unknown type.
QString typeName(MessageType type);
//! A RequestResult for an error the client found itself: \a uri with \a text as the only argument.
RequestResult localError(const QByteArray& uri, const QString& text);

} // namespace wamp::clientmessages
