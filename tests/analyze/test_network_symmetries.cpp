// The symmetries of analyze/network_symmetries.hpp preserve the task loss (checked by brute force on random
// weights, whose loss is far from 0, so a wrong map shows), random automorphisms are automorphisms (counted
// against |Aut| of small groups computed independently), and bad arguments are refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "analyze/network_symmetries.hpp"
#include "support/error.hpp"

using namespace cogo;
using namespace cogo::analyze;

namespace {

NetworkWeights<double> random_weights(std::size_t q, std::size_t n, std::mt19937_64& rng) {
    std::normal_distribution<double> gauss(0.0, 1.0);
    NetworkWeights<double> w{Matrix<double>(q, n), Matrix<double>(q, n), Matrix<double>(n, q)};
    for (Matrix<double>* m : {&w.wa, &w.wb, &w.v})
        for (std::size_t i = 0; i < m->rows(); ++i)
            for (std::size_t x = 0; x < m->cols(); ++x) (*m)(i, x) = gauss(rng);
    return w;
}

}  // namespace

TEST_CASE("every symmetry preserves the brute-force task loss of random weights") {
    std::mt19937_64 rng(0x5E11);
    for (const char* spec : {"5", "6", "2x2", "2x4", "3x3", "2x2x2"}) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order(), q = 7;
        const NetworkWeights<double> w = random_weights(q, n, rng);
        const double l0 = brute_force_loss(g, w);
        REQUIRE(l0 > 1.0);
        auto same = [&](const NetworkWeights<double>& x) {
            CHECK(brute_force_loss(g, x) == doctest::Approx(l0).epsilon(1e-9));
        };
        same(scale_gauge(w, {1e-3, -2, 5, 1e3, -0.5, 1, 7}));
        same(shift_gauge(w, {0.5, -3, 10, 0, 1, 2, -1}));
        same(permute_nodes(w, {3, 1, 0, 6, 2, 5, 4}));
        same(add_dead_nodes(w, 3, 0.0, rng));
        for (std::size_t t1 = 0; t1 < n; t1 += 3)
            for (std::size_t t2 = 0; t2 < n; t2 += 2) same(translate_inputs(g, w, t1, t2));
        for (int i = 0; i < 5; ++i) {
            const std::vector<std::size_t> phi = random_automorphism(g, rng);
            CHECK(is_automorphism(g, phi));
            same(apply_automorphism(g, w, phi));
        }
        same(conjugate_network(g, w));
        // a map that is not a symmetry changes the loss: translating only the first input
        NetworkWeights<double> moved = w;
        for (std::size_t j = 0; j < q; ++j)
            for (std::size_t x = 0; x < n; ++x) moved.wa(j, x) = w.wa(j, g.add(x, 1));
        CHECK(std::abs(brute_force_loss(g, moved) - l0) > 1e-6);
    }
}

TEST_CASE("random automorphisms cover Aut(G) (sizes computed by brute force over all maps of the generators)") {
    std::mt19937_64 rng(0x5E12);
    // |Aut(Z_n)| = phi(n); |Aut(Z_2 x Z_2)| = 6; |Aut(Z_2 x Z_4)| = 8; |Aut(Z_3 x Z_3)| = 48
    const std::pair<const char*, std::size_t> cases[] = {{"5", 4}, {"12", 4}, {"2x2", 6}, {"2x4", 8}, {"3x3", 48}};
    for (const auto& [spec, size] : cases) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        std::set<std::vector<std::size_t>> seen;
        for (int i = 0; i < 2000; ++i) seen.insert(random_automorphism(g, rng));
        CHECK(seen.size() == size);
        for (const auto& phi : seen) CHECK(is_automorphism(g, phi));
    }
    const AbelianGroup g = AbelianGroup::parse("6");
    CHECK_FALSE(is_automorphism(g, {0, 2, 4, 0, 2, 4}));  // x -> 2x: not bijective
    CHECK_FALSE(is_automorphism(g, {0, 1, 2, 3, 5, 4}));  // bijective, not a homomorphism
    CHECK(is_automorphism(g, {0, 5, 4, 3, 2, 1}));
}

TEST_CASE("random gauges and permutations: in their documented ranges, and the maps accept them") {
    std::mt19937_64 rng(0x5E14);
    const NetworkWeights<double> w = random_weights(40, 5, rng);
    const std::vector<double> t = random_scales(40, rng);
    REQUIRE(t.size() == 40);
    bool positive = false, negative = false, small = false, large = false;
    for (const double x : t) {
        CHECK(std::abs(std::log10(std::abs(x))) <= 6.0);
        positive = positive || x > 0;
        negative = negative || x < 0;
        small = small || std::abs(x) < 1e-2;
        large = large || std::abs(x) > 1e2;
    }
    CHECK((positive && negative && small && large));  // 40 draws: each has chance below 1e-7 to be missing
    const std::vector<double> s = random_shifts(w, rng);
    REQUIRE(s.size() == 40);
    for (std::size_t j = 0; j < 40; ++j) {
        double top = 0;
        for (std::size_t x = 0; x < 5; ++x) top = std::max({top, std::abs(w.wa(j, x)), std::abs(w.wb(j, x))});
        CHECK(std::abs(s[j]) <= 3 * top);
    }
    std::vector<std::size_t> p = random_permutation(40, rng);
    CHECK_NOTHROW((void)permute_nodes(w, p));
    std::vector<std::size_t> sorted = p;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t j = 0; j < 40; ++j) CHECK(sorted[j] == j);
    CHECK(p != sorted);  // the identity has chance 1/40!
    CHECK_NOTHROW((void)scale_gauge(w, t));
    CHECK_NOTHROW((void)shift_gauge(w, s));
}

TEST_CASE("bad arguments are refused") {
    std::mt19937_64 rng(0x5E13);
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const NetworkWeights<double> w = random_weights(3, 5, rng);
    CHECK_THROWS_AS((void)scale_gauge(w, {1, 0, 1}), InvalidInput);
    CHECK_THROWS_AS((void)scale_gauge(w, {1, 1}), InvalidInput);
    CHECK_THROWS_AS((void)shift_gauge(w, {1, NAN, 1}), InvalidInput);
    CHECK_THROWS_AS((void)permute_nodes(w, {0, 0, 1}), InvalidInput);
    CHECK_THROWS_AS((void)permute_nodes(w, {0, 1, 3}), InvalidInput);
    CHECK_THROWS_AS((void)translate_inputs(g, w, 5, 0), InvalidInput);
    CHECK_THROWS_AS((void)apply_automorphism(g, w, {0, 2, 4, 1, 4}), InvalidInput);
    CHECK_THROWS_AS((void)apply_automorphism(AbelianGroup::cyclic(6), w, {0, 1, 2, 3, 4, 5}), ShapeMismatch);
}
