// The element-wise kernels, every variant this CPU runs (baseline and AVX2+FMA), against plain loops.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "train/kernels.hpp"

using namespace cogo::train;

namespace {

template <class T>
void check_variant(const Kernels<T>& k, double tol) {
    CAPTURE(std::string(k.name));
    const std::size_t n = 5, q = 37;  // q not a multiple of the vector width
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(-1, 1);
    std::vector<T> wa(n * q), wb(n * q), dh(4 * q);
    for (auto* v : {&wa, &wb, &dh})
        for (T& x : *v) x = static_cast<T>(u(rng));
    const std::vector<Pair> batch{{0, 1, 1}, {3, 3, 1}, {4, 0, 4}, {0, 2, 2}};
    for (bool quadratic : {true, false}) {
        CAPTURE(quadratic);
        std::vector<T> h(4 * q), ga(n * q, T(0.5)), gb(n * q, T(-0.25));
        std::vector<double> eh(4 * q), ega(n * q, 0.5), egb(n * q, -0.25);
        for (std::size_t b = 0; b < 4; ++b)
            for (std::size_t j = 0; j < q; ++j) {
                const double pre = double(wa[batch[b].x * q + j]) + double(wb[batch[b].y * q + j]);
                eh[b * q + j] = quadratic ? pre * pre : std::max(pre, 0.0);
                const double d = quadratic ? 2 * pre * double(dh[b * q + j]) : (pre > 0 ? double(dh[b * q + j]) : 0.0);
                ega[batch[b].x * q + j] += d;
                egb[batch[b].y * q + j] += d;
            }
        k.gather_activate(batch.data(), 4, wa.data(), wb.data(), q, h.data(), quadratic);
        k.scatter_gradient(batch.data(), 4, wa.data(), wb.data(), dh.data(), q, ga.data(), gb.data(), quadratic);
        for (std::size_t i = 0; i < 4 * q; ++i) CHECK(std::abs(double(h[i]) - eh[i]) <= tol);
        for (std::size_t i = 0; i < n * q; ++i) {
            CHECK(std::abs(double(ga[i]) - ega[i]) <= tol);
            CHECK(std::abs(double(gb[i]) - egb[i]) <= tol);
        }
    }
    // Adam: p = 1, g = 0.5, wd = 0.1, lr = 0.01, first step -> 0.99000000016666666 (see test_optimizer.cpp)
    std::vector<T> p(19, T(1)), g(19, T(0.5)), m(19, T(0)), v(19, T(0));
    k.adam_update(19, p.data(), g.data(), m.data(), v.data(), T(0.1), T(0.1), T(0.999), T(0.001),
                  static_cast<T>(std::sqrt(0.001)), T(1e-8), static_cast<T>(0.01 / 0.1));
    for (T x : p) CHECK(std::abs(double(x) - 0.990000000166666664) <= tol);
    std::vector<T> out(19, T(1)), in(19);
    for (std::size_t i = 0; i < 19; ++i) in[i] = static_cast<T>(i);
    k.add_into(19, out.data(), in.data());
    for (std::size_t i = 0; i < 19; ++i) CHECK(out[i] == static_cast<T>(i + 1));
}

}  // namespace

TEST_CASE("kernels: every variant agrees with plain loops, float and double") {
    for (const auto& k : kernel_variants<float>()) check_variant(k, 1e-6);
    for (const auto& k : kernel_variants<double>()) check_variant(k, 1e-14);
    CHECK(kernel_variants<float>().size() >= 1);
    CHECK(std::string(kernels<float>().name) == kernel_variants<float>().back().name);
}

TEST_CASE("kernels: gathered row products agree with a plain loop in every variant (column blocks and tails)") {
    const std::size_t n = 7, q = 45;  // 45 columns: full register blocks plus a tail
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(-1, 1);
    std::vector<double> p(n * q), g(n * q);
    for (double& v : p) v = u(rng);
    for (double& v : g) v = u(rng);
    std::vector<std::uint32_t> index(n * n);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t i = 0; i < n; ++i) index[r * n + i] = static_cast<std::uint32_t>((r + 3 * i) % n);
    std::vector<double> expected(n * q, 0.0);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t j = 0; j < q; ++j)
            for (std::size_t i = 0; i < n; ++i) expected[r * q + j] += p[i * q + j] * g[index[r * n + i] * q + j];
    for (const auto& k : kernel_variants<double>()) {
        CAPTURE(k.name);
        std::vector<double> out(n * q, 99.0);
        k.gathered_row_products(n, q, 0, 20, index.data(), p.data(), g.data(), out.data());
        k.gathered_row_products(n, q, 20, q, index.data(), p.data(), g.data(), out.data());
        for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i] == doctest::Approx(expected[i]).epsilon(1e-14));
    }
    for (const auto& k : kernel_variants<float>()) {  // the float instantiation too
        std::vector<float> pf(p.begin(), p.end()), gf(g.begin(), g.end()), out(n * q);
        k.gathered_row_products(n, q, 0, q, index.data(), pf.data(), gf.data(), out.data());
        for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i] == doctest::Approx(expected[i]).epsilon(1e-5));
    }
}
