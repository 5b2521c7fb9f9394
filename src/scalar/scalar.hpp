#pragma once
/// \file scalar.hpp
/// The Scalar concept: what the generic algebra (semi-ring, potentials, loss) needs from a number type.
///
/// Models (docs/architecture.md ("One algebra, several number types")):
///  * cogo::Cyclotomic       exact elements of Q(zeta_N)                       (cyclotomic.hpp)
///  * cogo::Symbolic         GiNaC expressions with unit-modulus parameters   (symbolic.hpp)
///  * std::complex<double>   the floating-point path                          (float.hpp)
///
/// Each model specialises cogo::scalar_traits<S>. Generic code never calls a model's functions directly;
/// it calls the free function templates below (cogo::conj, cogo::inv, ...), which dispatch through the
/// traits. `is_exact` says whether equality and the zero test are decided (true) or approximate (false);
/// only exact scalars offer `is_zero`, so float code cannot claim a proof by accident.
#include <complex>
#include <concepts>
#include <string>

namespace cogo {

/// Customisation point; specialised by every scalar model.
template <class S>
struct scalar_traits;

/// A number type the generic algebra can run on.
template <class S>
concept Scalar = std::copyable<S> && std::default_initializable<S> &&
    requires(const S& a, const S& b, long n, unsigned long order) {
        { a + b } -> std::convertible_to<S>;
        { a - b } -> std::convertible_to<S>;
        { a * b } -> std::convertible_to<S>;
        { -a } -> std::convertible_to<S>;
        { scalar_traits<S>::is_exact } -> std::convertible_to<bool>;
        /// the rational number num/den (den != 0)
        { scalar_traits<S>::from_ratio(n, n) } -> std::same_as<S>;
        /// zeta_order^power with zeta_order = exp(2 pi i / order), order >= 1
        { scalar_traits<S>::root_of_unity(order, n) } -> std::same_as<S>;
        /// complex conjugate
        { scalar_traits<S>::conj(a) } -> std::same_as<S>;
        /// multiplicative inverse; exact models throw cogo::DivisionByZero on zero
        { scalar_traits<S>::inv(a) } -> std::same_as<S>;
        /// nearest complex<double> (exact models: a rounding, never used as a proof)
        { scalar_traits<S>::to_complex(a) } -> std::same_as<std::complex<double>>;
        /// human-readable form
        { scalar_traits<S>::to_string(a) } -> std::same_as<std::string>;
    };

/// A Scalar whose zero test is decided exactly.
template <class S>
concept ExactScalar = Scalar<S> && scalar_traits<S>::is_exact && requires(const S& a) {
    /// true iff a is exactly zero (decided, no tolerance)
    { scalar_traits<S>::is_zero(a) } -> std::same_as<bool>;
};

/// The rational number num/den as an S.
template <Scalar S>
S from_ratio(long num, long den = 1) {
    return scalar_traits<S>::from_ratio(num, den);
}

/// zeta_order^power as an S, zeta_order = exp(2 pi i / order).
template <Scalar S>
S root_of_unity(unsigned long order, long power) {
    return scalar_traits<S>::root_of_unity(order, power);
}

/// Complex conjugate.
template <Scalar S>
S conj(const S& a) {
    return scalar_traits<S>::conj(a);
}

/// Multiplicative inverse.
template <Scalar S>
S inv(const S& a) {
    return scalar_traits<S>::inv(a);
}

/// |a|^2 = a * conj(a).
template <Scalar S>
S norm2(const S& a) {
    return a * conj(a);
}

/// Real part (a + conj a) / 2.
template <Scalar S>
S real_part(const S& a) {
    return (a + conj(a)) * from_ratio<S>(1, 2);
}

/// Imaginary part (a - conj a) / (2i); exact models may need the field extended by i.
template <Scalar S>
S imag_part(const S& a) {
    return (a - conj(a)) * root_of_unity<S>(4, 3) * from_ratio<S>(1, 2);
}

/// Nearest complex<double>.
template <Scalar S>
std::complex<double> to_complex(const S& a) {
    return scalar_traits<S>::to_complex(a);
}

/// Human-readable form.
template <Scalar S>
std::string to_string(const S& a) {
    return scalar_traits<S>::to_string(a);
}

/// Exact zero test (only for exact scalars).
template <ExactScalar S>
bool is_zero(const S& a) {
    return scalar_traits<S>::is_zero(a);
}

/// Exact equality (only for exact scalars).
template <ExactScalar S>
bool equal(const S& a, const S& b) {
    return scalar_traits<S>::is_zero(a - b);
}

}  // namespace cogo
