#include "rawsocketsection.h"

#include "serializerchecks.h"

#include <QSpinBox>

using namespace wamp;

namespace {

// The largest values the loader accepts; the loader checks them and words the messages.
constexpr int k64MiB = 64 * 1024 * 1024;
constexpr int kHour = 3600 * 1000;
constexpr int kMaxConnections = 1000000;

QString key(const char* option)
{
    return QStringLiteral("rawsocket.options.") + QLatin1StringView(option);
}

} // namespace

RawSocketSection::RawSocketSection(FieldErrors& errors, QWidget* parent)
    : FormSection(tr("RawSocket"), errors, QStringLiteral("rawsocket"), parent)
    , m_serializers(new SerializerChecks)
    , m_maxMessageSize(bytesBox(1, k64MiB))
    , m_handshakeTimeout(millisecondsBox(1, kHour))
    , m_pingInterval(millisecondsBox(0, kHour, tr("Off")))
    , m_pingTimeout(millisecondsBox(1, kHour))
    , m_maxConnections(spinBox(0, kMaxConnections))
{
    m_serializers->setObjectName(QStringLiteral("rawsocketSerializers"));
    m_maxMessageSize->setObjectName(QStringLiteral("rawsocketMaxMessageSize"));
    m_handshakeTimeout->setObjectName(QStringLiteral("rawsocketHandshakeTimeout"));
    m_pingInterval->setObjectName(QStringLiteral("rawsocketPingInterval"));
    m_pingTimeout->setObjectName(QStringLiteral("rawsocketPingTimeout"));
    m_maxConnections->setObjectName(QStringLiteral("rawsocketMaxConnections"));
    m_maxConnections->setSpecialValueText(tr("Unlimited"));
    m_maxMessageSize->setToolTip(
        tr("RawSocket announces powers of two from 512 bytes to 16 MiB: other values "
           "are rounded down"));

    addRow(tr("Serializers:"), m_serializers, QStringLiteral("rawsocket.serializers"));
    addRow(tr("Max. message size:"), m_maxMessageSize, QStringLiteral("rawsocket.max_message_size"));
    addRow(tr("Handshake timeout:"), m_handshakeTimeout, key("handshake_timeout"));
    addRow(tr("Ping interval:"), m_pingInterval, key("auto_ping_interval"));
    addRow(tr("Ping timeout:"), m_pingTimeout, key("auto_ping_timeout"));
    addRow(tr("Max. connections:"), m_maxConnections, key("max_connections"));
    connect(m_serializers, &SerializerChecks::edited, this, &FormSection::edited);
}

void RawSocketSection::load(const RawSocketOptions& options)
{
    m_serializers->setSerializers(options.serializers);
    m_maxMessageSize->setValue(int(options.maxMessageSize));
    m_handshakeTimeout->setValue(options.handshakeTimeoutMs);
    m_pingInterval->setValue(options.pingIntervalMs);
    m_pingTimeout->setValue(options.pingTimeoutMs);
    m_maxConnections->setValue(options.maxConnections);
}

void RawSocketSection::store(RawSocketOptions& options) const
{
    options.serializers = m_serializers->serializers();
    options.maxMessageSize = m_maxMessageSize->value();
    options.handshakeTimeoutMs = m_handshakeTimeout->value();
    options.pingIntervalMs = m_pingInterval->value();
    options.pingTimeoutMs = m_pingTimeout->value();
    options.maxConnections = m_maxConnections->value();
}
