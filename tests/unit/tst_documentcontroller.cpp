// The configuration as a document: open, edit, save (atomically, keeping every key), recent files, and
// asking before unsaved changes are lost.

#include "config/configeditor.h"
#include "config/documentcontroller.h"
#include "config/loaderrorsdialog.h"
#include "config/recentfiles.h"
#include "config/transportform.h"
#include "core/routercontroller.h"

#include "config/configloader.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace wamp;

namespace {

const QString kConfigs = QStringLiteral(WAMPSCOPE_TEST_DATA_DIR "/configs");

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool copyFile(const QString& from, const QString& to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(from, to);
}

QJsonObject transportJson(const QString& path, int index)
{
    const QJsonObject worker = QJsonDocument::fromJson(readFile(path))
                                   .object()
                                   .value(QStringLiteral("workers"))
                                   .toArray()
                                   .at(0)
                                   .toObject();
    return worker.value(QStringLiteral("transports")).toArray().at(index).toObject();
}

// Answers the next modal message box with \a button.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
    });
}

// A window as MainWindow has it: the editor in it, the document controller on it.
struct Window {
    RouterController controller;
    QWidget window;
    ConfigEditor* editor;
    DocumentController* documents;
    QMenu fileMenu;

    Window()
        : editor(
              new ConfigEditor(controller, ConfigLoader::load(R"({"version": 2, "workers": [{"type": "router",
              "realms": [{"name": "realm1", "roles": [{"name": "anonymous"}]}]}]})")
                                               .config.value()))
    {
        editor->setParent(&window);
        documents = new DocumentController(*editor, window);
        documents->installActions(&fileMenu);
    }

    QSpinBox* port() const { return editor->transportForm()->findChild<QSpinBox*>(QStringLiteral("port")); }
};

} // namespace

class TestDocumentController : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("WampscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_documentcontroller"));
    }

    void init() { RecentFiles().clear(); }

    void openEditSaveRoundTrips()
    {
        // A Crossbar configuration with keys Wampscope only warns about (dhparam, chain_certificates) and
        // TLS files relative to it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(copyFile(kConfigs + QStringLiteral("/tls.json"), path));
        for (const char* file : {"server.key", "server.pem", "ca.pem"})
            QVERIFY(copyFile(kConfigs + QStringLiteral("/tls/") + QLatin1StringView(file),
                             dir.filePath(QStringLiteral("tls/")) + QLatin1StringView(file)));
        const ConfigLoadResult original = ConfigLoader::loadFile(path);
        QVERIFY(original.config);
        QVERIFY(original.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("dhparam")));

        Window w;
        QVERIFY(w.documents->open(path));
        QCOMPARE(w.documents->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!w.documents->isModified());
        QCOMPARE(w.window.windowTitle(), QStringLiteral("config.json[*] – Wampscope"));
        QVERIFY(!w.window.isWindowModified());
        QCOMPARE(w.editor->config().transports.size(), 2);
        // TLS files relative to the document are found (and shown relative to it).
        QVERIFY(!w.editor->hasErrors());

        w.port()->setValue(4443);
        QVERIFY(w.documents->isModified());
        QVERIFY(w.window.isWindowModified());
        // Back to the saved value: nothing to save.
        w.port()->setValue(443);
        QVERIFY(!w.documents->isModified());
        w.port()->setValue(4443);

        QVERIFY(w.documents->save());
        QVERIFY(!w.documents->isModified());
        QVERIFY(!w.window.isWindowModified());

        const QJsonObject transport = transportJson(path, 0);
        const QJsonObject endpoint = transport.value(QStringLiteral("endpoint")).toObject();
        QCOMPARE(endpoint.value(QStringLiteral("port")).toInt(), 4443);
        const QJsonObject tls = endpoint.value(QStringLiteral("tls")).toObject();
        QCOMPARE(tls.value(QStringLiteral("dhparam")).toString(), QStringLiteral("dhparam.pem"));
        QCOMPARE(tls.value(QStringLiteral("chain_certificates")).toArray().size(), 1);
        QCOMPARE(tls.value(QStringLiteral("key")).toString(), QStringLiteral("tls/server.key"));
        QCOMPARE(transport.value(QStringLiteral("url")).toString(), QStringLiteral("wss://localhost/ws"));

        const ConfigLoadResult saved = ConfigLoader::loadFile(path);
        QVERIFY(saved.config);
        QCOMPARE(saved.warnings, original.warnings);
        RouterConfig expected = *original.config;
        expected.transports[0].endpoint.port = 4443;
        QCOMPARE(*saved.config, expected);
        QCOMPARE(w.documents->recentFiles().files().value(0), QFileInfo(path).absoluteFilePath());
    }

    void saveAsToAnotherDirectoryKeepsTheFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(copyFile(kConfigs + QStringLiteral("/tls.json"), path));
        for (const char* file : {"server.key", "server.pem", "ca.pem"})
            QVERIFY(copyFile(kConfigs + QStringLiteral("/tls/") + QLatin1StringView(file),
                             dir.filePath(QStringLiteral("tls/")) + QLatin1StringView(file)));
        Window w;
        QVERIFY(w.documents->open(path));
        const QString elsewhere = dir.filePath(QStringLiteral("copies/config.json"));
        QVERIFY(QDir().mkpath(QFileInfo(elsewhere).absolutePath()));
        QVERIFY(w.documents->saveAs(elsewhere));
        QCOMPARE(w.documents->filePath(), QFileInfo(elsewhere).absoluteFilePath());
        QCOMPARE(w.window.windowTitle(), QStringLiteral("config.json[*] – Wampscope"));
        const ConfigLoadResult copy = ConfigLoader::loadFile(elsewhere);
        QVERIFY2(copy.config, qPrintable(copy.errors.join(QLatin1Char('\n'))));
        QCOMPARE(copy.config->transports.at(0).endpoint.tls->key,
                 QFileInfo(dir.filePath(QStringLiteral("tls/server.key"))).absoluteFilePath());
    }

    void failedSaveKeepsTheOldFileAndTheChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("websocket.json"));
        QVERIFY(copyFile(kConfigs + QStringLiteral("/websocket.json"), path));
        const QByteArray before = readFile(path);
        Window w;
        QVERIFY(w.documents->open(path));
        w.port()->setValue(w.port()->value() + 1);
        QVERIFY(w.documents->isModified());

        // Nobody can write below a regular file, root included.
        const QString unwritable = path + QStringLiteral("/config.json");
        QVERIFY(!w.documents->saveAs(unwritable));
        QVERIFY(w.documents->isModified());
        QVERIFY(w.window.isWindowModified());
        QCOMPARE(w.documents->filePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(readFile(path), before);
        auto* error = w.window.findChild<QMessageBox*>(QStringLiteral("documentError"));
        QVERIFY(error);
        QVERIFY(error->text().contains(unwritable));
        error->close();

        // A file in a directory this user may not write to (permissions do not stop root).
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        if (!QFileInfo(dir.path()).isWritable()) {
            QVERIFY(!w.documents->save());
            QCOMPARE(readFile(path), before);
            QVERIFY(w.documents->isModified());
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList({QStringLiteral("websocket.json")}));
    }

    void savingWithErrorsAsksFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("websocket.json"));
        QVERIFY(copyFile(kConfigs + QStringLiteral("/websocket.json"), path));
        const QByteArray before = readFile(path);
        Window w;
        QVERIFY(w.documents->open(path));
        w.port()->setValue(0); // the loader refuses port 0
        QVERIFY(w.editor->hasErrors());

        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!w.documents->save());
        QCOMPARE(readFile(path), before);
        QVERIFY(w.documents->isModified());

        answerNextMessageBox(QMessageBox::Save);
        QVERIFY(w.documents->save());
        QVERIFY(!w.documents->isModified());
        QVERIFY(!ConfigLoader::loadFile(path).config);
    }

    void openingAnInvalidFileListsItsProblems()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 2, "workers": [{"type": "router", "realms": [{"name": "realm1"}],
            "transports": [{"type": "websocket", "endpoint": {"type": "tcp", "port": 70000}, "colour": "red"}]}]})");
        file.close();

        Window w;
        const RouterConfig before = w.editor->config();
        QVERIFY(!w.documents->open(path));
        QCOMPARE(w.editor->config(), before);
        QVERIFY(w.documents->filePath().isEmpty());
        auto* dialog = w.window.findChild<LoadErrorsDialog*>();
        QVERIFY(dialog);
        auto* problems = dialog->findChild<QTreeWidget*>(QStringLiteral("problems"));
        QCOMPARE(problems->topLevelItemCount(), 2);
        QStringList rows;
        for (int i = 0; i < problems->topLevelItemCount(); ++i)
            rows << problems->topLevelItem(i)->text(0) + QStringLiteral(" | ") +
                        problems->topLevelItem(i)->text(1);
        rows.sort();
        QCOMPARE(
            rows,
            QStringList(
                {QStringLiteral("workers[0].transports[0].colour | unknown key"),
                 QStringLiteral("workers[0].transports[0].endpoint.port | 70000 is out of range 1..65535")}));
        QVERIFY(w.documents->recentFiles().files().isEmpty());
    }

    void recentFiles()
    {
        QTemporaryDir dir;
        RecentFiles recent;
        for (int i = 0; i < 10; ++i)
            recent.add(dir.filePath(QStringLiteral("c%1.json").arg(i)));
        QCOMPARE(recent.files().size(), RecentFiles::kMaxFiles);
        QCOMPARE(recent.files().first(), dir.filePath(QStringLiteral("c9.json")));
        QCOMPARE(recent.files().last(), dir.filePath(QStringLiteral("c2.json")));
        recent.add(dir.filePath(QStringLiteral("c5.json")));
        QCOMPARE(recent.files().first(), dir.filePath(QStringLiteral("c5.json")));
        QCOMPARE(recent.files().count(dir.filePath(QStringLiteral("c5.json"))), 1);
        recent.clear();

        const QString path = dir.filePath(QStringLiteral("websocket.json"));
        QVERIFY(copyFile(kConfigs + QStringLiteral("/websocket.json"), path));
        Window w;
        auto* menu = w.fileMenu.findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QVERIFY(!menu->isEnabled());
        QVERIFY(w.documents->open(path));
        QVERIFY(menu->isEnabled());
        QVERIFY(menu->actions().first()->text().contains(QStringLiteral("websocket.json")));

        // Open a recent file that has gone: it leaves the list.
        QVERIFY(w.documents->newDocument());
        QFile::remove(path);
        menu->actions().first()->trigger();
        QVERIFY(w.window.findChild<LoadErrorsDialog*>());
        QVERIFY(w.documents->recentFiles().files().isEmpty());
        QVERIFY(!menu->isEnabled());
    }

    void fileMenuHasTheDocumentActions()
    {
        Window w;
        QStringList names;
        for (const QAction* action : w.fileMenu.actions()) {
            if (!action->isSeparator())
                names << (action->menu() ? action->menu()->objectName() : action->objectName());
        }
        QCOMPARE(names, QStringList({QStringLiteral("newDocument"), QStringLiteral("openDocument"),
                                     QStringLiteral("recentMenu"), QStringLiteral("saveDocument"),
                                     QStringLiteral("saveDocumentAs"), QStringLiteral("quit")}));
    }

    void asksBeforeLosingChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("websocket.json"));
        QVERIFY(copyFile(kConfigs + QStringLiteral("/websocket.json"), path));
        Window w;
        w.window.show();
        QVERIFY(w.documents->open(path));
        const int edited = w.port()->value() + 1;
        w.port()->setValue(edited);

        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!w.window.close());
        QVERIFY(w.window.isVisible());
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!w.documents->newDocument());
        QCOMPARE(w.documents->filePath(), QFileInfo(path).absoluteFilePath());

        answerNextMessageBox(QMessageBox::Save);
        QVERIFY(w.documents->newDocument());
        QVERIFY(w.documents->filePath().isEmpty());
        QCOMPARE(w.window.windowTitle(), QStringLiteral("Untitled[*] – Wampscope"));
        QCOMPARE(ConfigLoader::loadFile(path).config->transports.at(0).endpoint.port, edited);

        // A new document unchanged closes without asking; changed, "Discard" closes it.
        QVERIFY(w.window.close());
        w.window.show();
        w.port()->setValue(w.port()->value() + 1);
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(w.window.close());
    }
};

QTEST_MAIN(TestDocumentController)
#include "tst_documentcontroller.moc"
