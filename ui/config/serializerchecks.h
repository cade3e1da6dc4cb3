#pragma once

#include "serialization/serializer.h"

#include <QList>
#include <QWidget>

class QCheckBox;

/*!
 * The serializers a transport offers, as check boxes (JSON, MessagePack, CBOR). The configuration's order
 * is the router's preference: it is kept, and a serializer checked later goes last.
 */
class SerializerChecks : public QWidget {
    Q_OBJECT

public:
    explicit SerializerChecks(QWidget* parent = nullptr);

    void setSerializers(const QList<wamp::SerializerKind>& kinds);
    QList<wamp::SerializerKind> serializers() const { return m_kinds; }
    QCheckBox* checkBox(wamp::SerializerKind kind) const { return m_boxes.value(int(kind)); }

Q_SIGNALS:
    void edited();

private:
    void toggle(wamp::SerializerKind kind, bool on);

    QList<QCheckBox*> m_boxes; // indexed by SerializerKind
    QList<wamp::SerializerKind> m_kinds;
};
