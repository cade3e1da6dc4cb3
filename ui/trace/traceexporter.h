#pragma once

#include "trace/traceentry.h"

#include <QCoreApplication>
#include <QString>

class QAbstractItemModel;

/*
 * Writes trace rows as JSON Lines: one object per message with time (ISO 8601, UTC, microseconds), session,
 * realm, transport, direction, serializer, type, request_id, uri, size and the decoded message (its WAMP
 * list form; binary values as base64 strings). Undecodable input gets "message": null, "error" and
 * "raw_base64". The file is written through QSaveFile: it appears whole or not at all.
 */
class TraceExporter {
    Q_DECLARE_TR_FUNCTIONS(TraceExporter)

public:
    //! One line, without the newline.
    static QByteArray line(const wamp::TraceEntry& entry);
    //! Writes every row of \a model (a TraceModel or a proxy over one, read through EntryRole). Returns the
    //! number of rows written, or -1 with \a error set.
    static qsizetype write(const QAbstractItemModel& model, const QString& path, QString* error);
};
