#pragma once

// An in-memory Peer for broker, dealer and session tests: what the router sends is decoded and kept; what
// the test "sends" is encoded and delivered as if it came off a socket.

#include "core/router.h"
#include "session/session.h"
#include "transport/peer.h"

#include <QList>

// No Q_OBJECT: it adds no signals or slots, and keeping it out lets the header stay out of moc.
class FakePeer final : public wamp::Peer {

public:
    explicit FakePeer(wamp::SerializerKind kind = wamp::SerializerKind::Json)
        : wamp::Peer(kind, QStringLiteral("fake"))
    {}

    QString transportType() const override { return QStringLiteral("fake"); }
    QString peerAddress() const override { return QStringLiteral("memory"); }

    void send(const QByteArray& encoded) override
    {
        if (closed)
            return;
        rawSent.append(encoded);
        QString error;
        const auto message = serializer().decodeMessage(encoded, &error);
        if (!message)
            qFatal("the router sent an undecodable message: %s", qPrintable(error));
        sent.append(*message);
    }

    void close(const QString& reason) override
    {
        if (closed)
            return;
        closed = true;
        closeReason = reason;
        Q_EMIT disconnected(reason);
    }

    //! Delivers a message as if the client had sent it.
    void deliver(const wamp::Message& message) { deliverRaw(serializer().encodeMessage(message)); }
    void deliverRaw(const QByteArray& bytes) { Q_EMIT messageReceived(bytes); }
    //! The connection drops without GOODBYE.
    void drop()
    {
        closed = true;
        Q_EMIT disconnected(QStringLiteral("dropped"));
    }

    //! Removes and returns the oldest message the router sent; fails the test if there is none.
    wamp::Message take()
    {
        if (sent.isEmpty())
            qFatal("expected a message from the router, got none");
        return sent.takeFirst();
    }

    QList<wamp::Message> sent;
    QList<QByteArray> rawSent;
    bool closed = false;
    QString closeReason;
};

//! Builders for client messages, so tests read like the wire protocol.
namespace msg {

inline wamp::Value roles()
{
    using wamp::DictBuilder;
    using wamp::Value;
    const Value empty = DictBuilder().build();
    return DictBuilder()
        .add("caller", empty)
        .add("callee", empty)
        .add("publisher", empty)
        .add("subscriber", empty)
        .build();
}

inline wamp::Message hello(const QByteArray& realm)
{
    wamp::Message m;
    m.type = wamp::MessageType::Hello;
    m.uri = realm;
    m.details = wamp::DictBuilder().add("roles", roles()).build();
    return m;
}

inline wamp::Message request(wamp::MessageType type, quint64 requestId, const QByteArray& uri = {},
                             wamp::Value details = wamp::Value(wamp::Value::Dict{}))
{
    wamp::Message m;
    m.type = type;
    m.requestId = requestId;
    m.uri = uri;
    m.details = std::move(details);
    return m;
}

inline wamp::Message goodbye()
{
    wamp::Message m;
    m.type = wamp::MessageType::Goodbye;
    m.uri = "wamp.close.normal";
    return m;
}

} // namespace msg

//! A router with one realm ("realm1") and no transports, for attaching fake peers.
inline wamp::RouterConfig testRouterConfig()
{
    wamp::RouterConfig config;
    wamp::RealmConfig realm;
    realm.name = QStringLiteral("realm1");
    config.realms.append(realm);
    return config;
}

//! Attaches a fake peer to \a router and joins realm1; returns the peer (owned by its session).
inline FakePeer* joinedPeer(wamp::Router& router, wamp::SerializerKind kind = wamp::SerializerKind::Json)
{
    auto* peer = new FakePeer(kind);
    router.attach(peer);
    peer->deliver(msg::hello("realm1"));
    if (peer->sent.isEmpty() || peer->sent.first().type != wamp::MessageType::Welcome)
        qFatal("the fake peer did not get WELCOME");
    peer->sent.removeFirst();
    return peer;
}

Q_DECLARE_METATYPE(wamp::Message)
Q_DECLARE_METATYPE(wamp::SerializerKind)

namespace wamp {
// QTest prints values with this (found by argument-dependent lookup) when a QCOMPARE fails.
inline char* toString(const Value& value)
{
    return qstrdup(value.toDebugString().toUtf8().constData());
}
inline char* toString(MessageType type)
{
    const char* name = messageTypeName(type);
    return qstrdup(name ? name : "unknown");
}
} // namespace wamp
