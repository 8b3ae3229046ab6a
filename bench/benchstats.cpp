#include "benchstats.h"

#include <algorithm>
#include <numeric>

namespace bench {

namespace {
double atRank(const std::vector<double> &sorted, double q)
{
    const size_t index = std::min(sorted.size() - 1, size_t(q * double(sorted.size() - 1) + 0.5));
    return sorted[index];
}
} // namespace

double percentile(std::vector<double> values, double q)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return atRank(values, q);
}

Stats summarize(std::vector<double> values)
{
    Stats s;
    if (values.empty()) {
        return s;
    }
    std::sort(values.begin(), values.end());
    s.p50 = atRank(values, 0.5);
    s.p99 = atRank(values, 0.99);
    s.max = values.back();
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    s.n = values.size();
    return s;
}

} // namespace bench
