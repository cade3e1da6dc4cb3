#include "formsection.h"

#include "fielderrorlabel.h"
#include "fielderrors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

FormSection::FormSection(const QString& title, FieldErrors& errors, const QString& sectionKey,
                         QWidget* parent)
    : QGroupBox(title, parent)
    , m_errors(errors)
    , m_layout(new QFormLayout)
{
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* layout = new QVBoxLayout(this);
    if (!sectionKey.isEmpty()) {
        auto* sectionLabel = new FieldErrorLabel;
        m_errors.add(sectionKey, sectionLabel);
        layout->addWidget(sectionLabel);
    }
    layout->addLayout(m_layout);
}

void FormSection::addRow(const QString& label, QWidget* editor, const QString& key)
{
    auto* field = new QWidget;
    auto* column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    // Spin and combo boxes keep their natural width instead of stretching across the form.
    const bool fixedWidth = editor->sizePolicy().horizontalPolicy() == QSizePolicy::Fixed;
    column->addWidget(editor, 0, fixedWidth ? Qt::AlignLeft : Qt::Alignment());
    auto* messages = new FieldErrorLabel;
    column->addWidget(messages);
    m_errors.add(key, messages);
    field->setFocusProxy(editor);
    m_rows.insert(editor, field);
    if (label.isEmpty())
        m_layout->addRow(field);
    else
        m_layout->addRow(label, field);
}

void FormSection::setRowVisible(QWidget* editor, bool visible)
{
    if (QWidget* field = m_rows.value(editor))
        m_layout->setRowVisible(field, visible);
}

QLineEdit* FormSection::lineEdit(const QString& placeholder)
{
    auto* edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textChanged, this, &FormSection::edited);
    return edit;
}

QCheckBox* FormSection::checkBox(const QString& text)
{
    auto* box = new QCheckBox(text);
    connect(box, &QCheckBox::toggled, this, &FormSection::edited);
    return box;
}

QComboBox* FormSection::comboBox(const QStringList& items)
{
    auto* box = new QComboBox;
    box->addItems(items);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(box, &QComboBox::currentIndexChanged, this, &FormSection::edited);
    return box;
}

QSpinBox* FormSection::spinBox(int minimum, int maximum, const QString& suffix)
{
    auto* box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(box, &QSpinBox::valueChanged, this, &FormSection::edited);
    return box;
}

QSpinBox* FormSection::bytesBox(int minimum, int maximum)
{
    QSpinBox* box = spinBox(minimum, maximum, tr(" bytes"));
    box->setGroupSeparatorShown(true);
    return box;
}

QSpinBox* FormSection::millisecondsBox(int minimum, int maximum, const QString& offText)
{
    QSpinBox* box = spinBox(minimum, maximum, tr(" ms"));
    box->setGroupSeparatorShown(true);
    box->setSpecialValueText(offText);
    return box;
}
