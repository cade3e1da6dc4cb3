#pragma once

#include "configissue.h"

#include "config/routerconfig.h"

/*!
 * Validates an edited configuration with the loader's own rules: writes it with ConfigWriter::toJson, loads
 * that with ConfigLoader::load, and maps the JSON path of every error and warning back to the element and
 * field it came from. The rules and the messages are the loader's; nothing is checked here.
 */
class ConfigValidator {
public:
    static ConfigIssues validate(const wamp::RouterConfig& config);

    //! Maps one of the loader's `path: message` lines about \a config, written with its router in
    //! `workers[routerWorker]`.
    static ConfigIssue mapIssue(const QString& line, bool warning, const wamp::RouterConfig& config,
                                int routerWorker);
};
