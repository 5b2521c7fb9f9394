#pragma once
/// \file polynomial_scalar.hpp
/// Complex polynomials with rational coefficients in REAL variables x_0, x_1, ... as a Scalar, so that the
/// generic condition enumeration (algebra/conditions.hpp) runs on an element whose entries are unknowns:
/// a = x_0 + i x_1 at k, conj(a) = x_0 - i x_1 at -k, ... Then every T_k(k1, k2) of docs/theory.md section 3
/// comes out as a polynomial, exactly the one the verifier evaluates, and its real and imaginary parts are
/// the real polynomial equations refined by algebraic_recognition.hpp (number_field_blocks.hpp).
///
/// The variables are real, so conj maps re + i im to re - i im. The zero test is exact (no term left); only
/// non-zero constants can be inverted, and only the roots of unity of order 1, 2 and 4 exist (others throw
/// InvalidInput). to_complex is the value of a constant (NaN if the polynomial has variables).
#include <complex>
#include <map>
#include <string>
#include <vector>

#include "analyze/algebraic_recognition.hpp"
#include "scalar/scalar.hpp"
#include "support/flint_raii.hpp"

namespace cogo::analyze {

/// A real polynomial: exponent vector (trailing zeros trimmed) -> non-zero rational coefficient.
using RealTerms = std::map<std::vector<unsigned>, flint::Fmpq>;

/// re + i im, both real polynomials in the real variables.
class ComplexPolynomial {
public:
    ComplexPolynomial() = default;
    /// The rational num / den (den != 0).
    static ComplexPolynomial rational(long num, long den);
    /// The real variable x_index.
    static ComplexPolynomial variable(unsigned index);
    /// x_re + i x_im.
    static ComplexPolynomial complex_variable(unsigned re, unsigned im);
    /// The unit i.
    static ComplexPolynomial i();

    [[nodiscard]] const RealTerms& re() const { return re_; }
    [[nodiscard]] const RealTerms& im() const { return im_; }
    [[nodiscard]] bool is_zero() const { return re_.empty() && im_.empty(); }
    [[nodiscard]] bool is_constant() const;
    [[nodiscard]] ComplexPolynomial conj() const;
    [[nodiscard]] ComplexPolynomial inverse() const;  ///< non-zero constants only
    [[nodiscard]] std::complex<double> to_complex() const;
    [[nodiscard]] std::string to_string() const;

    friend ComplexPolynomial operator+(const ComplexPolynomial& a, const ComplexPolynomial& b);
    friend ComplexPolynomial operator-(const ComplexPolynomial& a, const ComplexPolynomial& b);
    friend ComplexPolynomial operator*(const ComplexPolynomial& a, const ComplexPolynomial& b);
    friend ComplexPolynomial operator-(const ComplexPolynomial& a);
    friend bool operator==(const ComplexPolynomial& a, const ComplexPolynomial& b);

private:
    RealTerms re_, im_;
};

/// The real polynomial in algebraic_recognition.hpp's form.
[[nodiscard]] RealPolynomial to_real_polynomial(const RealTerms& p);

/// p and its gradient at x (double; variables beyond x.size() are 0).
[[nodiscard]] double evaluate(const RealTerms& p, const std::vector<double>& x, std::vector<double>* gradient = nullptr);

}  // namespace cogo::analyze

namespace cogo {

template <>
struct scalar_traits<analyze::ComplexPolynomial> {
    static constexpr bool is_exact = true;
    static analyze::ComplexPolynomial from_ratio(long num, long den) { return analyze::ComplexPolynomial::rational(num, den); }
    static analyze::ComplexPolynomial root_of_unity(unsigned long order, long power);
    static analyze::ComplexPolynomial conj(const analyze::ComplexPolynomial& a) { return a.conj(); }
    static analyze::ComplexPolynomial inv(const analyze::ComplexPolynomial& a) { return a.inverse(); }
    static bool is_zero(const analyze::ComplexPolynomial& a) { return a.is_zero(); }
    static std::complex<double> to_complex(const analyze::ComplexPolynomial& a) { return a.to_complex(); }
    static std::string to_string(const analyze::ComplexPolynomial& a) { return a.to_string(); }
};

static_assert(ExactScalar<analyze::ComplexPolynomial>);

}  // namespace cogo
