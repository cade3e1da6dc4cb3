#pragma once

#include "formsection.h"

#include "config/transportconfig.h"

class FileField;
class FileListField;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

//! Where a transport listens: TCP (interface, port, IP version, backlog, TLS) or a Unix domain socket.
class EndpointSection : public FormSection {
    Q_OBJECT

public:
    explicit EndpointSection(FieldErrors& errors, QWidget* parent = nullptr);

    //! Relative file paths are relative to \a directory (the configuration file's), as for the loader.
    void setBaseDirectory(const QString& directory);
    void load(const wamp::Endpoint& endpoint);
    void store(wamp::Endpoint& endpoint) const;

private:
    void updateRows();

    QComboBox* m_type;
    QLineEdit* m_interface;
    QSpinBox* m_port;
    QComboBox* m_version;
    QSpinBox* m_backlog;
    FileField* m_path;
    QCheckBox* m_tls;
    FileField* m_key;
    FileField* m_certificate;
    FileListField* m_caCertificates;
    QLineEdit* m_ciphers;
};
