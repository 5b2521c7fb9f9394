#pragma once
/// \file symbolic_residuals.hpp
/// Parametric verification: l(z) = 0 decided for an element with symbolic parameters (cogo::Symbolic), and
/// the exact residual conditions solved where the solution set is finite.
///
/// verify_global_optimum<Symbolic> decides every condition T_k(k1, k2) = t of verify.hpp as an identity of
/// Laurent polynomials in the parameters (unit symbols: conj(x) = 1/x; real symbols): PROVED means for ALL
/// parameter values. Otherwise the failing defects T - t are the residual conditions: z(x) is a global
/// optimum exactly at the common zeros of the residuals. For ONE parameter x they are solved: with
/// p_i(x) = x^{s_i} (T_i - t_i) the polynomial numerators (s_i clears the negative powers; x = 0 is not a
/// parameter value), the conditions hold iff g(x) = 0 for g = gcd(p_i) over Q(zeta_N)[x] (monic; computed
/// with its Bezout cofactors, so g = sum u_i p_i and p_i = q_i g exactly). For a unit symbol every root of
/// unity among the roots of g is found exactly: a root zeta_M^j generates an extension of degree
/// phi(lcm(M, N)) / phi(N) <= deg g of Q(zeta_N), so only finitely many M are candidates, each tested by
/// exact evaluation. The set is complete when as many distinct roots were found as g has (the degree of
/// its square-free part); any other root of g on the unit circle is not identified ("not solved"). For a
/// real symbol the solution is given when deg g <= 1 (the root, if real). With no symbol or two or more,
/// the residuals are not solved, but whether they have a common zero at all is decided where possible
/// (residual_ideal.hpp): a non-zero constant residual, or residuals whose ideal is (1) (Groebner basis),
/// refute the element for every parameter value.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "construct/expression.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/symbolic.hpp"
#include "verify/residual_ideal.hpp"
#include "verify/verify.hpp"

namespace cogo {

/// A polynomial c_0 + c_1 x + ... + c_d x^d over Q(zeta_N), c_d != 0; empty for the zero polynomial.
using CyclotomicPolynomial = std::vector<Cyclotomic>;

/// "x^4 + 1", coefficients in readable form (zN = zeta_N), highest power first.
[[nodiscard]] std::string polynomial_text(const CyclotomicPolynomial& p, const std::string& x);

/// The solution of the residual conditions in one parameter.
struct ResidualSolution {
    std::string symbol;                        ///< the parameter x
    bool unit_modulus = true;                          ///< x is a unit-modulus symbol (else real)
    std::vector<std::size_t> conditions;       ///< indices (into the verification's conditions) of the residuals
    std::vector<long> shifts;                  ///< p_i = x^shift_i (T_i - t_i), a polynomial with p_i(0) != 0
    std::vector<CyclotomicPolynomial> numerators;  ///< p_i
    CyclotomicPolynomial gcd;                  ///< g, monic (the constant 1 when there is no solution)
    std::vector<CyclotomicPolynomial> cofactors;   ///< u_i with sum u_i p_i = g
    std::vector<CyclotomicPolynomial> quotients;   ///< q_i with p_i = q_i g
    std::size_t distinct_roots = 0;            ///< the degree of the square-free part of g
    /// The roots found: x = zeta_M^j (first: M, second: j) for a unit symbol; for a real symbol at most one
    /// root, given in `real_root`.
    std::vector<std::pair<unsigned long, unsigned long>> roots;
    std::optional<Cyclotomic> real_root;       ///< the real root (real symbol, deg g = 1)
    bool complete = false;                     ///< every root of g (on the unit circle / real) is listed
    std::string not_solved;                    ///< why the roots were not (all) identified; empty if complete

    /// True iff g is constant: the conditions hold for no parameter value.
    [[nodiscard]] bool no_solution() const { return gcd.size() == 1; }
    /// True iff no parameter value satisfies the residuals (g constant, or a real symbol whose only root
    /// is not real).
    [[nodiscard]] bool holds_nowhere() const { return no_solution() || (real_root && !real_root->is_real()); }
    /// "x^4 = -1, i.e. x = zeta_8^j for j in {1, 3, 5, 7} (the primitive 8th roots of unity)", or
    /// "no value of x", ...
    [[nodiscard]] std::string describe() const;
};

/// The outcome of a parametric verification.
struct SymbolicVerification {
    VerificationResult<Symbolic> result;        ///< the conditions decided as identities in the parameters
    std::vector<std::size_t> residuals;         ///< indices of the failing conditions
    std::optional<ResidualSolution> solution;   ///< for one parameter (see the file comment)
    std::string not_solved;                     ///< why there is no solution object (two or more symbols)
    /// For no symbol or two or more: whether the residuals have a common zero (residual_ideal.hpp).
    std::optional<CommonZeros> common_zeros;

    /// True iff no parameter value satisfies the residuals: the one-parameter solution holds nowhere, or
    /// the residuals have no common zero.
    [[nodiscard]] bool refuted() const {
        return (solution && solution->holds_nowhere()) || (common_zeros && common_zeros->refuted());
    }
};

/// Decides l(z) = 0 for all parameter values and solves the residuals as the file comment says. `symbols`
/// are the parameters declared for z. The root search is bounded: beyond deg g * phi(N) > 64 the roots are
/// reported as not solved (the equation g(x) = 0 is still exact).
[[nodiscard]] SymbolicVerification verify_symbolic(const Element<Symbolic>& z, const ExpressionSymbols& symbols,
                                                   const VerifyLimits& limits = {});

/// Solves values[i] = 0 for all i (non-zero Laurent polynomials in the one parameter `symbol`, unit or
/// real) as the file comment says; `conditions` of the result is left empty.
[[nodiscard]] ResidualSolution solve_residuals(const std::vector<Symbolic>& values, const std::string& symbol, bool unit_modulus);

/// The Laurent coefficients of v in the parameter x: first = the lowest power, second = the coefficients from
/// there up (the zero value: empty). Throws InvalidInput if v has a parameter other than x or is not a
/// Laurent polynomial in x.
[[nodiscard]] std::pair<long, CyclotomicPolynomial> laurent_coefficients(const Symbolic& v, const std::string& x,
                                                                        bool unit_modulus);

}  // namespace cogo
