#include "ids.h"

#include "message.h"

#include <QRandomGenerator>

namespace wamp {

quint64 randomGlobalId()
{
    return QRandomGenerator::global()->bounded(kMaxId) + 1;
}

quint64 ScopeIdGenerator::next()
{
    m_last = m_last >= kMaxId ? 1 : m_last + 1;
    return m_last;
}

} // namespace wamp
