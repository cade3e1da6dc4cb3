#pragma once

#include <QByteArrayView>

namespace wamp {

//! Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView bytes);

} // namespace wamp
