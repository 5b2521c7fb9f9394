#pragma once
/// \file generator.hpp
/// Single-node generators of the semi-ring (docs/theory.md sections 4-5): the one-node element at a frequency
/// k with real weights, the per-frequency unit, and powers of a single node kept as ONE node.
///
/// A node "at frequency k" is supported on {k, -k} with z_p[-k] = conj(z_p[k]) (real weights). For a
/// self-conjugate k (k = -k, e.g. k = d/2 for even d) only the k entry is stored and real weights need
/// real values. Zero values are not stored (element.hpp), so a zero entry leaves its row empty there.
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "algebra/element.hpp"

namespace cogo {

namespace detail {
/// Throws InvalidInput unless k is a non-zero frequency of the group.
inline void require_nonzero_frequency(const AbelianGroup& group, std::size_t k, const char* where) {
    if (k >= group.order())
        throw InvalidInput(std::string(where) + ": frequency " + std::to_string(k) + " is outside " + group.name());
    if (k == 0)
        throw InvalidInput(std::string(where) + ": frequency 0 (the DC component) cannot carry a generator; "
                                                "use a non-zero frequency");
}

/// The conjugate-symmetric row {(k, v), (-k, conj v)} (only (k, v) if k = -k).
template <Scalar S>
FourierRow<S> conjugate_pair_row(const AbelianGroup& group, std::size_t k, const S& v) {
    FourierRow<S> row{{k, v}};
    const std::size_t minus_k = group.neg(k);
    if (minus_k != k) row.emplace_back(minus_k, conj(v));
    return row;
}

/// x^i by binary powering (i >= 1).
template <Scalar S>
S positive_power(S x, unsigned i) {
    S result = x;
    --i;
    while (i > 0) {
        if (i & 1U) result = result * x;
        i >>= 1U;
        if (i > 0) x = x * x;
    }
    return result;
}
}  // namespace detail

/// The one-node element at frequency k with z_a[k] = a, z_a[-k] = conj(a), likewise b and c (real weights).
/// If k is self-conjugate (k = -k) only the k entries are stored and a, b, c must be real: for exact
/// scalars a non-real value throws InvalidInput (for floats it is the caller's duty).
/// Throws InvalidInput if k == 0 or k is outside the group.
template <Scalar S>
Element<S> single_node(const AbelianGroup& group, std::size_t k, const S& a, const S& b, const S& c) {
    detail::require_nonzero_frequency(group, k, "single_node");
    if constexpr (ExactScalar<S>) {
        if (group.is_self_conjugate(k))
            for (const S* v : {&a, &b, &c})
                if (!equal(*v, conj(*v)))
                    throw InvalidInput("single_node: frequency " + std::to_string(k) + " of " + group.name() +
                                       " is self-conjugate (k = -k), so real weights need real values; got " +
                                       to_string(*v));
    }
    Node<S> node;
    node.a = detail::conjugate_pair_row(group, k, a);
    node.b = detail::conjugate_pair_row(group, k, b);
    node.c = detail::conjugate_pair_row(group, k, c);
    return Element<S>(group, {std::move(node)});
}

/// The per-frequency "1": single_node(group, k, 1, 1, 1). For every element z supported on {k, -k},
/// identity_block * z equals z up to node order (and node order is kept: it is a one-node factor).
/// Throws InvalidInput if k == 0 or outside the group.
template <Scalar S>
Element<S> identity_block(const AbelianGroup& group, std::size_t k) {
    const S one = from_ratio<S>(1, 1);
    return single_node<S>(group, k, one, one, one);
}

/// The frequencies at which a single-node element u has some entry (union over a, b, c), sorted.
/// Throws InvalidInput unless u has exactly one node.
template <Scalar S>
std::vector<std::size_t> node_support(const Element<S>& u) {
    if (u.order() != 1)
        throw InvalidInput("node_support: expected a single-node element, got order " + std::to_string(u.order()));
    std::vector<std::size_t> ks;
    for (Part p : all_parts)
        for (const auto& entry : u.nodes()[0].row(p)) ks.push_back(entry.first);
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    return ks;
}

/// u^i as ONE node, for a single-node element u and i >= 0: every stored entry raised to the i-th power
/// (so u^i = u * ... * u in the semi-ring for i >= 1). u^0 is the local unit: entry 1 in all three rows at
/// every frequency of node_support(u); for u = single_node(k, ...) with non-zero entries that is
/// identity_block(k). Hence r(u^i) = r(u)^i for every potential whose three indices lie in node_support(u).
/// Throws InvalidInput unless u has exactly one node.
template <Scalar S>
Element<S> node_power(const Element<S>& u, unsigned i) {
    const std::vector<std::size_t> support = node_support(u);
    Node<S> node;
    if (i == 0) {
        const S one = from_ratio<S>(1, 1);
        for (Part p : all_parts)
            for (std::size_t k : support) node.row(p).emplace_back(k, one);
    } else {
        node = u.nodes()[0];
        for (Part p : all_parts)
            for (auto& entry : node.row(p)) entry.second = detail::positive_power(entry.second, i);
    }
    return Element<S>(u.group(), {std::move(node)});
}

}  // namespace cogo
