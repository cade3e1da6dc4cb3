#pragma once

#include "connectingtransportconfig.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QIODevice;
class QSslConfiguration;
class QWebSocket;

namespace wamp {

class Peer;

/*!
 * Opens one connecting transport and hands over a connected Peer: the client side of WebSocket (QWebSocket)
 * and RawSocket (QTcpSocket, QSslSocket or QLocalSocket, handshake done here).
 *
 * WebSocket offers the configured serializers as subprotocols in preference order and takes the serializer
 * from the one the router chose; a router that chooses none is an error. RawSocket announces
 * 2^(9 + maxLengthExponent) bytes and accepts what the router announces as the limit for what we send.
 *
 * Exactly one of connected() or failed() is emitted per open(), never from within open() itself. The whole
 * connect (TCP, TLS, handshake) is bounded by the configuration's connect timeout.
 */
class ClientTransport final : public QObject {
    Q_OBJECT

public:
    explicit ClientTransport(QObject* parent = nullptr);
    ~ClientTransport() override;

    //! Starts connecting. Calling it again abandons an attempt in progress (no signal for it).
    void open(const ConnectingTransportConfig& config);
    //! Abandons an attempt in progress; no signal follows.
    void abort();
    bool isConnecting() const { return m_connecting; }

Q_SIGNALS:
    /*!
     * The transport is up. \a peer is a child of this object until the receiver reparents it, which it
     * should do at once (the Client does).
     */
    void connected(wamp::Peer* peer);
    //! Connecting failed; \a error says what and where, e.g. "connect timeout after 10000 ms to ws://...".
    void failed(const QString& error);

private:
    void openWebSocket(const ConnectingEndpoint& endpoint, const QSslConfiguration& tls);
    void openRawSocket(const ConnectingEndpoint& endpoint, const QSslConfiguration& tls);
    void onWebSocketConnected();
    void onStreamConnected();
    void onStreamReadyRead();
    void onStreamError(const QString& socketError);
    QString stage() const;
    void fail(const QString& error);
    void failLater(const QString& error);
    void cleanup();

    ConnectingTransportConfig m_config;
    QTimer m_timeout;
    QPointer<QWebSocket> m_webSocket;
    QPointer<QIODevice> m_stream;
    QStringList m_sslErrors;
    bool m_connecting = false;
    bool m_streamConnected = false;
    bool m_opening = false;
    //! Counts open() and abort() calls, so a queued failure of an abandoned attempt is dropped.
    quint64 m_attempt = 0;
};

} // namespace wamp
