#pragma once

#include <QLocalServer>

#include <functional>

namespace wamp {

//! A QLocalServer that hands accepted connections on as plain socket descriptors (for SocketStream) instead
//! of making a QLocalSocket for each.
class DescriptorLocalServer final : public QLocalServer {
public:
    DescriptorLocalServer(std::function<void(quintptr)> onAccepted, QObject* parent)
        : QLocalServer(parent)
        , m_onAccepted(std::move(onAccepted))
    {}

protected:
    void incomingConnection(quintptr descriptor) override { m_onAccepted(descriptor); }

private:
    std::function<void(quintptr)> m_onAccepted;
};

} // namespace wamp
