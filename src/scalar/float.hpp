#pragma once
/// \file float.hpp
/// std::complex<double> as a Scalar: the floating-point path (train/, analyze/). Not exact: it offers no
/// is_zero, so nothing generic can turn a float computation into a proof. Use approx_zero with an
/// explicit tolerance where a float comparison is meant.
#include <cmath>
#include <complex>
#include <numbers>
#include <sstream>
#include <string>

#include "scalar/scalar.hpp"
#include "support/error.hpp"

namespace cogo {

/// The floating-point scalar.
using Complex = std::complex<double>;

template <>
struct scalar_traits<Complex> {
    static constexpr bool is_exact = false;
    static Complex from_ratio(long num, long den) {
        if (den == 0) throw DivisionByZero("from_ratio: zero denominator");
        return {static_cast<double>(num) / static_cast<double>(den), 0.0};
    }
    /// exp(2 pi i power / order), with the power reduced mod order first for accuracy.
    static Complex root_of_unity(unsigned long order, long power) {
        if (order == 0) throw InvalidInput("root_of_unity: order must be >= 1");
        const long n = static_cast<long>(order);
        const long k = ((power % n) + n) % n;
        const double angle = 2.0 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n);
        return std::polar(1.0, angle);
    }
    static Complex conj(const Complex& a) { return std::conj(a); }
    static Complex inv(const Complex& a) { return 1.0 / a; }
    static Complex to_complex(const Complex& a) { return a; }
    static std::string to_string(const Complex& a) {
        std::ostringstream out;
        out.precision(17);
        out << a.real() << (a.imag() < 0 ? " - " : " + ") << std::abs(a.imag()) << "i";
        return out.str();
    }
};

static_assert(Scalar<Complex>);
static_assert(!ExactScalar<Complex>);

/// |a| <= tol: a float comparison, never a proof.
inline bool approx_zero(const Complex& a, double tol) { return std::abs(a) <= tol; }

}  // namespace cogo
