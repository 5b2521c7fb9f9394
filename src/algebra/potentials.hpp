#pragma once
/// \file potentials.hpp
/// Monomial potentials (docs/theory.md section 3):
///   r_{k1,k2,k}(z)   = sum_j z_a[k1,j] z_b[k2,j] z_c[k,j],
///   r_{p,k1,k2,k}(z) = sum_j z_p[k1,j] z_p[k2,j] z_c[k,j],   p in {a, b}.
/// Each is a ring homomorphism Z -> C. Besides single evaluations, `potential_sums` gathers, for every
/// output frequency k, all structurally non-zero r_{k1,k2,k} and the convolution sums
///   A_k[m] = sum_{k'} r_{a,k',m-k',k},   B_k[m] = sum_{k'} r_{b,k',m-k',k}
/// that Theorem 1 needs, in one pass over the nodes' sparse supports.
#include <cstddef>
#include <map>
#include <utility>

#include "algebra/element.hpp"

namespace cogo {

/// r_{k1,k2,k}(z).
template <Scalar S>
S potential(const Element<S>& z, std::size_t k1, std::size_t k2, std::size_t k) {
    S sum{};
    for (const Node<S>& n : z.nodes()) {
        const S* c = find_entry(n.c, k);
        if (!c) continue;
        const S* a = find_entry(n.a, k1);
        if (!a) continue;
        const S* b = find_entry(n.b, k2);
        if (!b) continue;
        sum = sum + (*a) * (*b) * (*c);
    }
    return sum;
}

/// r_{p,k1,k2,k}(z) for p in {a, b}; throws InvalidInput for p = c.
template <Scalar S>
S self_potential(const Element<S>& z, Part p, std::size_t k1, std::size_t k2, std::size_t k) {
    if (p == Part::c) throw InvalidInput("self_potential: p must be a or b");
    S sum{};
    for (const Node<S>& n : z.nodes()) {
        const S* c = find_entry(n.c, k);
        if (!c) continue;
        const S* x = find_entry(n.row(p), k1);
        if (!x) continue;
        const S* y = find_entry(n.row(p), k2);
        if (!y) continue;
        sum = sum + (*x) * (*y) * (*c);
    }
    return sum;
}

/// All structurally non-zero potentials of one output frequency k.
template <Scalar S>
struct PotentialSums {
    std::map<std::pair<std::size_t, std::size_t>, S> r;  ///< (k1, k2) -> r_{k1,k2,k}
    std::map<std::size_t, S> a_conv;                      ///< m -> A_k[m] = sum_{k'} r_{a,k',m-k',k}
    std::map<std::size_t, S> b_conv;                      ///< m -> B_k[m] = sum_{k'} r_{b,k',m-k',k}

    /// r_{k1,k2,k} (zero if structurally absent).
    S r_at(std::size_t k1, std::size_t k2) const { return lookup(r, std::pair<std::size_t, std::size_t>{k1, k2}); }
    /// A_k[m].
    S a_at(std::size_t m) const { return lookup(a_conv, m); }
    /// B_k[m].
    S b_at(std::size_t m) const { return lookup(b_conv, m); }

private:
    template <class Map, class Key>
    static S lookup(const Map& map, const Key& key) {
        auto it = map.find(key);
        return it == map.end() ? S{} : it->second;
    }
};

namespace detail {
template <Scalar S, class Key>
void accumulate(std::map<Key, S>& map, const Key& key, const S& value) {
    auto [it, inserted] = map.try_emplace(key, value);
    if (!inserted) it->second = it->second + value;
}
}  // namespace detail

/// For every output frequency k at which some node has a c-entry: the potentials of that k.
/// Frequencies absent from the map have all potentials zero.
template <Scalar S>
std::map<std::size_t, PotentialSums<S>> potential_sums(const Element<S>& z) {
    const AbelianGroup& g = z.group();
    std::map<std::size_t, PotentialSums<S>> out;
    for (const Node<S>& n : z.nodes()) {
        for (const auto& [k, c] : n.c) {
            PotentialSums<S>& sums = out[k];
            for (const auto& [k1, a] : n.a) {
                const S ac = a * c;
                for (const auto& [k2, b] : n.b) detail::accumulate(sums.r, std::pair{k1, k2}, ac * b);
            }
            for (const auto& [k1, x] : n.a) {
                const S xc = x * c;
                for (const auto& [k2, y] : n.a) detail::accumulate(sums.a_conv, g.add(k1, k2), xc * y);
            }
            for (const auto& [k1, x] : n.b) {
                const S xc = x * c;
                for (const auto& [k2, y] : n.b) detail::accumulate(sums.b_conv, g.add(k1, k2), xc * y);
            }
        }
    }
    return out;
}

}  // namespace cogo
