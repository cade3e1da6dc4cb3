#include "serializerchecks.h"

#include <QCheckBox>
#include <QHBoxLayout>

using wamp::SerializerKind;

SerializerChecks::SerializerChecks(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Names as WAMP spells them; not translated.
    const QStringList names = {QStringLiteral("JSON"), QStringLiteral("MessagePack"), QStringLiteral("CBOR")};
    for (int i = 0; i < wamp::kSerializerKindCount; ++i) {
        auto* box = new QCheckBox(names.value(i));
        const auto kind = SerializerKind(i);
        box->setObjectName(QStringLiteral("serializer_") + wamp::serializerFor(kind).name());
        connect(box, &QCheckBox::toggled, this, [this, kind](bool on) { toggle(kind, on); });
        layout->addWidget(box);
        m_boxes.append(box);
    }
    layout->addStretch();
}

void SerializerChecks::setSerializers(const QList<SerializerKind>& kinds)
{
    m_kinds = kinds;
    for (int i = 0; i < m_boxes.size(); ++i) {
        const QSignalBlocker blocker(m_boxes[i]);
        m_boxes[i]->setChecked(kinds.contains(SerializerKind(i)));
    }
}

void SerializerChecks::toggle(SerializerKind kind, bool on)
{
    if (on && !m_kinds.contains(kind))
        m_kinds.append(kind);
    else if (!on)
        m_kinds.removeAll(kind);
    Q_EMIT edited();
}
