#include "fielderrorlabel.h"

FieldErrorLabel::FieldErrorLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

QColor FieldErrorLabel::errorColor()
{
    return QColor(0xc0, 0x1c, 0x28);
}

QColor FieldErrorLabel::warningColor()
{
    return QColor(0x9a, 0x67, 0x00);
}

void FieldErrorLabel::setMessages(const QStringList& errors, const QStringList& warnings)
{
    m_hasError = !errors.isEmpty();
    const QStringList& shown = m_hasError ? errors : warnings;
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText, m_hasError ? errorColor() : warningColor());
    setPalette(colours);
    setText(shown.join(QLatin1Char('\n')));
    setToolTip(text());
    setVisible(!shown.isEmpty());
}
