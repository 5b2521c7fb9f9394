#pragma once
/// \file symbolic.hpp
/// Symbolic scalars for parametric proofs (GiNaC/CLN).
///
/// The class of expressions: rational functions whose numerators and denominators are polynomials in
///  * unit-modulus parameters u (|u| = 1, so conj(u) = 1/u; Laurent powers allowed),
///  * generic complex variables x, each paired with an independent conjugate symbol x' (conj(x) = x'),
///  * real variables (conj(t) = t),
/// with coefficients in Q(zeta_N). The cyclotomic constant is one interned GiNaC symbol "zeta" whose
/// meaning is zeta_N for the value's field order N (carried with the value, lifted to a common N when
/// values are mixed, exactly like cogo::Cyclotomic).
///
/// Zero test (decided for this class): bring to one fraction, expand the numerator, reduce every power
/// of zeta modulo Phi_N, and test the result for the zero polynomial. This is a decision procedure:
/// a Laurent polynomial in unit parameters vanishing on the unit circle vanishes identically; a polynomial
/// in (x, x') vanishes on all of C iff it does so as a polynomial in independent symbols (x, x' is a linear
/// change of coordinates of (Re x, Im x)); and Phi_N is the minimal polynomial of zeta_N over Q.
///
/// Symbols are interned by name: the same name always gives the same symbol and the same kind; reusing
/// a name with another kind throws InvalidInput. No `using namespace GiNaC` here.
#include <complex>
#include <map>
#include <optional>
#include <string>

#include <ginac/ginac.h>

#include "scalar/cyclotomic.hpp"
#include "scalar/scalar.hpp"

namespace cogo {

class Symbolic {
public:
    /// Zero.
    Symbolic();
    /// The integer n.
    Symbolic(long n);  // NOLINT(google-explicit-constructor): integers convert implicitly
    /// The rational num/den; throws DivisionByZero if den == 0.
    [[nodiscard]] static Symbolic rational(long num, long den);
    /// zeta_N^k.
    [[nodiscard]] static Symbolic zeta(unsigned long N, long k = 1);
    /// The exact cyclotomic number c as a (constant) symbolic value.
    [[nodiscard]] static Symbolic from_cyclotomic(const Cyclotomic& c);
    /// The unit-modulus parameter with this name (conj(u) = 1/u).
    [[nodiscard]] static Symbolic unit_modulus(const std::string& name);
    /// The generic complex variable with this name (conj is the independent symbol name + "'").
    [[nodiscard]] static Symbolic complex_variable(const std::string& name);
    /// The real variable with this name.
    [[nodiscard]] static Symbolic real_variable(const std::string& name);

    /// The underlying GiNaC expression (zeta is the symbol returned by zeta_symbol()).
    [[nodiscard]] const GiNaC::ex& expr() const { return e_; }
    /// The field order N that "zeta" stands for in this value.
    [[nodiscard]] unsigned long field_order() const { return N_; }
    /// The interned symbol that stands for zeta_N.
    [[nodiscard]] static const GiNaC::symbol& zeta_symbol();
    /// The same value with zeta read as zeta_M (N must divide M; zeta_N = zeta_M^(M/N)).
    [[nodiscard]] Symbolic lift(unsigned long M) const;

    /// Canonical form: numerator/denominator expanded, zeta powers reduced mod Phi_N.
    [[nodiscard]] Symbolic canonical() const;
    /// Decided zero test (see the file comment).
    [[nodiscard]] bool is_zero() const;
    /// The value as an exact cyclotomic number, if it contains no variables or parameters.
    [[nodiscard]] std::optional<Cyclotomic> to_cyclotomic() const;
    /// Substitute a parameter or variable (by name) with a value; conjugate symbols follow
    /// (x' becomes conj(value) when x is substituted). Throws InvalidInput for an unknown name.
    [[nodiscard]] Symbolic substitute(const std::string& name, const Symbolic& value) const;

    /// Complex conjugate (u -> 1/u, x <-> x', zeta -> zeta^-1).
    [[nodiscard]] Symbolic conj() const;
    /// Inverse; throws DivisionByZero if the value is (decidedly) zero.
    [[nodiscard]] Symbolic inverse() const;
    /// complex<double> value; throws InvalidInput if the value still has variables or parameters.
    [[nodiscard]] std::complex<double> to_complex() const;
    /// Readable form of the canonical expression (zeta printed as zeta_N).
    [[nodiscard]] std::string to_string() const;

    friend Symbolic operator+(const Symbolic& a, const Symbolic& b);
    friend Symbolic operator-(const Symbolic& a, const Symbolic& b);
    friend Symbolic operator*(const Symbolic& a, const Symbolic& b);
    /// Division; throws DivisionByZero if b is zero.
    friend Symbolic operator/(const Symbolic& a, const Symbolic& b);
    friend Symbolic operator-(const Symbolic& a);

    Symbolic& operator+=(const Symbolic& b) { return *this = *this + b; }
    Symbolic& operator-=(const Symbolic& b) { return *this = *this - b; }
    Symbolic& operator*=(const Symbolic& b) { return *this = *this * b; }

private:
    Symbolic(GiNaC::ex e, unsigned long N) : e_(std::move(e)), N_(N) {}
    GiNaC::ex e_;
    unsigned long N_ = 1;
};

template <>
struct scalar_traits<Symbolic> {
    static constexpr bool is_exact = true;
    static Symbolic from_ratio(long num, long den) { return Symbolic::rational(num, den); }
    static Symbolic root_of_unity(unsigned long order, long power) { return Symbolic::zeta(order, power); }
    static Symbolic conj(const Symbolic& a) { return a.conj(); }
    static Symbolic inv(const Symbolic& a) { return a.inverse(); }
    static bool is_zero(const Symbolic& a) { return a.is_zero(); }
    static std::complex<double> to_complex(const Symbolic& a) { return a.to_complex(); }
    static std::string to_string(const Symbolic& a) { return a.to_string(); }
};

static_assert(ExactScalar<Symbolic>);

}  // namespace cogo
