#include "tracefilteredit.h"

#include <QPalette>

TraceFilterEdit::TraceFilterEdit(QWidget* parent)
    : QLineEdit(parent)
    , m_helpText(tr("Filter: type:CALL,RESULT  session:123  realm:realm1  uri:com.example  dir:in|out  "
                    "transport:ws1  a bare word matches the URI  -term negates"))
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Filter, e.g. type:CALL,RESULT uri:com.example -session:42"));
    setToolTip(m_helpText);
}

void TraceFilterEdit::setState(State state, const QString& error)
{
    m_state = state;
    QPalette colours = palette();
    const QPalette defaults;
    if (state == State::Empty) {
        colours.setColor(QPalette::Base, defaults.color(QPalette::Base));
        colours.setColor(QPalette::Text, defaults.color(QPalette::Text));
    } else {
        // Light colours with black text, readable in light and dark palettes alike.
        colours.setColor(QPalette::Base,
                         state == State::Valid ? QColor(0xd4, 0xf7, 0xd0) : QColor(0xfb, 0xd0, 0xd0));
        colours.setColor(QPalette::Text, Qt::black);
    }
    setPalette(colours);
    setToolTip(state == State::Invalid ? error : m_helpText);
}
