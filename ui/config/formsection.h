#pragma once

#include <QGroupBox>
#include <QHash>

class FieldErrors;
class FieldErrorLabel;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

/*!
 * A titled group of a form: rows of label and editor, each editor with the loader's messages about its
 * field right under it (registered in the form's FieldErrors). edited() says that the user changed a value.
 */
class FormSection : public QGroupBox {
    Q_OBJECT

public:
    //! \a sectionKey (e.g. `endpoint`) collects the messages about the section as a whole; may be empty.
    FormSection(const QString& title, FieldErrors& errors, const QString& sectionKey,
                QWidget* parent = nullptr);

Q_SIGNALS:
    void edited();

protected:
    //! Adds a row with \a editor and the messages about \a key under it; \a label may be empty (check boxes).
    void addRow(const QString& label, QWidget* editor, const QString& key);
    void setRowVisible(QWidget* editor, bool visible);

    // Editors set up the same way everywhere; each one emits edited() when changed.
    QLineEdit* lineEdit(const QString& placeholder = {});
    QCheckBox* checkBox(const QString& text);
    QComboBox* comboBox(const QStringList& items);
    QSpinBox* spinBox(int minimum, int maximum, const QString& suffix = {});
    //! A size in bytes, shown with group separators.
    QSpinBox* bytesBox(int minimum, int maximum);
    //! Milliseconds; \a offText names the value 0 when \a minimum is 0 (e.g. "Off").
    QSpinBox* millisecondsBox(int minimum, int maximum, const QString& offText = {});

private:
    FieldErrors& m_errors;
    QFormLayout* m_layout;
    QHash<QWidget*, QWidget*> m_rows; // editor -> the row's field widget (editor and messages)
};
