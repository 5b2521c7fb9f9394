#pragma once
/// \file theorem1_patterns.hpp
/// Theorem 1 (L2 loss decoupling, docs/theory.md section 3) for EVERY finite Abelian group and every width,
/// reduced by character orthogonality to finitely many frequency patterns.
///
/// Both sides of the identity are written as sums over "templates". A quadratic template (T1, T2), with
/// input types T in {aa, ab, bb}, is
///     sum_{j, j'} sum_{k in G^6} coef(k) * p1[k1, j] p2[k2, j] c[k5, j] * p3[k3, j'] p4[k4, j'] c[k6, j'],
/// (T1 = p1 p2 on node j, T2 = p3 p4 on node j'; positions 0..5 of k are k1, k2, k5, k3, k4, k6), a linear
/// template T is sum_j sum_k coef(k) p1[k1, j] p2[k2, j] c[k5, j], and there is a constant. coef(k) is a
/// sum of "contributions": a rational function of n = |G| times a product of indicators [L(k) = 0] or
/// [L(k) != 0] of integer linear forms L.
///   * Direct side: the definition of docs/theory.md section 1 with W_p[j, x] = sum_k z_p[k, j] chi_k(x),
///     V[m, j] = (1/2n) sum_k z_c[k, j] conj chi_k(m) (section 2); every sum over x, y or m of a product of
///     characters is replaced by orthogonality, sum_x chi_L(x) = n [L = 0].
///   * Fourier side: the formula of docs/theory.md section 3 (general form, or the zero-mean form), each
///     |E|^2 written E(s, t, k) E(-s, -t, -k) (real weights: conj z_p[k] = z_p[-k]); the sums over the
///     auxiliary frequencies (s, t, k) are eliminated by their deltas.
/// coef(k) depends only on the PATTERN of k: the set of atoms (the linear forms involved, up to sign)
/// vanishing at k. That set is always closed (an atom in the integer span of vanishing atoms vanishes), so
/// it suffices that the symmetrised difference (averaged over the permutations of template positions that
/// fix the monomial) is 0 on every closed subset of atoms, as a rational function of n. There are finitely
/// many, for every group at once; checking them proves the identity for every group and width.
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo::theorem1 {

/// Which Fourier formula of docs/theory.md section 3.
enum class Formula {
    general,    ///< with the DC cross terms r_{m,0,k}, r_{0,m,k}, r_{0,0,k}
    zero_mean,  ///< the 1/4 |sum r_p|^2 form (valid without DC input entries)
};

/// What a pattern check claims: the formula, and whether the inputs are assumed to have no DC component
/// (then only patterns with every input frequency non-zero matter).
struct Claim {
    Formula formula = Formula::general;
    bool zero_mean_inputs = false;
};

/// The result for one template.
struct TemplateReport {
    std::string name;          ///< "const", "aa", "ab.bb", ...
    std::size_t atoms = 0;     ///< distinct linear forms (up to sign)
    std::size_t patterns = 0;  ///< closed atom sets checked (after the zero-mean restriction)
    std::size_t failures = 0;  ///< patterns where the symmetrised difference is not 0
    std::string first_failure; ///< the first failing pattern and its difference (empty if none)
};

/// Checks the claim on every template and every closed pattern; exact (Laurent polynomials in n with
/// rational coefficients, the form every contribution has).
[[nodiscard]] std::vector<TemplateReport> check_patterns(const Claim& claim);

/// Which side's template representation to evaluate.
enum class Side { direct, fourier };

/// Evaluates a side's template representation (the very contributions the pattern check compares) on a
/// concrete element z of group g by summing over all k in G^6 (O(n^6): meant for n <= 9). With the
/// zero-mean formula z must have no DC input entries for the result to be the loss. Cross-check only.
[[nodiscard]] Cyclotomic evaluate_templates(Side side, Formula formula, const Element<Cyclotomic>& z);

}  // namespace cogo::theorem1
