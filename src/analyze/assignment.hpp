#pragma once
/// \file assignment.hpp
/// Node-to-frequency assignment of a trained network's Fourier form.
///
/// Frequencies are grouped in conjugate pairs {k, -k}, represented by the smaller flat index r(k) = min(k, -k)
/// (self-conjugate k = -k are their own pair). For node j and part p, E_p[r] is the energy of row p on the
/// pair (|z_p[k]|^2 + |z_p[-k]|^2; once for k = -k), the output's DC entry z_c[0] excluded (it never enters
/// the loss). All thresholds are RELATIVE (scale-free):
///  * strength s_j = (||z_a||^2 + ||z_b||^2) ||z_c|| (norms over all frequencies, the output's DC excluded:
///    the size of the node's contribution to the output function; invariant under the gauge (t a, t b, c/t^2),
///    and under the shift gauge once the caller has fixed it, gauge.hpp); a node is DEAD if
///    s_j < dead_threshold * max_j s_j (dropped, counted). A node whose inputs live on the DC row alone (a bias
///    node) is as strong as its contribution, not dead;
///  * the node's frequency is the non-DC pair maximising (E_a[r] + E_b[r])/(|a|^2 + |b|^2) + E_c[r]/|c|^2
///    (inputs and output jointly; the two input rows together, so that a near-zero row weighs nothing); a node
///    whose INPUT energy is mostly DC ((E_a[0] + E_b[0])/(|a|^2 + |b|^2) above the best pair's input share) is
///    a DC NODE: kept, reported, not in any block;
///  * DC share (E_a[0] + E_b[0]) / (|a|^2 + |b|^2) above dc_threshold: "DC-carrying" (reported);
///  * off-frequency shares 1 - E_p[r*]/|p|^2 per part; above spread_threshold the node "spreads" (reported,
///    kept in its block: order-6 nodes carry bias-cancelling outputs at other frequencies, docs/theory.md 7).
#include <cstddef>
#include <map>
#include <vector>

#include "analyze/fourier_weights.hpp"

namespace cogo::analyze {

/// Relative thresholds of the assignment.
struct AssignmentOptions {
    double dead_threshold = 1e-3;    ///< dead if strength < this * max strength
    double dc_threshold = 1e-2;      ///< DC-carrying if the input DC energy share exceeds this
    double spread_threshold = 1e-2;  ///< spreading if some part's off-frequency share exceeds this
};

/// What the assignment found for one node.
struct NodeInfo {
    double strength = 0;        ///< s_j (see file comment)
    bool dead = false;
    bool dc_node = false;       ///< input energy mostly DC: not in a block
    std::size_t pair = 0;       ///< representative r of the node's frequency pair (0 if dead or DC node)
    double dc_share = 0;        ///< input DC energy share
    double off_a = 0, off_b = 0, off_c = 0;  ///< off-frequency energy shares per part
    bool dc_carrying = false;   ///< dc_share > dc_threshold
    bool spread = false;        ///< max(off_*) > spread_threshold
};

/// The assignment of every node.
struct NodeAssignment {
    std::vector<NodeInfo> nodes;                          ///< one per node, in input order
    std::map<std::size_t, std::vector<std::size_t>> blocks;  ///< pair representative -> its nodes (input order)
    double max_strength = 0;
    std::size_t dead = 0, dc_nodes = 0, dc_carrying = 0, spread = 0;
    double max_dead_strength = 0;  ///< largest strength among dead nodes (relative to max_strength)
};

/// min(k, -k): the representative of k's conjugate pair.
inline std::size_t pair_of(const AbelianGroup& g, std::size_t k) { return std::min(k, g.neg(k)); }

/// Assigns every node (see the file comment).
NodeAssignment assign_nodes(const FourierWeights& z, const AssignmentOptions& options = {});

}  // namespace cogo::analyze
