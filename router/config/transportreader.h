#pragma once

#include "jsonreader.h"
#include "transportconfig.h"

#include <QJsonValue>

namespace wamp {

/*!
 * Reads one listening transport of a router worker (Crossbar's `transports[i]`): `websocket`, `rawsocket`
 * (listening side of the seed docs, including the legacy single `serializer`) and `universal` (Crossbar's
 * one-port transport with `rawsocket` and `websocket` sections). Endpoints: `tcp` (optionally with `tls`)
 * and `unix`. Checks what would fail at start-up too (TLS files readable and valid, unix socket directory
 * present), so that a configuration that validates also starts.
 */
class TransportReader {
public:
    /*!
     * Relative paths (TLS files, unix sockets) are resolved against \a baseDirectory, the configuration
     * file's directory as in Crossbar. When it is empty, TLS paths are kept as written (relative to the
     * current directory when opened) and unix socket paths are made absolute from the current directory.
     */
    explicit TransportReader(JsonReader& reader, const QString& baseDirectory = {})
        : m_reader(reader)
        , m_baseDirectory(baseDirectory)
    {}

    //! \a path as written in a configuration, resolved against \a directory (returned as is when empty).
    static QString resolvePath(const QString& path, const QString& directory);

    //! Reads `transports[index]` at \a path; \a existing are the transports read so far (for ids).
    std::optional<TransportConfig> read(const QJsonValue& value, const QString& path,
                                        const QList<TransportConfig>& existing);

private:
    void readEndpoint(const QJsonValue& value, const QString& path, Endpoint& endpoint);
    void readAuth(const QJsonObject& auth, const QString& path, TransportConfig& transport);
    void readTls(const QJsonObject& object, const QString& path, Endpoint& endpoint);
    std::optional<QList<SerializerKind>> readSerializers(const QJsonObject& object, const QString& path,
                                                         bool allowLegacyKey);
    void readWebSocket(const QJsonObject& object, const QString& path, TransportConfig& transport);
    void readWebSocketOptions(const QJsonObject& object, const QString& path, WebSocketOptions& options);
    void readRawSocket(const QJsonObject& object, const QString& path, RawSocketOptions& options);

    JsonReader& m_reader;
    QString m_baseDirectory;
};

} // namespace wamp
