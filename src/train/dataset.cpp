#include "train/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "support/error.hpp"
#include "train/seeded_random.hpp"

namespace cogo::train {

std::vector<Pair> all_pairs(const AbelianGroup& g) {
    const std::size_t n = g.order();
    std::vector<Pair> pairs;
    pairs.reserve(n * n);
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y)
            pairs.push_back({static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y),
                             static_cast<std::uint32_t>(g.add(x, y))});
    return pairs;
}

std::size_t held_out_count(std::size_t pairs, double test_fraction) {
    return static_cast<std::size_t>(std::floor(test_fraction * static_cast<double>(pairs)));
}

Split split_pairs(const AbelianGroup& g, double test_fraction, std::uint64_t seed) {
    if (!(test_fraction >= 0.0 && test_fraction < 1.0))
        throw InvalidInput("test fraction must be in [0, 1), got " + std::to_string(test_fraction));
    std::vector<Pair> pairs = all_pairs(g);
    const std::size_t total = pairs.size();
    const std::size_t n_test = held_out_count(total, test_fraction);
    // Partial Fisher-Yates: the first n_test positions become a uniform random subset.
    std::mt19937_64 rng = seeded_stream(seed, 0);
    for (std::size_t i = 0; i < n_test; ++i) {
        const std::size_t j = i + static_cast<std::size_t>(uniform_below(rng, total - i));
        std::swap(pairs[i], pairs[j]);
    }
    auto by_input = [](const Pair& a, const Pair& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; };
    Split split;
    split.test.assign(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(n_test));
    split.train.assign(pairs.begin() + static_cast<std::ptrdiff_t>(n_test), pairs.end());
    std::sort(split.test.begin(), split.test.end(), by_input);
    std::sort(split.train.begin(), split.train.end(), by_input);
    return split;
}

}  // namespace cogo::train
