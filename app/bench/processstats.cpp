#include "processstats.h"

#include <QByteArray>
#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

namespace {

// /proc files report size 0, so QFile::readAll() reads them to EOF; called only between measured phases.
std::optional<QByteArray> readProcFile(qint64 pid, const char* name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace

std::optional<qint64> ProcessStats::cpuMicros(qint64 pid)
{
    const std::optional<QByteArray> stat = readProcFile(pid, "stat");
    if (!stat)
        return std::nullopt;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count fields after the last ')'.
    // utime and stime are fields 14 and 15; after ") " the state is field 3.
    const qsizetype close = stat->lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat->mid(close + 2).split(' ');
    if (fields.size() < 13)
        return std::nullopt;
    bool okUser = false;
    bool okSystem = false;
    const qint64 ticks = fields.at(11).toLongLong(&okUser) + fields.at(12).toLongLong(&okSystem);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!okUser || !okSystem || ticksPerSecond <= 0)
        return std::nullopt;
    return ticks * 1000000 / ticksPerSecond;
}

std::optional<qint64> ProcessStats::rssKb(qint64 pid)
{
    const std::optional<QByteArray> status = readProcFile(pid, "status");
    if (!status)
        return std::nullopt;
    for (const QByteArray& line : status->split('\n')) {
        if (!line.startsWith("VmRSS:"))
            continue;
        bool ok = false;
        const qint64 kb = line.mid(6).trimmed().split(' ').value(0).toLongLong(&ok);
        return ok ? std::optional<qint64>(kb) : std::nullopt;
    }
    return std::nullopt;
}

qint64 ProcessStats::selfCpuMicros()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec +
           usage.ru_stime.tv_usec;
}
