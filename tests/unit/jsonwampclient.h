#pragma once

// A bare WAMP client for GUI-side tests: a QWebSocket speaking wamp.2.json, one JSON array per message, so
// that tests drive the router over a real socket exactly as the wire protocol reads.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QTest>
#include <QWebSocket>

class JsonWampClient {
public:
    JsonWampClient()
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString& text) {
            received.append(QJsonDocument::fromJson(text.toUtf8()).array());
        });
    }

    //! Connects to \a url and joins \a realm; returns the session id from WELCOME, or 0.
    quint64 join(const QString& url, const QString& realm = QStringLiteral("realm1"))
    {
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Sec-WebSocket-Protocol", "wamp.2.json");
        m_socket.open(request);
        if (!QTest::qWaitFor([this] { return isConnected(); }, 5000))
            return 0;
        send(QJsonArray{1, realm,
                        QJsonObject{{QStringLiteral("roles"),
                                     QJsonObject{{QStringLiteral("caller"), QJsonObject{}},
                                                 {QStringLiteral("callee"), QJsonObject{}},
                                                 {QStringLiteral("publisher"), QJsonObject{}},
                                                 {QStringLiteral("subscriber"), QJsonObject{}}}}}});
        const QJsonArray welcome = next();
        return welcome.at(0).toInt() == 2 ? quint64(welcome.at(1).toInteger()) : 0;
    }

    //! Sends one message; returns its size on the wire.
    qint64 send(const QJsonArray& message)
    {
        const QByteArray bytes = QJsonDocument(message).toJson(QJsonDocument::Compact);
        m_socket.sendTextMessage(QString::fromUtf8(bytes));
        return bytes.size();
    }

    //! Waits for and removes the oldest message received; an empty array after 5 s without one.
    QJsonArray next()
    {
        if (!QTest::qWaitFor([this] { return !received.isEmpty(); }, 5000))
            return {};
        return received.takeFirst();
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                               8000);
    }

    QList<QJsonArray> received;

private:
    QWebSocket m_socket;
};
