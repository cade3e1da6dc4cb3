#pragma once

#include <QString>

#include <optional>

//! The figures of one measured phase: one row of the report.
struct BenchResult {
    enum class LatencyUnit { Microseconds, Milliseconds };
    struct Latency {
        qint64 p50Ns = 0;
        qint64 p99Ns = 0;
        qint64 maxNs = 0;
    };

    QString scenario;
    //! The phase's parameters in short, e.g. "subs=10" or "out=100"; may be empty.
    QString variant;
    QString transport;
    QString serializer;
    //! What one operation is: "calls", "events", "connections", "sessions".
    QString operation;
    quint64 ops = 0;
    double seconds = 0;
    std::optional<Latency> latency;
    LatencyUnit latencyUnit = LatencyUnit::Microseconds;
    std::optional<double> routerMicrosPerOp;
    std::optional<double> routerRssKbPerSession;
    std::optional<double> toolMicrosPerOp;
    //! Requests the router answered with an error, or connections that failed.
    quint64 errors = 0;
    //! pubsub: events never delivered by the end of the run plus the timeout.
    std::optional<quint64> lost;
    //! pubsub: events that arrived out of publication order at a subscriber.
    quint64 outOfOrder = 0;
    //! Non-empty when the phase could not run (then the figures are not meaningful).
    QString failure;

    double opsPerSecond() const { return seconds > 0 ? double(ops) / seconds : 0; }
};
