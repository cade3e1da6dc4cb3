#pragma once

#include <QString>

namespace wamp {

/*!
 * A realm name or transport id in a trace entry. Names are interned once per process and never freed (there
 * are as many as the configuration has realms and transports), so an entry holds a pointer: recording a
 * message and dropping it from the trace touch no reference count. Those counts would otherwise be
 * incremented on the router's thread and decremented on the UI's, for every message, on shared cache lines.
 *
 * Interning takes a lock; the recorder keeps the names it interned at hand (see TraceNameCache). Reading a
 * name takes none.
 */
class TraceName {
public:
    //! The empty name.
    TraceName() = default;
    //! Interns \a name (implicit: a trace entry's names are assigned from strings in tests and tools).
    TraceName(const QString& name); // NOLINT(google-explicit-constructor)

    const QString& toString() const;
    bool isEmpty() const { return m_name == nullptr; }

    friend bool operator==(TraceName a, TraceName b) { return a.m_name == b.m_name; }

private:
    const QString* m_name = nullptr;
};

/*!
 * The names a recorder interned lately, found by the string's data pointer (a session's realm and its
 * transport's id are shared strings, the same data for every message), so that the lock is not taken per
 * message. A cached name holds a copy of its string, so its data cannot be freed and reused meanwhile.
 */
class TraceNameCache {
public:
    TraceName intern(const QString& name);

private:
    struct Slot {
        QString source;
        TraceName name;
    };
    static constexpr int kSlots = 8;
    Slot m_slots[kSlots];
    int m_next = 0; // round robin
};

} // namespace wamp
