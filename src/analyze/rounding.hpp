#pragma once
/// \file rounding.hpp
/// The exact side of the cross-check: snapping float parameters to roots of unity, the
/// exact family block of a classified frequency block, and the exact bias-cancelling output directions of
/// an order-6 block (docs/theory.md section 5, z_F4/6).
///
/// Bias cancellation. Give the six nodes of an order-6 block B (inputs at +-k_B) extra output entries e_f at
/// another frequency k (conj(e_f) at -k). At output k they create the potentials sum_f e_f x_f with x_f in
/// {a b, a' b, a b', a' b', a^2, a'^2, b^2, b'^2} (entries at k_B; the a^2/b^2 ones through the DC sums at
/// m = +-2 k_B), which must all vanish, and the bias sum_f (|a_f|^2 + |b_f|^2) e_f, which may cancel the bias
/// of the block at k. So e ranges over the exact kernel of that 8 x 6 matrix (for z_nu*z_syn it is spanned
/// by y (x) 1, y = (|nu|^2, 1), as in docs/theory.md); `bias_directions` computes the kernel exactly.
#include <cstddef>
#include <vector>

#include "algebra/element.hpp"
#include "analyze/classify.hpp"
#include "scalar/turn.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo::analyze {

/// Snaps an angle given in turns: to the nearest multiple of 1/24 turn if within `tolerance` turns (then
/// `on_small_grid` is set), else to the nearest multiple of 1/120 turn. The result is canonical (turn.hpp).
Turn snap_turn(double turns, double tolerance, bool& on_small_grid);

/// The exact block of a family at frequency k with the given parameters (turns), node order as in
/// global_solutions.hpp: nu_syn_block(k, nu), nui_synab_block(k, alpha, beta), nui_xi_block(k, xi, s).
/// Throws InvalidInput for BlockFamily::unknown.
Element<Cyclotomic> family_block(const AbelianGroup& group, std::size_t k, BlockFamily family, const Turn& p1,
                                 const Turn& p2, int sign);

/// An exact basis of the bias-cancelling output directions of `block` (nodes with inputs at +-k only), each a
/// vector over the block's nodes; empty if there is none.
std::vector<std::vector<Cyclotomic>> bias_directions(const Element<Cyclotomic>& block, std::size_t k);

/// The bias weight sum_f (|a_f|^2 + |b_f|^2) v_f of an output direction v of `block` (inputs at +-k).
Cyclotomic bias_weight(const Element<Cyclotomic>& block, std::size_t k, const std::vector<Cyclotomic>& v);

/// The Gaussian rational (round(re * den) + i round(im * den)) / den.
Cyclotomic gaussian_rational(Complex value, long den);

}  // namespace cogo::analyze
