#include "tracename.h"

#include <QHash>
#include <QMutex>

#include <deque>

namespace wamp {

namespace {

struct NamePool {
    QMutex mutex;
    std::deque<QString> names; // never shrinks: entries point into it
    QHash<QString, const QString*> byName;
};

NamePool& pool()
{
    static NamePool instance;
    return instance;
}

} // namespace

TraceName::TraceName(const QString& name)
{
    if (name.isEmpty())
        return;
    NamePool& names = pool();
    const QMutexLocker lock(&names.mutex);
    const QString*& interned = names.byName[name];
    if (!interned)
        interned = &names.names.emplace_back(name);
    m_name = interned;
}

const QString& TraceName::toString() const
{
    static const QString empty;
    return m_name ? *m_name : empty;
}

TraceName TraceNameCache::intern(const QString& name)
{
    for (const Slot& slot : m_slots) {
        if (slot.source.constData() == name.constData() && slot.source.size() == name.size())
            return slot.name;
    }
    Slot& slot = m_slots[m_next];
    m_next = (m_next + 1) % kSlots;
    slot = {name, TraceName(name)};
    return slot.name;
}

} // namespace wamp
