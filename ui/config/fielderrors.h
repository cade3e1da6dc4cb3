#pragma once

#include "configissue.h"

#include <QHash>
#include <QString>

class FieldErrorLabel;

/*!
 * Where a form shows the loader's messages: one FieldErrorLabel per field key (`endpoint.port`,
 * `websocket.options`, ...). An issue goes to the label of its field, else to that of the nearest enclosing
 * key (`endpoint.tls.dhparam` to `endpoint.tls`), else to the form's own label.
 */
class FieldErrors {
public:
    explicit FieldErrors(FieldErrorLabel* formLabel);

    void add(const QString& key, FieldErrorLabel* label);
    //! The label \a field's messages go to.
    FieldErrorLabel* labelFor(const QString& field) const;
    //! Shows each issue under its field; clears the other labels.
    void show(const ConfigIssues& issues);

private:
    FieldErrorLabel* m_formLabel;
    QHash<QString, FieldErrorLabel*> m_labels;
};
