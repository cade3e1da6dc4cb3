#pragma once

#include "routerconfig.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace wamp {

//! The outcome of loading a configuration: the model when valid, and every problem found, each naming its
//! JSON path (e.g. `workers[0].transports[1].endpoint.port: 70000 is out of range 1..65535`).
struct ConfigLoadResult {
    std::optional<RouterConfig> config;
    QStringList errors;
    QStringList warnings;
};

/*!
 * Reads a Crossbar.io-style configuration (version 2: `workers` with one `"type": "router"` worker holding
 * `realms` and `transports`). Reports all errors of a file at once; keys Crossbar knows but this router does
 * not implement are warnings, keys nobody knows are errors.
 */
class ConfigLoader {
public:
    static ConfigLoadResult load(const QByteArray& json);
    //! Like load(); relative TLS file and unix socket paths resolve against the file's directory (as in
    //! Crossbar), and the result remembers that directory for saving.
    static ConfigLoadResult loadFile(const QString& path);
};

} // namespace wamp
