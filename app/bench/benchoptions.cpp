#include "benchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

struct Defaults {
    double duration;
    quint64 count;
    int outstanding;
    int window;
    int parallel;
    int sessions;
    double settle;
    QList<int> subscribers;
};

// --smoke only changes what the user did not set: every scenario then runs in well under a second.
const Defaults kNormal{5, 0, 100, 1000, 10, 1000, 1, {1, 10, 100}};
const Defaults kSmoke{0.1, 300, 10, 100, 4, 20, 0.1, {1, 10, 100}};

bool positiveInt(const QCommandLineParser& parser, const QString& name, int minimum, int* out, QString* error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum) {
        *error = QStringLiteral("--%1: '%2' is not a whole number >= %3")
                     .arg(name, parser.value(name))
                     .arg(minimum);
        return false;
    }
    *out = value;
    return true;
}

bool positiveDouble(const QCommandLineParser& parser, const QString& name, double* out, QString* error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value <= 0) {
        *error =
            QStringLiteral("--%1: '%2' is not a positive number of seconds").arg(name, parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

} // namespace

QStringList BenchOptions::allScenarios()
{
    // idle first: its RSS delta is only honest while the router's heap has not yet grown (and kept) the
    // memory of the busy scenarios.
    return {QStringLiteral("idle"), QStringLiteral("connect"), QStringLiteral("rpc"),
            QStringLiteral("rpc-pipelined"), QStringLiteral("pubsub")};
}

std::optional<BenchOptions> BenchOptions::parse(const QCoreApplication& app, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures a WAMP router: call and event rates, latency, connection cost, and given "
                       "the router's PID its "
                       "CPU time per operation and memory per idle session.\n\nScenarios: rpc, "
                       "rpc-pipelined, pubsub, connect, "
                       "idle, all."));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto value = [&parser](const char* name, const char* help, const char* valueName) {
        parser.addOption(
            {QString::fromLatin1(name), QString::fromUtf8(help), QString::fromLatin1(valueName)});
    };
    const auto flag = [&parser](const char* name, const char* help) {
        parser.addOption({QString::fromLatin1(name), QString::fromUtf8(help)});
    };
    value("url",
          "The router: ws://host:port/path, wss://..., rs://host:port, rss://host:port or unix:///path.",
          "url");
    value("realm", "Realm to join (default realm1).", "realm");
    value("serializer", "json, msgpack or cbor (default json).", "name");
    value("ca", "Trust the PEM certificate(s) in <file> for wss:// and rss:// (a self-signed router).",
          "file");
    value("payload", "Bytes of payload in each call and event (default 100).", "bytes");
    flag("binary", "Send the payload as binary instead of a string.");
    value("router-pid", "The router's process id: adds its CPU time per operation and RSS per idle session.",
          "pid");
    flag("json", "Print one JSON document instead of the table.");
    flag("smoke", "Tiny durations and counts, for CI (explicit options still win).");
    value("duration", "Seconds each measured phase runs (default 5).", "seconds");
    value("count", "Stop each measured phase after this many operations (default: no cap).", "n");
    value("outstanding", "rpc-pipelined: calls in flight, spread over the callers (default 100).", "n");
    value("callers", "rpc-pipelined: caller sessions (default 1).", "n");
    value("subscribers", "pubsub: subscriber counts to run, comma-separated (default 1,10,100).", "list");
    value("window", "pubsub: publications in flight not yet seen by every subscriber (default 1000).", "n");
    value("parallel",
          "connect: sessions cycling at once in the parallel run; idle: sessions opening at once "
          "(default 10).",
          "n");
    value("sessions", "idle: sessions to open (default 1000).", "n");
    value("settle", "idle: seconds to wait before reading the router's RSS (default 1).", "seconds");
    value("timeout", "Seconds any unmeasured wait may take: joining, draining, loss detection (default 5).",
          "seconds");
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("Scenarios to run, in order."),
                                 QStringLiteral("scenario..."));
    parser.process(app);

    BenchOptions options;
    options.smoke = parser.isSet(QStringLiteral("smoke"));
    const Defaults& defaults = options.smoke ? kSmoke : kNormal;
    options.durationSeconds = defaults.duration;
    options.count = defaults.count;
    options.outstanding = defaults.outstanding;
    options.window = defaults.window;
    options.parallel = defaults.parallel;
    options.sessions = defaults.sessions;
    options.settleSeconds = defaults.settle;
    options.subscribers = defaults.subscribers;

    options.url = parser.value(QStringLiteral("url"));
    if (options.url.isEmpty()) {
        *error = QStringLiteral("--url is required");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("realm")))
        options.realm = parser.value(QStringLiteral("realm")).toUtf8();
    if (parser.isSet(QStringLiteral("serializer"))) {
        const auto kind = wamp::serializerKindFromName(parser.value(QStringLiteral("serializer")));
        if (!kind) {
            *error = QStringLiteral("--serializer: '%1' is not json, msgpack or cbor")
                         .arg(parser.value(QStringLiteral("serializer")));
            return std::nullopt;
        }
        options.serializer = *kind;
    }
    options.caFile = parser.value(QStringLiteral("ca"));
    options.binary = parser.isSet(QStringLiteral("binary"));
    options.json = parser.isSet(QStringLiteral("json"));
    int pid = 0;
    if (!positiveInt(parser, QStringLiteral("payload"), 0, &options.payloadBytes, error) ||
        !positiveInt(parser, QStringLiteral("router-pid"), 1, &pid, error) ||
        !positiveInt(parser, QStringLiteral("outstanding"), 1, &options.outstanding, error) ||
        !positiveInt(parser, QStringLiteral("callers"), 1, &options.callers, error) ||
        !positiveInt(parser, QStringLiteral("window"), 1, &options.window, error) ||
        !positiveInt(parser, QStringLiteral("parallel"), 1, &options.parallel, error) ||
        !positiveInt(parser, QStringLiteral("sessions"), 1, &options.sessions, error) ||
        !positiveDouble(parser, QStringLiteral("duration"), &options.durationSeconds, error) ||
        !positiveDouble(parser, QStringLiteral("settle"), &options.settleSeconds, error) ||
        !positiveDouble(parser, QStringLiteral("timeout"), &options.timeoutSeconds, error))
        return std::nullopt;
    options.routerPid = pid;
    if (parser.isSet(QStringLiteral("count"))) {
        bool ok = false;
        options.count = parser.value(QStringLiteral("count")).toULongLong(&ok);
        if (!ok || options.count == 0) {
            *error = QStringLiteral("--count: '%1' is not a positive whole number")
                         .arg(parser.value(QStringLiteral("count")));
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("subscribers"))) {
        options.subscribers.clear();
        for (const QString& item : parser.value(QStringLiteral("subscribers")).split(QLatin1Char(','))) {
            bool ok = false;
            const int n = item.trimmed().toInt(&ok);
            if (!ok || n < 1) {
                *error = QStringLiteral("--subscribers: '%1' is not a list of whole numbers >= 1")
                             .arg(parser.value(QStringLiteral("subscribers")));
                return std::nullopt;
            }
            options.subscribers << n;
        }
    }
    if (options.outstanding < options.callers) {
        *error =
            QStringLiteral("--outstanding (%1) must be at least --callers (%2): every caller keeps a call "
                           "in flight")
                .arg(options.outstanding)
                .arg(options.callers);
        return std::nullopt;
    }

    const QStringList known = allScenarios();
    for (const QString& name : parser.positionalArguments()) {
        if (name == QLatin1String("all")) {
            options.scenarios += known;
        } else if (known.contains(name)) {
            options.scenarios << name;
        } else {
            *error = QStringLiteral("unknown scenario '%1' (rpc, rpc-pipelined, pubsub, connect, idle, all)")
                         .arg(name);
            return std::nullopt;
        }
    }
    if (options.scenarios.isEmpty()) {
        *error = QStringLiteral("no scenario given (rpc, rpc-pipelined, pubsub, connect, idle, all)");
        return std::nullopt;
    }
    return options;
}
