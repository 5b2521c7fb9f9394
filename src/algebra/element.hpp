#pragma once
/// \file element.hpp
/// An element z of the weight semi-ring Z (THEORY.md section 4): q hidden nodes over a finite Abelian
/// group G, each node j carrying three Fourier rows z_a[., j], z_b[., j], z_c[., j] indexed by the
/// frequencies k of the dual group (identified with G, see abelian_group.hpp).
///
/// Storage is sparse per node: a row is a list of (k, value) pairs sorted by k with no repeated k and no
/// zero values (decided by the exact zero test for exact scalars, by `== 0` for floats). Any element,
/// including DC rows (k = 0) and dense rows, is representable. Values are immutable: operations are free
/// functions returning new elements (semiring.hpp, transforms.hpp).
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "group/abelian_group.hpp"
#include "scalar/scalar.hpp"
#include "support/error.hpp"

namespace cogo {

/// Which of the three weight rows: input a (W_a), input b (W_b), output c (V).
enum class Part { a, b, c };

/// All three parts, for loops.
inline constexpr Part all_parts[] = {Part::a, Part::b, Part::c};

/// "a", "b" or "c".
inline const char* part_name(Part p) { return p == Part::a ? "a" : p == Part::b ? "b" : "c"; }

/// A sparse Fourier row: (frequency, value) pairs, sorted by frequency, no zero values.
template <Scalar S>
using FourierRow = std::vector<std::pair<std::size_t, S>>;

/// True iff the value is a zero that may be dropped from sparse storage
/// (exact scalars: decided zero test; floats: exactly 0.0, a storage decision, never a proof).
template <Scalar S>
bool is_structural_zero(const S& value) {
    if constexpr (ExactScalar<S>) {
        return is_zero(value);
    } else {
        return value == S{};
    }
}

/// Pointer to the value at frequency k, or nullptr if the row has no entry there.
template <Scalar S>
const S* find_entry(const FourierRow<S>& row, std::size_t k) {
    auto it = std::lower_bound(row.begin(), row.end(), k,
                               [](const std::pair<std::size_t, S>& e, std::size_t key) { return e.first < key; });
    return (it != row.end() && it->first == k) ? &it->second : nullptr;
}

/// One hidden node: its three Fourier rows.
template <Scalar S>
struct Node {
    FourierRow<S> a, b, c;

    /// The row of part p.
    const FourierRow<S>& row(Part p) const { return p == Part::a ? a : p == Part::b ? b : c; }
    FourierRow<S>& row(Part p) { return p == Part::a ? a : p == Part::b ? b : c; }
    /// z_p[k] of this node (zero if absent).
    S entry(Part p, std::size_t k) const {
        const S* v = find_entry(row(p), k);
        return v ? *v : S{};
    }
};

/// A semi-ring element: a group and a list of nodes.
template <Scalar S>
class Element {
public:
    /// The zero element of Z over `group`: no nodes.
    explicit Element(AbelianGroup group) : group_(std::move(group)) {}

    /// An element from nodes. Rows are sorted and zero values dropped; throws ShapeMismatch if a frequency
    /// is outside the group or repeated within a row.
    Element(AbelianGroup group, std::vector<Node<S>> nodes) : group_(std::move(group)), nodes_(std::move(nodes)) {
        for (std::size_t j = 0; j < nodes_.size(); ++j)
            for (Part p : all_parts) canonicalise_row(nodes_[j].row(p), j, p);
    }

    /// The group G.
    const AbelianGroup& group() const { return group_; }
    /// The order of the element: its number of nodes q.
    std::size_t order() const { return nodes_.size(); }
    /// All nodes.
    const std::vector<Node<S>>& nodes() const { return nodes_; }
    /// Node j (checked).
    const Node<S>& node(std::size_t j) const {
        if (j >= nodes_.size())
            throw InvalidInput("element: node " + std::to_string(j) + " out of range (order " +
                               std::to_string(nodes_.size()) + ")");
        return nodes_[j];
    }
    /// z_p[k, j] (zero if not stored).
    S entry(Part p, std::size_t k, std::size_t j) const { return node(j).entry(p, k); }

private:
    void canonicalise_row(FourierRow<S>& row, std::size_t j, Part p) const {
        std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i].first >= group_.order())
                throw ShapeMismatch("element: frequency " + std::to_string(row[i].first) + " of node " +
                                    std::to_string(j) + " is outside " + group_.name());
            if (i > 0 && row[i].first == row[i - 1].first)
                throw ShapeMismatch("element: frequency " + std::to_string(row[i].first) + " repeated in row " +
                                    part_name(p) + " of node " + std::to_string(j));
        }
        std::erase_if(row, [](const auto& e) { return is_structural_zero(e.second); });
    }

    AbelianGroup group_;
    std::vector<Node<S>> nodes_;
};

/// The same element with every value mapped through f (e.g. exact -> complex<double>).
template <Scalar T, Scalar S, class F>
Element<T> map_values(const Element<S>& z, F f) {
    std::vector<Node<T>> nodes;
    nodes.reserve(z.order());
    for (const Node<S>& n : z.nodes()) {
        Node<T> m;
        for (Part p : all_parts)
            for (const auto& [k, v] : n.row(p)) m.row(p).emplace_back(k, f(v));
        nodes.push_back(std::move(m));
    }
    return Element<T>(z.group(), std::move(nodes));
}

}  // namespace cogo
