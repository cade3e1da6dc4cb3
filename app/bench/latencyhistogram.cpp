#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

void LatencyHistogram::record(qint64 nanoseconds)
{
    const quint64 value = nanoseconds > 0 ? quint64(nanoseconds) : 0;
    ++m_buckets[size_t(indexOf(value))];
    ++m_count;
    m_max = std::max(m_max, qint64(value));
}

void LatencyHistogram::clear()
{
    m_buckets.fill(0);
    m_count = 0;
    m_max = 0;
}

qint64 LatencyHistogram::percentile(double fraction) const
{
    if (m_count == 0)
        return 0;
    const auto rank = std::max<quint64>(1, quint64(std::ceil(fraction * double(m_count))));
    quint64 seen = 0;
    for (int index = 0; index < kBuckets; ++index) {
        seen += m_buckets[size_t(index)];
        if (seen >= rank)
            return std::min(midpointOf(index), m_max);
    }
    return m_max;
}

int LatencyHistogram::indexOf(quint64 value)
{
    if (value < quint64(kLinear))
        return int(value);
    const int msb = std::bit_width(value) - 1; // >= 7
    const int shift = msb - 6;
    const int top = int(value >> shift); // 64..127
    return kLinear + (msb - 7) * kSubBuckets + (top - kSubBuckets);
}

qint64 LatencyHistogram::midpointOf(int index)
{
    if (index < kLinear)
        return index;
    const int msb = 7 + (index - kLinear) / kSubBuckets;
    const int shift = msb - 6;
    const quint64 top = quint64(kSubBuckets + (index - kLinear) % kSubBuckets);
    return qint64((top << shift) + (quint64(1) << shift) / 2);
}
