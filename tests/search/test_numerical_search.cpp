/// \file test_numerical_search.cpp
/// search/numerical_search.hpp: zero-mean runs stay zero-mean (regression: the damped step of
/// Levenberg-Marquardt used to leave the zero-mean subspace, giving input rows with sums near 0.1); the
/// reported loss is the loss of the returned weights; bad sizes are refused.
#include <doctest/doctest.h>

#include <cmath>

#include "search/numerical_search.hpp"
#include "support/error.hpp"

using namespace cogo;
using namespace cogo::search;

TEST_CASE("zero-mean runs return zero-mean networks whose loss is the reported one") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    SearchOptions o;
    o.width = 6;
    o.dc_inputs = false;
    o.seeds = {1, 2, 3};
    o.max_iterations = 60;
    o.refine_runs = 0;
    for (const RunResult& r : numerical_search(g, o)) {
        double worst = 0;
        for (const auto* rows : {&r.network.wa, &r.network.wb})
            for (std::size_t j = 0; j < o.width; ++j) {
                double s = 0;
                for (std::size_t x = 0; x < 5; ++x) s += (*rows)[j * 5 + x];
                worst = std::max(worst, std::abs(s));
            }
        CHECK(worst < 1e-12);
        CHECK(std::abs(float_loss(g, r.network) - r.loss) <= 1e-9 * (1 + r.loss));
        CHECK(r.loss < 4.0 / 5);  // below the loss of the zero network, (n-1)/n
    }
}

TEST_CASE("numerical_search refuses empty or oversized problems") {
    SearchOptions o;
    o.width = 3;
    CHECK_THROWS_AS((void)numerical_search(AbelianGroup::cyclic(3), o), InvalidInput);  // no seeds
    o.seeds = {1};
    o.width = 0;
    CHECK_THROWS_AS((void)numerical_search(AbelianGroup::cyclic(3), o), InvalidInput);
    o.width = 30;
    CHECK_THROWS_AS((void)numerical_search(AbelianGroup::cyclic(16), o), InvalidInput);  // 3 q n > 1200
}
