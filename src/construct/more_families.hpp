#pragma once
/// \file more_families.hpp
/// Three per-frequency families beyond the paper's table (docs/theory.md section 5b), each a global
/// solution at its frequency after the c-row is divided by its order:
///
/// | element                | nodes (a, b, c) at k (conjugates at -k)                        | order | kills        |
/// |------------------------|----------------------------------------------------------------|-------|--------------|
/// | cyclic C_q(al, be)     | u^i, i < q, u = (zeta_q^al, zeta_q^be, zeta_q^ga), ga = -al-be | q     | see below    |
/// | z_n(a)                 | (1, 1, 1), (a, -a', -1/|a|^2)                                  | 2     | R_n          |
/// | syn_dc(alpha), 3k = 0  | (alpha w^l, alpha w^l, w^l / (3 alpha^2)), l = 0, 1, 2,        | 3     | everything   |
/// |                        | with DC inputs z_a[0] = z_b[0] = -alpha/4 on every node        |       | (with DC)    |
///
/// Cyclic family: C_q = rho(u) = sum_{i<q} u^i (the polynomial construction with the q-th roots of unity
/// other than 1 as shifts). As every potential is a ring homomorphism, a named potential p takes the value
/// sum_{i<q} zeta_q^{e_p i} = q [e_p = 0 mod q], where e_p is p's exponent at u: abc 0, a'bc -2al, ab'c -2be,
/// a'b'c 2ga, |a|^2c = |b|^2c ga, a^2c al - be, b^2c be - al, a'^2c ga - 2al, b'^2c ga - 2be. So C_q / q is
/// a per-frequency global solution iff none of those eight exponents is 0 mod q (cyclic_condition).
///
/// z_n(a), any complex a != 0: abc = 2 and |a|^2c = |b|^2c = 0. The product z_n(a) z_{nu=i} z_xi(xi, s) / 8
/// kills R_n (from z_n) and R_c, R_* (from z_{nu=i} z_xi), so it needs no cross-frequency bias cancellation.
///
/// syn_dc(alpha), real alpha != 0, for a frequency k with 3k = 0 (so 2k = -k): z_syn scaled to input
/// entries alpha w^l, whose a^2c and b^2c terms at the output k (inputs at -k = 2k and -k) are cancelled by
/// the DC cross terms r_{-k,0,k}, r_{0,-k,k} of the inputs' mean. Z_3 in 3 nodes.
/// What is proven about each: proofs/more_families.cpp.
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "construct/block_potentials.hpp"
#include "construct/families.hpp"
#include "construct/generator.hpp"
#include "construct/polynomial_construction.hpp"
#include "support/error.hpp"

namespace cogo {

/// The exponent e_p of the named potential p at the cyclic generator u = (zeta_q^alpha, zeta_q^beta,
/// zeta_q^gamma), gamma = -alpha - beta: p(u) = zeta_q^{e_p}. abc 0, a'bc -2 alpha, ab'c -2 beta,
/// a'b'c 2 gamma, |a|^2c = |b|^2c gamma, a^2c alpha - beta, b^2c beta - alpha, a'^2c gamma - 2 alpha,
/// b'^2c gamma - 2 beta. (Parameters are bounded by the caller: |alpha|, |beta| < 2^40.)
[[nodiscard]] inline long cyclic_exponent(BlockPotential p, long alpha, long beta) {
    const long gamma = -alpha - beta;
    switch (p) {
        case BlockPotential::abc: return 0;
        case BlockPotential::a_bar_bc: return -2 * alpha;
        case BlockPotential::ab_bar_c: return -2 * beta;
        case BlockPotential::a_bar_b_bar_c: return 2 * gamma;
        case BlockPotential::abs_a2_c:
        case BlockPotential::abs_b2_c: return gamma;
        case BlockPotential::a2_c: return alpha - beta;
        case BlockPotential::b2_c: return beta - alpha;
        case BlockPotential::a_bar2_c: return gamma - 2 * alpha;
        case BlockPotential::b_bar2_c: return gamma - 2 * beta;
    }
    return 0;
}

/// True iff C_q(alpha, beta) / q is a per-frequency global solution: the exponent of every named
/// potential other than abc is non-zero mod q. Throws InvalidInput if q == 0.
[[nodiscard]] inline bool cyclic_condition(unsigned long q, long alpha, long beta) {
    if (q == 0) throw InvalidInput("cyclic family: q must be >= 1");
    const long lq = static_cast<long>(q);
    for (BlockPotential p : all_block_potentials)
        if (p != BlockPotential::abc && cyclic_exponent(p, alpha, beta) % lq == 0) return false;
    return true;
}

/// The number of pairs (alpha, beta) in Z_q x Z_q satisfying cyclic_condition.
[[nodiscard]] inline std::size_t cyclic_solution_count(unsigned long q) {
    std::size_t count = 0;
    for (unsigned long al = 0; al < q; ++al)
        for (unsigned long be = 0; be < q; ++be)
            if (cyclic_condition(q, static_cast<long>(al), static_cast<long>(be))) ++count;
    return count;
}

/// The cyclic family C_q(alpha, beta) at frequency k (order q, c-row NOT divided by q): node i is u^i,
/// u = single_node(k, zeta_q^alpha, zeta_q^beta, zeta_q^gamma), gamma = -alpha - beta (node 0 is the local
/// unit). Throws InvalidInput if q == 0, or k is 0, self-conjugate or outside the group.
template <Scalar S>
[[nodiscard]] Element<S> cyclic_family(const AbelianGroup& group, std::size_t k, unsigned long q, long alpha, long beta) {
    if (q == 0) throw InvalidInput("cyclic family: q must be >= 1");
    if (group.is_self_conjugate(k))
        throw InvalidInput("cyclic family: frequency " + std::to_string(k) + " is self-conjugate (k = -k)");
    const long lq = static_cast<long>(q);
    const long al = ((alpha % lq) + lq) % lq, be = ((beta % lq) + lq) % lq;
    const long ga = ((-al - be) % lq + lq) % lq;
    const Element<S> u = single_node<S>(group, k, root_of_unity<S>(q, al), root_of_unity<S>(q, be),
                                        root_of_unity<S>(q, ga));
    return polynomial_in_generator(u, std::vector<S>(q, from_ratio<S>(1, 1)));
}

/// C_q(alpha, beta) / q at k: r_kkk = 1; a per-frequency global solution iff cyclic_condition(q, alpha, beta).
template <Scalar S>
[[nodiscard]] Element<S> cyclic_block(const AbelianGroup& group, std::size_t k, unsigned long q, long alpha, long beta) {
    return scale_output(cyclic_family<S>(group, k, q, alpha, beta), from_ratio<S>(1, static_cast<long>(q)));
}

/// z_n(a) at frequency k: nodes (1, 1, 1), (a, -conj(a), -1/|a|^2). Kills |a|^2c and |b|^2c; abc = 2.
/// Throws DivisionByZero (exact scalars) if a is zero; InvalidInput if k is 0, self-conjugate or outside.
template <Scalar S>
[[nodiscard]] Element<S> z_n(const AbelianGroup& group, std::size_t k, const S& a) {
    if (group.is_self_conjugate(k))
        throw InvalidInput("z_n: frequency " + std::to_string(k) + " is self-conjugate (k = -k)");
    const S one = from_ratio<S>(1, 1);
    return single_node<S>(group, k, one, one, one) + single_node<S>(group, k, a, -conj(a), -inv(a * conj(a)));
}

/// The order-8 per-frequency global solution z_n(a) * z_{nu=i} * z_xi(xi, s) / 8 at k (node (i, j, l) at
/// index 4 i + 2 j + l). Throws as z_n and z_xi do.
template <Scalar S>
[[nodiscard]] Element<S> order8_block(const AbelianGroup& group, std::size_t k, const S& a, const S& xi, int s) {
    return scale_output(z_n<S>(group, k, a) * z_nu_i<S>(group, k) * z_xi<S>(group, k, xi, s), from_ratio<S>(1, 8));
}

/// syn_dc(alpha) at a frequency k with 3k = 0, k != 0 (order 3, c-row already scaled so that r_kkk = 1):
/// node l has a = b = alpha w^l at k (conjugates at -k), c = w^l / (3 alpha^2) at k (conjugate at -k), and
/// the DC entries z_a[0] = z_b[0] = -alpha/4 (only their sum -alpha/2 matters: the shift gauge).
/// alpha must be real (exact scalars: checked). Throws InvalidInput unless 3k = 0 != k; DivisionByZero
/// if alpha is zero.
template <Scalar S>
[[nodiscard]] Element<S> syn_dc_block(const AbelianGroup& group, std::size_t k, const S& alpha) {
    detail::require_nonzero_frequency(group, k, "syn_dc_block");
    if (group.mul(3, k) != 0)
        throw InvalidInput("syn_dc_block: needs a frequency of order 3 (3k = 0), got k = " + std::to_string(k) +
                           " in " + group.name());
    if constexpr (ExactScalar<S>) {
        if (!is_zero(alpha - conj(alpha))) throw InvalidInput("syn_dc_block: alpha must be real");
    }
    const S w = root_of_unity<S>(3, 1);
    const S c_scale = inv(from_ratio<S>(3, 1) * alpha * alpha);
    const S dc = -(alpha * from_ratio<S>(1, 4));
    std::vector<Node<S>> nodes;
    S wl = from_ratio<S>(1, 1);
    for (int l = 0; l < 3; ++l) {
        Node<S> n;
        n.a = detail::conjugate_pair_row(group, k, alpha * wl);
        n.a.emplace_back(0, dc);
        n.b = n.a;
        n.c = detail::conjugate_pair_row(group, k, wl * c_scale);
        nodes.push_back(std::move(n));
        wl = wl * w;
    }
    return Element<S>(group, std::move(nodes));
}

}  // namespace cogo
