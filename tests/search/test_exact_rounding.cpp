/// \file test_exact_rounding.cpp
/// search/exact_rounding.hpp: a known exact solution, moved by the per-node scale and shift gauges and turned
/// into float64 weights, rounds back to a PROVED network whose certificate the independent checker accepts;
/// a perturbed one does not round; the recognizer finds the values it should and refuses the others.
#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <numbers>

#include "algebra/real_weights.hpp"
#include "construct/global_solutions.hpp"
#include "algebra/loss.hpp"
#include "scalar/float.hpp"
#include "search/exact_rounding.hpp"
#include "search/pinning.hpp"
#include "verify/certificate_checker.hpp"

using namespace cogo;
using namespace cogo::search;

namespace {

/// Float weights of z, with node j scaled by t_j and shifted by s_j (both gauges leave the loss unchanged).
FloatNetwork gauged_float_network(const Element<Cyclotomic>& z, double noise) {
    const NetworkWeights<Cyclotomic> w = to_real_weights(z);
    const std::size_t n = z.group().order(), q = z.order();
    FloatNetwork f{n, q, {}, {}, {}};
    f.wa.resize(q * n);
    f.wb.resize(q * n);
    f.v.resize(n * q);
    for (std::size_t j = 0; j < q; ++j) {
        const double t = (j % 2 ? -1.0 : 1.0) * (0.6 + 0.37 * static_cast<double>(j)), s = 0.25 * static_cast<double>(j) - 0.4;
        for (std::size_t x = 0; x < n; ++x) {
            f.wa[j * n + x] = t * (w.wa(j, x).to_complex().real() + s) + noise * static_cast<double>(x + 1);
            f.wb[j * n + x] = t * (w.wb(j, x).to_complex().real() - s);
            f.v[x * q + j] = w.v(x, j).to_complex().real() / (t * t);
        }
    }
    return f;
}

}  // namespace

TEST_CASE("a gauge-moved syn_dc on Z_3 rounds back to a PROVED 3-node network with an accepted certificate") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    const Element<Cyclotomic> z = syn_dc_solution<Cyclotomic>(g, Cyclotomic(1), {Cyclotomic(1)});
    REQUIRE(z.order() == 3);
    const RoundingResult r = round_candidate(g, gauged_float_network(z, 0), cyclotomic_recognizer(24), 1e-7, "test");
    REQUIRE_MESSAGE(r.proved, r.failure);
    CHECK(r.element->order() == 3);
    CHECK(r.max_snap_error < 1e-9);
    const CertificateCheck check = check_certificate(r.certificate);
    CHECK(check.accepted());
    CHECK(check.verdict == "PROVED");
}

TEST_CASE("z_F6 on Z_5 (zero-mean, 12 nodes) rounds back to a PROVED network") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const Element<Cyclotomic> z = f6<Cyclotomic>(g);
    const RoundingResult r = round_candidate(g, gauged_float_network(z, 0), cyclotomic_recognizer(120), 1e-7, "test");
    REQUIRE_MESSAGE(r.proved, r.failure);
    CHECK(r.element->order() == 12);
    CHECK(check_certificate(r.certificate).accepted());
}

TEST_CASE("a perturbed candidate is not reported as a solution") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    const Element<Cyclotomic> z = syn_dc_solution<Cyclotomic>(g, Cyclotomic(1), {Cyclotomic(1)});
    const RoundingResult r = round_candidate(g, gauged_float_network(z, 1e-4), cyclotomic_recognizer(24), 1e-7, "test");
    CHECK_FALSE(r.proved);
    CHECK_FALSE(r.element.has_value());
    CHECK(r.certificate.empty());
    CHECK_FALSE(r.failure.empty());
}

TEST_CASE("the cyclotomic recognizer") {
    const Recognizer rec = cyclotomic_recognizer(24);
    const double pi = std::numbers::pi;
    // (3/4) zeta_12^5, recognised exactly
    const std::complex<double> v = 0.75 * std::polar(1.0, 2 * pi * 5 / 12);
    const auto e = rec(v, 1e-9);
    REQUIRE(e.has_value());
    CHECK(*e == Cyclotomic::rational(3, 4) * Cyclotomic::zeta(12, 5));
    // a Gaussian rational that is not a rational multiple of a root of unity of order 24
    const auto gr = rec({1.0 / 3, 2.0 / 5}, 1e-9);
    REQUIRE(gr.has_value());
    CHECK(*gr == Cyclotomic::rational(1, 3) + Cyclotomic::rational(2, 5) * Cyclotomic::zeta(4, 1));
    CHECK(rec({1e-12, 0}, 1e-9) == std::optional<Cyclotomic>(Cyclotomic{}));
    // sqrt(2) + i pi: neither form
    CHECK_FALSE(rec({std::sqrt(2.0), pi}, 1e-9).has_value());
}

TEST_CASE("pinning moves a generic member of the z_nu z_syn family (nu not a root of unity) to a certified one") {
    // z_F6 on Z_3 with nu = exp(0.3 i): loss 0, but nu is not recognisable; pinning moves nu to a simple value
    const AbelianGroup g = AbelianGroup::cyclic(3);
    const Element<Complex> z = f6<Complex>(g, {std::polar(1.0, 0.3)});
    const NetworkWeights<Complex> w = to_real_weights(z);
    FloatNetwork f{3, z.order(), {}, {}, {}};
    for (std::size_t j = 0; j < z.order(); ++j)
        for (std::size_t x = 0; x < 3; ++x) {
            f.wa.push_back(w.wa(j, x).real());
            f.wb.push_back(w.wb(j, x).real());
        }
    for (std::size_t m = 0; m < 3; ++m)
        for (std::size_t j = 0; j < z.order(); ++j) f.v.push_back(w.v(m, j).real());
    CHECK(float_loss(g, f) < 1e-25);
    CHECK_FALSE(round_candidate(g, f, cyclotomic_recognizer(24), 1e-7, "test").proved);
    const PinningResult pin = pin_inputs(g, f, false);
    INFO("pinned " << pin.pinned << " of " << pin.entries);
    CHECK(pin.loss < 1e-22);
    const RoundingResult r = round_candidate(g, pin.network, cyclotomic_recognizer(24), 1e-7, "test");
    REQUIRE_MESSAGE(r.proved, r.failure);
    CHECK(r.element->order() == 6);
    CHECK_FALSE(has_dc_inputs(*r.element));
    CHECK(check_certificate(r.certificate).accepted());
}
