// wampscope: the WAMP router with its live inspector.

#include "config/configeditor.h"
#include "config/documentcontroller.h"
#include "mainwindow.h"
#include "routerlog.h"
#include "routeroptions.h"
#include "trace/traceview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Wampscope"));
    QApplication::setOrganizationName(QStringLiteral("Wampscope"));
    QApplication::setApplicationVersion(QStringLiteral(WAMPSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/wampscope/icons/wampscope.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("wampscope"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        app.installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Wampscope: WAMP router and live inspector."));
    parser.addHelpOption();
    parser.addVersionOption();
    RouterOptions::addTo(parser);
    const QCommandLineOption noTrace(
        QStringLiteral("no-trace"),
        QApplication::translate("main",
                                "Start with tracing off (the Trace tab's Tracing button turns it on)."));
    parser.addOption(noTrace);
    parser.process(app);

    const wamp::ConfigLoadResult loaded = RouterOptions::resolve(parser);
    for (const QString& warning : loaded.warnings)
        RouterLog::write(QStringLiteral("config warning: ") + warning);
    if (!loaded.config) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Wampscope"),
                              QApplication::translate("main", "The configuration is not valid:\n\n%1")
                                  .arg(loaded.errors.join(QLatin1Char('\n'))));
        return 2;
    }

    MainWindow window(*loaded.config);
    if (parser.isSet(QStringLiteral("config"))) {
        // The file is the document; the editor shows what runs (with the command line's overrides, which
        // then show as unsaved changes).
        window.findChild<DocumentController*>()->open(parser.value(QStringLiteral("config")));
        window.findChild<ConfigEditor*>()->setConfig(*loaded.config);
    }
    if (parser.isSet(noTrace))
        window.findChild<TraceView*>()->setTraceEnabled(false);
    window.show();
    window.startRouter();
    return app.exec();
}
