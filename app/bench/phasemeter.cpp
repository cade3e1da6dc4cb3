#include "phasemeter.h"

#include "benchresult.h"
#include "processstats.h"

PhaseMeter::PhaseMeter(qint64 routerPid)
    : m_routerPid(routerPid)
{
    m_clock.start();
}

void PhaseMeter::start()
{
    m_routerStart = m_routerPid ? ProcessStats::cpuMicros(m_routerPid).value_or(-1) : -1;
    m_toolStart = ProcessStats::selfCpuMicros();
    m_elapsedNs = 0;
    m_clock.start();
}

void PhaseMeter::stop()
{
    m_elapsedNs = m_clock.nsecsElapsed();
    m_toolEnd = ProcessStats::selfCpuMicros();
    m_routerEnd = m_routerPid ? ProcessStats::cpuMicros(m_routerPid).value_or(-1) : -1;
}

void PhaseMeter::fill(BenchResult& result) const
{
    result.seconds = double(m_elapsedNs) / 1e9;
    if (result.ops == 0)
        return;
    result.toolMicrosPerOp = double(m_toolEnd - m_toolStart) / double(result.ops);
    if (m_routerStart >= 0 && m_routerEnd >= 0)
        result.routerMicrosPerOp = double(m_routerEnd - m_routerStart) / double(result.ops);
}
