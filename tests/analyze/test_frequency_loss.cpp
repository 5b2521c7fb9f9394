// The per-output-frequency function distance D_k against a brute-force evaluation of the all-pairs loss.
#include <doctest/doctest.h>

#include <random>

#include "analyze/frequency_loss.hpp"
#include "construct/global_solutions.hpp"
#include "harness/analysis_cases.hpp"
#include "harness/random.hpp"

using namespace cogo;
using namespace cogo::analyze;

namespace {

/// mean over all n^2 pairs of || P (o(x, y) - e_{x+y}) ||^2, straight from docs/theory.md section 1.
double brute_force_loss(const AbelianGroup& g, const NetworkWeights<double>& w) {
    const std::size_t n = g.order(), q = w.wa.rows();
    double total = 0;
    std::vector<double> o(n);
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y) {
            double mean = 0;
            for (std::size_t m = 0; m < n; ++m) {
                o[m] = 0;
                for (std::size_t j = 0; j < q; ++j) {
                    const double h = w.wa(j, x) + w.wb(j, y);
                    o[m] += w.v(m, j) * h * h;
                }
                if (m == g.add(x, y)) o[m] -= 1;
                mean += o[m] / static_cast<double>(n);
            }
            for (std::size_t m = 0; m < n; ++m) total += (o[m] - mean) * (o[m] - mean);
        }
    return total / static_cast<double>(n * n);
}

}  // namespace

TEST_CASE("frequency losses sum to the brute-force all-pairs loss (random weights, cyclic, even and product groups)") {
    auto rng = cogo::testing::rng(0xF10);
    std::normal_distribution<double> gauss(0.0, 1.0);
    for (const char* spec : {"5", "6", "7", "2x4", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order(), q = 9;
        NetworkWeights<double> w{Matrix<double>(q, n), Matrix<double>(q, n), Matrix<double>(n, q)};
        for (std::size_t j = 0; j < q; ++j)
            for (std::size_t x = 0; x < n; ++x) {
                w.wa(j, x) = gauss(rng);
                w.wb(j, x) = gauss(rng);
                w.v(x, j) = 0.1 * gauss(rng);
            }
        const std::vector<double> D = frequency_losses(fourier_transform(g, w));
        CAPTURE(spec);
        REQUIRE(D.size() == n);
        CHECK(D[0] == 0.0);
        const double brute = brute_force_loss(g, w);
        CHECK(all_pairs_loss(D) == doctest::Approx(brute).epsilon(1e-9));
        for (std::size_t k = 1; k < n; ++k) CHECK(D[k] == doctest::Approx(D[g.neg(k)]).epsilon(1e-9));
    }
}

TEST_CASE("an exact global optimum has D_k = 0 at every output; one scaled node raises exactly its frequency") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const Element<Cyclotomic> z = f6<Cyclotomic>(g);
    FourierWeights f = dense_fourier(z);
    for (double d : frequency_losses(f)) CHECK(d < 1e-20);
    // node 0 sits at k = 1: doubling its c-row changes T only at output +-1
    for (std::size_t k = 0; k < g.order(); ++k) f.zc(k, 0) *= 2;
    const std::vector<double> D = frequency_losses(f);
    CHECK(D[1] > 1e-3);
    CHECK(D[6] == doctest::Approx(D[1]));
    for (std::size_t k : {2, 3, 4, 5}) CHECK(D[k] < 1e-20);
    CHECK(all_pairs_loss(D) == doctest::Approx(brute_force_loss(g, inverse_transform(f))).epsilon(1e-9));
}
