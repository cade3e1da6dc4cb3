#include "byteslab.h"

#include <cstring>

namespace wamp {

QByteArray ByteSlab::keep(const QByteArray& bytes)
{
    const qsizetype size = bytes.size();
    if (size == 0 || size > kMaxCopied)
        return bytes;
    // Every QByteArray's data is followed by a '\0' (constData() is a C string); so are the copies.
    if (m_block.isNull() || m_used + size + 1 > m_block.size()) {
        // A header and the block's own terminator come on top of the size asked for.
        m_block = QByteArray(kBlockSize - 64, Qt::Uninitialized);
        m_used = 0;
    }
    QByteArray::DataPointer& block = m_block.data_ptr(); // data() would detach once copies share the block
    char* copy = block.data() + m_used;
    std::memcpy(copy, bytes.constData(), size_t(size));
    copy[size] = '\0';
    m_used += size + 1;
    block.d_ptr()->ref();
    return QByteArray(QByteArray::DataPointer(block.d_ptr(), copy, size));
}

} // namespace wamp
