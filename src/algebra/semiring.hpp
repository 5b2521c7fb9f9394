#pragma once
/// \file semiring.hpp
/// The semi-ring operations on Z (docs/theory.md section 4):
///   z1 + z2  concatenates the nodes (order q1 + q2);
///   z1 * z2  is the per-(part, frequency) Kronecker product over nodes (order q1 q2), node (j1, j2) at
///            index j1 * q2 + j2 with (z1 * z2)_p[k, (j1, j2)] = z1_p[k, j1] z2_p[k, j2];
///   zero     has no nodes; one has a single node with every entry 1 (all parts, all frequencies, k = 0 too).
/// The laws hold up to node permutation (see equal_up_to_node_permutation in transforms.hpp).
#include <cstddef>
#include <vector>

#include "algebra/element.hpp"

namespace cogo {

namespace detail {
inline void require_same_group(const AbelianGroup& g1, const AbelianGroup& g2, const char* what) {
    if (!(g1 == g2)) throw ShapeMismatch(std::string(what) + ": elements over different groups " + g1.name() + " and " + g2.name());
}

/// Entrywise product of two sparse rows on the intersection of their supports.
template <Scalar S>
[[nodiscard]] FourierRow<S> row_product(const FourierRow<S>& x, const FourierRow<S>& y) {
    FourierRow<S> out;
    std::size_t i = 0, j = 0;
    while (i < x.size() && j < y.size()) {
        if (x[i].first < y[j].first) {
            ++i;
        } else if (y[j].first < x[i].first) {
            ++j;
        } else {
            out.emplace_back(x[i].first, x[i].second * y[j].second);
            ++i;
            ++j;
        }
    }
    return out;
}
}  // namespace detail

/// The additive identity over `group` (no nodes).
template <Scalar S>
[[nodiscard]] Element<S> zero_element(const AbelianGroup& group) {
    return Element<S>(group);
}

/// The multiplicative identity over `group`: one node with all entries 1.
template <Scalar S>
[[nodiscard]] Element<S> one_element(const AbelianGroup& group) {
    Node<S> n;
    const S unit = from_ratio<S>(1, 1);
    for (Part p : all_parts)
        for (std::size_t k = 0; k < group.order(); ++k) n.row(p).emplace_back(k, unit);
    return Element<S>(group, {n});
}

/// z1 + z2: the nodes of z1 followed by those of z2.
template <Scalar S>
[[nodiscard]] Element<S> operator+(const Element<S>& z1, const Element<S>& z2) {
    detail::require_same_group(z1.group(), z2.group(), "sum");
    std::vector<Node<S>> nodes = z1.nodes();
    nodes.insert(nodes.end(), z2.nodes().begin(), z2.nodes().end());
    return Element<S>(z1.group(), std::move(nodes), canonical_rows);  // canonical rows, one group
}

/// z_1 + z_2 + ... + z_m in one pass (the nodes of each summand in turn): the same element as folding
/// operator+ left to right, in time linear in the total order (folding copies the partial sum each
/// time). The empty sum is zero_element(group). Throws ShapeMismatch if a summand is over another group.
template <Scalar S>
[[nodiscard]] Element<S> sum_of(const AbelianGroup& group, const std::vector<Element<S>>& summands) {
    std::size_t total = 0;
    for (const Element<S>& z : summands) {
        detail::require_same_group(group, z.group(), "sum");
        total += z.order();
    }
    std::vector<Node<S>> nodes;
    nodes.reserve(total);
    for (const Element<S>& z : summands) nodes.insert(nodes.end(), z.nodes().begin(), z.nodes().end());
    return Element<S>(group, std::move(nodes), canonical_rows);  // canonical rows, one group
}

/// z1 * z2: per-frequency Kronecker product, node (j1, j2) at index j1 * q2 + j2.
template <Scalar S>
[[nodiscard]] Element<S> operator*(const Element<S>& z1, const Element<S>& z2) {
    detail::require_same_group(z1.group(), z2.group(), "product");
    std::vector<Node<S>> nodes;
    nodes.reserve(z1.order() * z2.order());
    for (const Node<S>& n1 : z1.nodes())
        for (const Node<S>& n2 : z2.nodes()) {
            Node<S> n;
            for (Part p : all_parts) n.row(p) = detail::row_product(n1.row(p), n2.row(p));
            nodes.push_back(std::move(n));
        }
    // Rows are intersections of sorted rows, so sorted and in range; over an exact scalar (a field) a
    // product of non-zero values is non-zero. Floats can underflow to 0.0: those rows are re-checked.
    if constexpr (ExactScalar<S>)
        return Element<S>(z1.group(), std::move(nodes), canonical_rows);
    else
        return Element<S>(z1.group(), std::move(nodes));
}

/// z^n for n >= 0 (z^0 = one).
template <Scalar S>
[[nodiscard]] Element<S> power(const Element<S>& z, unsigned n) {
    Element<S> result = one_element<S>(z.group());
    for (unsigned i = 0; i < n; ++i) result = result * z;
    return result;
}

}  // namespace cogo
