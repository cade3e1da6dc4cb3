#pragma once

#include "config/routerconfig.h"

#include <QObject>

class ConfigEditor;
class QAction;
class QMenu;
class RecentFiles;

/*!
 * The configuration as a document: new, open, save, save as, recent files. Tracks whether the edited
 * configuration differs from the file (the window title gets its `*`) and asks to save before it is
 * replaced or the window closes. A file that does not load is listed problem by problem and leaves the
 * current document as it is; saving is atomic (ConfigWriter::save), and a failed save keeps the document
 * modified.
 */
class DocumentController : public QObject {
    Q_OBJECT

public:
    //! Watches \a window's close events; \a window is also the parent of dialogs and of this object.
    DocumentController(ConfigEditor& editor, QWidget& window);

    //! Puts New, Open, Open Recent, Save and Save As at the top of \a fileMenu (and Quit at its end when
    //! it has none).
    void installActions(QMenu* fileMenu);

    //! The document's file; empty for a new one.
    QString filePath() const { return m_filePath; }
    bool isModified() const { return m_modified; }
    RecentFiles& recentFiles() const { return *m_recentFiles; }

public Q_SLOTS:
    //! Replaces the document with the default configuration (after asking to save changes).
    bool newDocument();
    //! Asks for a file and opens it.
    bool openWithDialog();
    bool open(const QString& path);
    //! Saves to the document's file (asks for one when it has none). With errors in the configuration, asks
    //! first: such a file does not load.
    bool save();
    //! Asks for a file name and saves there.
    bool saveAsWithDialog();
    bool saveAs(const QString& path);
    //! Asks whether to save a modified document; false when the user cancels (or saving failed).
    bool maybeSave();

Q_SIGNALS:
    void documentChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    //! Opens \a path without asking about unsaved changes.
    bool load(const QString& path);
    QAction* createAction(const QString& text, const QKeySequence& shortcut, const QString& name);
    void setDocument(const QString& path, const wamp::RouterConfig& config);
    void updateModified();
    void updateTitle();
    void fillRecentMenu();
    void showError(const QString& title, const QString& text);

    ConfigEditor& m_editor;
    QWidget& m_window;
    RecentFiles* m_recentFiles;
    QMenu* m_recentMenu = nullptr;
    QAction* m_newAction;
    QAction* m_openAction;
    QAction* m_saveAction;
    QAction* m_saveAsAction;
    QString m_filePath;
    wamp::RouterConfig m_saved;
    bool m_modified = false;
};
