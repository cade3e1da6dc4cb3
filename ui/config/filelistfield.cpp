#include "filelistfield.h"

#include "config/transportreader.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

FileListField::FileListField(const QString& dialogTitle, const QString& nameFilter, QWidget* parent)
    : QWidget(parent)
    , m_dialogTitle(dialogTitle)
    , m_nameFilter(nameFilter)
    , m_edit(new QPlainTextEdit)
{
    m_edit->setTabChangesFocus(true);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 3 + 2 * m_edit->frameWidth() + 8);
    m_edit->setPlaceholderText(tr("None: clients need no certificate"));
    auto* add = new QPushButton(tr("Add…"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingPaths)
            Q_EMIT edited();
    });
    connect(add, &QPushButton::clicked, this, &FileListField::add);
}

void FileListField::setPaths(const QStringList& paths)
{
    QStringList shown;
    for (const QString& path : paths) {
        const QString relative = m_baseDirectory.isEmpty() || !QDir::isAbsolutePath(path)
                                     ? path
                                     : QDir(m_baseDirectory).relativeFilePath(path);
        shown << (relative.startsWith(QLatin1String("..")) ? path : relative);
    }
    m_settingPaths = true;
    m_edit->setPlainText(shown.join(QLatin1Char('\n')));
    m_settingPaths = false;
}

QStringList FileListField::paths() const
{
    QStringList result;
    const QStringList lines = m_edit->toPlainText().split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (!line.trimmed().isEmpty())
            result << wamp::TransportReader::resolvePath(line.trimmed(), m_baseDirectory);
    }
    return result;
}

void FileListField::add()
{
    const QStringList chosen =
        QFileDialog::getOpenFileNames(this, m_dialogTitle, m_baseDirectory, m_nameFilter);
    if (chosen.isEmpty())
        return;
    QStringList all = paths();
    all += chosen;
    setPaths(all);
    Q_EMIT edited();
}
