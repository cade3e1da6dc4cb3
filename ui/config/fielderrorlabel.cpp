#include "fielderrorlabel.h"

FieldErrorLabel::FieldErrorLabel(QWidget* parent)
    : QLabel(parent)
{
    // No word wrap: a height-for-width label whose row is shown and hidden makes Qt 6.4's
    // QFormLayout::heightForWidth() write past its row buffer (found with valgrind; heap corruption and
    // crashes followed). Messages stay on one line each, and the full text is in the tooltip.
    setWordWrap(false);
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
