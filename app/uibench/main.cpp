// wampscope-uibench: how the inspector's trace and statistics views hold up under a flood of messages.

#include "uibenchmark.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("wampscope-uibench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Feeds the trace and statistics views synthetic trace batches at a given rate and prints the UI "
        "event-loop latency, memory over time and the time of common actions under load. Run with "
        "QT_QPA_PLATFORM=offscreen when there is no display."));
    parser.addHelpOption();
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("Messages per second (default 50000)."), QStringLiteral("n"),
                                  QStringLiteral("50000"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Duration (default 20)."),
                                     QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption capacity(QStringLiteral("capacity"),
                                      QStringLiteral("Trace capacity in messages (default 100000)."),
                                      QStringLiteral("n"), QStringLiteral("100000"));
    parser.addOptions({rate, seconds, capacity});
    parser.process(app);

    UiBenchmark::Options options;
    bool ok[3] = {};
    options.rate = parser.value(rate).toInt(&ok[0]);
    options.seconds = parser.value(seconds).toInt(&ok[1]);
    options.capacity = parser.value(capacity).toLongLong(&ok[2]);
    if (!ok[0] || !ok[1] || !ok[2] || options.rate <= 0 || options.seconds < 1 || options.capacity < 1) {
        std::fputs("wampscope-uibench: --rate, --seconds and --capacity take positive numbers\n", stderr);
        return 2;
    }

    UiBenchmark benchmark(options);
    QObject::connect(&benchmark, &UiBenchmark::finished, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    benchmark.start();
    return app.exec();
}
