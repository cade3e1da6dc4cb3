#pragma once

#include "trace/traceentry.h"

#include <QByteArray>
#include <QString>

//! What a trace filter looks at in a row (made from an entry; tests write it).
struct TraceRowFields {
    int type = -1; //!< a wamp::MessageType, -1 for undecodable input
    quint64 session = 0;
    QString realm;
    QByteArray uri; //!< UTF-8
    wamp::TraceEntry::Direction direction = wamp::TraceEntry::Direction::In;
    QString transport;

    static TraceRowFields of(const wamp::TraceEntry& entry)
    {
        return {entry.valid ? int(entry.type) : -1,
                entry.sessionId,
                entry.realm.toString(),
                entry.uri,
                entry.direction,
                entry.transportId.toString()};
    }
};
