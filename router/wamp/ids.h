#pragma once

#include <QtGlobal>

namespace wamp {

//! A random id in 1..2^53 for global-scope ids (sessions, publications), as the spec requires.
quint64 randomGlobalId();

/*!
 * Router-scope ids (subscriptions, registrations): sequential from 1, wrapping within 1..2^53, so they are
 * unique while the router runs and easy to read in the inspector.
 */
class ScopeIdGenerator {
public:
    quint64 next();

private:
    quint64 m_last = 0;
};

} // namespace wamp
