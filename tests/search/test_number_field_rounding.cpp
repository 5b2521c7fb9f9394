/// \file test_number_field_rounding.cpp
/// search/number_field_rounding.hpp: float64 weights of z_F6 on Z_3 with a non-cyclotomic nu are rounded
/// over a number field K to a PROVED network whose cogo-certificate-nf the independent checker accepts;
/// a generic member of the nu family is first moved to a rational slice; a perturbed candidate is refused
/// with no certificate; a mutated certificate is rejected.
#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "algebra/real_weights.hpp"
#include "construct/global_solutions.hpp"
#include "scalar/float.hpp"
#include "search/number_field_rounding.hpp"
#include "verify/certificate_checker.hpp"

using namespace cogo;
using namespace cogo::search;

namespace {

/// The float64 weights of z_F6(nu) on g.
FloatNetwork f6_network(const AbelianGroup& g, std::complex<double> nu) {
    const Element<Complex> z = f6<Complex>(g, {nu});
    const NetworkWeights<Complex> w = to_real_weights(z);
    const std::size_t n = g.order(), q = z.order();
    FloatNetwork f{n, q, std::vector<double>(q * n), std::vector<double>(q * n), std::vector<double>(n * q)};
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            f.wa[j * n + x] = w.wa(j, x).real();
            f.wb[j * n + x] = w.wb(j, x).real();
            f.v[x * q + j] = w.v(x, j).real();
        }
    return f;
}

}  // namespace

TEST_CASE("z_F6 on Z_3 with nu = 1/3 + (2 sqrt 2 / 3) i is PROVED over a number field and its certificate accepted") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    const FloatNetwork w = f6_network(g, {1.0 / 3, 2 * std::sqrt(2.0) / 3});
    REQUIRE(float_loss(g, w) < 1e-28);
    // nu is not a root of unity: the cyclotomic path has nothing to offer for its entries
    const NumberFieldRounding r = round_in_number_field(g, w, 24, "test");
    REQUIRE_MESSAGE(r.proved, r.failure);
    CHECK(r.free_entries > 0);
    CHECK(r.order == 6);
    CHECK(r.field_degree >= 2);
    CHECK(r.accuracy_bits > 500);
    const CertificateCheck check = check_certificate(r.certificate);
    CHECK(check.accepted());
    CHECK(check.verdict == "PROVED");
    auto j = nlohmann::json::parse(r.certificate);
    CHECK(j["format"] == "cogo-certificate-nf");
}

TEST_CASE("a generic member of the nu family is moved to a rational slice and PROVED there") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    const FloatNetwork w = f6_network(g, std::polar(1.0, 1.1));  // Re nu = 0.4536..., no small rational
    const NumberFieldRounding r = round_in_number_field(g, w, 24, "test");
    REQUIRE_MESSAGE(r.proved, r.failure);
    CHECK(r.slice_coordinates >= 1);
    CHECK(r.slice_moved >= 1);
    CHECK(check_certificate(r.certificate).accepted());
}

TEST_CASE("a perturbed candidate (1e-6 at one weight) is not PROVED and gets no certificate") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    FloatNetwork w = f6_network(g, {1.0 / 3, 2 * std::sqrt(2.0) / 3});
    w.wa[4] += 1e-6;
    const NumberFieldRounding r = round_in_number_field(g, w, 24, "test");
    CHECK_FALSE(r.proved);
    CHECK(r.certificate.empty());
    CHECK(r.failure.find("not a numerical zero") != std::string::npos);
    // with the loss gate opened, the refinement has to move the entry too far: still refused
    NumberFieldRoundingOptions o;
    o.max_start_loss = 1;
    const NumberFieldRounding r2 = round_in_number_field(g, w, 24, "test", o);
    CHECK_FALSE(r2.proved);
    CHECK(r2.certificate.empty());
    CHECK_FALSE(r2.failure.empty());
}

TEST_CASE("a mutated number-field certificate is rejected by the checker") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    const NumberFieldRounding r = round_in_number_field(g, f6_network(g, {1.0 / 3, 2 * std::sqrt(2.0) / 3}), 24, "test");
    REQUIRE(r.proved);
    nlohmann::json j = nlohmann::json::parse(r.certificate);
    // change one coefficient of the first node's first value
    bool changed = false;
    std::function<void(nlohmann::json&)> mutate = [&](nlohmann::json& x) {
        if (changed) return;
        if (x.is_string() && x.get<std::string>() == "1") {
            x = "2";
            changed = true;
        } else if (x.is_array() || x.is_object()) {
            for (auto& y : x) mutate(y);
        }
    };
    mutate(j["element"]);
    REQUIRE(changed);
    CHECK_FALSE(check_certificate(j.dump()).accepted());
}

TEST_CASE("bad options are refused") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    NumberFieldRoundingOptions o;
    o.precision_bits = 64;
    CHECK_THROWS_AS((void)round_in_number_field(g, f6_network(g, {0.6, 0.8}), 24, "test", o), InvalidInput);
    FloatNetwork bad{5, 1, {0}, {0}, {0}};
    CHECK_THROWS_AS((void)round_in_number_field(g, bad, 24, "test"), InvalidInput);
}
