#pragma once

#include "formsection.h"

#include "config/transportconfig.h"

class QCheckBox;
class QLineEdit;
class QSpinBox;
class SerializerChecks;

//! A WebSocket service's serializers and options (Crossbar's names).
class WebSocketSection : public FormSection {
    Q_OBJECT

public:
    explicit WebSocketSection(FieldErrors& errors, QWidget* parent = nullptr);

    void load(const wamp::WebSocketOptions& options);
    void store(wamp::WebSocketOptions& options) const;

private:
    SerializerChecks* m_serializers;
    QSpinBox* m_maxMessageSize;
    QSpinBox* m_maxFrameSize;
    QCheckBox* m_requireSubprotocol;
    QCheckBox* m_webStatus;
    QSpinBox* m_openHandshakeTimeout;
    QSpinBox* m_closeHandshakeTimeout;
    QLineEdit* m_allowedOrigins;
    QSpinBox* m_autoPingInterval;
    QSpinBox* m_autoPingTimeout;
    QSpinBox* m_autoPingSize;
    QCheckBox* m_tcpNoDelay;
};
