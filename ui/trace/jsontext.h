#pragma once

#include "wamp/value.h"

#include <QString>

/*
 * Renders a decoded WAMP value as JSON text for people: compact for table summaries and export lines,
 * indented for the detail pane. Dicts keep their wire order and integers stay exact (a QJsonObject would
 * sort the keys and turn large ids into doubles). JSON has no bytes: Binary values are written as base64
 * strings, and the caller is told so it can say that next to the text.
 */
class JsonText {
public:
    //! One line. With \a maxChars >= 0 the writer stops soon after that many characters (for summaries of
    //! big messages: the rest is never rendered).
    static QString compact(const wamp::Value& value, qsizetype maxChars = -1, bool* sawBinary = nullptr);
    //! Containers that fit in the line width stay on one line; others get one element per line.
    static QString pretty(const wamp::Value& value, bool* sawBinary = nullptr);
    //! A JSON string literal, quotes and escapes included.
    static QString quoted(QStringView text);
};
