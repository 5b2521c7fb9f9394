// Tests of dynamics/dynamics_series.hpp: a snapshot of exact constructions (their block orders and families
// are known by construction: z_F4/6 has order-4 z_{nu=i}*z_xi blocks at every frequency but k0 and an order-6
// z_nu*z_syn block there), the node assignment alone, the tables and the figures.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

#include "analyze/fourier_weights.hpp"
#include "construct/global_solutions.hpp"
#include "dynamics/dynamics_series.hpp"
#include "scalar/cyclotomic.hpp"
#include "support/error.hpp"

using namespace cogo;

namespace {

NetworkWeights<double> weights_of(const Element<Cyclotomic>& z) {
    return analyze::inverse_transform(analyze::dense_fourier(z));
}

double squared(const Matrix<double>& m) {
    double s = 0;
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) s += m(i, j) * m(i, j);
    return s;
}

}  // namespace

TEST_CASE("snapshot of z_F4/6 on Z_11: orders 4 and 6, families as constructed, every node live") {
    const AbelianGroup g = AbelianGroup::cyclic(11);
    const Element<Cyclotomic> z = f46<Cyclotomic>(g);
    const NetworkWeights<double> w = weights_of(z);
    const DynamicsSnapshot s = dynamics_snapshot(g, w, 7, true);
    CHECK(s.step == 7);
    CHECK(s.classified);
    REQUIRE(s.order.size() == 5);
    CHECK(s.live == z.order());
    std::size_t fours = 0, sixes = 0;
    for (std::size_t i = 0; i < 5; ++i) {
        if (s.order[i] == 4) {
            ++fours;
            CHECK(s.family[i] == analyze::BlockFamily::nui_xi);
        } else {
            CHECK(s.order[i] == 6);
            ++sixes;
            CHECK(s.family[i] == analyze::BlockFamily::nu_syn);
        }
    }
    CHECK(fours == 4);
    CHECK(sixes == 1);
    CHECK(s.weight_norm2 == doctest::Approx(squared(w.wa) + squared(w.wb) + squared(w.v)));
    // without classification: the same orders from the node assignment, families unknown
    const DynamicsSnapshot a = dynamics_snapshot(g, w, 7, false);
    CHECK_FALSE(a.classified);
    CHECK(a.order == s.order);
    CHECK(a.live == s.live);
}

TEST_CASE("tables and figures: CSV rows, JSON fields, SVG documents; an empty series is refused") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    std::vector<DynamicsSnapshot> series;
    for (std::size_t step : {0u, 10u, 100u, 1000u}) series.push_back(dynamics_snapshot(g, weights_of(f6<Cyclotomic>(g)), step, true));
    const std::string csv = dynamics_csv(series);
    std::istringstream lines(csv);
    std::size_t count = 0;
    std::string first;
    for (std::string line; std::getline(lines, line); ++count)
        if (count == 1) first = line;
    CHECK(count == 1 + 4 * 3);
    CHECK(first.rfind("0,1,6,z_nu*z_syn,", 0) == 0);
    const nlohmann::json j = dynamics_json(g, series);
    CHECK(j.at("steps").size() == 4);
    CHECK(j.at("steps")[2].at("frequencies")[1].at("k") == 2);
    const std::string p = potentials_svg(series, "test"), b = blocks_svg(series, "test");
    for (const std::string* svg : {&p, &b}) {
        CHECK(svg->rfind("<svg", 0) == 0);
        CHECK(svg->find("</svg>") != std::string::npos);
        CHECK(svg->find("k = 3") != std::string::npos);
    }
    CHECK_THROWS_AS((void)potentials_svg({}, "x"), InvalidInput);
    CHECK_THROWS_AS((void)blocks_svg({}, "x"), InvalidInput);
}
