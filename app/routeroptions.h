#pragma once

#include "config/configloader.h"

#include <QStringList>

class QCommandLineParser;

/*!
 * The command line shared by the daemon and the GUI: which configuration to run and the flags that override
 * it (in the style of the CLASP relay: --host, --ws-port, --realm).
 */
class RouterOptions {
public:
    //! Adds the options to \a parser.
    static void addTo(QCommandLineParser& parser);
    //! Loads the configuration the parsed options name (\a file, else --config, else the embedded default)
    //! and applies the overrides.
    static wamp::ConfigLoadResult resolve(const QCommandLineParser& parser, const QString& file = {});
};
