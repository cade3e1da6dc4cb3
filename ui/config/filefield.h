#pragma once

#include <QWidget>

class QLineEdit;

/*!
 * A file path with a "Browse…" button. Like the loader, a relative path means relative to the configuration
 * file's directory (the base directory) when there is one: path() resolves it, and a path inside the base
 * directory is shown relative to it.
 */
class FileField : public QWidget {
    Q_OBJECT

public:
    enum class Mode { OpenFile, SaveFile };

    explicit FileField(Mode mode, const QString& dialogTitle, QWidget* parent = nullptr);

    void setBaseDirectory(const QString& directory) { m_baseDirectory = directory; }
    void setNameFilter(const QString& filter) { m_nameFilter = filter; }
    void setPath(const QString& path);
    QString path() const;
    QLineEdit* lineEdit() const { return m_edit; }

Q_SIGNALS:
    void edited();

private:
    void browse();

    Mode m_mode;
    QString m_dialogTitle;
    QString m_nameFilter;
    QString m_baseDirectory;
    QLineEdit* m_edit;
};
