#pragma once

#include <QList>
#include <QString>
#include <QStringList>

//! Session ids as the inspector lists them in one cell: "123, 456".
inline QString joinSessionIds(const QList<quint64>& ids)
{
    QStringList texts;
    texts.reserve(ids.size());
    for (quint64 id : ids)
        texts.append(QString::number(id));
    return texts.join(QLatin1StringView(", "));
}
