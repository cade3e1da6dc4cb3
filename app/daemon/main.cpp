// wampscope-router: the headless WAMP router.

#include "core/router.h"
#include "routerlog.h"
#include "routeroptions.h"
#include "session/session.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

int main(int argc, char** argv)
{
    // Qt's own messages (and the transport `debug` log) go through the same timestamped stderr log.
    qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext&, const QString& text) { RouterLog::write(text); });
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wampscope-router"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAMPSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Wampscope headless WAMP router. With no options it serves realm 'realm1' to anonymous "
        "clients on ws://127.0.0.1:8080/ws."));
    parser.addHelpOption();
    parser.addVersionOption();
    RouterOptions::addTo(parser);
    const QCommandLineOption checkConfig(
        QStringLiteral("check-config"),
        QStringLiteral(
            "Validate the configuration in <file> (with the other flags applied), print every problem and "
            "exit: 0 when it is valid, 1 when not. Nothing is started."),
        QStringLiteral("file"));
    parser.addOption(checkConfig);
    parser.process(app);

    if (parser.isSet(checkConfig)) {
        const wamp::ConfigLoadResult checked = RouterOptions::resolve(parser, parser.value(checkConfig));
        QTextStream out(stdout);
        for (const QString& warning : checked.warnings)
            out << "warning: " << warning << '\n';
        for (const QString& error : checked.errors)
            out << "error: " << error << '\n';
        if (!checked.config) {
            out << parser.value(checkConfig) << ": invalid (" << checked.errors.size() << " error(s))\n";
            return 1;
        }
        out << parser.value(checkConfig) << ": valid (" << checked.config->realms.size() << " realm(s), "
            << checked.config->transports.size() << " transport(s), " << checked.warnings.size()
            << " warning(s))\n";
        return 0;
    }

    const wamp::ConfigLoadResult loaded = RouterOptions::resolve(parser);
    for (const QString& warning : loaded.warnings)
        RouterLog::write(QStringLiteral("config warning: ") + warning);
    if (!loaded.config) {
        for (const QString& error : loaded.errors)
            RouterLog::write(QStringLiteral("config error: ") + error);
        return 2;
    }

    // Watch for signals before anything is announced, so a supervisor's early SIGTERM is handled too.
    SignalWatcher signals;
    wamp::Router router;
    RouterLog log(router);
    const QList<wamp::TransportStatus> statuses = router.start(*loaded.config);
    for (const wamp::TransportStatus& status : statuses) {
        if (!status.listening) {
            RouterLog::write(QStringLiteral("exiting: transport %1 could not start").arg(status.id));
            return 1;
        }
    }
    if (statuses.isEmpty()) {
        RouterLog::write(QStringLiteral("exiting: the configuration has no transport"));
        return 1;
    }

    QObject::connect(&signals, &SignalWatcher::terminationRequested, &router, [&router](int signal) {
        RouterLog::write(
            QStringLiteral("signal %1: closing every session (wamp.close.system_shutdown)").arg(signal));
        router.shutdown();
        // Sessions get GOODBYE and time to answer; past that the process leaves anyway.
        QTimer::singleShot(wamp::Session::kGoodbyeTimeoutMs + 3000, qApp, [] {
            RouterLog::write(QStringLiteral("some sessions did not close in time; exiting"));
            QCoreApplication::exit(0);
        });
    });
    // SIGHUP: read the configuration again and apply it; only what changed restarts.
    QObject::connect(&signals, &SignalWatcher::reloadRequested, &router, [&router, &parser] {
        const wamp::ConfigLoadResult reloaded = RouterOptions::resolve(parser);
        for (const QString& warning : reloaded.warnings)
            RouterLog::write(QStringLiteral("config warning: ") + warning);
        if (!reloaded.config) {
            for (const QString& error : reloaded.errors)
                RouterLog::write(QStringLiteral("config error: ") + error);
            RouterLog::write(
                QStringLiteral("SIGHUP: the configuration is not valid; keeping the running one"));
            return;
        }
        RouterLog::write(QStringLiteral("SIGHUP: applying the reloaded configuration"));
        router.apply(*reloaded.config);
    });
    QObject::connect(&router, &wamp::Router::stopped, &app, [] {
        RouterLog::write(QStringLiteral("all sessions closed; exiting"));
        QCoreApplication::exit(0);
    });
    return app.exec();
}
