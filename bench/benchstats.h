#pragma once

#include <cstddef>
#include <vector>

// Latency figures shared by the bench targets.
namespace bench {

struct Stats
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;
    size_t n = 0;
};

// Nearest rank on the sorted values (index round(q × (n − 1)), q in 0..1); 0 for no values.
double percentile(std::vector<double> values, double q);

// p50, p99, max and mean of the values; all 0 for none.
Stats summarize(std::vector<double> values);

} // namespace bench
