#pragma once
/// \file algebraic_recognition.hpp
/// From a float64 approximation of an exact solution to the number field its coordinates live in
/// (docs/theory.md section 5: blocks whose nearby exact point is algebraic but not cyclotomic):
///  1. refine_system: Gauss-Newton in ball arithmetic (Arb) on a system of exact real polynomials, from a
///     float64 start to N bits;
///  2. recognise_algebraic: the minimal polynomial of a number known to B bits (LLL on the standard
///     lattice), accepted only if irreducible, within the height bound and isolating to the number;
///  3. common_field: a primitive element of Q(zeta_M, alpha_1, conj alpha_1, ...) with every alpha_i
///     expressed in it, and complex conjugation found and checked exactly (NumberField::create).
/// Nothing here is a proof: the exact verification over the field (verify/verify.hpp) decides. What is
/// certified (root isolation, exact identities in K) only makes the field and its embedding well defined.
#include <complex>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scalar/number_field.hpp"

namespace cogo {

/// A complex number as a ball (midpoint and radius, Arb): value known to accuracy_bits() bits.
class ComplexBall {
public:
    /// Exactly 0.
    ComplexBall();
    /// Exactly the double value z (radius 0).
    explicit ComplexBall(std::complex<double> z);
    /// re + i im from the real parts of two balls.
    [[nodiscard]] static ComplexBall from_parts(const ComplexBall& re, const ComplexBall& im);
    /// A ball from decimal strings (e.g. "1.4142135623730950488", exponent "e-5" allowed), rounded to `bits`
    /// bits; InvalidInput if either does not parse or bits is outside 16..65536.
    [[nodiscard]] static ComplexBall parse(const std::string& re, const std::string& im, long bits);
    ComplexBall(const ComplexBall& o);
    ComplexBall& operator=(const ComplexBall& o);
    ComplexBall(ComplexBall&&) noexcept;
    ComplexBall& operator=(ComplexBall&&) noexcept;
    ~ComplexBall();
    /// The midpoint, rounded.
    [[nodiscard]] std::complex<double> approx() const;
    /// -log2 of the larger radius (a large number for an exact value).
    [[nodiscard]] long accuracy_bits() const;
    /// "[re +/- r] + [im +/- r]*I".
    [[nodiscard]] std::string to_string(long digits = 20) const;

    struct Impl;  ///< acb_t (algebraic_recognition.cpp)
    [[nodiscard]] Impl& impl() { return *impl_; }
    [[nodiscard]] const Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

/// One term coefficient * prod_j x_j^exponents[j] of a real polynomial (coefficient "p" or "p/q").
struct PolynomialTerm {
    std::string coefficient;
    std::vector<unsigned> exponents;  ///< one per variable (missing trailing entries are 0)
};
/// A polynomial with rational coefficients in real variables x_0..x_{n-1}.
using RealPolynomial = std::vector<PolynomialTerm>;

/// Options of refine_system.
struct RefineOptions {
    long target_bits = 256;  ///< stop when the Newton step and the residuals are below 2^-target_bits
    int max_iterations = 80;
    /// Fail ("the start is not near a solution") if the point moves farther than this (max norm) from the
    /// start: the refined solution must be the one the float start approximates.
    double max_displacement = 1e300;
};

/// Result of refine_system.
struct RefineResult {
    bool converged = false;
    std::string reason;              ///< why not: "rank-deficient Jacobian ...", "no convergence ..."
    /// The refined real point (imaginary parts 0): midpoints of the last iterate with radius 4 times the last
    /// Newton step (a heuristic error bound, not a certified enclosure).
    std::vector<ComplexBall> point;
    long bits = 0;                   ///< -log2 of the last step size reached
    int iterations = 0;
};

/// Gauss-Newton (normal equations, ball arithmetic at increasing precision) on F(x) = 0, F the given
/// polynomials in start.size() real variables (m >= n equations expected). Throws InvalidInput for a
/// malformed coefficient or a variable index outside start.
[[nodiscard]] RefineResult refine_system(const std::vector<RealPolynomial>& system, const std::vector<double>& start,
                                         const RefineOptions& options = {});

/// A recognised algebraic number: its minimal polynomial over Z and an isolating ball of the root.
struct AlgebraicNumber {
    std::vector<std::string> minimal_polynomial;  ///< integer coefficients, lowest first, primitive, leading > 0
    ComplexBall root;                             ///< isolating ball (exactly one root of the polynomial)
    [[nodiscard]] long degree() const { return static_cast<long>(minimal_polynomial.size()) - 1; }
};

/// Bounds of recognise_algebraic.
struct RecognitionBounds {
    long max_degree = 8;
    long max_height_bits = 24;  ///< |coefficient| < 2^max_height_bits
};

/// Why recognise_algebraic failed (empty reason means success).
struct RecognitionResult {
    std::optional<AlgebraicNumber> number;
    std::string reason;
};

/// The algebraic number of least degree <= bounds.max_degree and height within the bound that x (a ball
/// of accuracy B bits) is consistent with: LLL on the standard lattice for each degree; a candidate is
/// accepted only if irreducible (fmpz_poly_factor), within the height bound and if exactly one of its
/// roots, isolated at 2B bits, meets the ball of x. Requires B >= (max_degree + 1) (max_height_bits + 2) + 32,
/// so that a relation within the bound is not an artefact of the precision (else reason says so).
[[nodiscard]] RecognitionResult recognise_algebraic(const ComplexBall& x, const RecognitionBounds& bounds = {});

/// The algebraic number a root of `polynomial` (integer or rational coefficients, irreducible: checked)
/// nearest `approx` (must single it out, as NumberFieldSpec::embedding).
[[nodiscard]] AlgebraicNumber algebraic_number(const std::vector<std::string>& polynomial, std::complex<double> approx);

/// A field holding given numbers: K = Q(theta) with each number as an element of K.
struct CommonField {
    NumberFieldPtr field;
    std::vector<NumberFieldScalar> values;  ///< values[i] = numbers[i] in K
};

/// The field Q(zeta_M, alpha_i, conj alpha_i) (M = zeta_order, 0 or 1 for none), closed under complex
/// conjugation, built from a primitive element theta = sum c_i beta_i (small integers c_i, minimal
/// polynomial by a certified product over the conjugates, factored), each alpha_i and zeta_M expressed
/// in K (LLL) and checked exactly (its minimal polynomial vanishes at the expression and it isolates to
/// the alpha_i), conjugation likewise. Throws ResourceLimit if the degree would exceed max_degree, or
/// no check passes at the precisions tried.
[[nodiscard]] CommonField common_field(const std::vector<AlgebraicNumber>& numbers, unsigned long zeta_order,
                                       long max_degree = 32);

}  // namespace cogo
