#pragma once

#include <QColor>
#include <QPalette>

//! Colours for states (listening, failed, stopped), dark enough to read on a light background and
//! light enough on a dark one.
namespace StatusColours {

inline QColor good()
{
    return QColor(0x2e, 0x8b, 0x3e);
}

inline QColor bad()
{
    return QColor(0xd0, 0x30, 0x30);
}

inline QColor inactive(const QPalette& palette)
{
    return palette.color(QPalette::Disabled, QPalette::Text);
}

} // namespace StatusColours
