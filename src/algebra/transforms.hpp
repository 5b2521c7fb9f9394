#pragma once
/// \file transforms.hpp
/// Maps on semi-ring elements (docs/theory.md section 4): c-row scaling, the input gauge (t a, t b, c / t^2),
/// complex conjugation, group automorphisms k -> s k, node permutations; and the exact comparisons
/// "equal up to node permutation" and "conjugate symmetric" (<=> real-domain weights).
#include <cstddef>
#include <numeric>
#include <vector>

#include "algebra/element.hpp"

namespace cogo {

/// The element with every output (c-row) entry multiplied by s. Potentials scale by s.
template <Scalar S>
Element<S> scale_output(const Element<S>& z, const S& s) {
    std::vector<Node<S>> nodes = z.nodes();
    for (Node<S>& n : nodes)
        for (auto& entry : n.c) entry.second = entry.second * s;
    return Element<S>(z.group(), std::move(nodes));
}

/// The gauge (a, b, c) -> (t a, t b, c / t^2), t != 0: every potential is unchanged.
template <Scalar S>
Element<S> apply_input_gauge(const Element<S>& z, const S& t) {
    const S t_inv = inv(t);
    const S c_factor = t_inv * t_inv;
    std::vector<Node<S>> nodes = z.nodes();
    for (Node<S>& n : nodes) {
        for (auto& entry : n.a) entry.second = entry.second * t;
        for (auto& entry : n.b) entry.second = entry.second * t;
        for (auto& entry : n.c) entry.second = entry.second * c_factor;
    }
    return Element<S>(z.group(), std::move(nodes));
}

/// Entrywise complex conjugate: r(conjugate(z)) = conj(r(z)) for every potential.
template <Scalar S>
Element<S> conjugate(const Element<S>& z) {
    std::vector<Node<S>> nodes = z.nodes();
    for (Node<S>& n : nodes)
        for (Part p : all_parts)
            for (auto& entry : n.row(p)) entry.second = conj(entry.second);
    return Element<S>(z.group(), std::move(nodes));
}

/// The automorphism k -> s k of the dual group applied to every row: result_p[s k, j] = z_p[k, j].
/// s = -1 is the frequency negation k <-> -k. Throws InvalidInput unless gcd(s, exponent) = 1.
template <Scalar S>
Element<S> apply_automorphism(const Element<S>& z, long s) {
    const AbelianGroup& g = z.group();
    if (!g.is_coprime_to_exponent(s))
        throw InvalidInput("automorphism: k -> " + std::to_string(s) + " k is not invertible on " + g.name());
    std::vector<Node<S>> nodes = z.nodes();
    for (Node<S>& n : nodes)
        for (Part p : all_parts)
            for (auto& entry : n.row(p)) entry.first = g.mul(s, entry.first);
    return Element<S>(g, std::move(nodes));
}

/// Node j of the result is node perm[j] of z. Throws InvalidInput unless perm is a permutation of 0..q-1.
template <Scalar S>
Element<S> permute_nodes(const Element<S>& z, const std::vector<std::size_t>& perm) {
    if (perm.size() != z.order()) throw ShapeMismatch("permute_nodes: permutation of the wrong length");
    std::vector<bool> seen(perm.size(), false);
    std::vector<Node<S>> nodes;
    nodes.reserve(perm.size());
    for (std::size_t j : perm) {
        if (j >= perm.size() || seen[j]) throw InvalidInput("permute_nodes: not a permutation");
        seen[j] = true;
        nodes.push_back(z.nodes()[j]);
    }
    return Element<S>(z.group(), std::move(nodes));
}

/// Exact equality of two sparse rows (same support, equal values).
template <ExactScalar S>
bool rows_equal(const FourierRow<S>& x, const FourierRow<S>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (x[i].first != y[i].first || !equal(x[i].second, y[i].second)) return false;
    return true;
}

/// Exact equality of two nodes.
template <ExactScalar S>
bool nodes_equal(const Node<S>& x, const Node<S>& y) {
    return rows_equal(x.a, y.a) && rows_equal(x.b, y.b) && rows_equal(x.c, y.c);
}

/// True iff z1 and z2 have the same group and the same multiset of nodes (exact).
/// Node equality is an equivalence relation, so greedy matching decides multiset equality.
template <ExactScalar S>
bool equal_up_to_node_permutation(const Element<S>& z1, const Element<S>& z2) {
    if (!(z1.group() == z2.group()) || z1.order() != z2.order()) return false;
    std::vector<bool> used(z2.order(), false);
    for (const Node<S>& n : z1.nodes()) {
        bool matched = false;
        for (std::size_t j = 0; j < z2.order() && !matched; ++j)
            if (!used[j] && nodes_equal(n, z2.nodes()[j])) used[j] = matched = true;
        if (!matched) return false;
    }
    return true;
}

/// True iff z_p[-k, j] = conj(z_p[k, j]) for every part, frequency and node, i.e. the real-domain
/// weights of z are real (docs/theory.md section 2). Exact.
template <ExactScalar S>
bool is_conjugate_symmetric(const Element<S>& z) {
    const AbelianGroup& g = z.group();
    for (const Node<S>& n : z.nodes())
        for (Part p : all_parts) {
            const FourierRow<S>& row = n.row(p);
            for (const auto& [k, v] : row) {
                const S* mirror = find_entry(row, g.neg(k));
                if (mirror == nullptr || !equal(*mirror, conj(v))) return false;
            }
        }
    return true;
}

}  // namespace cogo
