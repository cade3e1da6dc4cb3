#pragma once

#include <QByteArray>

namespace wamp {

/*!
 * Copies small byte strings into large shared blocks: each copy is a QByteArray of its own that shares the
 * block's reference count, so a block goes when the last copy in it goes.
 *
 * The trace keeps what the router sends and receives for long after the router is done with it. Sharing the
 * router's own buffers would keep one heap allocation per message alive, each freed cold and in a burst
 * when the trace drops it, on whichever thread drops it; copies into blocks cost a memcpy each and leave
 * the router's buffers to be recycled while still hot, and dropping thousands of messages frees a few
 * blocks. Strings too large to be worth copying are shared as they are.
 *
 * Not thread-safe: one thread copies; the copies may be used and destroyed on any thread.
 */
class ByteSlab {
public:
    //! Blocks are of this size (including Qt's header), so that they come from the heap, not from mmap().
    static constexpr qsizetype kBlockSize = 64 * 1024;
    //! Strings longer than this are shared rather than copied.
    static constexpr qsizetype kMaxCopied = 2048;

    //! A copy of \a bytes (\a bytes itself when it is larger than kMaxCopied or empty).
    QByteArray keep(const QByteArray& bytes);
    //! A copy of \a bytes in a buffer of its own: for what outlives the trace entry that \a bytes came from
    //! (kept as is, it would keep the whole block).
    static QByteArray ownCopy(const QByteArray& bytes) { return QByteArray(bytes.constData(), bytes.size()); }

private:
    QByteArray m_block; // the block being filled; holds one reference to it
    qsizetype m_used = 0;
};

} // namespace wamp
