#pragma once

#include "benchoptions.h"
#include "client/connectingtransportconfig.h"
#include "wamp/value.h"

#include <QString>

#include <optional>

//! What every scenario shares: the options, where to connect, and the payload (built once, shared by all).
struct BenchContext {
    BenchOptions options;
    wamp::ConnectingTransportConfig transport;
    //! The URL's scheme: ws, wss, rs, rss or unix.
    QString transportName;
    QString serializerName;
    //! A string (or with --binary, binary) of --payload bytes.
    wamp::Value payload;
    //! Prefix of the procedures and topics, unique to this process: "wampscope.bench.<pid>.".
    QByteArray uriPrefix;

    //! Builds the context from parsed options; nullopt with \a error set when the URL or --ca is unusable.
    static std::optional<BenchContext> make(const BenchOptions& options, QString* error);
};
