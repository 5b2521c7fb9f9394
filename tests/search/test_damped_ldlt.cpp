// The damped LDL^T step of search/damped_ldlt.hpp. Expected values come from elsewhere: a known solution
// x (the right-hand side is built as -A x), the damped matrix multiplied out by hand in the check, the
// indefinite 2 x 2 matrix [[1, 2], [2, 1]] (eigenvalues 3 and -1), and the 4 x 4 Hilbert matrix (condition
// number ~1.5e4, exact rational entries) solved in MPFR to within 2^-200.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include "search/big_float.hpp"
#include "search/damped_ldlt.hpp"

using cogo::search::BigFloat;
using cogo::search::solve_damped;

namespace {

/// (A + lambda (diag A + tiny)) x + grad, the residual of the damped system (multiplied out here).
std::vector<double> damped_residual(const std::vector<double>& A, const std::vector<double>& grad, double lambda,
                                    double tiny, std::size_t P, const std::vector<double>& x) {
    std::vector<double> r(grad);
    for (std::size_t i = 0; i < P; ++i)
        for (std::size_t k = 0; k < P; ++k)
            r[i] += (A[i * P + k] + (i == k ? lambda * (A[i * P + i] + tiny) : 0.0)) * x[k];
    return r;
}

}  // namespace

TEST_CASE("solve_damped: undamped, it solves A delta = -grad for a positive definite A") {
    const std::vector<double> A = {4, 2, 0, 2, 5, 1, 0, 1, 3}, x = {1, -2, 3};
    std::vector<double> grad(3);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t k = 0; k < 3; ++k) grad[i] -= A[i * 3 + k] * x[k];  // grad = -A x
    std::vector<double> delta;
    REQUIRE(solve_damped(A, grad, 0.0, 0.0, 3, delta));
    REQUIRE(delta.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(delta[i] == doctest::Approx(x[i]).epsilon(1e-14));
}

TEST_CASE("solve_damped: the damping adds lambda (A_ii + tiny) to the diagonal only") {
    const std::vector<double> A = {4, 2, 0, 2, 5, 1, 0, 1, 3}, grad = {1, -1, 2};
    for (const double lambda : {0.5, 3.0, 1e3}) {
        std::vector<double> delta;
        REQUIRE(solve_damped(A, grad, lambda, 0.25, 3, delta));
        for (const double r : damped_residual(A, grad, lambda, 0.25, 3, delta)) CHECK(std::abs(r) < 1e-12);
        // a different damping would not fit: the residual of the undamped system is far from zero
        double off = 0;
        for (const double r : damped_residual(A, grad, 0.0, 0.0, 3, delta)) off += std::abs(r);
        CHECK(off > 1e-3);
    }
}

TEST_CASE("solve_damped: a pivot that is not positive is refused; enough damping makes it definite") {
    const std::vector<double> A = {1, 2, 2, 1}, grad = {1, 1};  // eigenvalues 3 and -1
    std::vector<double> delta;
    CHECK_FALSE(solve_damped(A, grad, 0.0, 0.0, 2, delta));
    CHECK_FALSE(solve_damped(A, grad, 0.5, 0.0, 2, delta));  // 1.5 on the diagonal: 1.5^2 < 4 still indefinite
    REQUIRE(solve_damped(A, grad, 2.0, 0.0, 2, delta));      // [[3, 2], [2, 3]]: definite
    CHECK(delta[0] == doctest::Approx(-0.2));
    CHECK(delta[1] == doctest::Approx(-0.2));
    // the all-zero matrix: only tiny makes it definite, and the step is -grad / (lambda tiny)
    const std::vector<double> zero(4, 0.0);
    CHECK_FALSE(solve_damped(zero, grad, 1.0, 0.0, 2, delta));
    REQUIRE(solve_damped(zero, grad, 1.0, 1e-6, 2, delta));
    CHECK(delta[0] == doctest::Approx(-1e6));
}

TEST_CASE("solve_damped: in MPFR (BigFloat, 256 bits) the 4 x 4 Hilbert system is solved to within 2^-200") {
    BigFloat::Precision p(256);
    constexpr std::size_t P = 4;
    std::vector<BigFloat> A(P * P), grad(P);
    const long x[P] = {1, -1, 2, -3};
    for (std::size_t i = 0; i < P; ++i)
        for (std::size_t k = 0; k < P; ++k) A[i * P + k] = BigFloat::ratio(1, static_cast<long>(i + k + 1));
    for (std::size_t i = 0; i < P; ++i)
        for (std::size_t k = 0; k < P; ++k) grad[i] -= A[i * P + k] * BigFloat(static_cast<double>(x[k]));
    std::vector<BigFloat> delta;
    REQUIRE(solve_damped(A, grad, BigFloat(0.0), BigFloat(0.0), P, delta));
    for (std::size_t i = 0; i < P; ++i) CHECK((delta[i] - BigFloat(static_cast<double>(x[i]))).abs().log2_abs() < -200);
}
