#pragma once

#include <QJsonObject>
#include <QString>

namespace wamp {

/*!
 * The JSON object an element of the configuration was read from (a realm, role, permission or transport),
 * kept so that ConfigWriter writes back every key, including the ones the model does not hold (keys that
 * are only warned about, Crossbar keys Wampscope ignores). Empty for elements created in code.
 *
 * It never takes part in a comparison: the structs holding it keep `operator== = default`, and two elements
 * that differ only in where they were read from compare equal, so that re-applying a configuration restarts
 * only what changed in meaning.
 */
struct ConfigSource {
    QJsonObject json;

    friend bool operator==(const ConfigSource&, const ConfigSource&) { return true; }
};

/*!
 * What a whole RouterConfig was read from: the top-level document (with every worker, `controller`,
 * `$schema`, ...) and the directory relative paths were resolved against (the configuration file's; empty
 * when it was not read from a file). Like ConfigSource, never compared.
 */
struct DocumentSource {
    QJsonObject document;
    QString directory;

    friend bool operator==(const DocumentSource&, const DocumentSource&) { return true; }
};

} // namespace wamp
