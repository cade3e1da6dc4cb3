#pragma once

#include <QByteArrayView>

namespace wamp {

//! URI component rules of the WAMP spec ("Relaxed/Loose URIs" and "Strict URIs").
enum class UriCheck { Strict, Loose };

/*!
 * Checks a URI against the spec's rules. Strict: components of [0-9a-z_]; loose: components without
 * whitespace, '.' or '#'. Empty components (as in "a..b") are only accepted when \a allowEmptyComponents is
 * set, for wildcard patterns.
 */
bool isValidUri(QByteArrayView uri, UriCheck check, bool allowEmptyComponents = false);

} // namespace wamp
