#include "transportform.h"

#include "endpointsection.h"
#include "fielderrorlabel.h"
#include "generalsection.h"
#include "rawsocketsection.h"
#include "websocketsection.h"

#include <QVBoxLayout>

using namespace wamp;

TransportForm::TransportForm(QWidget* parent)
    : QWidget(parent)
    , m_formMessages(new FieldErrorLabel)
    , m_errors(m_formMessages)
    , m_general(new GeneralSection(m_errors))
    , m_endpoint(new EndpointSection(m_errors))
    , m_rawsocket(new RawSocketSection(m_errors))
    , m_websocket(new WebSocketSection(m_errors))
{
    m_formMessages->setObjectName(QStringLiteral("transportMessages"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_formMessages);
    layout->addWidget(m_general);
    layout->addWidget(m_endpoint);
    layout->addWidget(m_rawsocket);
    layout->addWidget(m_websocket);
    layout->addStretch();

    for (FormSection* section :
         std::initializer_list<FormSection*>{m_general, m_endpoint, m_rawsocket, m_websocket})
        connect(section, &FormSection::edited, this, &TransportForm::onEdited);
    connect(m_general, &GeneralSection::typeChanged, this, &TransportForm::updateSections);
}

void TransportForm::setTransport(const TransportConfig& transport, const QString& baseDirectory)
{
    m_loading = true;
    m_transport = transport;
    m_endpoint->setBaseDirectory(baseDirectory);
    m_general->load(transport);
    m_endpoint->load(transport.endpoint);
    m_rawsocket->load(transport.rawsocket);
    m_websocket->load(transport.websocket);
    updateSections(transport.type);
    m_loading = false;
}

TransportConfig TransportForm::transport() const
{
    TransportConfig transport = m_transport;
    m_general->store(transport);
    m_endpoint->store(transport.endpoint);
    m_rawsocket->store(transport.rawsocket);
    m_websocket->store(transport.websocket);
    return transport;
}

void TransportForm::showIssues(const ConfigIssues& issues)
{
    m_errors.show(issues);
}

void TransportForm::setRoleSuggestions(const QStringList& roles)
{
    m_general->setRoleSuggestions(roles);
}

void TransportForm::onEdited()
{
    if (!m_loading)
        Q_EMIT edited();
}

void TransportForm::updateSections(TransportType type)
{
    m_rawsocket->setVisible(type != TransportType::WebSocket);
    m_websocket->setVisible(type != TransportType::RawSocket);
}
