#pragma once

#include "routerconfig.h"

#include <QByteArray>
#include <QString>

namespace wamp {

/*!
 * Writes a RouterConfig as a Crossbar.io configuration: version 2, `workers` with one `"type": "router"`
 * worker holding `realms` and `transports`.
 *
 * Every element is written from the JSON it was read from (see ConfigSource): a key the model holds is set
 * from the model only where the source's value means something else, and every other key is kept as read
 * (other workers, `controller`, `$schema`, keys that were only warned about). So saving an unchanged
 * configuration gives back the document that was loaded, and an edit changes exactly the keys it concerns.
 * Elements created in code are written in the shape Crossbar's documentation shows, without keys that only
 * repeat a default. Keys come out sorted (QJsonObject's order), indented.
 */
class ConfigWriter {
public:
    /*!
     * The configuration as JSON, to be read from \a directory: a relative path of the source (TLS files,
     * unix sockets) is kept when it still names the same file from there, otherwise the absolute path is
     * written. An empty \a directory means the directory the configuration was loaded from.
     */
    static QByteArray toJson(const RouterConfig& config, const QString& directory = {});

    /*!
     * Writes toJson() to \a path atomically (QSaveFile): the file is replaced only once everything is
     * written. On failure returns false with *error naming the file and the reason, and leaves an existing
     * file as it was.
     */
    static bool save(const RouterConfig& config, const QString& path, QString* error);
};

} // namespace wamp
