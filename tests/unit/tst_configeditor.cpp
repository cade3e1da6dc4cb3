// The configuration editor: forms edit the model, and every problem shows the loader's own message next
// to the field it concerns.

#include "config/configeditor.h"
#include "config/configvalidator.h"
#include "config/fielderrorlabel.h"
#include "config/filefield.h"
#include "config/permissiontable.h"
#include "config/realmform.h"
#include "config/rolessection.h"
#include "config/serializerchecks.h"
#include "config/transportform.h"
#include "core/routercontroller.h"

#include "config/configloader.h"
#include "config/configwriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace wamp;

namespace {

const QString kDataDir = QStringLiteral(WAMPSCOPE_TEST_DATA_DIR);

RouterConfig load(const QByteArray& json)
{
    const ConfigLoadResult result = ConfigLoader::load(json);
    if (!result.config)
        qFatal("test configuration does not load: %s", qPrintable(result.errors.join(QLatin1Char('\n'))));
    return *result.config;
}

RouterConfig websocketConfig(quint16 port = 8080)
{
    return load(QStringLiteral(R"({"version": 2, "workers": [{"type": "router",
        "realms": [{"name": "realm1", "roles": [{"name": "anonymous", "permissions": [
            {"uri": "", "match": "prefix", "allow": {"call": true, "register": true, "publish": true,
             "subscribe": true}}]}]}],
        "transports": [{"id": "ws", "type": "websocket", "endpoint": {"type": "tcp", "port": %1,
            "interface": "127.0.0.1"}}]}]})")
                    .arg(port)
                    .toUtf8());
}

// What the loader says about \a config at \a path: the single message the editor must show.
QString loaderMessage(const RouterConfig& config, const QString& path)
{
    const ConfigLoadResult result = ConfigLoader::load(ConfigWriter::toJson(config));
    QStringList messages;
    for (const QString& error : result.errors) {
        if (error.startsWith(path + QStringLiteral(": ")))
            messages << error.mid(path.size() + 2);
    }
    if (messages.size() != 1)
        qWarning() << "loader errors:" << result.errors;
    return messages.value(0);
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

template <typename T> T* field(QWidget* form, const char* name)
{
    T* widget = form->findChild<T*>(QLatin1StringView(name));
    if (!widget)
        qFatal("no field %s", name);
    return widget;
}

} // namespace

class TestConfigEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editingTheFormChangesTheConfiguration()
    {
        RouterController controller;
        ConfigEditor editor(controller, websocketConfig());
        QSignalSpy edited(&editor, &ConfigEditor::edited);
        QSignalSpy valid(&editor, &ConfigEditor::validConfigChanged);
        TransportForm* form = editor.transportForm();

        field<QSpinBox>(form, "port")->setValue(9000);
        field<QCheckBox>(form, "webStatus")->setChecked(false);
        field<QSpinBox>(form, "websocketMaxMessageSize")->setValue(4096);
        field<QLineEdit>(form, "allowedOrigins")
            ->setText(QStringLiteral("https://*.example.com, http://localhost:*"));
        field<QCheckBox>(field<SerializerChecks>(form, "websocketSerializers"), "serializer_cbor")
            ->setChecked(false);
        field<QLineEdit>(form, "id")->setText(QStringLiteral("public"));

        const TransportConfig& transport = editor.config().transports.at(0);
        QCOMPARE(transport.endpoint.port, 9000);
        QCOMPARE(transport.websocket.enableWebStatus, false);
        QCOMPARE(transport.websocket.maxMessageSize, 4096);
        QCOMPARE(transport.websocket.allowedOrigins, QStringList({QStringLiteral("https://*.example.com"),
                                                                  QStringLiteral("http://localhost:*")}));
        QCOMPARE(transport.websocket.serializers,
                 QList<SerializerKind>({SerializerKind::Json, SerializerKind::MsgPack}));
        QCOMPARE(transport.id, QStringLiteral("public"));
        QCOMPARE(edited.size(), 6);
        QCOMPARE(valid.size(), 6);
        QVERIFY(editor.issues().isEmpty() || !editor.hasErrors());
        QVERIFY(editor.outline()
                    ->transportItem(0)
                    ->text(ConfigOutline::NameColumn)
                    .startsWith(QStringLiteral("public")));

        // What the form made is what the loader reads back.
        const RouterConfig reloaded = load(ConfigWriter::toJson(editor.config()));
        QCOMPARE(reloaded.transports.at(0), transport);
    }

    void fieldShowsTheLoadersMessage_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("path");
        QTest::addColumn<std::function<void(TransportForm*)>>("edit");

        QTest::newRow("port 0") << QStringLiteral("endpoint.port")
                                << QStringLiteral("workers[0].transports[0].endpoint.port")
                                << std::function([](TransportForm* form) {
                                       field<QSpinBox>(form, "port")->setValue(0);
                                   });
        QTest::newRow("interface")
            << QStringLiteral("endpoint.interface")
            << QStringLiteral("workers[0].transports[0].endpoint.interface")
            << std::function([](TransportForm* form) {
                   field<QLineEdit>(form, "interface")->setText(QStringLiteral("no.such.host"));
               });
        QTest::newRow("IPv6 address on IPv4")
            << QStringLiteral("endpoint.interface")
            << QStringLiteral("workers[0].transports[0].endpoint.interface")
            << std::function([](TransportForm* form) {
                   field<QLineEdit>(form, "interface")->setText(QStringLiteral("::1"));
               });
        QTest::newRow("no serializer")
            << QStringLiteral("websocket.serializers")
            << QStringLiteral("workers[0].transports[0].serializers")
            << std::function([](TransportForm* form) {
                   // A RawSocket section has check boxes of the same names.
                   auto* checks = field<SerializerChecks>(form, "websocketSerializers");
                   for (const char* name : {"serializer_json", "serializer_msgpack", "serializer_cbor"})
                       field<QCheckBox>(checks, name)->setChecked(false);
               });
        QTest::newRow("RawSocket without serializer")
            << QStringLiteral("rawsocket.serializers")
            << QStringLiteral("workers[0].transports[0].serializers")
            << std::function([](TransportForm* form) {
                   field<QComboBox>(form, "type")->setCurrentIndex(int(TransportType::RawSocket));
                   auto* checks = field<SerializerChecks>(form, "rawsocketSerializers");
                   for (const char* name : {"serializer_json", "serializer_msgpack", "serializer_cbor"})
                       field<QCheckBox>(checks, name)->setChecked(false);
               });
        QTest::newRow("universal RawSocket without serializer")
            << QStringLiteral("rawsocket.serializers")
            << QStringLiteral("workers[0].transports[0].rawsocket.serializers")
            << std::function([](TransportForm* form) {
                   field<QComboBox>(form, "type")->setCurrentIndex(int(TransportType::Universal));
                   auto* checks = field<SerializerChecks>(form, "rawsocketSerializers");
                   for (const char* name : {"serializer_json", "serializer_msgpack", "serializer_cbor"})
                       field<QCheckBox>(checks, name)->setChecked(false);
               });
        QTest::newRow("missing TLS certificate")
            << QStringLiteral("endpoint.tls.certificate")
            << QStringLiteral("workers[0].transports[0].endpoint.tls")
            << std::function([](TransportForm* form) {
                   field<QCheckBox>(form, "tls")->setChecked(true);
                   field<FileField>(form, "tlsKey")
                       ->lineEdit()
                       ->setText(kDataDir + QStringLiteral("/configs/tls/server.key"));
                   field<FileField>(form, "tlsCertificate")
                       ->lineEdit()
                       ->setText(QStringLiteral("/nonexistent/server.pem"));
               });
        QTest::newRow("missing TLS key")
            << QStringLiteral("endpoint.tls.key") << QStringLiteral("workers[0].transports[0].endpoint.tls")
            << std::function([](TransportForm* form) {
                   field<QCheckBox>(form, "tls")->setChecked(true);
                   field<FileField>(form, "tlsKey")
                       ->lineEdit()
                       ->setText(QStringLiteral("/nonexistent/server.key"));
                   field<FileField>(form, "tlsCertificate")
                       ->lineEdit()
                       ->setText(kDataDir + QStringLiteral("/configs/tls/server.pem"));
               });
        QTest::newRow("bad ciphers")
            << QStringLiteral("endpoint.tls.ciphers")
            << QStringLiteral("workers[0].transports[0].endpoint.tls")
            << std::function([](TransportForm* form) {
                   field<QCheckBox>(form, "tls")->setChecked(true);
                   field<FileField>(form, "tlsKey")
                       ->lineEdit()
                       ->setText(kDataDir + QStringLiteral("/configs/tls/server.key"));
                   field<FileField>(form, "tlsCertificate")
                       ->lineEdit()
                       ->setText(kDataDir + QStringLiteral("/configs/tls/server.pem"));
                   field<QLineEdit>(form, "tlsCiphers")->setText(QStringLiteral("NO-SUCH-CIPHER"));
               });
        QTest::newRow("WebSocket on a unix socket")
            << QStringLiteral("endpoint.type") << QStringLiteral("workers[0].transports[0].endpoint.type")
            << std::function([](TransportForm* form) {
                   field<QComboBox>(form, "endpointType")->setCurrentIndex(1);
                   field<FileField>(form, "unixPath")
                       ->lineEdit()
                       ->setText(QStringLiteral("/tmp/wampscope-editor-test.sock"));
               });
        QTest::newRow("unix socket in a missing directory")
            << QStringLiteral("endpoint.path") << QStringLiteral("workers[0].transports[0].endpoint.path")
            << std::function([](TransportForm* form) {
                   field<QComboBox>(form, "type")->setCurrentIndex(int(TransportType::RawSocket));
                   field<QComboBox>(form, "endpointType")->setCurrentIndex(1);
                   field<FileField>(form, "unixPath")
                       ->lineEdit()
                       ->setText(QStringLiteral("/nonexistent/dir/wamp.sock"));
               });
        QTest::newRow("duplicate id") << QStringLiteral("id") << QStringLiteral("workers[0].transports[0].id")
                                      << std::function([](TransportForm*) {});
    }

    void fieldShowsTheLoadersMessage()
    {
        QFETCH(QString, field);
        QFETCH(QString, path);
        QFETCH(std::function<void(TransportForm*)>, edit);

        RouterController controller;
        RouterConfig config = websocketConfig();
        if (QByteArrayView(QTest::currentDataTag()) == "duplicate id") {
            // Only the second of two equal ids is wrong: edit the first one to clash with the second.
            TransportConfig second = config.transports.at(0);
            second.id = QStringLiteral("other");
            second.endpoint.port = 8081;
            config.transports.append(second);
        }
        ConfigEditor editor(controller, config);
        editor.show();
        auto* apply = editor.findChild<QPushButton*>(QStringLiteral("apply"));
        QVERIFY(apply->isEnabled());
        TransportForm* form = editor.transportForm();
        if (QByteArrayView(QTest::currentDataTag()) == "duplicate id") {
            editor.outline()->select(ConfigOutline::Kind::Transport, 1);
            form->findChild<QLineEdit*>(QStringLiteral("id"))->setText(QStringLiteral("ws"));
            path = QStringLiteral("workers[0].transports[1].id");
        }
        edit(form);

        const QString expected = loaderMessage(editor.config(), path);
        QVERIFY(!expected.isEmpty());
        FieldErrorLabel* label = form->messagesFor(field);
        QVERIFY(label->isVisible());
        QVERIFY(label->hasError());
        QCOMPARE(label->text(), expected);
        QCOMPARE(label->palette().color(QPalette::WindowText), FieldErrorLabel::errorColor());
        QVERIFY(!apply->isEnabled());
        // Next to that field, not the form's catch-all.
        QVERIFY(label != form->findChild<FieldErrorLabel*>(QStringLiteral("transportMessages")));
        // The transport is marked in the list.
        const int index = editor.outline()->currentElement();
        QCOMPARE(editor.outline()->transportItem(index)->toolTip(ConfigOutline::NameColumn), expected);
    }

    void fixingTheFieldClearsTheMessage()
    {
        RouterController controller;
        ConfigEditor editor(controller, websocketConfig());
        editor.show();
        auto* apply = editor.findChild<QPushButton*>(QStringLiteral("apply"));
        auto* port = editor.transportForm()->findChild<QSpinBox*>(QStringLiteral("port"));
        port->setValue(0);
        FieldErrorLabel* label = editor.transportForm()->messagesFor(QStringLiteral("endpoint.port"));
        QCOMPARE(label->text(), QStringLiteral("0 is out of range 1..65535"));
        QVERIFY(!apply->isEnabled());
        port->setValue(8080);
        QVERIFY(!label->isVisible());
        QVERIFY(apply->isEnabled());
    }

    void warningsShowInAmberAndDoNotBlockApply()
    {
        RouterController controller;
        RouterConfig config = websocketConfig();
        config.transports[0].type = TransportType::RawSocket;
        ConfigEditor editor(controller, config);
        editor.show();
        editor.transportForm()
            ->findChild<QSpinBox*>(QStringLiteral("rawsocketMaxMessageSize"))
            ->setValue(100000);
        FieldErrorLabel* label =
            editor.transportForm()->messagesFor(QStringLiteral("rawsocket.max_message_size"));
        QVERIFY(label->isVisible());
        QVERIFY(!label->hasError());
        QVERIFY(label->text().contains(QStringLiteral("announced and enforced as 65536")));
        QCOMPARE(label->palette().color(QPalette::WindowText), FieldErrorLabel::warningColor());
        QVERIFY(editor.findChild<QPushButton*>(QStringLiteral("apply"))->isEnabled());
    }

    void addDuplicateRemoveTransports()
    {
        RouterController controller;
        ConfigEditor editor(controller, websocketConfig());
        editor.addTransport(TransportType::RawSocket);
        QCOMPARE(editor.config().transports.size(), 2);
        const TransportConfig added = editor.config().transports.at(1);
        QCOMPARE(added.type, TransportType::RawSocket);
        QCOMPARE(added.id, QStringLiteral("transport2"));
        QCOMPARE(editor.outline()->currentElement(), 1);
        QCOMPARE(editor.transportForm()->findChild<QLineEdit*>(QStringLiteral("id"))->text(),
                 QStringLiteral("transport2"));
        QVERIFY(!editor.hasErrors());

        editor.addTransport(TransportType::Universal);
        QCOMPARE(editor.config().transports.at(2).type, TransportType::Universal);

        editor.outline()->select(ConfigOutline::Kind::Transport, 0);
        editor.duplicateSelected();
        QCOMPARE(editor.config().transports.size(), 4);
        const TransportConfig copy = editor.config().transports.at(1);
        QCOMPARE(copy.id, QStringLiteral("ws-copy"));
        QCOMPARE(copy.type, TransportType::WebSocket);
        QCOMPARE(copy.endpoint.interface, QStringLiteral("127.0.0.1"));
        QVERIFY(copy.endpoint.port != editor.config().transports.at(0).endpoint.port);
        QCOMPARE(editor.outline()->currentElement(), 1);
        QVERIFY(!editor.hasErrors());

        editor.removeSelected();
        QCOMPARE(editor.config().transports.size(), 3);
        QStringList ids;
        for (const TransportConfig& transport : editor.config().transports)
            ids << transport.id;
        QCOMPARE(ids, QStringList({QStringLiteral("ws"), QStringLiteral("transport2"),
                                   QStringLiteral("transport3")}));
        QCOMPARE(editor.outline()
                     ->transportItem(2)
                     ->text(ConfigOutline::NameColumn)
                     .section(QLatin1Char(' '), 0, 0),
                 QStringLiteral("transport3"));
        QVERIFY(!editor.outline()->transportItem(3));
    }

    void addAndRemoveRealms()
    {
        RouterController controller;
        ConfigEditor editor(controller, websocketConfig());
        editor.addRealm();
        QCOMPARE(editor.config().realms.size(), 2);
        QCOMPARE(editor.config().realms.at(1).name, QStringLiteral("realm"));
        QCOMPARE(editor.outline()->currentKind(), ConfigOutline::Kind::Realm);
        editor.duplicateSelected();
        QCOMPARE(editor.config().realms.at(2).name, QStringLiteral("realm-copy"));
        QVERIFY(!editor.hasErrors());
        editor.removeSelected();
        editor.removeSelected();
        editor.removeSelected();
        QVERIFY(editor.config().realms.isEmpty());
        // The loader needs one realm: the message goes to the document's messages.
        QVERIFY(editor.hasErrors());
        auto* messages = editor.findChild<FieldErrorLabel*>(QStringLiteral("documentMessages"));
        QCOMPARE(messages->text(), QStringLiteral("workers[0].realms: at least one realm is required"));
    }

    void rolesTableEditsRoundTrip()
    {
        RouterController controller;
        ConfigEditor editor(controller, websocketConfig());
        editor.show();
        editor.outline()->select(ConfigOutline::Kind::Realm, 0);
        RealmForm* form = editor.realmForm();
        auto* table = form->findChild<PermissionTable*>(QStringLiteral("permissions"));
        QCOMPARE(table->rowCount(), 1);

        table->item(0, PermissionTable::PublishColumn)->setCheckState(Qt::Unchecked);
        table->item(0, PermissionTable::DiscloseCallerColumn)->setCheckState(Qt::Checked);
        table->item(0, PermissionTable::UriColumn)->setText(QStringLiteral("com.example."));
        QCOMPARE(editor.config().realms[0].roles[0].permissions[0].allowPublish, false);
        QCOMPARE(editor.config().realms[0].roles[0].permissions[0].discloseCaller, true);
        QCOMPARE(editor.config().realms[0].roles[0].permissions[0].uri, QStringLiteral("com.example."));

        form->findChild<QPushButton*>(QStringLiteral("addPermission"))->click();
        QCOMPARE(table->rowCount(), 2);
        table->item(1, PermissionTable::UriColumn)->setText(QStringLiteral("com.example.*.get"));
        QTableWidgetItem* match = table->item(1, PermissionTable::MatchColumn);
        match->setData(Qt::UserRole, int(MatchPolicy::Wildcard));
        table->item(1, PermissionTable::CallColumn)->setCheckState(Qt::Checked);

        form->findChild<QPushButton*>(QStringLiteral("addRole"))->click();
        form->findChild<QLineEdit*>(QStringLiteral("roleName"))->setText(QStringLiteral("backend"));
        form->findChild<QPushButton*>(QStringLiteral("addPermission"))->click();
        table->item(0, PermissionTable::RegisterColumn)->setCheckState(Qt::Checked);
        QVERIFY(!editor.hasErrors());

        const RealmConfig realm = editor.config().realms.at(0);
        QCOMPARE(realm.roles.size(), 2);
        QCOMPARE(realm.roles[1].name, QStringLiteral("backend"));
        QCOMPARE(realm.roles[0].permissions[1].match, MatchPolicy::Wildcard);
        QCOMPARE(realm.roles[0].permissions[1].allowCall, true);
        QCOMPARE(realm.roles[1].permissions[0].allowRegister, true);
        // Written and read back by the loader: the same roles.
        QCOMPARE(load(ConfigWriter::toJson(editor.config())).realms.at(0), realm);

        // Removing a role and a permission.
        auto* roles = form->findChild<RolesSection*>();
        roles->selectRole(0);
        table->setCurrentCell(0, PermissionTable::UriColumn);
        form->findChild<QPushButton*>(QStringLiteral("removePermission"))->click();
        QCOMPARE(editor.config().realms[0].roles[0].permissions.size(), 1);
        QCOMPARE(editor.config().realms[0].roles[0].permissions[0].uri, QStringLiteral("com.example.*.get"));
        roles->selectRole(1);
        form->findChild<QPushButton*>(QStringLiteral("removeRole"))->click();
        QCOMPARE(editor.config().realms[0].roles.size(), 1);
    }

    void invalidPermissionIsMarkedInTheTable()
    {
        RouterController controller;
        ConfigEditor editor(controller, websocketConfig());
        editor.show();
        editor.outline()->select(ConfigOutline::Kind::Realm, 0);
        RealmForm* form = editor.realmForm();
        auto* table = form->findChild<PermissionTable*>(QStringLiteral("permissions"));
        QTableWidgetItem* match = table->item(0, PermissionTable::MatchColumn);
        match->setData(Qt::UserRole, int(MatchPolicy::Exact));
        table->item(0, PermissionTable::UriColumn)->setText(QStringLiteral("com..example"));

        const QString expected = loaderMessage(
            editor.config(), QStringLiteral("workers[0].realms[0].roles[0].permissions[0].uri"));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(table->item(0, PermissionTable::UriColumn)->toolTip(), expected);
        QVERIFY(table->item(0, PermissionTable::UriColumn)->background().color().red() > 150);
        QVERIFY(table->item(0, PermissionTable::CallColumn)->toolTip().isEmpty());
        auto* messages = form->findChild<FieldErrorLabel*>(QStringLiteral("permissionMessages"));
        QCOMPARE(messages->text(), QStringLiteral("Row 1: ") + expected);
        QVERIFY(!editor.findChild<QPushButton*>(QStringLiteral("apply"))->isEnabled());

        // A realm name the loader refuses goes under the name.
        form->findChild<QLineEdit*>(QStringLiteral("realmName"))->setText(QStringLiteral("bad realm"));
        QCOMPARE(form->messagesFor(QStringLiteral("name"))->text(),
                 loaderMessage(editor.config(), QStringLiteral("workers[0].realms[0].name")));
    }

    void validatorMapsPathsToFields_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("field");

        const int websocket = int(TransportType::WebSocket);
        const int rawsocket = int(TransportType::RawSocket);
        const int universal = int(TransportType::Universal);
        QTest::newRow("port") << websocket << QStringLiteral("workers[0].transports[0].endpoint.port: x")
                              << QStringLiteral("endpoint.port");
        QTest::newRow("websocket option")
            << websocket << QStringLiteral("workers[0].transports[0].options.max_frame_size: x")
            << QStringLiteral("websocket.options.max_frame_size");
        QTest::newRow("websocket serializer")
            << websocket << QStringLiteral("workers[0].transports[0].serializers[1]: x")
            << QStringLiteral("websocket.serializers");
        QTest::newRow("rawsocket size")
            << rawsocket << QStringLiteral("workers[0].transports[0].max_message_size: x")
            << QStringLiteral("rawsocket.max_message_size");
        QTest::newRow("rawsocket legacy serializer")
            << rawsocket << QStringLiteral("workers[0].transports[0].serializer: x")
            << QStringLiteral("rawsocket.serializers");
        QTest::newRow("rawsocket option")
            << rawsocket << QStringLiteral("workers[0].transports[0].options.max_connections: x")
            << QStringLiteral("rawsocket.options.max_connections");
        QTest::newRow("universal websocket")
            << universal << QStringLiteral("workers[0].transports[0].websocket.ws.options.auto_ping_size: x")
            << QStringLiteral("websocket.options.auto_ping_size");
        QTest::newRow("universal rawsocket")
            << universal << QStringLiteral("workers[0].transports[0].rawsocket.serializers[0]: x")
            << QStringLiteral("rawsocket.serializers");
        QTest::newRow("universal url")
            << universal << QStringLiteral("workers[0].transports[0].websocket.ws.url: x")
            << QStringLiteral("url");
        QTest::newRow("anonymous role")
            << websocket << QStringLiteral("workers[0].transports[0].auth.anonymous.type: x")
            << QStringLiteral("auth");
        QTest::newRow("CA certificate")
            << websocket
            << QStringLiteral("workers[0].transports[0].endpoint.tls: cannot read TLS CA "
                              "certificate /x.pem: No such file")
            << QStringLiteral("endpoint.tls.ca_certificates");
        QTest::newRow("key mismatch")
            << websocket
            << QStringLiteral("workers[0].transports[0].endpoint.tls: TLS key /k does not "
                              "match certificate /c")
            << QStringLiteral("endpoint.tls.key");
    }

    void validatorMapsPathsToFields()
    {
        QFETCH(int, type);
        QFETCH(QString, line);
        QFETCH(QString, field);
        RouterConfig config = websocketConfig();
        config.transports[0].type = TransportType(type);
        const ConfigIssue issue = ConfigValidator::mapIssue(line, false, config, 0);
        QCOMPARE(issue.target, ConfigIssue::Target::Transport);
        QCOMPARE(issue.index, 0);
        QCOMPARE(issue.field, field);
        QCOMPARE(issue.message, line.mid(line.indexOf(QStringLiteral(": ")) + 2));
    }

    void validatorMapsRealmPaths()
    {
        const RouterConfig config = websocketConfig();
        const ConfigIssue permission = ConfigValidator::mapIssue(
            QStringLiteral("workers[1].realms[0].roles[0].permissions[0].allow.call: must be true or false"),
            false, config, 1);
        QCOMPARE(permission.target, ConfigIssue::Target::Realm);
        QCOMPARE(permission.role, 0);
        QCOMPARE(permission.permission, 0);
        QCOMPARE(permission.field, QStringLiteral("allow.call"));
        QCOMPARE(PermissionTable::columnFor(permission.field), int(PermissionTable::CallColumn));
        const ConfigIssue other = ConfigValidator::mapIssue(
            QStringLiteral("workers[0].transports[0].id: not the router worker"), true, config, 1);
        QCOMPARE(other.target, ConfigIssue::Target::Document);
        QVERIFY(other.warning);
    }

    void showsLiveTransportStates()
    {
        RouterController controller;
        const quint16 port = freePort();
        RouterConfig config = websocketConfig(port);
        TransportConfig clash = config.transports.at(0);
        clash.id = QStringLiteral("clash");
        config.transports.append(clash); // the same port twice: the second one cannot listen
        ConfigEditor editor(controller, config);
        QTreeWidgetItem* first = editor.outline()->transportItem(0);
        QTreeWidgetItem* second = editor.outline()->transportItem(1);
        QCOMPARE(first->text(ConfigOutline::StateColumn), QStringLiteral("stopped"));

        editor.findChild<QPushButton*>(QStringLiteral("apply"))->click();
        QTRY_VERIFY(first->text(ConfigOutline::StateColumn)
                        .startsWith(QStringLiteral("listening on ws://127.0.0.1:%1").arg(port)));
        QTRY_VERIFY(second->text(ConfigOutline::StateColumn).startsWith(QStringLiteral("failed: ")));
        QCOMPARE(second->foreground(ConfigOutline::StateColumn).color(), FieldErrorLabel::errorColor());
        QVERIFY(!second->toolTip(ConfigOutline::StateColumn).isEmpty());
        QVERIFY(!second->icon(ConfigOutline::StateColumn).isNull());
        auto* summary = editor.findChild<QLabel*>(QStringLiteral("summary"));
        QCOMPARE(summary->text(), QStringLiteral("Applied"));

        // An edit not applied yet says so; applying it restarts the changed transport.
        editor.outline()->select(ConfigOutline::Kind::Transport, 1);
        editor.transportForm()->findChild<QSpinBox*>(QStringLiteral("port"))->setValue(freePort());
        QCOMPARE(summary->text(), QStringLiteral("Changes not applied yet"));
        editor.apply();
        QTRY_VERIFY(second->text(ConfigOutline::StateColumn).startsWith(QStringLiteral("listening on ")));
        controller.stop();
        QTRY_COMPARE(first->text(ConfigOutline::StateColumn), QStringLiteral("stopped"));
    }
};

QTEST_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
