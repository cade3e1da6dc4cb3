// wampscope-bench: measures a WAMP router (any router, by URL) with the project's client library.

#include "benchcontext.h"
#include "benchoptions.h"
#include "benchrunner.h"
#include "processstats.h"

#include <QCoreApplication>

#include <cstdio>

#include <sys/resource.h>

namespace {

// The idle scenario holds a socket per session: 1,000 sessions pass the usual soft limit of 1,024 files.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int usageError(const QString& error)
{
    const QByteArray text = "wampscope-bench: " + error.toUtf8() + "\n(see --help)\n";
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wampscope-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAMPSCOPE_VERSION));

    QString error;
    const std::optional<BenchOptions> options = BenchOptions::parse(app, &error);
    if (!options)
        return usageError(error);
    std::optional<BenchContext> context = BenchContext::make(*options, &error);
    if (!context)
        return usageError(error);
    if (options->routerPid &&
        (!ProcessStats::cpuMicros(options->routerPid) || !ProcessStats::rssKb(options->routerPid)))
        return usageError(
            QStringLiteral("--router-pid %1: cannot read /proc/%1/stat and status").arg(options->routerPid));

    BenchRunner runner(std::move(*context));
    QObject::connect(&runner, &BenchRunner::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    QMetaObject::invokeMethod(&runner, &BenchRunner::start, Qt::QueuedConnection);
    return app.exec();
}
