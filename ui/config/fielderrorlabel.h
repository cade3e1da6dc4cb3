#pragma once

#include <QLabel>

/*!
 * The loader's messages about one field, shown under it: red for errors, amber for warnings, hidden when
 * there is nothing to say. The tooltip repeats the text (long paths get cut on narrow windows).
 */
class FieldErrorLabel : public QLabel {
    Q_OBJECT

public:
    explicit FieldErrorLabel(QWidget* parent = nullptr);

    //! Shows \a errors (red), or \a warnings (amber) when there is no error; hides when both are empty.
    void setMessages(const QStringList& errors, const QStringList& warnings);
    void clearMessages() { setMessages({}, {}); }
    bool hasError() const { return m_hasError; }

    static QColor errorColor();
    static QColor warningColor();

private:
    bool m_hasError = false;
};
