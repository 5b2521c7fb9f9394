#pragma once
/// \file joint_outputs.hpp
/// Output rows solved jointly with helper nodes. A node at a real frequency k = -k leaves a bias at its own
/// output (one node (t, u, 1/(tu)) leaves (t^2 + u^2)/(2tu), docs/theory.md section 5), and gradient descent
/// uses exactly that least-biased 1-node (a, +-a, +-1/a^2): its bias is then cancelled by small outputs at k on
/// the nodes of other blocks (every node of the order-6 blocks, in trained networks) or on a bias node. Once the
/// input rows of all those nodes are fixed exactly, every condition is linear in their output rows
/// (output_solve.hpp), so the outputs of the real-frequency nodes and of the helpers are solved together: the
/// helpers' own-frequency rows, their bias-cancelling rows at the other frequencies and the real nodes' rows,
/// in one exact solve per output frequency, nearest the trained outputs.
#include <complex>
#include <cstddef>
#include <functional>
#include <vector>

#include "algebra/element.hpp"
#include "analyze/fourier_weights.hpp"
#include "analyze/output_solve.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo::analyze {

/// A node whose exact inputs are fixed and whose output row is to be solved, with its trained outputs mapped
/// into the exact gauge (trained[m], m = 0..n-1).
struct OutputHelper {
    Node<Cyclotomic> node;
    std::vector<Complex> trained;
};

/// The helper for trained node j whose exact inputs are `node` (its c row is dropped) and equal the trained
/// inputs divided by the real scale t: trained[m] = z_c[m, j] t^2 / phase(m) (phase(m): the exact output phase
/// of frequency m in the trained gauge).
[[nodiscard]] OutputHelper make_helper(const FourierWeights& z, Node<Cyclotomic> node, std::size_t j, double t,
                                       const std::function<Complex(std::size_t)>& phase);

/// The joint solution: `solution` holds the rows of `nodes` (or the failure), helper_c the helpers' rows.
struct JointOutputs {
    OutputSolution solution;
    std::vector<FourierRow<Cyclotomic>> helper_c;
};

/// Solves the output rows of `nodes` and of `helpers` together against `fixed` (solve_outputs over their union;
/// the distance and the tolerance are over the union).
[[nodiscard]] JointOutputs solve_jointly(const Element<Cyclotomic>& fixed, const std::vector<Node<Cyclotomic>>& nodes,
                                         const std::vector<std::vector<Complex>>& trained,
                                         const std::vector<OutputHelper>& helpers, double tolerance);

}  // namespace cogo::analyze
