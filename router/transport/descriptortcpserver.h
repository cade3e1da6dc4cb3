#pragma once

#include <QTcpServer>

#include <functional>

namespace wamp {

//! A QTcpServer that hands accepted connections on as plain socket descriptors (for SocketStream) instead
//! of making a QTcpSocket for each.
class DescriptorTcpServer final : public QTcpServer {
public:
    DescriptorTcpServer(std::function<void(qintptr)> onAccepted, QObject* parent)
        : QTcpServer(parent)
        , m_onAccepted(std::move(onAccepted))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_onAccepted(descriptor); }

private:
    std::function<void(qintptr)> m_onAccepted;
};

} // namespace wamp
