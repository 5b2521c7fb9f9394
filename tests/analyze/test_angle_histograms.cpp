// Fitted parameters in turns modulo their symmetries (analyze/angle_histograms.hpp): the float canonical form
// agrees with the exact one of analyze/classify.hpp on every member of an orbit, and the SVG has the panels,
// units and reference lines.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "analyze/angle_histograms.hpp"
#include "analyze/classify.hpp"
#include "analyze/sweep_table.hpp"
#include "scalar/turn.hpp"

using namespace cogo;
using namespace cogo::analyze;

namespace {
double as_double(const Turn& t) { return static_cast<double>(t.num) / static_cast<double>(t.den); }
nlohmann::json block(const char* family, nlohmann::json found, nlohmann::json snapped, nlohmann::json canonical) {
    return {{"family", family}, {"params_found", found}, {"params_snapped", snapped}, {"params", canonical}};
}
}  // namespace

TEST_CASE("fold_nu_turns: nu, w nu, -nu, conj nu give one value in [0, 1/12]") {
    for (double nu : {0.01, 0.05, 0.07, 0.3, -0.2}) {
        const double c = fold_nu_turns(nu);
        CHECK(c >= 0);
        CHECK(c <= 1.0 / 12 + 1e-15);
        for (double image : {nu + 1.0 / 3, nu + 0.5, -nu, -nu + 1.0 / 3 + 0.5, nu - 7.0 / 6})
            CHECK(std::abs(fold_nu_turns(image) - c) < 1e-12);
    }
    // exact agreement with canonical_nu on rational turns (an independent path: exact arithmetic)
    for (long p = -30; p <= 30; ++p) {
        const Turn t = make_turn(p, 24);
        CHECK(std::abs(fold_nu_turns(as_double(t)) - as_double(canonical_nu(t))) < 1e-12);
    }
    CHECK(std::abs(fold_nu_turns(0.25) - 1.0 / 12) < 1e-12);  // nu = i sits at the end of the domain
}

TEST_CASE("canonical_found_turns: xi modulo i, with the sign of the rounding; matches canonical_xi") {
    std::mt19937_64 rng(0xA9);
    std::uniform_int_distribution<long> num(-47, 47);
    for (int t = 0; t < 200; ++t) {
        const Turn snapped = make_turn(num(rng), 48);
        const int sign = t % 2 ? 1 : -1;
        const auto [canon, s] = canonical_xi(snapped, sign);
        const double noise = 1e-3 * ((t % 5) - 2);
        const auto out = canonical_found_turns(block("z_nui*z_xi", {{"xi", as_double(snapped) + noise}, {"omega/s", 0.0}},
                                                     {{"xi", to_string(snapped)}}, {{"xi", to_string(canon)}, {"sign", s}}));
        REQUIRE(out.count("xi") == 1);
        CAPTURE(to_string(snapped));
        CAPTURE(sign);
        // distance on the circle of circumference 1/4 from the exact canonical value is the noise (up to sign
        // where both signs give the same canonical value)
        double diff = std::fmod(out.at("xi") - as_double(canon) + 1.125, 0.25) - 0.125;
        CHECK(std::abs(std::abs(diff) - std::abs(noise)) < 1e-9);
        CHECK(out.at("xi") >= 0);
        CHECK(out.at("xi") < 0.25);
    }
    // the paper's cluster values +-pi/4, +-3pi/4 all land on 1/8 turn
    for (double xi : {0.125, -0.125, 0.375, -0.375}) {
        const Turn snapped = make_turn(static_cast<long>(std::lround(xi * 8)), 8);
        const auto [canon, s] = canonical_xi(snapped, 1);
        const auto out = canonical_found_turns(block("z_nui*z_xi", {{"xi", xi}}, {{"xi", to_string(snapped)}},
                                                     {{"xi", to_string(canon)}}));
        CHECK(std::abs(out.at("xi") - 0.125) < 1e-12);
    }
}

TEST_CASE("canonical_found_turns: alpha, beta land on the exact canonical pair of their orbit") {
    std::mt19937_64 rng(0xAB);
    std::uniform_int_distribution<long> num(0, 23);
    for (int t = 0; t < 100; ++t) {
        const Turn a = make_turn(num(rng), 24), b = make_turn(num(rng), 24);
        const auto [ca, cb] = canonical_alpha_beta(a, b);
        const auto out = canonical_found_turns(block("z_nui*z_synab", {{"alpha", as_double(a) + 2e-4}, {"beta", as_double(b) - 1e-4}},
                                                     {{"alpha", to_string(a)}, {"beta", to_string(b)}},
                                                     {{"alpha", to_string(ca)}, {"beta", to_string(cb)}}));
        REQUIRE(out.size() == 2);
        auto near = [](double x, double y) {
            const double d = std::fmod(x - y + 1.125, 0.25) - 0.125;
            return std::abs(d) < 1e-3;
        };
        CAPTURE(to_string(a));
        CAPTURE(to_string(b));
        CHECK(near(out.at("alpha"), as_double(ca)));
        CHECK(near(out.at("beta"), as_double(cb)));
    }
    CHECK(canonical_found_turns(block("unknown", {}, {}, {})).empty());
    CHECK(canonical_found_turns(nlohmann::json::array()).empty());
    CHECK(canonical_found_turns(block("z_nu*z_syn", {{"nu", "not a number"}}, {}, {})).empty());
}

TEST_CASE("angle_histograms_svg: panels in turns with the paper's reference values") {
    RunShares r;
    r.canonical_turns["xi"] = {0.124, 0.126, 0.125};
    r.canonical_turns["nu"] = {0.01, 0.05};
    r.block_orders = {4, 4, 4, 6, 6};
    const std::string svg = angle_histograms_svg({r});
    CHECK(svg.find("viewBox=") != std::string::npos);
    CHECK(svg.find("arg xi of the order-4 blocks z_{nu=i} * z_xi (3 values)") != std::string::npos);
    CHECK(svg.find("arg nu of the order-6 blocks z_nu * z_syn (free parameter: flat expected) (2 values)") != std::string::npos);
    CHECK(svg.find("arg xi in turns, modulo 1/4") != std::string::npos);
    CHECK(svg.find("1/8: xi⁴ = -1") != std::string::npos);
    CHECK(svg.find(">1/16</text>") != std::string::npos);
    CHECK(svg.find(">1/12</text>") != std::string::npos);
    CHECK(svg.find("block orders (nodes per frequency block, all runs) (5 values)") != std::string::npos);
    CHECK(svg.find("pi") == std::string::npos);  // no radians anywhere
}
