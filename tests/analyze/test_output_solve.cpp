// Exact output rows by linear algebra (analyze/output_solve.hpp) and the canonical gauge (analyze/gauge.hpp).
#include <doctest/doctest.h>

#include "analyze/gauge.hpp"
#include "analyze/output_solve.hpp"
#include "construct/any_group_solutions.hpp"
#include "harness/random.hpp"
#include "verify/verify.hpp"

using namespace cogo;
using namespace cogo::analyze;

TEST_CASE("solve_outputs recovers the smallest solution's real-frequency outputs on Z_4 from its inputs alone") {
    const AbelianGroup g = AbelianGroup::cyclic(4);
    const Element<Cyclotomic> z = minimal_solution<Cyclotomic>(g, {turn_value<Cyclotomic>(make_turn(1, 8))}, {1});
    std::vector<Node<Cyclotomic>> fixed, real;
    for (const auto& node : z.nodes()) {
        const bool at_real = !node.a.empty() && node.a.front().first == 2;
        (at_real ? real : fixed).push_back(node);
    }
    REQUIRE(real.size() == 2);
    std::vector<Node<Cyclotomic>> inputs = real;
    std::vector<std::vector<std::complex<double>>> trained(real.size(), std::vector<std::complex<double>>(4));
    for (std::size_t j = 0; j < real.size(); ++j) {
        for (std::size_t m = 1; m < 4; ++m) trained[j][m] = real[j].entry(Part::c, m).to_complex();
        inputs[j].c.clear();
    }
    const OutputSolution s = solve_outputs(Element<Cyclotomic>(g, fixed), inputs, trained, 1e-9);
    REQUIRE(s.failure.empty());
    for (std::size_t j = 0; j < real.size(); ++j)
        for (std::size_t m = 1; m < 4; ++m) {
            const Cyclotomic* v = find_entry(s.c[j], m);
            CHECK((v ? *v : Cyclotomic()) == real[j].entry(Part::c, m));
        }
    std::vector<Node<Cyclotomic>> all = fixed;
    for (std::size_t j = 0; j < real.size(); ++j) all.push_back({inputs[j].a, inputs[j].b, s.c[j]});
    CHECK(verify_global_optimum(Element<Cyclotomic>(g, all)).verdict == Verdict::proved);
}

TEST_CASE("solve_outputs reports an inconsistent system: one node (1, 1/2) on Z_2 cannot meet the 1-set and the bias") {
    // T_1(1,1) = c / 2 must be 1, and the bias (1 + 1/4) c / 2 must be 0: no c does both
    const AbelianGroup g = AbelianGroup::cyclic(2);
    Node<Cyclotomic> node;
    node.a.emplace_back(1, Cyclotomic(1));
    node.b.emplace_back(1, Cyclotomic::rational(1, 2));
    const OutputSolution s = solve_outputs(Element<Cyclotomic>(g), {node}, {{{0, 0}, {2, 0}}}, 1.0);
    CHECK_FALSE(s.failure.empty());
    CHECK(s.c.empty());
}

TEST_CASE("canonical_gauge: the same Fourier form (up to a node sign) after per-node scales and shifts") {
    auto rng = cogo::testing::rng(0x6A06);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::uniform_real_distribution<double> u(-6.0, 6.0);
    const AbelianGroup g = AbelianGroup::cyclic(5);
    NetworkWeights<double> w{Matrix<double>(3, 5), Matrix<double>(3, 5), Matrix<double>(5, 3)};
    for (std::size_t j = 0; j < 3; ++j)
        for (std::size_t x = 0; x < 5; ++x) w.wa(j, x) = gauss(rng), w.wb(j, x) = gauss(rng), w.v(x, j) = gauss(rng);
    NetworkWeights<double> t = w;
    for (std::size_t j = 0; j < 3; ++j) {
        const double s = 10 * gauss(rng), f = std::pow(10.0, u(rng));
        for (std::size_t x = 0; x < 5; ++x) {
            t.wa(j, x) = f * (w.wa(j, x) + s);
            t.wb(j, x) = f * (w.wb(j, x) - s);
            t.v(x, j) = w.v(x, j) / (f * f);
        }
    }
    const GaugedWeights a = canonical_gauge(g, w), b = canonical_gauge(g, t);
    for (std::size_t j = 0; j < 3; ++j)
        for (std::size_t k = 0; k < 5; ++k) {
            CHECK(std::abs(a.z.za(k, j) - b.z.za(k, j)) < 1e-9);
            CHECK(std::abs(a.z.zb(k, j) - b.z.zb(k, j)) < 1e-9);
            CHECK(std::abs(a.z.zc(k, j) - b.z.zc(k, j)) < 1e-9 * (1 + std::abs(a.z.zc(k, j))));
            CHECK(std::abs(a.z.za(0, j) - a.z.zb(0, j)) < 1e-12);  // equal input means
        }
    CHECK(a.overflowing.empty());
}
