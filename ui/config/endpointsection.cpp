#include "endpointsection.h"

#include "filefield.h"
#include "filelistfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

using namespace wamp;

namespace {

enum TypeIndex { TcpIndex, UnixIndex };
enum VersionIndex { IPv4Index, IPv6Index };

} // namespace

EndpointSection::EndpointSection(FieldErrors& errors, QWidget* parent)
    : FormSection(tr("Endpoint"), errors, QStringLiteral("endpoint"), parent)
    , m_type(comboBox({tr("TCP"), tr("Unix domain socket")}))
    , m_interface(lineEdit(tr("All interfaces")))
    , m_port(spinBox(0, 65535))
    , m_version(comboBox({tr("IPv4"), tr("IPv6")}))
    , m_backlog(spinBox(1, 65535))
    , m_path(new FileField(FileField::Mode::SaveFile, tr("Unix socket path")))
    , m_tls(checkBox(tr("Encrypt with TLS")))
    , m_key(new FileField(FileField::Mode::OpenFile, tr("TLS private key")))
    , m_certificate(new FileField(FileField::Mode::OpenFile, tr("TLS certificate")))
    , m_caCertificates(new FileListField(tr("CA certificates"), tr("PEM files (*.pem *.crt);;All files (*)")))
    , m_ciphers(lineEdit(tr("OpenSSL cipher list; empty: Qt's default")))
{
    m_type->setObjectName(QStringLiteral("endpointType"));
    m_interface->setObjectName(QStringLiteral("interface"));
    m_port->setObjectName(QStringLiteral("port"));
    m_version->setObjectName(QStringLiteral("version"));
    m_backlog->setObjectName(QStringLiteral("backlog"));
    m_path->setObjectName(QStringLiteral("unixPath"));
    m_tls->setObjectName(QStringLiteral("tls"));
    m_key->setObjectName(QStringLiteral("tlsKey"));
    m_certificate->setObjectName(QStringLiteral("tlsCertificate"));
    m_caCertificates->setObjectName(QStringLiteral("tlsCaCertificates"));
    m_ciphers->setObjectName(QStringLiteral("tlsCiphers"));
    const QString pemFilter = tr("PEM files (*.pem *.key *.crt);;All files (*)");
    m_key->setNameFilter(pemFilter);
    m_certificate->setNameFilter(pemFilter);
    m_caCertificates->setToolTip(
        tr("Clients must present a certificate signed by one of these (one file per line)"));
    m_backlog->setToolTip(tr("Connections the system queues before they are accepted"));

    addRow(tr("Type:"), m_type, QStringLiteral("endpoint.type"));
    addRow(tr("Interface:"), m_interface, QStringLiteral("endpoint.interface"));
    addRow(tr("Port:"), m_port, QStringLiteral("endpoint.port"));
    addRow(tr("IP version:"), m_version, QStringLiteral("endpoint.version"));
    addRow(tr("Backlog:"), m_backlog, QStringLiteral("endpoint.backlog"));
    addRow(tr("Socket path:"), m_path, QStringLiteral("endpoint.path"));
    addRow(QString(), m_tls, QStringLiteral("endpoint.tls"));
    addRow(tr("Private key:"), m_key, QStringLiteral("endpoint.tls.key"));
    addRow(tr("Certificate:"), m_certificate, QStringLiteral("endpoint.tls.certificate"));
    addRow(tr("CA certificates:"), m_caCertificates, QStringLiteral("endpoint.tls.ca_certificates"));
    addRow(tr("Ciphers:"), m_ciphers, QStringLiteral("endpoint.tls.ciphers"));

    for (FileField* field : {m_path, m_key, m_certificate})
        connect(field, &FileField::edited, this, &FormSection::edited);
    connect(m_caCertificates, &FileListField::edited, this, &FormSection::edited);
    connect(m_type, &QComboBox::currentIndexChanged, this, &EndpointSection::updateRows);
    connect(m_tls, &QCheckBox::toggled, this, &EndpointSection::updateRows);
}

void EndpointSection::setBaseDirectory(const QString& directory)
{
    for (FileField* field : {m_path, m_key, m_certificate})
        field->setBaseDirectory(directory);
    m_caCertificates->setBaseDirectory(directory);
}

void EndpointSection::load(const Endpoint& endpoint)
{
    m_type->setCurrentIndex(endpoint.type == Endpoint::Type::Unix ? UnixIndex : TcpIndex);
    m_interface->setText(endpoint.interface);
    m_port->setValue(endpoint.port);
    m_version->setCurrentIndex(endpoint.version == 6 ? IPv6Index : IPv4Index);
    m_backlog->setValue(endpoint.backlog);
    m_path->setPath(endpoint.path);
    m_tls->setChecked(endpoint.tls.has_value());
    const TlsOptions tls = endpoint.tls.value_or(TlsOptions());
    m_key->setPath(tls.key);
    m_certificate->setPath(tls.certificate);
    m_caCertificates->setPaths(tls.caCertificates);
    m_ciphers->setText(tls.ciphers);
    updateRows();
}

void EndpointSection::store(Endpoint& endpoint) const
{
    endpoint.type = m_type->currentIndex() == UnixIndex ? Endpoint::Type::Unix : Endpoint::Type::Tcp;
    endpoint.backlog = m_backlog->value();
    if (endpoint.type == Endpoint::Type::Unix) {
        endpoint.path = m_path->path();
        return;
    }
    endpoint.interface = m_interface->text().trimmed();
    endpoint.port = quint16(m_port->value());
    endpoint.version = m_version->currentIndex() == IPv6Index ? 6 : 4;
    if (!m_tls->isChecked()) {
        endpoint.tls.reset();
        return;
    }
    TlsOptions tls;
    tls.key = m_key->path();
    tls.certificate = m_certificate->path();
    tls.caCertificates = m_caCertificates->paths();
    tls.ciphers = m_ciphers->text().trimmed();
    endpoint.tls = tls;
}

void EndpointSection::updateRows()
{
    const bool tcp = m_type->currentIndex() == TcpIndex;
    for (QWidget* editor : std::initializer_list<QWidget*>{m_interface, m_port, m_version, m_tls})
        setRowVisible(editor, tcp);
    setRowVisible(m_path, !tcp);
    const bool tls = tcp && m_tls->isChecked();
    for (QWidget* editor : std::initializer_list<QWidget*>{m_key, m_certificate, m_caCertificates, m_ciphers})
        setRowVisible(editor, tls);
}
