#include "resources.h"

#include <QFile>

namespace wampscope {

QByteArray defaultConfigJson()
{
    QFile file(QStringLiteral(":/wampscope/default-config.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the embedded default configuration is missing from the resources");
    return file.readAll();
}

} // namespace wampscope
