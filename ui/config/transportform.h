#pragma once

#include "configissue.h"
#include "fielderrors.h"

#include "config/transportconfig.h"

#include <QWidget>

class EndpointSection;
class FieldErrorLabel;
class GeneralSection;
class RawSocketSection;
class WebSocketSection;

/*!
 * The form of one transport: general settings, endpoint, and the WebSocket and/or RawSocket options its type
 * has. Edits keep every key of the transport's source (see wamp::ConfigSource); showIssues() puts the
 * loader's messages under the fields they concern.
 */
class TransportForm : public QWidget {
    Q_OBJECT

public:
    explicit TransportForm(QWidget* parent = nullptr);

    //! Shows \a transport; relative paths are relative to \a baseDirectory, as for the loader.
    void setTransport(const wamp::TransportConfig& transport, const QString& baseDirectory);
    //! The transport as edited.
    wamp::TransportConfig transport() const;
    //! Shows the issues of this transport under their fields (and clears the others).
    void showIssues(const ConfigIssues& issues);
    void setRoleSuggestions(const QStringList& roles);
    //! The label a field's messages go to (for tests and for focusing the first problem).
    FieldErrorLabel* messagesFor(const QString& field) const { return m_errors.labelFor(field); }

Q_SIGNALS:
    void edited();

private:
    void onEdited();
    void updateSections(wamp::TransportType type);

    wamp::TransportConfig m_transport;
    FieldErrorLabel* m_formMessages;
    FieldErrors m_errors;
    GeneralSection* m_general;
    EndpointSection* m_endpoint;
    RawSocketSection* m_rawsocket;
    WebSocketSection* m_websocket;
    bool m_loading = false;
};
