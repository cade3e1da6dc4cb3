#pragma once

#include <QtGlobal>

#include <optional>

//! CPU time and memory of a process, read from /proc (Linux) and getrusage().
class ProcessStats {
public:
    //! utime + stime of process \a pid in microseconds (clock-tick resolution); nullopt when unreadable.
    static std::optional<qint64> cpuMicros(qint64 pid);
    //! VmRSS of process \a pid in kB; nullopt when unreadable.
    static std::optional<qint64> rssKb(qint64 pid);
    //! User + system CPU time of this process in microseconds.
    static qint64 selfCpuMicros();
};
