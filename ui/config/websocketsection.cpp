#include "websocketsection.h"

#include "serializerchecks.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>

using namespace wamp;

namespace {

// The largest values the loader accepts; the loader checks them and words the messages.
constexpr int k64MiB = 64 * 1024 * 1024;
constexpr int kHour = 3600 * 1000;

QString key(const char* option)
{
    return QStringLiteral("websocket.options.") + QLatin1StringView(option);
}

} // namespace

WebSocketSection::WebSocketSection(FieldErrors& errors, QWidget* parent)
    : FormSection(tr("WebSocket"), errors, QStringLiteral("websocket"), parent)
    , m_serializers(new SerializerChecks)
    , m_maxMessageSize(bytesBox(1, k64MiB))
    , m_maxFrameSize(bytesBox(1, k64MiB))
    , m_requireSubprotocol(checkBox(tr("Refuse clients that offer no WAMP subprotocol")))
    , m_webStatus(checkBox(tr("Answer plain HTTP requests with a status page")))
    , m_openHandshakeTimeout(millisecondsBox(1, kHour))
    , m_closeHandshakeTimeout(millisecondsBox(1, kHour))
    , m_allowedOrigins(lineEdit(tr("Any origin, e.g. https://*.example.com, http://localhost:*")))
    , m_autoPingInterval(millisecondsBox(0, kHour, tr("Off")))
    , m_autoPingTimeout(millisecondsBox(1, kHour))
    , m_autoPingSize(bytesBox(4, 125))
    , m_tcpNoDelay(checkBox(tr("Send small messages at once (TCP_NODELAY)")))
{
    m_serializers->setObjectName(QStringLiteral("websocketSerializers"));
    m_maxMessageSize->setObjectName(QStringLiteral("websocketMaxMessageSize"));
    m_maxFrameSize->setObjectName(QStringLiteral("websocketMaxFrameSize"));
    m_requireSubprotocol->setObjectName(QStringLiteral("requireSubprotocol"));
    m_webStatus->setObjectName(QStringLiteral("webStatus"));
    m_openHandshakeTimeout->setObjectName(QStringLiteral("openHandshakeTimeout"));
    m_closeHandshakeTimeout->setObjectName(QStringLiteral("closeHandshakeTimeout"));
    m_allowedOrigins->setObjectName(QStringLiteral("allowedOrigins"));
    m_autoPingInterval->setObjectName(QStringLiteral("autoPingInterval"));
    m_autoPingTimeout->setObjectName(QStringLiteral("autoPingTimeout"));
    m_autoPingSize->setObjectName(QStringLiteral("autoPingSize"));
    m_tcpNoDelay->setObjectName(QStringLiteral("tcpNoDelay"));
    m_allowedOrigins->setToolTip(
        tr("Browser origins allowed to connect, separated by commas; * matches any run of characters. "
           "Clients that send no Origin header are always allowed."));

    addRow(tr("Serializers:"), m_serializers, QStringLiteral("websocket.serializers"));
    addRow(tr("Max. message size:"), m_maxMessageSize, key("max_message_size"));
    addRow(tr("Max. frame size:"), m_maxFrameSize, key("max_frame_size"));
    addRow(QString(), m_requireSubprotocol, key("require_websocket_subprotocol"));
    addRow(QString(), m_webStatus, key("enable_webstatus"));
    addRow(tr("Opening handshake timeout:"), m_openHandshakeTimeout, key("open_handshake_timeout"));
    addRow(tr("Closing handshake timeout:"), m_closeHandshakeTimeout, key("close_handshake_timeout"));
    addRow(tr("Allowed origins:"), m_allowedOrigins, key("allowed_origins"));
    addRow(tr("Auto ping interval:"), m_autoPingInterval, key("auto_ping_interval"));
    addRow(tr("Auto ping timeout:"), m_autoPingTimeout, key("auto_ping_timeout"));
    addRow(tr("Auto ping size:"), m_autoPingSize, key("auto_ping_size"));
    addRow(QString(), m_tcpNoDelay, key("tcp_nodelay"));
    connect(m_serializers, &SerializerChecks::edited, this, &FormSection::edited);
}

void WebSocketSection::load(const WebSocketOptions& options)
{
    m_serializers->setSerializers(options.serializers);
    m_maxMessageSize->setValue(int(options.maxMessageSize));
    m_maxFrameSize->setValue(int(options.maxFrameSize));
    m_requireSubprotocol->setChecked(options.requireWebSocketSubprotocol);
    m_webStatus->setChecked(options.enableWebStatus);
    m_openHandshakeTimeout->setValue(options.openHandshakeTimeoutMs);
    m_closeHandshakeTimeout->setValue(options.closeHandshakeTimeoutMs);
    m_allowedOrigins->setText(options.allowedOrigins.join(QStringLiteral(", ")));
    m_autoPingInterval->setValue(options.autoPingIntervalMs);
    m_autoPingTimeout->setValue(options.autoPingTimeoutMs);
    m_autoPingSize->setValue(options.autoPingSize);
    m_tcpNoDelay->setChecked(options.tcpNoDelay);
}

void WebSocketSection::store(WebSocketOptions& options) const
{
    options.serializers = m_serializers->serializers();
    options.maxMessageSize = m_maxMessageSize->value();
    options.maxFrameSize = m_maxFrameSize->value();
    options.requireWebSocketSubprotocol = m_requireSubprotocol->isChecked();
    options.enableWebStatus = m_webStatus->isChecked();
    options.openHandshakeTimeoutMs = m_openHandshakeTimeout->value();
    options.closeHandshakeTimeoutMs = m_closeHandshakeTimeout->value();
    options.allowedOrigins.clear();
    const QStringList origins = m_allowedOrigins->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& origin : origins) {
        if (!origin.trimmed().isEmpty())
            options.allowedOrigins << origin.trimmed();
    }
    // As in the loader, "*" allows every origin, like an empty list.
    if (options.allowedOrigins.contains(QStringLiteral("*")))
        options.allowedOrigins.clear();
    options.autoPingIntervalMs = m_autoPingInterval->value();
    options.autoPingTimeoutMs = m_autoPingTimeout->value();
    options.autoPingSize = m_autoPingSize->value();
    options.tcpNoDelay = m_tcpNoDelay->isChecked();
}
