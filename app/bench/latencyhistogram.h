#pragma once

#include <QtGlobal>

#include <array>

/*!
 * Latencies in nanoseconds, in log-linear buckets: exact below 128 ns, then 64 buckets per power of two, so a
 * percentile is off by at most 1/64 (1.6%). Recording is a few instructions and never allocates, so any
 * number of operations can be recorded at a fixed 30 kB.
 */
class LatencyHistogram {
public:
    void record(qint64 nanoseconds);
    void clear();

    quint64 count() const { return m_count; }
    qint64 max() const { return m_max; }
    //! The latency below which \a fraction (0..1) of the recorded ones lie; 0 when nothing was recorded.
    qint64 percentile(double fraction) const;

private:
    static constexpr int kSubBuckets = 64;
    static constexpr int kLinear = 2 * kSubBuckets;
    // Powers of two from 2^7 to 2^63, 64 buckets each.
    static constexpr int kBuckets = kLinear + (64 - 7) * kSubBuckets;

    static int indexOf(quint64 value);
    static qint64 midpointOf(int index);

    std::array<quint64, kBuckets> m_buckets{};
    quint64 m_count = 0;
    qint64 m_max = 0;
};
