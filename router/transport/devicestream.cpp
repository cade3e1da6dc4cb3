#include "devicestream.h"

#include <QHostAddress>
#include <QLocalSocket>
#include <QSslSocket>
#include <QTimer>

namespace wamp {

DeviceStream::DeviceStream(QIODevice* device, QObject* parent)
    : ByteStream(parent)
    , m_device(device)
{
    m_device->setParent(this);
    connect(m_device, &QIODevice::readyRead, this, &DeviceStream::onReadyRead);
    // Queued: the device may report the loss inside write(), and handlers are promised the event loop.
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device)) {
        connect(
            socket, &QAbstractSocket::disconnected, this,
            [this] { finish(m_failure.isEmpty() ? QStringLiteral("connection closed") : m_failure); },
            Qt::QueuedConnection);
        connect(socket, &QAbstractSocket::errorOccurred, this,
                [this, socket](QAbstractSocket::SocketError error) {
                    if (error != QAbstractSocket::RemoteHostClosedError && m_failure.isEmpty())
                        m_failure = socket->errorString();
                    // A TLS client that ends with close_notify (Twisted does, then waits for the TCP close)
                    // is reported by QSslSocket as RemoteHostClosedError only, with the TCP connection still
                    // open.
                    if (error == QAbstractSocket::RemoteHostClosedError &&
                        socket->state() == QAbstractSocket::ConnectedState)
                        socket->disconnectFromHost();
                });
    } else if (auto* local = qobject_cast<QLocalSocket*>(m_device)) {
        connect(
            local, &QLocalSocket::disconnected, this, [this] { finish(QStringLiteral("connection closed")); },
            Qt::QueuedConnection);
    }
}

void DeviceStream::setHandler(ByteStreamHandler* handler)
{
    m_handler = handler;
    if (m_handler && m_device->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &DeviceStream::onReadyRead, Qt::QueuedConnection);
}

QString DeviceStream::peerAddress() const
{
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device)) {
        const QHostAddress address = socket->peerAddress();
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                 : address.toString();
        return host + QLatin1Char(':') + QString::number(socket->peerPort());
    }
    if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        return QStringLiteral("unix:") + local->fullServerName();
    return QStringLiteral("unknown");
}

bool DeviceStream::isEncrypted() const
{
    auto* ssl = qobject_cast<QSslSocket*>(m_device);
    return ssl && ssl->isEncrypted();
}

void DeviceStream::write(const QByteArray& bytes)
{
    if (!m_finished && !m_closing)
        m_device->write(bytes);
}

void DeviceStream::writeFrame(QByteArrayView header, const QByteArray& payload)
{
    if (m_finished || m_closing)
        return;
    m_device->write(header.data(), header.size());
    m_device->write(payload);
}

qint64 DeviceStream::bytesToWrite() const
{
    return m_finished ? 0 : m_device->bytesToWrite();
}

void DeviceStream::onReadyRead()
{
    if (m_finished || !m_handler)
        return;
    const QByteArray bytes = m_device->readAll();
    if (!bytes.isEmpty())
        m_handler->streamReadable(bytes);
}

void DeviceStream::close(int timeoutMs)
{
    if (m_finished || m_closing)
        return;
    m_closing = true;
    // Flush what is queued, then close; a peer that does not let us finish is cut off.
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
        socket->disconnectFromHost();
    else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        local->disconnectFromServer();
    QTimer::singleShot(timeoutMs, this, [this] { abort(QStringLiteral("connection closed")); });
}

void DeviceStream::abort(const QString& reason)
{
    if (m_finished)
        return;
    if (m_failure.isEmpty())
        m_failure = reason;
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
        socket->abort();
    else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        local->abort();
    QMetaObject::invokeMethod(
        this, [this] { finish(m_failure); }, Qt::QueuedConnection);
}

void DeviceStream::finish(const QString& reason)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_handler)
        m_handler->streamClosed(reason);
}

} // namespace wamp
