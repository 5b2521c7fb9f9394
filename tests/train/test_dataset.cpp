// The train/test split: sizes floor(f n^2), disjoint, covering all pairs, labels by the group law, seeded.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "support/error.hpp"
#include "train/dataset.hpp"

using namespace cogo;
using namespace cogo::train;

TEST_CASE("all_pairs: n^2 pairs labelled x + y by the group law (Z_7 and Z_2 x Z_4)") {
    const AbelianGroup z7 = AbelianGroup::cyclic(7);
    const auto pairs = all_pairs(z7);
    REQUIRE(pairs.size() == 49);
    for (const Pair& p : pairs) CHECK(p.target == (p.x + p.y) % 7);
    const AbelianGroup g = AbelianGroup::parse("2x4");
    for (const Pair& p : all_pairs(g)) {
        // flat index = 4 * (Z_2 coordinate) + (Z_4 coordinate)
        const unsigned a = (p.x / 4 + p.y / 4) % 2, b = (p.x % 4 + p.y % 4) % 4;
        CHECK(p.target == 4 * a + b);
    }
}

TEST_CASE("split_pairs: sizes, disjoint cover, sorted, reproducible per seed, different across seeds") {
    const AbelianGroup g = AbelianGroup::cyclic(23);
    const Split s = split_pairs(g, 0.1, 7);
    CHECK(s.test.size() == 52);  // floor(0.1 * 529)
    CHECK(s.train.size() == 529 - 52);
    std::set<std::pair<unsigned, unsigned>> seen;
    for (const auto* set : {&s.train, &s.test})
        for (const Pair& p : *set) CHECK(seen.insert({p.x, p.y}).second);
    CHECK(seen.size() == 529);
    auto by_input = [](const Pair& a, const Pair& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; };
    CHECK(std::is_sorted(s.train.begin(), s.train.end(), by_input));
    CHECK(std::is_sorted(s.test.begin(), s.test.end(), by_input));
    const Split again = split_pairs(g, 0.1, 7);
    CHECK(again.test == s.test);
    CHECK(again.train == s.train);
    CHECK(split_pairs(g, 0.1, 8).test != s.test);
    CHECK(split_pairs(g, 0.0, 7).test.empty());
    CHECK(split_pairs(g, 0.0, 7).train.size() == 529);
}

TEST_CASE("split_pairs: the test set is spread over the inputs (not a block)") {
    const AbelianGroup g = AbelianGroup::cyclic(31);
    const Split s = split_pairs(g, 0.5, 3);
    std::set<unsigned> xs;
    for (const Pair& p : s.test) xs.insert(p.x);
    CHECK(xs.size() == 31);
}

TEST_CASE("split_pairs: fractions outside [0, 1) are refused") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    CHECK_THROWS_AS(split_pairs(g, 1.0, 1), InvalidInput);
    CHECK_THROWS_AS(split_pairs(g, -0.1, 1), InvalidInput);
    CHECK_THROWS_AS(split_pairs(g, std::nan(""), 1), InvalidInput);
}
