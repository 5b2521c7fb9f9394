#pragma once
/// \file dataset.hpp
/// The training task of docs/theory.md section 1: all n^2 input pairs (x, y) of a finite Abelian group G,
/// labelled with x + y (the group law; flat element indices as in group/abelian_group.hpp), split at
/// random into a train and a test set.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "group/abelian_group.hpp"

namespace cogo::train {

/// One sample: inputs x, y (one-hot e_x, e_y) and the class x + y.
struct Pair {
    std::uint32_t x = 0, y = 0, target = 0;
    friend bool operator==(const Pair&, const Pair&) = default;
};

/// Train and test pairs, each sorted by (x, y).
struct Split {
    std::vector<Pair> train, test;
};

/// The number of held-out pairs of split_pairs: floor(test_fraction * pairs).
[[nodiscard]] std::size_t held_out_count(std::size_t pairs, double test_fraction);

/// Every pair of g, sorted by (x, y).
std::vector<Pair> all_pairs(const AbelianGroup& g);

/// A seeded random split: floor(test_fraction * n^2) pairs, drawn uniformly without replacement (Fisher-Yates
/// with seeded_stream(seed, 0)), are the test set, the rest the train set. Throws InvalidInput unless
/// 0 <= test_fraction < 1.
Split split_pairs(const AbelianGroup& g, double test_fraction, std::uint64_t seed);

}  // namespace cogo::train
