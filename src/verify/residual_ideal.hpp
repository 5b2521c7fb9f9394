#pragma once
/// \file residual_ideal.hpp
/// Whether residual conditions in SEVERAL parameters have a common zero (symbolic_residuals.hpp solves one
/// parameter; this decides the refutation "no parameter value works" for any number of them).
///
/// The residuals are rational functions in unit-modulus and real parameters x_1..x_m with coefficients in
/// Q(zeta_N) (cogo::Symbolic). Two exact tests, in order:
///  1. a residual that is a non-zero CONSTANT (no parameter left) holds for no value: refuted;
///  2. otherwise, with p_i the numerators, D the product of the denominators and of the unit parameters
///     (x != 0 for a unit x; a denominator is non-zero wherever the element is defined), the ideal
///         I = (p_1, ..., p_r, w D - 1, Phi_N(zeta))  in  Q[x_1..x_m, w, zeta]
///     is computed with a Groebner basis (Buchberger, degree-reverse-lexicographic order, FLINT fmpq_mpoly).
///     Q[zeta] / Phi_N = Q(zeta_N), so I = (1) iff the p_i have no common zero with D != 0 in C^m (Hilbert's
///     Nullstellensatz over the algebraic closure): then no complex value, hence no unit or real value, of
///     the parameters satisfies every residual: refuted.
/// What stays undecided (reported, never a refutation): a basis other than {1} means complex common zeros
/// exist, and whether one of them has |x_j| = 1 for the unit parameters and real x_j for the real ones is a
/// real-algebraic question not decided here; and a computation beyond the limits below.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "construct/expression.hpp"
#include "scalar/symbolic.hpp"

namespace cogo {

/// Bounds of the Groebner basis computation (beyond them: undecided).
struct GroebnerLimits {
    std::size_t max_basis = 100;       ///< polynomials in the basis
    std::size_t max_pairs = 2'000;     ///< S-polynomials reduced
    std::size_t max_terms = 5'000;     ///< terms of any one polynomial
    std::uint64_t max_coefficient_bits = 512;  ///< bits of a coefficient (numerator + denominator) of a new one
};

/// The outcome of decide_common_zeros.
struct CommonZeros {
    enum class Status {
        none,          ///< no common zero for any complex parameter values: refuted
        complex_zeros, ///< the Groebner basis is not {1}: complex common zeros exist (unit / real ones undecided)
        undecided      ///< beyond the limits, or a residual outside the class (reason says which)
    } status = Status::undecided;
    std::optional<std::size_t> constant;  ///< index of a residual that is a non-zero constant (status none)
    std::size_t basis_size = 0;           ///< the size of the basis computed (0 if not computed)
    std::string reason;                   ///< one sentence: what was decided and how

    [[nodiscard]] bool refuted() const { return status == Status::none; }
};

/// Decides whether `values` (non-zero residuals in the parameters `symbols`) have a common zero, as the file
/// comment says.
[[nodiscard]] CommonZeros decide_common_zeros(const std::vector<Symbolic>& values, const ExpressionSymbols& symbols,
                                              const GroebnerLimits& limits = {});

}  // namespace cogo
