#pragma once
/// \file small_order_blocks.hpp
/// Blocks at a frequency k of order 3 or 4 (3k = 0 or 4k = 0, docs/theory.md sections 5 and 5b). There 2k is
/// -k or a real frequency, so a^2 c and a'^2 c alias with other potentials and the blocks gradient descent finds
/// are in none of the product families (four nodes with a = +-i b and unequal |c|, for instance). They are
/// rounded like the real-frequency blocks: every node's inputs snapped to exact values, its outputs solved
/// exactly (output_solve.hpp) together with the rest of the network. Per node, in the canonical gauge:
///  * the larger of |a|, |b| is the node's real scale t (exact value 1), the smaller's ratio to it is snapped
///    to a multiple of 1/4 within 0.02 (0 allowed: a one-sided node);
///  * the phase of the larger entry is snapped to a multiple of 1/24 turn if within `snap_tolerance`, else to a
///    multiple of 1/120 turn (rounding.hpp's snap_turn); the relative phase of the other entry is snapped to a
///    multiple of 1/24 turn within `ratio_tolerance` turns (so relations such as a = +-i b are kept exactly);
///  * the input mean z_a[0] + z_b[0] (the shift gauge leaves only the sum) divided by t is snapped to a multiple
///    of 1/4 within 0.02 (z_syn with a uniform DC offset at 3k = 0 has -1/2, docs/theory.md section 5b); trained
///    DC-carrying blocks at 3k = 0 have means off that grid, and their exact point is in general not cyclotomic;
///  * the node must have no input off 0 and +-k above `off_share` of its input energy.
/// The phases are not gauged away: at these frequencies the per-frequency phase gauge is no symmetry of every
/// condition (only the translations, whose phases are on the 1/12 grid, are).
#include <cstddef>
#include <optional>
#include <string>

#include "algebra/element.hpp"
#include "analyze/fourier_weights.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo::analyze {

/// Tolerances of the snapping (turns / relative shares).
struct SmallOrderOptions {
    double snap_tolerance = 0.003;   ///< phase of the larger entry: 1/24-turn grid within this, else 1/120 grid
    double ratio_tolerance = 0.01;   ///< relative phase of the smaller entry: 1/24-turn grid within this
    double off_share = 1e-4;         ///< max input energy share off 0 and +-k
};

/// The order of k in g (the least m >= 1 with m k = 0).
[[nodiscard]] std::size_t element_order(const AbelianGroup& g, std::size_t k);

/// One node's exact inputs: entries at +-k; exact input = trained input / t.
struct SnappedNode {
    Node<Cyclotomic> node;  ///< inputs only (c empty)
    double t = 1;
};

/// Snaps trained node j of block k (see the file comment); nullopt with `why` set if it does not snap.
[[nodiscard]] std::optional<SnappedNode> snap_node_inputs(const FourierWeights& z, std::size_t k, std::size_t j,
                                                          const SmallOrderOptions& options, std::string& why);

}  // namespace cogo::analyze
