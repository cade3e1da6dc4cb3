#pragma once

#include <QStringList>
#include <QWidget>

class QPlainTextEdit;

/*!
 * A list of files, one per line, with an "Add…" button that picks several at once. Relative paths are
 * resolved against the base directory, as in FileField.
 */
class FileListField : public QWidget {
    Q_OBJECT

public:
    FileListField(const QString& dialogTitle, const QString& nameFilter, QWidget* parent = nullptr);

    void setBaseDirectory(const QString& directory) { m_baseDirectory = directory; }
    void setPaths(const QStringList& paths);
    QStringList paths() const;
    QPlainTextEdit* textEdit() const { return m_edit; }

Q_SIGNALS:
    void edited();

private:
    void add();

    QString m_dialogTitle;
    QString m_nameFilter;
    QString m_baseDirectory;
    QPlainTextEdit* m_edit;
    bool m_settingPaths = false;
};
