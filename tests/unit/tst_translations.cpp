// The German translation: complete in translations/wampscope_de.ts, and compiled into a .qm that the
// widgets pick up through QTranslator.

#include "config/configeditor.h"
#include "core/routercontroller.h"

#include "config/configloader.h"

#include <QFile>
#include <QPushButton>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace wamp;

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyStringIsTranslated()
    {
        QFile file(QStringLiteral(WAMPSCOPE_TRANSLATIONS_DIR "/wampscope_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList missing;
        QString context;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                // Plural forms are <numerusform> children; readElementText collects them all.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                    missing << context + QStringLiteral(": ") + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }

    void germanStringsFromTheResource()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/wampscope_de.qm")));
        QCOMPARE(translator.translate("ConfigEditor", "Apply"), QStringLiteral("Übernehmen"));
        QCOMPARE(translator.translate("DocumentController", "&Save"), QStringLiteral("&Speichern"));
        QCOMPARE(translator.translate("EndpointSection", "Port:"), QStringLiteral("Port:"));
        QCOMPARE(translator.translate("EndpointSection", "Encrypt with TLS"),
                 QStringLiteral("Mit TLS verschlüsseln"));
        QCOMPARE(translator.translate("MainWindow", "&Start"), QStringLiteral("&Starten"));

        // Installed, the widgets speak German.
        QVERIFY(QCoreApplication::installTranslator(&translator));
        RouterController controller;
        const ConfigLoadResult loaded = ConfigLoader::load(R"({"version": 2, "workers": [{"type": "router",
            "realms": [{"name": "realm1", "roles": [{"name": "anonymous"}]}]}]})");
        ConfigEditor editor(controller, *loaded.config);
        QCOMPARE(editor.findChild<QPushButton*>(QStringLiteral("apply"))->text(),
                 QStringLiteral("Übernehmen"));
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
