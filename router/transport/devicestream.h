#pragma once

#include "bytestream.h"

class QIODevice;

namespace wamp {

/*!
 * A ByteStream over a connected QIODevice: QSslSocket for TLS listeners, and the sockets of the client
 * library (QTcpSocket, QSslSocket, QLocalSocket). Qt buffers and batches the writes itself.
 */
class DeviceStream final : public ByteStream {
    Q_OBJECT

public:
    //! Takes ownership of the connected \a device. Bytes it already holds are delivered once a handler is
    //! set.
    explicit DeviceStream(QIODevice* device, QObject* parent = nullptr);

    void setHandler(ByteStreamHandler* handler) override;
    QString peerAddress() const override;
    bool isEncrypted() const override;
    void write(const QByteArray& bytes) override;
    void writeFrame(QByteArrayView header, const QByteArray& payload) override;
    qint64 bytesToWrite() const override;
    void close(int timeoutMs) override;
    void abort(const QString& reason) override;

private:
    void onReadyRead();
    void finish(const QString& reason);

    QIODevice* m_device;
    ByteStreamHandler* m_handler = nullptr;
    QString m_failure;
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace wamp
