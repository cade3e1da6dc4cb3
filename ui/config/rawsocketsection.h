#pragma once

#include "formsection.h"

#include "config/transportconfig.h"

class QSpinBox;
class SerializerChecks;

//! A RawSocket service's serializers, maximum message length and Wampscope's RawSocket options.
class RawSocketSection : public FormSection {
    Q_OBJECT

public:
    explicit RawSocketSection(FieldErrors& errors, QWidget* parent = nullptr);

    void load(const wamp::RawSocketOptions& options);
    void store(wamp::RawSocketOptions& options) const;

private:
    SerializerChecks* m_serializers;
    QSpinBox* m_maxMessageSize;
    QSpinBox* m_handshakeTimeout;
    QSpinBox* m_pingInterval;
    QSpinBox* m_pingTimeout;
    QSpinBox* m_maxConnections;
};
