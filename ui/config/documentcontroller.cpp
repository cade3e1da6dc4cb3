#include "documentcontroller.h"

#include "configeditor.h"
#include "loaderrorsdialog.h"
#include "recentfiles.h"

#include "config/configloader.h"
#include "config/configwriter.h"
#include "resources.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

using namespace wamp;

namespace {

QString fileFilter()
{
    return DocumentController::tr("Crossbar configurations (*.json);;All files (*)");
}

} // namespace

DocumentController::DocumentController(ConfigEditor& editor, QWidget& window)
    : QObject(&window)
    , m_editor(editor)
    , m_window(window)
    , m_recentFiles(new RecentFiles(this))
    , m_newAction(createAction(tr("&New"), QKeySequence::New, QStringLiteral("newDocument")))
    , m_openAction(createAction(tr("&Open…"), QKeySequence::Open, QStringLiteral("openDocument")))
    , m_saveAction(createAction(tr("&Save"), QKeySequence::Save, QStringLiteral("saveDocument")))
    , m_saveAsAction(createAction(tr("Save &As…"), QKeySequence::SaveAs, QStringLiteral("saveDocumentAs")))
{
    setObjectName(QStringLiteral("documentController"));
    m_newAction->setToolTip(tr("Start a new configuration from the default one"));
    m_openAction->setToolTip(tr("Open a Crossbar configuration file"));
    connect(m_newAction, &QAction::triggered, this, &DocumentController::newDocument);
    connect(m_openAction, &QAction::triggered, this, &DocumentController::openWithDialog);
    connect(m_saveAction, &QAction::triggered, this, &DocumentController::save);
    connect(m_saveAsAction, &QAction::triggered, this, &DocumentController::saveAsWithDialog);
    connect(&m_editor, &ConfigEditor::edited, this, &DocumentController::updateModified);
    // Also when the configuration is replaced from outside (command-line overrides, for example).
    connect(&m_editor, &ConfigEditor::validConfigChanged, this, &DocumentController::updateModified);
    m_window.installEventFilter(this);
    m_saved = m_editor.config();
    updateTitle();
}

QAction* DocumentController::createAction(const QString& text, const QKeySequence& shortcut,
                                          const QString& name)
{
    auto* action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setObjectName(name);
    return action;
}

void DocumentController::installActions(QMenu* fileMenu)
{
    m_recentMenu = new QMenu(tr("Open &Recent"), fileMenu);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentFiles, &RecentFiles::changed, this, &DocumentController::fillRecentMenu);
    fillRecentMenu();

    const QList<QAction*> existing = fileMenu->actions();
    QAction* before = existing.value(0);
    fileMenu->insertActions(before, {m_newAction, m_openAction});
    fileMenu->insertMenu(before, m_recentMenu);
    fileMenu->insertSeparator(before);
    fileMenu->insertActions(before, {m_saveAction, m_saveAsAction});
    const bool hasQuit = std::any_of(existing.begin(), existing.end(), [](const QAction* action) {
        return action->menuRole() == QAction::QuitRole;
    });
    if (!hasQuit) {
        fileMenu->addSeparator();
        QAction* quit = createAction(tr("&Quit"), QKeySequence::Quit, QStringLiteral("quit"));
        quit->setMenuRole(QAction::QuitRole);
        connect(quit, &QAction::triggered, &m_window, &QWidget::close);
        fileMenu->addAction(quit);
    }
}

bool DocumentController::newDocument()
{
    if (!maybeSave())
        return false;
    const ConfigLoadResult loaded = ConfigLoader::load(wampscope::defaultConfigJson());
    setDocument(QString(), loaded.config.value_or(RouterConfig()));
    return true;
}

bool DocumentController::openWithDialog()
{
    if (!maybeSave())
        return false;
    const QString directory =
        m_filePath.isEmpty() ? QDir::currentPath() : QFileInfo(m_filePath).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(&m_window, tr("Open configuration"), directory, fileFilter());
    return !path.isEmpty() && load(path);
}

bool DocumentController::open(const QString& path)
{
    return maybeSave() && load(path);
}

bool DocumentController::load(const QString& path)
{
    const ConfigLoadResult loaded = ConfigLoader::loadFile(path);
    if (!loaded.config) {
        if (!QFileInfo::exists(path))
            m_recentFiles->remove(path);
        auto* dialog = new LoadErrorsDialog(path, loaded.errors, &m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return false;
    }
    setDocument(QFileInfo(path).absoluteFilePath(), *loaded.config);
    m_recentFiles->add(path);
    return true;
}

bool DocumentController::save()
{
    return m_filePath.isEmpty() ? saveAsWithDialog() : saveAs(m_filePath);
}

bool DocumentController::saveAsWithDialog()
{
    const QString start =
        m_filePath.isEmpty() ? QDir::current().filePath(QStringLiteral("config.json")) : m_filePath;
    QString path = QFileDialog::getSaveFileName(&m_window, tr("Save configuration"), start, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveAs(path);
}

bool DocumentController::saveAs(const QString& path)
{
    if (m_editor.hasErrors()) {
        // The file would not open again (here or in the daemon) until the errors are fixed.
        const QMessageBox::StandardButton answer = QMessageBox::warning(
            &m_window, tr("Save with errors?"),
            tr("The configuration has errors: the file will not load until they are fixed. Save it anyway?"),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
    }
    const RouterConfig config = m_editor.config();
    QString error;
    if (!ConfigWriter::save(config, path, &error)) {
        showError(tr("Cannot save the configuration"), error);
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath)
        m_editor.setDocumentDirectory(QFileInfo(absolute).absolutePath());
    m_filePath = absolute;
    m_saved = config;
    m_recentFiles->add(absolute);
    updateModified();
    return true;
}

bool DocumentController::maybeSave()
{
    if (!m_modified)
        return true;
    const QString name =
        m_filePath.isEmpty() ? tr("the new configuration") : QFileInfo(m_filePath).fileName();
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        &m_window, tr("Unsaved changes"), tr("Save the changes to %1?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool DocumentController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_window && event->type() == QEvent::Close && !maybeSave()) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void DocumentController::setDocument(const QString& path, const RouterConfig& config)
{
    m_filePath = path;
    m_saved = config;
    m_editor.setConfig(config);
    updateModified();
}

void DocumentController::updateModified()
{
    m_modified = m_editor.config() != m_saved;
    updateTitle();
    Q_EMIT documentChanged();
}

void DocumentController::updateTitle()
{
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    m_window.setWindowTitle(tr("%1[*] – Wampscope").arg(name));
    m_window.setWindowModified(m_modified);
    m_window.setWindowFilePath(m_filePath);
}

void DocumentController::fillRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = m_recentFiles->files();
    for (int i = 0; i < files.size(); ++i) {
        const QFileInfo file(files[i]);
        QAction* action = m_recentMenu->addAction(
            tr("&%1 %2 (%3)").arg(i + 1).arg(file.fileName(), QDir::toNativeSeparators(file.absolutePath())));
        const QString path = files[i];
        connect(action, &QAction::triggered, this, [this, path] { open(path); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear list"), m_recentFiles, &RecentFiles::clear);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void DocumentController::showError(const QString& title, const QString& text)
{
    auto* box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, &m_window);
    box->setObjectName(QStringLiteral("documentError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
