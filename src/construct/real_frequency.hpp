#pragma once
/// \file real_frequency.hpp
/// Blocks at self-conjugate frequencies (k = -k != 0, real characters chi_k = +-1; they exist exactly
/// when |G| is even) and the output-bias node; docs/theory.md section 5, last item.
///
/// At a self-conjugate k real weights have real entries, and a node supported at k alone meets only two
/// conditions at the output k: the 1-set T_k(k, k) = sum abc and the bias
///     T_k(0, 0) = (A_k[0] + B_k[0]) / 2 = sum (a^2 + b^2) c / 2,
/// because k + k = 0 sends both self-convolutions to m = 0 (for k != -k they go to m = +-2k instead and
/// the bias is sum (|a|^2 + |b|^2) c, with no 1/2). Hence:
///
/// | element              | nodes (a, b, c) at k          | T_k(k,k) | T_k(0,0)  | role                          |
/// |----------------------|-------------------------------|----------|-----------|-------------------------------|
/// | real_identity_block      | (1, 1, 1)                     | 1        | 1         | needs outside bias cancelling |
/// | real_pair_block      | (1, 1, 1/2), (1, -1, -1/2)    | 1        | 0         | per-frequency global solution |
///
/// One node cannot be a per-frequency global solution: abc = 1 forces a, b, c != 0, and then
/// (a^2 + b^2) c / 2 = (a^2 + b^2) / (2ab) != 0. So 2 nodes is the minimum at a real frequency (proved for
/// all real entries in proofs/real_frequency.cpp), and 1 node suffices when another node cancels the bias:
///
/// bias_node(k0, outputs): a = 1 at k0 with 2 k0 = 0, b = 0, c = the given output row. In the real domain
/// W_a[j, x] = chi_k0(x) = +-1 and W_b[j, .] = 0, so the node's activation is the constant 1: it adds c to
/// every output coefficient's bias T_k(0, 0) (as c_k / 2) and to nothing else (its r-potentials have the
/// factor b = 0, and a_k0 a_k0 lands only on m = 2 k0 = 0). One such node cancels the biases of every
/// frequency at once. k0 may be a real frequency (no DC input component: the element stays zero-mean) or
/// k0 = 0 (a DC input row W_a[j, .] = 1, the only choice for odd |G|; docs/theory.md's "constant-input node").
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/semiring.hpp"
#include "construct/generator.hpp"
#include "algebra/conditions.hpp"

namespace cogo {

namespace detail {
/// Throws InvalidInput unless k is a non-zero self-conjugate frequency of the group.
inline void require_real_frequency(const AbelianGroup& group, std::size_t k, const char* where) {
    require_nonzero_frequency(group, k, where);
    if (!group.is_self_conjugate(k))
        throw InvalidInput(std::string(where) + ": frequency " + std::to_string(k) + " of " + group.name() +
                           " is not self-conjugate (k != -k); real-frequency blocks need 2k = 0");
}
}  // namespace detail

/// The non-zero self-conjugate frequencies (k = -k != 0) in increasing flat index; empty for odd order.
inline std::vector<std::size_t> real_frequencies(const AbelianGroup& group) {
    std::vector<std::size_t> out;
    for (std::size_t k = 1; k < group.order(); ++k)
        if (group.is_self_conjugate(k)) out.push_back(k);
    return out;
}

/// The one-node block (1, 1, 1) at a self-conjugate k: T_k(k,k) = 1, bias T_k(0,0) = 1.
/// Throws InvalidInput unless k is non-zero and self-conjugate.
template <Scalar S>
Element<S> real_identity_block(const AbelianGroup& group, std::size_t k) {
    detail::require_real_frequency(group, k, "real_identity_block");
    return identity_block<S>(group, k);
}

/// The two-node per-frequency global solution (1, 1, 1/2), (1, -1, -1/2) at a self-conjugate k:
/// T_k(k,k) = 1/2 + 1/2 = 1 and bias (2 (1/2) + 2 (-1/2)) / 2 = 0.
/// Throws InvalidInput unless k is non-zero and self-conjugate.
template <Scalar S>
Element<S> real_pair_block(const AbelianGroup& group, std::size_t k) {
    detail::require_real_frequency(group, k, "real_pair_block");
    const S one = from_ratio<S>(1, 1), half = from_ratio<S>(1, 2);
    return single_node<S>(group, k, one, one, half) + single_node<S>(group, k, one, -one, -half);
}

/// The one-node block (a, s a, s / a^2) at a self-conjugate k, a real and non-zero, s = +-1: T_k(k,k) = 1 and
/// bias (a^2 + a^2) (s / a^2) / 2 = s, the smallest |bias| of any one node with abc = 1 (for (t, u, 1/(tu)) it
/// is (t^2 + u^2) / (2 |tu|) >= 1, with equality iff |t| = |u|): the real-frequency node gradient descent
/// finds (examples/README.md). a = 1, s = 1 is real_identity_block.
/// Throws InvalidInput unless k is non-zero and self-conjugate, s is +-1 and a is real (exact scalars);
/// DivisionByZero if a is zero.
template <Scalar S>
Element<S> least_biased_real_node(const AbelianGroup& group, std::size_t k, const S& a, int s) {
    detail::require_real_frequency(group, k, "least_biased_real_node");
    if (s != 1 && s != -1) throw InvalidInput("least_biased_real_node: the sign s must be +1 or -1, got " + std::to_string(s));
    const S sign = from_ratio<S>(s, 1);
    return single_node<S>(group, k, a, sign * a, sign * inv(a * a));
}

/// The two-node block (a, a, 1/(2a^2)), (a, -a, -1/(2a^2)) at a self-conjugate k, a real and non-zero (the
/// scale gauge of real_pair_block, which is a = 1): T_k(k,k) = 1, bias 0.
/// Throws InvalidInput unless k is non-zero and self-conjugate and a is real; DivisionByZero if a is zero.
template <Scalar S>
Element<S> real_pair_block(const AbelianGroup& group, std::size_t k, const S& a) {
    detail::require_real_frequency(group, k, "real_pair_block");
    const S c = inv(from_ratio<S>(2, 1) * a * a);
    return single_node<S>(group, k, a, a, c) + single_node<S>(group, k, a, -a, -c);
}

/// The output-bias node: a = 1 at k0, no b entries, c = `outputs` (its T_k(0,0) contribution is
/// outputs[k] / 2 at every k, and it contributes to no other condition). k0 = 0 gives a DC input row.
/// Throws InvalidInput unless k0 is 0 or a self-conjugate frequency; ShapeMismatch if `outputs` has a
/// frequency outside the group or a repeated one.
template <Scalar S>
Element<S> bias_node(const AbelianGroup& group, std::size_t k0, FourierRow<S> outputs) {
    if (k0 != 0) detail::require_real_frequency(group, k0, "bias_node");
    Node<S> node;
    node.a.emplace_back(k0, from_ratio<S>(1, 1));
    node.c = std::move(outputs);
    return Element<S>(group, {std::move(node)});
}

/// The output-bias coefficient T_k(0, 0) = r_{0,0,k} + (A_k[0] + B_k[0]) / 2 of z at every output
/// frequency k != 0 where it is structurally non-zero (Theorem 1's condition (4)), as a sorted row: the bias
/// conditions of algebra/conditions.hpp, the one definition of the output coefficients.
template <Scalar S>
FourierRow<S> output_biases(const Element<S>& z) {
    FourierRow<S> out;  // conditions come sorted by k, so the row is sorted
    for (auto& c : enumerate_conditions(z))
        if (c.kind() == ConditionKind::bias && !is_structural_zero(c.value)) out.emplace_back(c.k, std::move(c.value));
    return out;
}

/// The bias node at k0 that cancels every output bias of z: c_k = -2 T_k(0, 0)(z).
/// Throws InvalidInput unless k0 is 0 or self-conjugate.
template <Scalar S>
Element<S> bias_cancelling_node(const Element<S>& z, std::size_t k0) {
    FourierRow<S> outputs = output_biases(z);
    const S minus_two = from_ratio<S>(-2, 1);
    for (auto& entry : outputs) entry.second = minus_two * entry.second;
    return bias_node<S>(z.group(), k0, std::move(outputs));
}

}  // namespace cogo
