#include "fielderrors.h"

#include "fielderrorlabel.h"

FieldErrors::FieldErrors(FieldErrorLabel* formLabel)
    : m_formLabel(formLabel)
{}

void FieldErrors::add(const QString& key, FieldErrorLabel* label)
{
    m_labels.insert(key, label);
}

FieldErrorLabel* FieldErrors::labelFor(const QString& field) const
{
    QString key = field;
    while (!key.isEmpty()) {
        if (FieldErrorLabel* label = m_labels.value(key))
            return label;
        const qsizetype dot = key.lastIndexOf(QLatin1Char('.'));
        key = dot < 0 ? QString() : key.left(dot);
    }
    return m_formLabel;
}

void FieldErrors::show(const ConfigIssues& issues)
{
    QHash<FieldErrorLabel*, std::pair<QStringList, QStringList>> messages;
    for (const ConfigIssue& issue : issues) {
        auto& [errors, warnings] = messages[labelFor(issue.field)];
        (issue.warning ? warnings : errors) << issue.message;
    }
    QList<FieldErrorLabel*> labels = m_labels.values();
    labels.append(m_formLabel);
    for (FieldErrorLabel* label : std::as_const(labels)) {
        const auto& [errors, warnings] = messages.value(label);
        label->setMessages(errors, warnings);
    }
}
