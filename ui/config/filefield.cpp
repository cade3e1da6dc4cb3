#include "filefield.h"

#include "config/transportreader.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

FileField::FileField(Mode mode, const QString& dialogTitle, QWidget* parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_dialogTitle(dialogTitle)
    , m_edit(new QLineEdit)
{
    auto* browse = new QPushButton(tr("Browse…"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(browse);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &FileField::edited);
    connect(browse, &QPushButton::clicked, this, &FileField::browse);
}

void FileField::setPath(const QString& path)
{
    QString shown = path;
    if (!m_baseDirectory.isEmpty() && !path.isEmpty() && QDir::isAbsolutePath(path)) {
        const QString relative = QDir(m_baseDirectory).relativeFilePath(path);
        if (!relative.startsWith(QLatin1String("..")))
            shown = relative;
    }
    m_edit->setText(shown);
}

QString FileField::path() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() ? text : wamp::TransportReader::resolvePath(text, m_baseDirectory);
}

void FileField::browse()
{
    const QString start = path().isEmpty() ? m_baseDirectory : path();
    const QString chosen = m_mode == Mode::OpenFile
                               ? QFileDialog::getOpenFileName(this, m_dialogTitle, start, m_nameFilter)
                               : QFileDialog::getSaveFileName(this, m_dialogTitle, start, m_nameFilter,
                                                              nullptr, QFileDialog::DontConfirmOverwrite);
    if (chosen.isEmpty())
        return;
    setPath(chosen);
}
