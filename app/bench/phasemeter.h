#pragma once

#include <QElapsedTimer>

struct BenchResult;

/*!
 * Times one measured phase and takes the CPU time of the router (given its PID) and of this tool at its start
 * and end, to report CPU per operation.
 */
class PhaseMeter {
public:
    explicit PhaseMeter(qint64 routerPid);

    void start();
    void stop();
    //! Nanoseconds since start(): the clock every latency of the phase is read from.
    qint64 now() const { return m_clock.nsecsElapsed(); }
    //! Fills seconds (start to stop) and the CPU figures per operation of \a result.
    void fill(BenchResult& result) const;

private:
    qint64 m_routerPid;
    QElapsedTimer m_clock;
    qint64 m_elapsedNs = 0;
    qint64 m_routerStart = -1;
    qint64 m_routerEnd = -1;
    qint64 m_toolStart = 0;
    qint64 m_toolEnd = 0;
};
