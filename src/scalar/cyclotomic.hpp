#pragma once
/// \file cyclotomic.hpp
/// Exact elements of the cyclotomic field Q(zeta_N), zeta_N = exp(2 pi i / N).
///
/// Canonical form: a value carries its field order N (field_order(); not necessarily the
/// minimal one, the conductor) and a rational polynomial p of degree < phi(N) with value p(zeta_N); p is reduced modulo the
/// N-th cyclotomic polynomial Phi_N, so two values with the same N are equal iff their polynomials are
/// equal. Mixing values of different N lifts both to Q(zeta_lcm) (zeta_N = zeta_M^(M/N)); the lift is
/// refused with cogo::FieldTooLarge (a ResourceLimit) if lcm exceeds max_field_order. Rationals live in Q(zeta_1).
///
/// Values are immutable and cheap to copy (shared representation). FLINT stays inside cyclotomic.cpp.
#include <complex>
#include <memory>
#include <string>
#include <vector>

#include "scalar/scalar.hpp"

namespace cogo {

namespace detail {
struct CyclotomicAccess;  // FLINT view for the other scalars (scalar/cyclotomic_flint.hpp, private)
}

class Cyclotomic {
public:
    /// Largest field order N the tool will build (phi(N) is the polynomial length).
    static constexpr unsigned long max_field_order = 1UL << 20;

    /// Zero (in Q).
    Cyclotomic();
    /// The integer n (in Q).
    Cyclotomic(long n);  // NOLINT(google-explicit-constructor): integers convert implicitly
    /// The rational num/den; throws DivisionByZero if den == 0.
    [[nodiscard]] static Cyclotomic rational(long num, long den);
    /// The rational given as a decimal string "p" or "p/q" (arbitrary size); throws InvalidInput if malformed.
    [[nodiscard]] static Cyclotomic rational(const std::string& text);
    /// zeta_N^k (any integer k, reduced mod N); lives in Q(zeta_N). Throws InvalidInput if N == 0,
    /// FieldTooLarge if N > max_field_order.
    [[nodiscard]] static Cyclotomic zeta(unsigned long N, long k = 1);
    /// sum_i coeffs[i] zeta_N^i with rational coefficients given as strings "p" or "p/q"
    /// (any length; reduced mod Phi_N). Throws InvalidInput if malformed or N == 0, FieldTooLarge if
    /// N > max_field_order.
    [[nodiscard]] static Cyclotomic from_coefficients(unsigned long N, const std::vector<std::string>& coeffs);

    /// The order N of the field Q(zeta_N) the value is stored in.
    [[nodiscard]] unsigned long field_order() const;
    /// The same value stored in Q(zeta_M); throws FieldMismatch unless N divides M, FieldTooLarge if
    /// M > max_field_order.
    [[nodiscard]] Cyclotomic lift(unsigned long M) const;
    /// Canonical coefficients c_0..c_{deg} (value = sum c_i zeta_N^i), as strings "p" or "p/q"; empty for 0.
    [[nodiscard]] std::vector<std::string> coefficients() const;

    /// Exact zero test.
    [[nodiscard]] bool is_zero() const;
    /// True iff the value is a rational number.
    [[nodiscard]] bool is_rational() const;
    /// True iff the value equals its complex conjugate.
    [[nodiscard]] bool is_real() const;

    /// Complex conjugate (zeta -> zeta^-1).
    [[nodiscard]] Cyclotomic conj() const;
    /// Multiplicative inverse; throws DivisionByZero on zero.
    [[nodiscard]] Cyclotomic inverse() const;
    /// Nearest complex<double> (a rounding of the exact value).
    [[nodiscard]] std::complex<double> to_complex() const;
    /// Readable form, e.g. "1/2 + 3*z12^2 (z12 = zeta_12)", or "0", or "-5/3": terms by increasing power
    /// of zN = zeta_N; the "(zN = zeta_N)" suffix appears only when a power of zN does (rational values
    /// print as plain rationals whatever field they are stored in).
    [[nodiscard]] std::string to_string() const;

    friend Cyclotomic operator+(const Cyclotomic& a, const Cyclotomic& b);
    friend Cyclotomic operator-(const Cyclotomic& a, const Cyclotomic& b);
    friend Cyclotomic operator*(const Cyclotomic& a, const Cyclotomic& b);
    /// Exact division; throws DivisionByZero if b == 0.
    friend Cyclotomic operator/(const Cyclotomic& a, const Cyclotomic& b);
    friend Cyclotomic operator-(const Cyclotomic& a);
    /// Exact equality (lifts to a common field first).
    friend bool operator==(const Cyclotomic& a, const Cyclotomic& b);

    Cyclotomic& operator+=(const Cyclotomic& b) { return *this = *this + b; }
    Cyclotomic& operator-=(const Cyclotomic& b) { return *this = *this - b; }
    Cyclotomic& operator*=(const Cyclotomic& b) { return *this = *this * b; }

    struct Impl;  ///< FLINT representation (defined in cyclotomic.cpp)

private:
    friend struct detail::CyclotomicAccess;
    explicit Cyclotomic(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> impl_;
};

template <>
struct scalar_traits<Cyclotomic> {
    static constexpr bool is_exact = true;
    static Cyclotomic from_ratio(long num, long den) { return Cyclotomic::rational(num, den); }
    static Cyclotomic root_of_unity(unsigned long order, long power) { return Cyclotomic::zeta(order, power); }
    static Cyclotomic conj(const Cyclotomic& a) { return a.conj(); }
    static Cyclotomic inv(const Cyclotomic& a) { return a.inverse(); }
    static bool is_zero(const Cyclotomic& a) { return a.is_zero(); }
    static std::complex<double> to_complex(const Cyclotomic& a) { return a.to_complex(); }
    static std::string to_string(const Cyclotomic& a) { return a.to_string(); }
};

static_assert(ExactScalar<Cyclotomic>);

}  // namespace cogo
