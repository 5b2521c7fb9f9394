#pragma once
/// \file block_potentials.hpp
/// The named per-frequency potentials of docs/theory.md section 5 at a frequency k, computed from the
/// potentials of algebra/potentials.hpp (x' = conj x, i.e. the entry at -k for real weights):
///
///   abc    = r_{k,k,k}          (the 1-set)
///   a'bc   = r_{-k,k,k}         ab'c = r_{k,-k,k}        a'b'c = r_{-k,-k,k}      (R_c)
///   |a|^2c = r_{a,k,-k,k}       |b|^2c = r_{b,k,-k,k}                              (R_n)
///   a^2c   = r_{a,k,k,k}        b^2c = r_{b,k,k,k}                                 (R_*^+)
///   a'^2c  = r_{a,-k,-k,k}      b'^2c = r_{b,-k,-k,k}                              (R_*^-)
///
/// Only |a|^2c + |b|^2c (the block's "bias") enters the loss, through the output-bias term (4) of
/// Theorem 1; for odd-order groups the other nine are exactly the potentials of l_k with inputs at +-k.
/// Nothing is asserted here: values are computed, and `killed_potentials` reports which are exactly zero.
#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "algebra/potentials.hpp"

namespace cogo {

/// The ten named per-frequency potentials.
enum class BlockPotential { abc, a_bar_bc, ab_bar_c, a_bar_b_bar_c, abs_a2_c, abs_b2_c, a2_c, b2_c, a_bar2_c, b_bar2_c };

/// All ten, in declaration order (the order of BlockPotentials::values).
inline constexpr BlockPotential all_block_potentials[] = {
    BlockPotential::abc,      BlockPotential::a_bar_bc, BlockPotential::ab_bar_c, BlockPotential::a_bar_b_bar_c,
    BlockPotential::abs_a2_c, BlockPotential::abs_b2_c, BlockPotential::a2_c,     BlockPotential::b2_c,
    BlockPotential::a_bar2_c, BlockPotential::b_bar2_c};

/// docs/theory.md's name: "abc", "a'bc", "ab'c", "a'b'c", "|a|^2c", "|b|^2c", "a^2c", "b^2c", "a'^2c", "b'^2c".
inline const char* block_potential_name(BlockPotential p) {
    static constexpr const char* names[] = {"abc",    "a'bc",   "ab'c", "a'b'c", "|a|^2c",
                                            "|b|^2c", "a^2c",   "b^2c", "a'^2c", "b'^2c"};
    return names[static_cast<int>(p)];
}

/// The ten potential values of one element at one frequency k.
template <Scalar S>
struct BlockPotentials {
    std::size_t k = 0;           ///< the frequency
    std::array<S, 10> values{};  ///< indexed by BlockPotential

    /// The value of one named potential.
    const S& operator[](BlockPotential p) const { return values[static_cast<std::size_t>(p)]; }
    /// The block's bias |a|^2c + |b|^2c = sum_j z_c[k,j] (z_a[k,j] z_a[-k,j] + z_b[k,j] z_b[-k,j]).
    S bias() const { return (*this)[BlockPotential::abs_a2_c] + (*this)[BlockPotential::abs_b2_c]; }
};

/// The ten named potentials of z at frequency k (any k of the group; -k is taken in the group).
/// Throws InvalidInput if k is outside the group.
template <Scalar S>
BlockPotentials<S> block_potentials(const Element<S>& z, std::size_t k) {
    const AbelianGroup& g = z.group();
    if (k >= g.order())
        throw InvalidInput("block_potentials: frequency " + std::to_string(k) + " is outside " + g.name());
    const std::size_t m = g.neg(k);
    BlockPotentials<S> out;
    out.k = k;
    auto set = [&out](BlockPotential p, S v) { out.values[static_cast<std::size_t>(p)] = std::move(v); };
    set(BlockPotential::abc, potential(z, k, k, k));
    set(BlockPotential::a_bar_bc, potential(z, m, k, k));
    set(BlockPotential::ab_bar_c, potential(z, k, m, k));
    set(BlockPotential::a_bar_b_bar_c, potential(z, m, m, k));
    set(BlockPotential::abs_a2_c, self_potential(z, Part::a, k, m, k));
    set(BlockPotential::abs_b2_c, self_potential(z, Part::b, k, m, k));
    set(BlockPotential::a2_c, self_potential(z, Part::a, k, k, k));
    set(BlockPotential::b2_c, self_potential(z, Part::b, k, k, k));
    set(BlockPotential::a_bar2_c, self_potential(z, Part::a, m, m, k));
    set(BlockPotential::b_bar2_c, self_potential(z, Part::b, m, m, k));
    return out;
}

/// The named potentials that are exactly zero ("killed"), in declaration order. Exact scalars only.
template <ExactScalar S>
std::vector<BlockPotential> killed_potentials(const BlockPotentials<S>& values) {
    std::vector<BlockPotential> out;
    for (BlockPotential p : all_block_potentials)
        if (is_zero(values[p])) out.push_back(p);
    return out;
}

/// The named potentials of z at frequency k that are exactly zero, in declaration order. Exact scalars
/// only; throws InvalidInput if k is outside the group.
template <ExactScalar S>
std::vector<BlockPotential> killed_potentials(const Element<S>& z, std::size_t k) {
    return killed_potentials(block_potentials(z, k));
}

/// Names of a list of potentials joined as "{a'bc, ab'c}" (for messages and reports).
inline std::string block_potential_names(const std::vector<BlockPotential>& ps) {
    std::string s = "{";
    for (std::size_t i = 0; i < ps.size(); ++i) s += (i ? ", " : "") + std::string(block_potential_name(ps[i]));
    return s + "}";
}

}  // namespace cogo
