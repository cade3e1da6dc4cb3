#pragma once

#include <QObject>

#include <vector>

namespace wamp {

class SocketStream;

/*!
 * Sends what SocketStreams queued during one pass of the event loop, at the end of that pass.
 *
 * A burst of messages to one peer (a hundred pipelined INVOCATIONs, a batch of EVENTs) then leaves in one
 * sendmsg() with many buffers instead of one system call per message. One flusher per thread, made on first
 * use; streams must stay in the thread that made them.
 */
class WriteFlusher final : public QObject {
    Q_OBJECT

public:
    //! The calling thread's flusher.
    static WriteFlusher& current();

    //! \a stream has queued data: flush it at the end of this pass (once, however often it is called).
    void schedule(SocketStream* stream);
    //! \a stream is going away: forget it.
    void cancel(SocketStream* stream);

protected:
    bool event(QEvent* event) override;

private:
    WriteFlusher() = default;

    std::vector<SocketStream*> m_dirty;
    bool m_posted = false;
};

} // namespace wamp
