#pragma once

#include "transportconfig.h"

#include <QSslConfiguration>

namespace wamp {

/*!
 * Builds the server-side TLS configuration of an endpoint from its PEM files. Returns false with *error
 * naming the file and the problem (unreadable, not PEM, key does not match the certificate, no usable
 * cipher) so that a bad certificate is reported when the transport starts, not at the first client.
 */
bool makeServerTlsConfiguration(const TlsOptions& options, QSslConfiguration* configuration, QString* error);

} // namespace wamp
