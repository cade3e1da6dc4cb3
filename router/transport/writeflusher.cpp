#include "writeflusher.h"

#include "socketstream.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>
#include <memory>

namespace wamp {

namespace {

const QEvent::Type kFlushEvent = QEvent::Type(QEvent::registerEventType());

} // namespace

WriteFlusher& WriteFlusher::current()
{
    static thread_local std::unique_ptr<WriteFlusher> flusher;
    if (!flusher)
        flusher.reset(new WriteFlusher); // private constructor: make_unique cannot reach it
    return *flusher;
}

void WriteFlusher::schedule(SocketStream* stream)
{
    m_dirty.push_back(stream);
    if (!m_posted) {
        m_posted = true;
        QCoreApplication::postEvent(this, new QEvent(kFlushEvent));
    }
}

void WriteFlusher::cancel(SocketStream* stream)
{
    m_dirty.erase(std::remove(m_dirty.begin(), m_dirty.end(), stream), m_dirty.end());
}

bool WriteFlusher::event(QEvent* event)
{
    if (event->type() != kFlushEvent)
        return QObject::event(event);
    m_posted = false;
    // flush() reports nothing synchronously (errors are posted), so no stream goes away during this loop;
    // a stream that queues again while being flushed is scheduled for the next pass.
    std::vector<SocketStream*> dirty;
    dirty.swap(m_dirty);
    for (SocketStream* stream : dirty)
        stream->flush();
    if (m_dirty.empty() && dirty.capacity() <= 64) {
        dirty.clear(); // keep the small allocation for the next pass
        m_dirty.swap(dirty);
    }
    return true;
}

} // namespace wamp
