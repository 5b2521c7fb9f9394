#pragma once
/// \file bias_cancellation.hpp
/// Cancelling the output biases T_k(0, 0) of an element across frequencies (docs/theory.md section 5): the
/// z_F4/6 mechanism as an operation on elements.
///
/// A node whose inputs sit at frequencies other than k, given an output entry c at k, contributes to the
/// conditions of output k only through products of its own input entries: a b c (the r-potentials of its
/// input frequencies), a^2 c, b^2 c (the (m, 0), (0, m) sums at m = 2 k0) and the bias
/// T_k(0, 0) += c * D, D = (1/2) sum_{k'} (a[k'] a[-k'] + b[k'] b[-k']) (+ a[0] b[0] with DC inputs). If the
/// same output c = lambda_k is put on every node of a block B whose input sums vanish,
///     sum_j a_j[k1] b_j[k2] = 0 (k1, k2 in B's input frequencies),  sum_j a_j[k1] a_j[k2] = sum_j b_j[k1] b_j[k2] = 0
/// for k1 + k2 != 0, the only condition touched is the bias, which moves by lambda_k D_k(B). So
///     lambda_k = -rho_k / D_k(B),   rho_k = T_k(0, 0)(z),
/// cancels z's bias at k. z_nu(nu) * z_syn has vanishing input sums for every unit nu (z_syn sums ab, a^2,
/// b^2 and their conjugate forms to 0 over its three nodes, and z_nu's |nu|^2 = 1 cancels a'b), and uniform
/// outputs are exactly z_F4/6's y = (|nu|^2, 1) at |nu| = 1: cancel_biases_on(sum of the order-4 blocks,
/// nu_syn_block(k0, nu)) is z_F4/6 (global_solutions.hpp f46) up to node order. For a block whose input sums
/// do not vanish the outputs create other potentials, and the verification refutes the result: nothing here
/// checks optimality.
///
/// The DC / real-frequency bias node (real_frequency.hpp bias_cancelling_node) is the one-node case: a = 1 at
/// k0 with 2 k0 = 0, b = 0, whose input sums vanish trivially.
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "algebra/semiring.hpp"
#include "construct/real_frequency.hpp"
#include "support/error.hpp"

namespace cogo {

/// D_k(B): the bias T_k(0, 0) that unit outputs c_j[k] = 1 on every node of `carrier` (inputs as given, the
/// c-rows replaced) would produce, computed by the conditions' one definition (output_biases).
template <Scalar S>
[[nodiscard]] S unit_output_bias(const Element<S>& carrier, std::size_t k) {
    std::vector<Node<S>> probe = carrier.nodes();
    for (Node<S>& node : probe) node.c = {{k, from_ratio<S>(1, 1)}};
    for (auto& [kk, value] : output_biases(Element<S>(carrier.group(), std::move(probe))))
        if (kk == k) return value;
    return S{};
}

/// z + B', where B' is `carrier` whose every node also gets the output entry lambda_k at every frequency k at
/// which z has a non-zero bias and `carrier` has no output entry: lambda_k = -T_k(0, 0)(z) / D_k(carrier)
/// (see the file comment; conjugate symmetry is kept, since the biases of a real z at -k are the conjugates).
/// Biases of z at a frequency where `carrier` already has outputs are left as they are.
/// Throws ShapeMismatch for different groups, InvalidInput if D_k(carrier) is 0 at a frequency to cancel
/// (a carrier without input energy) or the carrier has no node.
template <Scalar S>
[[nodiscard]] Element<S> cancel_biases_on(const Element<S>& z, const Element<S>& carrier) {
    if (!(z.group() == carrier.group())) throw ShapeMismatch("cancel: the two elements are over different groups");
    if (carrier.order() == 0) throw InvalidInput("cancel: the carrier has no node");
    std::set<std::size_t> carried;
    for (const Node<S>& node : carrier.nodes())
        for (const auto& entry : node.c) carried.insert(entry.first);
    std::vector<Node<S>> nodes = carrier.nodes();
    for (const auto& [k, rho] : output_biases(z)) {
        if (carried.count(k) != 0) continue;
        const S d = unit_output_bias(carrier, k);
        if (is_zero(d))
            throw InvalidInput("cancel: the carrier's nodes give no bias at output " + std::to_string(k) +
                               " (no input energy), so they cannot cancel the bias there");
        const S lambda = -(rho * inv(d));
        for (Node<S>& node : nodes) node.c.emplace_back(k, lambda);
    }
    return z + Element<S>(z.group(), std::move(nodes));
}

/// z + the bias node at k0 (0: a DC input row; else a real frequency) that cancels every output bias of z
/// (real_frequency.hpp bias_cancelling_node). Throws InvalidInput unless k0 is 0 or self-conjugate.
template <Scalar S>
[[nodiscard]] Element<S> debiased(const Element<S>& z, std::size_t k0) {
    return z + bias_cancelling_node(z, k0);
}

}  // namespace cogo
