#include "traceexporter.h"

#include "jsontext.h"
#include "traceformatter.h"
#include "tracemodel.h"

#include "serialization/serializer.h"

#include <QAbstractItemModel>
#include <QSaveFile>

using wamp::TraceEntry;
using wamp::Value;

QByteArray TraceExporter::line(const TraceEntry& entry)
{
    wamp::DictBuilder object;
    object.add("time", Value(TraceFormatter::isoTime(entry.timestampUs)))
        .add("session", Value(entry.sessionId))
        .add("realm", Value(entry.realm.toString()))
        .add("transport", Value(entry.transportId.toString()))
        .add("direction", Value(entry.direction == TraceEntry::Direction::In ? "in" : "out"))
        .add("serializer", Value(TraceFormatter::serializerName(entry.serializer)))
        .add("type", entry.valid ? Value(TraceFormatter::typeName(entry)) : Value(nullptr))
        .add("request_id", Value(entry.requestId))
        .add("uri", Value::string(entry.uri))
        .add("size", Value(qint64(entry.size())));
    QString error;
    const std::optional<Value> decoded = wamp::serializerFor(entry.serializer).decode(entry.encoded, &error);
    if (decoded) {
        object.add("message", *decoded);
    } else {
        object.add("message", Value(nullptr))
            .add("error", Value(error))
            .add("raw_base64", Value::string(entry.encoded.toBase64()));
    }
    return JsonText::compact(object.build()).toUtf8();
}

qsizetype TraceExporter::write(const QAbstractItemModel& model, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return -1;
    }
    const int rows = model.rowCount();
    for (int row = 0; row < rows; ++row) {
        const TraceEntry entry = model.index(row, 0).data(TraceModel::EntryRole).value<TraceEntry>();
        file.write(line(entry));
        file.write("\n", 1);
    }
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return -1;
    }
    return rows;
}
