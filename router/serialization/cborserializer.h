#pragma once

#include "serializer.h"

namespace wamp {

class CborSerializer final : public Serializer {
public:
    SerializerKind kind() const override { return SerializerKind::Cbor; }
    QByteArray encode(const Value& value) const override;
    std::optional<Value> decode(QByteArrayView bytes, QString* error) const override;
};

} // namespace wamp
