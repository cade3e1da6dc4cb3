#include "reportprinter.h"

#include "benchcontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

#include <unistd.h>

namespace {

const QString kNone = QStringLiteral("-");

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString optionalNumber(const std::optional<double>& value, int decimals)
{
    return value ? number(*value, decimals) : kNone;
}

QString latency(qint64 ns, BenchResult::LatencyUnit unit)
{
    return unit == BenchResult::LatencyUnit::Milliseconds
               ? number(double(ns) / 1e6, 2) + QStringLiteral(" ms")
               : number(double(ns) / 1e3, 1) + QStringLiteral(" µs");
}

QString notes(const BenchResult& result)
{
    QStringList parts;
    if (result.lost)
        parts << QStringLiteral("lost %1").arg(*result.lost);
    if (result.outOfOrder)
        parts << QStringLiteral("out of order %1").arg(result.outOfOrder);
    if (result.errors)
        parts << QStringLiteral("errors %1").arg(result.errors);
    if (!result.failure.isEmpty())
        parts << QStringLiteral("FAILED: ") + result.failure;
    return parts.join(QStringLiteral(", "));
}

QJsonValue jsonNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString ReportPrinter::table(const BenchContext& context, const QList<BenchResult>& results)
{
    const QStringList header{QStringLiteral("scenario"),     QStringLiteral("transport"),
                             QStringLiteral("serializer"),   QStringLiteral("ops"),
                             QStringLiteral("ops/s"),        QStringLiteral("p50"),
                             QStringLiteral("p99"),          QStringLiteral("max"),
                             QStringLiteral("router µs/op"), QStringLiteral("router kB/session"),
                             QStringLiteral("tool µs/op"),   QStringLiteral("notes")};
    QList<QStringList> rows{header};
    for (const BenchResult& r : results) {
        const QString name = r.variant.isEmpty() ? r.scenario : r.scenario + QLatin1Char(' ') + r.variant;
        QStringList row{name, r.transport, r.serializer,
                        QString::number(r.ops) + QLatin1Char(' ') + r.operation, number(r.opsPerSecond(), 0)};
        if (r.latency)
            row << latency(r.latency->p50Ns, r.latencyUnit) << latency(r.latency->p99Ns, r.latencyUnit)
                << latency(r.latency->maxNs, r.latencyUnit);
        else
            row << kNone << kNone << kNone;
        row << optionalNumber(r.routerMicrosPerOp, 2) << optionalNumber(r.routerRssKbPerSession, 2)
            << optionalNumber(r.toolMicrosPerOp, 2) << notes(r);
        rows << row;
    }

    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList& row : std::as_const(rows)) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    const BenchOptions& o = context.options;
    QString text = QStringLiteral("wampscope-bench %1, realm %2, payload %3 bytes (%4)\n")
                       .arg(o.url, QString::fromUtf8(o.realm))
                       .arg(o.payloadBytes)
                       .arg(o.binary ? QStringLiteral("binary") : QStringLiteral("string"));
    if (o.routerPid) {
        text += QStringLiteral(
                    "router pid %1; its CPU time is counted in ticks of %2 ms, so phases shorter than a "
                    "few seconds give coarse router µs/op\n")
                    .arg(o.routerPid)
                    .arg(1000 / std::max(1L, sysconf(_SC_CLK_TCK)));
    } else {
        text += QStringLiteral("no --router-pid: the router's CPU and memory figures are left out\n");
    }
    for (const QStringList& row : std::as_const(rows)) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            // Text left, figures right; the last column is not padded.
            const bool left = column < 3 || column == row.size() - 1;
            const QString& cell = row.at(column);
            if (column == row.size() - 1)
                line += cell;
            else
                line += (left ? cell.leftJustified(widths[column]) : cell.rightJustified(widths[column])) +
                        QStringLiteral("  ");
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    }
    return text;
}

QByteArray ReportPrinter::json(const BenchContext& context, const QList<BenchResult>& results)
{
    QJsonArray rows;
    for (const BenchResult& r : results) {
        QJsonObject row{
            {QStringLiteral("scenario"), r.scenario},
            {QStringLiteral("variant"), r.variant},
            {QStringLiteral("transport"), r.transport},
            {QStringLiteral("serializer"), r.serializer},
            {QStringLiteral("operation"), r.operation},
            {QStringLiteral("ops"), double(r.ops)},
            {QStringLiteral("seconds"), r.seconds},
            {QStringLiteral("ops_per_second"), r.opsPerSecond()},
            {QStringLiteral("router_us_per_op"), jsonNumber(r.routerMicrosPerOp)},
            {QStringLiteral("router_rss_kb_per_session"), jsonNumber(r.routerRssKbPerSession)},
            {QStringLiteral("tool_us_per_op"), jsonNumber(r.toolMicrosPerOp)},
            {QStringLiteral("errors"), double(r.errors)},
            {QStringLiteral("out_of_order"), double(r.outOfOrder)},
            {QStringLiteral("lost"), r.lost ? QJsonValue(double(*r.lost)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("ok"), r.failure.isEmpty()},
        };
        if (r.latency) {
            row.insert(QStringLiteral("p50_us"), double(r.latency->p50Ns) / 1e3);
            row.insert(QStringLiteral("p99_us"), double(r.latency->p99Ns) / 1e3);
            row.insert(QStringLiteral("max_us"), double(r.latency->maxNs) / 1e3);
        }
        if (!r.failure.isEmpty())
            row.insert(QStringLiteral("failure"), r.failure);
        rows.append(row);
    }
    const BenchOptions& o = context.options;
    const QJsonObject document{
        {QStringLiteral("tool"), QStringLiteral("wampscope-bench")},
        {QStringLiteral("url"), o.url},
        {QStringLiteral("transport"), context.transportName},
        {QStringLiteral("serializer"), context.serializerName},
        {QStringLiteral("realm"), QString::fromUtf8(o.realm)},
        {QStringLiteral("payload_bytes"), o.payloadBytes},
        {QStringLiteral("binary"), o.binary},
        {QStringLiteral("router_pid"),
         o.routerPid ? QJsonValue(double(o.routerPid)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("duration_s"), o.durationSeconds},
        {QStringLiteral("count"), o.count ? QJsonValue(double(o.count)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("outstanding"), o.outstanding},
        {QStringLiteral("callers"), o.callers},
        {QStringLiteral("window"), o.window},
        {QStringLiteral("parallel"), o.parallel},
        {QStringLiteral("sessions"), o.sessions},
        {QStringLiteral("smoke"), o.smoke},
        {QStringLiteral("results"), rows},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}
