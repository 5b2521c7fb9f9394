#pragma once
/// \file kill_table.hpp
/// The kill table: for an element and each frequency pair, which of the ten named potentials of
/// docs/theory.md section 5 (1-set abc; R_c = a'bc, ab'c, a'b'c; R_n = |a|^2c, |b|^2c; R_* = a^2c, b^2c,
/// a'^2c, b'^2c) it kills (exactly zero) and which values it leaves, plus the block's bias |a|^2c + |b|^2c;
/// the composition lemma as a computed check; and the paper's partial solutions as rows computed for
/// generic parameters (cogo::Symbolic: unit nu, xi, alpha, beta, complex a), so "kills" there means "for
/// ALL parameter values" (a Laurent polynomial vanishing on the torus is zero).
#include <cstddef>
#include <string>
#include <vector>

#include "construct/block_potentials.hpp"
#include "construct/families.hpp"
#include "construct/global_solutions.hpp"
#include "construct/more_families.hpp"

namespace cogo {

/// One row: an element's ten named potentials at one frequency k.
template <ExactScalar S>
struct KillRow {
    std::string name;                    ///< what the row is about (element name or "k = 3")
    std::size_t k = 0;                   ///< the frequency
    BlockPotentials<S> values;           ///< the ten values
    std::vector<BlockPotential> killed;  ///< exactly zero ones, in declaration order

    /// True iff p is killed.
    [[nodiscard]] bool kills(BlockPotential p) const {
        for (BlockPotential q : killed)
            if (q == p) return true;
        return false;
    }
};

/// The row of z at frequency k.
template <ExactScalar S>
[[nodiscard]] KillRow<S> kill_row(const Element<S>& z, std::size_t k, std::string name) {
    KillRow<S> row{std::move(name), k, block_potentials(z, k), {}};
    row.killed = killed_potentials(row.values);
    return row;
}

/// The frequencies a kill table covers: the pair representatives (k < -k) and the real frequencies
/// (k = -k != 0), in increasing order.
[[nodiscard]] inline std::vector<std::size_t> kill_table_frequencies(const AbelianGroup& group) {
    std::vector<std::size_t> ks;
    for (std::size_t k = 1; k < group.order(); ++k)
        if (k <= group.neg(k)) ks.push_back(k);
    return ks;
}

/// True iff some node of z has an entry (in any row) at k or at -k.
template <Scalar S>
[[nodiscard]] bool has_entry_at(const Element<S>& z, std::size_t k) {
    const std::size_t m = z.group().neg(k);
    for (const Node<S>& n : z.nodes())
        for (Part p : all_parts)
            if (find_entry(n.row(p), k) != nullptr || find_entry(n.row(p), m) != nullptr) return true;
    return false;
}

/// One row per frequency of kill_table_frequencies at which z has an entry (others omitted: everything
/// is killed there).
template <ExactScalar S>
[[nodiscard]] std::vector<KillRow<S>> kill_table(const Element<S>& z) {
    std::vector<KillRow<S>> rows;
    for (std::size_t k : kill_table_frequencies(z.group()))
        if (has_entry_at(z, k)) rows.push_back(kill_row(z, k, "k = " + std::to_string(k)));
    return rows;
}

/// The composition lemma at one frequency, computed: for every named potential p,
/// p(z1 z2) = p(z1) p(z2) (homomorphism) and hence K(z1 z2) = K(z1) u K(z2) (C has no zero divisors).
template <ExactScalar S>
struct CompositionCheck {
    KillRow<S> first, second, product;
    bool multiplicative = true;  ///< every p(z1 z2) - p(z1) p(z2) is exactly zero
    bool union_of_kills = true;  ///< K(z1 z2) == K(z1) u K(z2)
};

/// Computes the composition check of z1 * z2 at k.
template <ExactScalar S>
[[nodiscard]] CompositionCheck<S> composition_check(const Element<S>& z1, const Element<S>& z2, std::size_t k) {
    CompositionCheck<S> c{kill_row(z1, k, "z1"), kill_row(z2, k, "z2"), kill_row(z1 * z2, k, "z1 * z2")};
    for (BlockPotential p : all_block_potentials) {
        if (!is_zero(c.product.values[p] - c.first.values[p] * c.second.values[p])) c.multiplicative = false;
        if (c.product.kills(p) != (c.first.kills(p) || c.second.kills(p))) c.union_of_kills = false;
    }
    return c;
}

/// The paper's partial solutions (docs/theory.md section 5 table) and the families of section 5b, as
/// rows at frequency 1 of Z_7, with generic parameters: unit nu, xi, alpha, beta, complex a. Each row's
/// element is the per-frequency block as tabulated (c-row not divided by the order).
template <ExactScalar S>
[[nodiscard]] std::vector<KillRow<S>> paper_kill_table(const S& nu, const S& xi, const S& alpha, const S& beta,
                                                       const S& a) {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const std::size_t k = 1;
    const Element<S> syn = z_syn<S>(g, k), znu = z_nu<S>(g, k, nu), nui = z_nu_i<S>(g, k);
    const Element<S> xip = z_xi<S>(g, k, xi, 1), xim = z_xi<S>(g, k, xi, -1), synab = z_syn_ab<S>(g, k, alpha, beta);
    const Element<S> zn = z_n<S>(g, k, a);
    std::vector<KillRow<S>> rows;
    rows.push_back(kill_row(syn, k, "z_syn"));
    rows.push_back(kill_row(znu, k, "z_nu"));
    rows.push_back(kill_row(nui, k, "z_{nu=i}"));
    rows.push_back(kill_row(xip, k, "z_xi (s = +1)"));
    rows.push_back(kill_row(xim, k, "z_xi (s = -1)"));
    rows.push_back(kill_row(synab, k, "z_{syn,ab}"));
    rows.push_back(kill_row(zn, k, "z_n"));
    rows.push_back(kill_row(znu * syn, k, "z_nu * z_syn"));
    rows.push_back(kill_row(nui * synab, k, "z_{nu=i} * z_{syn,ab}"));
    rows.push_back(kill_row(nui * xip, k, "z_{nu=i} * z_xi (s = +1)"));
    rows.push_back(kill_row(zn * nui * xip, k, "z_n * z_{nu=i} * z_xi (s = +1)"));
    rows.push_back(kill_row(cyclic_family<S>(g, k, 7, 1, 3), k, "C_7(1, 3)"));
    return rows;
}

}  // namespace cogo
