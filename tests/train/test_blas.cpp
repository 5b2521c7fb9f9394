// The GEMM wrapper against a naive triple loop, all four transpose combinations, float and double.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "train/blas.hpp"

using namespace cogo::train;

namespace {

template <class T>
void check_gemm(bool ta, bool tb) {
    const std::size_t m = 5, n = 7, k = 3;
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(-1, 1);
    // Stored shapes: A is m x k (or k x m when transposed), B is k x n (or n x k).
    const std::size_t a_rows = ta ? k : m, a_cols = ta ? m : k, b_rows = tb ? n : k, b_cols = tb ? k : n;
    std::vector<T> a(a_rows * a_cols), b(b_rows * b_cols), c(m * n);
    for (auto& x : a) x = static_cast<T>(u(rng));
    for (auto& x : b) x = static_cast<T>(u(rng));
    for (auto& x : c) x = static_cast<T>(u(rng));
    std::vector<T> expected(m * n);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            double s = 0;
            for (std::size_t l = 0; l < k; ++l)
                s += double(ta ? a[l * a_cols + i] : a[i * a_cols + l]) * double(tb ? b[j * b_cols + l] : b[l * b_cols + j]);
            expected[i * n + j] = static_cast<T>(2 * s + 0.5 * double(c[i * n + j]));
        }
    gemm(ta, tb, m, n, k, T(2), a.data(), a_cols, b.data(), b_cols, T(0.5), c.data(), n);
    for (std::size_t i = 0; i < m * n; ++i) CHECK(std::abs(double(c[i]) - double(expected[i])) < 1e-5);
}

}  // namespace

TEST_CASE("gemm: C = alpha op(A) op(B) + beta C, row-major, every transpose combination") {
    use_single_threaded_blas();
    for (bool ta : {false, true})
        for (bool tb : {false, true}) {
            CAPTURE(ta);
            CAPTURE(tb);
            check_gemm<float>(ta, tb);
            check_gemm<double>(ta, tb);
        }
    CHECK(std::string(blas_description()).find("OpenBLAS") != std::string::npos);
}
