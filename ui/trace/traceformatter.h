#pragma once

#include "trace/traceentry.h"

#include <QCoreApplication>
#include <QString>

/*
 * The text the trace shows for an entry, made when a view asks for it (never stored per row): cell texts,
 * a one-line summary and the detail pane's decoded, pretty-printed message.
 */
class TraceFormatter {
    Q_DECLARE_TR_FUNCTIONS(TraceFormatter)

public:
    //! Messages bigger than this are not decoded for a summary (a table cell must paint fast).
    static constexpr int kMaxSummaryDecodeBytes = 256 * 1024;

    //! "CALL", or "invalid" for input that could not be decoded.
    static QString typeName(const wamp::TraceEntry& entry);
    //! Local time of day with microseconds, "14:03:07.123456".
    static QString timeOfDay(qint64 timestampUs);
    //! ISO 8601 in UTC with microseconds, "2024-05-01T12:03:07.123456Z".
    static QString isoTime(qint64 timestampUs);
    static QString directionText(wamp::TraceEntry::Direction direction);
    static QString directionToolTip(wamp::TraceEntry::Direction direction);
    static QString serializerName(wamp::SerializerKind kind);
    //! The payload at a glance (arguments, reason, ids), at most about \a maxChars characters.
    static QString summary(const wamp::TraceEntry& entry, int maxChars = 80);
    //! Header lines (time, session, direction, transport, serializer, size) and the whole message.
    static QString details(const wamp::TraceEntry& entry);
    //! True for the message types whose wire form has a URI of their own (procedure, topic, error, reason).
    static bool carriesUri(wamp::MessageType type);
    //! True when the trace shows a URI for \a entry that is not in the message itself but in the request it
    //! belongs to (the CALL's procedure on its RESULT, the PUBLISH's topic on its EVENTs).
    static bool isUriInherited(const wamp::TraceEntry& entry);
};
