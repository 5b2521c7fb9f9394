// Tests of dynamics/orbit_norm.hpp: the closed form against a brute-force minimisation over both gauges of
// the real weights' squared norm; gauge invariance; the exact cube; the derived table values at d = 23.
#include <doctest/doctest.h>

#include <cmath>
#include <complex>

#include "algebra/real_weights.hpp"
#include "algebra/transforms.hpp"
#include "construct/expression.hpp"
#include "construct/global_solutions.hpp"
#include "dynamics/orbit_norm.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;

namespace {

/// Squared norm of node j's real weights after the shift s and scale t: sum_x (t(W_a+s))^2 + (t(W_b-s))^2 + sum_m (V/t^2)^2.
double gauged_norm(const NetworkWeights<Cyclotomic>& w, std::size_t j, double s, double t) {
    double total = 0;
    for (std::size_t x = 0; x < w.wa.cols(); ++x) {
        const double a = to_complex(w.wa(j, x)).real() + s, b = to_complex(w.wb(j, x)).real() - s;
        total += t * t * (a * a + b * b);
    }
    for (std::size_t m = 0; m < w.v.rows(); ++m) {
        const double v = to_complex(w.v(m, j)).real() / (t * t);
        total += v * v;
    }
    return total;
}

/// Brute force: minimise over s (exactly quadratic: closed form per node is NOT used, a scan with
/// refinement is) and over t by golden-section search on log t.
double brute_node_norm(const NetworkWeights<Cyclotomic>& w, std::size_t j) {
    double best = 1e300;
    for (double s = -3; s <= 3; s += 0.01) best = std::min(best, gauged_norm(w, j, s, 1.0));
    // refine s by ternary search near the best scan point, then minimise t for that s
    double lo = -3, hi = 3;
    for (int it = 0; it < 200; ++it) {
        const double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
        if (gauged_norm(w, j, m1, 1.0) < gauged_norm(w, j, m2, 1.0)) hi = m2; else lo = m1;
    }
    const double s = (lo + hi) / 2;
    double a = -10, b = 10;  // log t
    for (int it = 0; it < 300; ++it) {
        const double m1 = a + (b - a) / 3, m2 = b - (b - a) / 3;
        if (gauged_norm(w, j, s, std::exp(m1)) < gauged_norm(w, j, s, std::exp(m2))) b = m2; else a = m1;
    }
    return gauged_norm(w, j, s, std::exp((a + b) / 2));
}

}  // namespace

TEST_CASE("closed form = brute-force minimisation over shift and scale, with DC entries (Z_5, Z_3 x Z_3)") {
    for (const char* spec : {"5", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        // nodes with DC input entries (a constant plus a frequency), from the DC-offset family and a product
        Element<Cyclotomic> z = evaluate_expression(g, "sum(nu(1/5)*syn)/6");
        std::vector<Node<Cyclotomic>> nodes = z.nodes();
        nodes[0].a.insert(nodes[0].a.begin(), {0, Cyclotomic::rational(3, 4)});
        nodes[1].b.insert(nodes[1].b.begin(), {0, Cyclotomic::rational(-1, 3)});
        z = Element<Cyclotomic>(g, std::move(nodes));
        const NetworkWeights<Cyclotomic> w = to_real_weights(z);
        const auto parts = node_norm_parts(z);
        for (std::size_t j = 0; j < z.order(); ++j) {
            CAPTURE(j);
            CHECK(node_norm(parts[j]) == doctest::Approx(brute_node_norm(w, j)).epsilon(1e-6));
        }
    }
}

TEST_CASE("gauge invariance (scale t and shift) and the exact cube") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const Element<Cyclotomic> z = f46<Cyclotomic>(g);
    const double base = orbit_minimal_norm(z);
    CHECK(orbit_minimal_norm(apply_input_gauge(z, Cyclotomic::rational(7, 3))) == doctest::Approx(base).epsilon(1e-12));
    std::vector<Node<Cyclotomic>> shifted = z.nodes();
    for (auto& n : shifted) {
        n.a.insert(n.a.begin(), {0, Cyclotomic::rational(5, 2)});
        n.b.insert(n.b.begin(), {0, Cyclotomic::rational(-5, 2)});
    }
    CHECK(orbit_minimal_norm(Element<Cyclotomic>(g, std::move(shifted))) == doctest::Approx(base).epsilon(1e-12));
    for (const auto& parts : node_norm_parts(z)) {
        const double e = node_norm(parts);
        CHECK(std::pow(e, 3) == doctest::Approx(to_complex(node_norm_cubed(parts)).real()).epsilon(1e-10));
        CHECK(node_norm_cubed(parts).to_complex().imag() == doctest::Approx(0.0));
    }
}

TEST_CASE("the derived norms at d = 23 (z_F6 214.86, cyclic order 7 226.19, order 8 236.48, z_M 956.28) and order^(1/3)") {
    const AbelianGroup g = AbelianGroup::cyclic(23);
    const double f6n = orbit_minimal_norm(f6<Cyclotomic>(g));
    const double c7 = orbit_minimal_norm(cyclic_solution<Cyclotomic>(g, 7, {{1, 3}}));
    const double o8 = orbit_minimal_norm(order8_solution<Cyclotomic>(g, {Cyclotomic(1)}, {Cyclotomic::zeta(8, 1)}, {1}));
    CHECK(f6n == doctest::Approx(214.86).epsilon(2.5e-5));
    CHECK(c7 == doctest::Approx(226.19).epsilon(2.5e-5));
    CHECK(o8 == doctest::Approx(236.48).epsilon(2.5e-5));
    CHECK(c7 / f6n == doctest::Approx(std::cbrt(7.0 / 6.0)).epsilon(1e-9));
    CHECK(o8 / f6n == doctest::Approx(std::cbrt(8.0 / 6.0)).epsilon(1e-9));
    CHECK(orbit_minimal_norm(memorisation<Cyclotomic>(g)) == doctest::Approx(956.28).epsilon(2.5e-5));
}
