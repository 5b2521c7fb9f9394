// Tests of dynamics/frequency_potentials.hpp. Expected values come from elsewhere: the global optima of
// docs/theory.md section 5 (r_kkk = 1, every other potential 0, the bias 0 even where a block's own bias is
// not, z_F4/6), a brute-force evaluation of a random real network's outputs (its 2-D Fourier coefficients are
// r_{k1,k2,k}, its mean output is the bias condition), the definitions evaluated with a naive DFT of the
// real weights, and the exact orbit-minimal norm of dynamics/orbit_norm.hpp.
#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <random>

#include "analyze/fourier_weights.hpp"
#include "construct/global_solutions.hpp"
#include "dynamics/frequency_potentials.hpp"
#include "dynamics/orbit_norm.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;
using C = std::complex<double>;

namespace {

/// Real weights of an exact element (through the float inverse transform).
NetworkWeights<double> weights_of(const Element<Cyclotomic>& z) {
    return analyze::inverse_transform(analyze::dense_fourier(z));
}

NetworkWeights<double> random_weights(std::size_t n, std::size_t q, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    NetworkWeights<double> w{Matrix<double>(q, n), Matrix<double>(q, n), Matrix<double>(n, q)};
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) w.wa(j, x) = u(rng), w.wb(j, x) = u(rng), w.v(x, j) = u(rng);
    return w;
}

C zeta(std::size_t n, long e) {
    const double pi = std::acos(-1.0);
    return std::polar(1.0, 2 * pi * static_cast<double>(((e % static_cast<long>(n)) + static_cast<long>(n)) % static_cast<long>(n)) /
                               static_cast<double>(n));
}

/// The network's output o(x, y)[m] = sum_j V[m, j] (W_a[j, x] + W_b[j, y])^2, by brute force.
double output(const NetworkWeights<double>& w, std::size_t x, std::size_t y, std::size_t m) {
    double o = 0;
    for (std::size_t j = 0; j < w.wa.rows(); ++j) {
        const double h = w.wa(j, x) + w.wb(j, y);
        o += w.v(m, j) * h * h;
    }
    return o;
}

}  // namespace

TEST_CASE("a global optimum: r_kkk = 1 and every reported set 0 (z_F6 on Z_7 and Z_11, z_nui*z_synab on Z_7)") {
    for (const unsigned long d : {7ul, 11ul}) {
        const AbelianGroup g = AbelianGroup::cyclic(d);
        for (const Element<Cyclotomic>& z : {f6<Cyclotomic>(g), nui_synab<Cyclotomic>(g)}) {
            const auto ps = frequency_potentials(analyze::fourier_transform(g, weights_of(z)));
            REQUIRE(ps.size() == (d - 1) / 2);
            for (std::size_t i = 0; i < ps.size(); ++i) {
                CHECK(ps[i].k == i + 1);
                CHECK(std::abs(ps[i].r_kkk - 1.0) < 1e-9);
                CHECK(ps[i].r_c < 1e-9);
                CHECK(ps[i].r_star < 1e-9);
                CHECK(ps[i].r_n < 1e-9);
                CHECK(std::abs(ps[i].bias) < 1e-9);
            }
        }
    }
}

TEST_CASE("z_F4/6 on Z_7: the order-4 blocks' own bias is not 0, the whole bias condition is") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const auto ps = frequency_potentials(analyze::fourier_transform(g, weights_of(f46<Cyclotomic>(g))));
    REQUIRE(ps.size() == 3);
    std::size_t own_bias = 0;
    for (const FrequencyPotentials& p : ps) {
        CHECK(std::abs(p.r_kkk - 1.0) < 1e-9);
        CHECK(p.r_c < 1e-9);
        CHECK(std::abs(p.bias) < 1e-9);
        // the order-4 block z_{nu=i} * z_xi / 4 leaves sum (|a|^2 + |b|^2) c = (1 +- i) (docs/theory.md section 5)
        if (std::abs(p.bias_own) > 0.5) {
            ++own_bias;
            CHECK(std::abs(std::abs(p.bias_own) - std::sqrt(2.0)) < 1e-9);
        }
    }
    CHECK(own_bias == 2);  // every frequency but k0
}

TEST_CASE("the all-order-4 element on Z_7: r_kkk = 1, but the bias condition fails at every frequency") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const auto ps = frequency_potentials(analyze::fourier_transform(g, weights_of(order4<Cyclotomic>(g))));
    for (const FrequencyPotentials& p : ps) {
        CHECK(std::abs(p.r_kkk - 1.0) < 1e-9);
        CHECK(std::abs(std::abs(p.bias) - std::sqrt(2.0)) < 1e-9);
        CHECK(std::abs(p.bias - p.bias_own) < 1e-9);  // no other frequency contributes
    }
}

TEST_CASE("a random network (Z_5, Z_7): r_kkk and R_c from the outputs' 2-D DFT, the bias from the mean output") {
    for (const std::size_t n : {std::size_t{5}, std::size_t{7}}) {
        const AbelianGroup g = AbelianGroup::cyclic(n);
        const NetworkWeights<double> w = random_weights(n, 4, 100 + n);
        const auto ps = frequency_potentials(analyze::fourier_transform(g, w));
        // r_{k1,k2,k} = (1/n^2) sum_{x,y,m} o(x,y)[m] zeta^{km} zeta^{-k1 x} zeta^{-k2 y} for k1, k2 != 0
        auto r = [&](long k1, long k2, long k) {
            C s{};
            for (std::size_t x = 0; x < n; ++x)
                for (std::size_t y = 0; y < n; ++y)
                    for (std::size_t m = 0; m < n; ++m)
                        s += output(w, x, y, m) * zeta(n, k * static_cast<long>(m) - k1 * static_cast<long>(x) - k2 * static_cast<long>(y));
            return s / static_cast<double>(n * n);
        };
        for (const FrequencyPotentials& p : ps) {
            const long k = static_cast<long>(p.k);
            const C rkkk = r(k, k, k);
            CHECK(std::abs(p.r_kkk - rkkk) < 1e-9 * (1 + std::abs(rkkk)));
            const double rc = std::abs(r(-k, k, k)) + std::abs(r(k, -k, k)) + std::abs(r(-k, -k, k));
            CHECK(p.r_c == doctest::Approx(rc).epsilon(1e-9));
            // T_k(0,0) = sum_m zeta^{km} mean_{x,y} o(x,y)[m]
            C bias{};
            for (std::size_t m = 0; m < n; ++m) {
                double mean = 0;
                for (std::size_t x = 0; x < n; ++x)
                    for (std::size_t y = 0; y < n; ++y) mean += output(w, x, y, m);
                bias += zeta(n, k * static_cast<long>(m)) * (mean / static_cast<double>(n * n));
            }
            CHECK(std::abs(p.bias - bias) < 1e-9 * (1 + std::abs(bias)));
        }
    }
}

TEST_CASE("a random network (Z_7): R_n, R_* and the own bias from a naive DFT of the weights") {
    const std::size_t n = 7, q = 5;
    const AbelianGroup g = AbelianGroup::cyclic(n);
    const NetworkWeights<double> w = random_weights(n, q, 7);
    const auto ps = frequency_potentials(analyze::fourier_transform(g, w));
    for (const FrequencyPotentials& p : ps) {
        const long k = static_cast<long>(p.k);
        C aac{}, bbc{}, a2c{}, b2c{}, ca2c{}, cb2c{};
        for (std::size_t j = 0; j < q; ++j) {
            C a{}, b{}, c{};
            for (std::size_t x = 0; x < n; ++x) {
                a += w.wa(j, x) * zeta(n, -k * static_cast<long>(x)) / static_cast<double>(n);
                b += w.wb(j, x) * zeta(n, -k * static_cast<long>(x)) / static_cast<double>(n);
                c += 2.0 * w.v(x, j) * zeta(n, k * static_cast<long>(x));
            }
            aac += std::norm(a) * c, bbc += std::norm(b) * c;
            a2c += a * a * c, b2c += b * b * c;
            ca2c += std::conj(a * a) * c, cb2c += std::conj(b * b) * c;
        }
        CHECK(p.r_n == doctest::Approx(std::abs(aac) + std::abs(bbc)).epsilon(1e-9));
        CHECK(p.r_star == doctest::Approx(std::abs(a2c) + std::abs(b2c) + std::abs(ca2c) + std::abs(cb2c)).epsilon(1e-9));
        CHECK(std::abs(p.bias_own - (aac + bbc)) < 1e-9);
    }
}

TEST_CASE("reported frequencies: one per conjugate pair, real frequencies once (Z_8, Z_3 x Z_3)") {
    CHECK(reported_frequencies(AbelianGroup::cyclic(8)) == std::vector<std::size_t>{1, 2, 3, 4});
    CHECK(reported_frequencies(AbelianGroup::parse("3x3")).size() == 4);
}

TEST_CASE("orbit-minimal norm of the dense form = the exact parts' norm (z_F6, z_M at d = 23; docs/theory.md section 6)") {
    const AbelianGroup g = AbelianGroup::cyclic(23);
    const Element<Cyclotomic> f = f6<Cyclotomic>(g);
    const double from_dense = orbit_minimal_norm(analyze::fourier_transform(g, weights_of(f)));
    CHECK(from_dense == doctest::Approx(orbit_minimal_norm(f)).epsilon(1e-9));
    CHECK(from_dense == doctest::Approx(214.86).epsilon(1e-4));
    const Element<Cyclotomic> m = memorisation<Cyclotomic>(g);
    CHECK(orbit_minimal_norm(analyze::fourier_transform(g, weights_of(m))) == doctest::Approx(956.28).epsilon(1e-4));
}
