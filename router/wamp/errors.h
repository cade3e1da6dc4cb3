#pragma once

#include <QByteArray>

//! WAMP error and close reason URIs used by the router (WAMP spec, "Predefined URIs").
namespace wamp::uris {

inline const QByteArray kInvalidUri = QByteArrayLiteral("wamp.error.invalid_uri");
inline const QByteArray kNoSuchProcedure = QByteArrayLiteral("wamp.error.no_such_procedure");
inline const QByteArray kProcedureAlreadyExists = QByteArrayLiteral("wamp.error.procedure_already_exists");
inline const QByteArray kNoSuchRegistration = QByteArrayLiteral("wamp.error.no_such_registration");
inline const QByteArray kNoSuchSubscription = QByteArrayLiteral("wamp.error.no_such_subscription");
inline const QByteArray kInvalidArgument = QByteArrayLiteral("wamp.error.invalid_argument");
inline const QByteArray kProtocolViolation = QByteArrayLiteral("wamp.error.protocol_violation");
inline const QByteArray kNotAuthorized = QByteArrayLiteral("wamp.error.not_authorized");
inline const QByteArray kNoSuchRealm = QByteArrayLiteral("wamp.error.no_such_realm");
inline const QByteArray kNoAuthMethod = QByteArrayLiteral("wamp.error.no_auth_method");
inline const QByteArray kNoSuchRole = QByteArrayLiteral("wamp.error.no_such_role");
inline const QByteArray kCanceled = QByteArrayLiteral("wamp.error.canceled");
inline const QByteArray kSystemShutdown = QByteArrayLiteral("wamp.close.system_shutdown");
inline const QByteArray kCloseRealm = QByteArrayLiteral("wamp.close.close_realm");
inline const QByteArray kGoodbyeAndOut = QByteArrayLiteral("wamp.close.goodbye_and_out");
inline const QByteArray kCloseNormal = QByteArrayLiteral("wamp.close.normal");
inline const QByteArray kKilled = QByteArrayLiteral("wamp.close.killed");

} // namespace wamp::uris
