#pragma once
/// \file element.hpp
/// An element z of the weight semi-ring Z (docs/theory.md section 4): q hidden nodes over a finite Abelian
/// group G, each node j carrying three Fourier rows z_a[., j], z_b[., j], z_c[., j] indexed by the
/// frequencies k of the dual group (identified with G, see abelian_group.hpp).
///
/// Storage is sparse per node: a row is a list of (k, value) pairs sorted by k with no repeated k and no
/// zero values (decided by the exact zero test for exact scalars, by `== 0` for floats). Any element,
/// including DC rows (k = 0) and dense rows, is representable. Values are immutable: operations are free
/// functions returning new elements (semiring.hpp, transforms.hpp).
///
/// The checking constructor sorts every row and zero-tests every entry. Operations that provably keep rows
/// canonical (concatenation of canonical elements; the Kronecker product over an exact scalar, a field:
/// products of non-zero values are non-zero) use the tagged constructor, which only asserts canonical form:
/// the structural part (sorted, in range, no repeats) whenever assertions are on, the zero tests in debug
/// builds (COGO_EXPENSIVE_CHECKS, set by meson for buildtype=debug), since they cost as much as the sort.
#include <algorithm>
#include <cassert>
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
[[nodiscard]] inline const char* part_name(Part p) { return p == Part::a ? "a" : p == Part::b ? "b" : "c"; }

/// A sparse Fourier row: (frequency, value) pairs, sorted by frequency, no zero values.
template <Scalar S>
using FourierRow = std::vector<std::pair<std::size_t, S>>;

/// True iff the value is a zero that may be dropped from sparse storage
/// (exact scalars: decided zero test; floats: exactly 0.0, a storage decision, never a proof).
template <Scalar S>
[[nodiscard]] bool is_structural_zero(const S& value) {
    if constexpr (ExactScalar<S>) {
        return is_zero(value);
    } else {
        return value == S{};
    }
}

/// Pointer to the value at frequency k, or nullptr if the row has no entry there.
template <Scalar S>
[[nodiscard]] const S* find_entry(const FourierRow<S>& row, std::size_t k) {
    auto it = std::lower_bound(row.begin(), row.end(), k,
                               [](const std::pair<std::size_t, S>& e, std::size_t key) { return e.first < key; });
    return (it != row.end() && it->first == k) ? &it->second : nullptr;
}

/// One hidden node: its three Fourier rows.
template <Scalar S>
struct Node {
    FourierRow<S> a, b, c;

    /// The row of part p.
    [[nodiscard]] const FourierRow<S>& row(Part p) const { return p == Part::a ? a : p == Part::b ? b : c; }
    [[nodiscard]] FourierRow<S>& row(Part p) { return p == Part::a ? a : p == Part::b ? b : c; }
    /// z_p[k] of this node (zero if absent).
    [[nodiscard]] S entry(Part p, std::size_t k) const {
        const S* v = find_entry(row(p), k);
        return v ? *v : S{};
    }
};

/// Tag of Element's unchecked constructor: the caller guarantees every row is canonical.
struct canonical_rows_t {
    explicit canonical_rows_t() = default;
};
/// The tag value (see canonical_rows_t).
inline constexpr canonical_rows_t canonical_rows{};

/// True iff every row of `nodes` is canonical for `group`: frequencies strictly increasing and inside the
/// group, no structural zero (the zero tests are skipped if check_values is false).
template <Scalar S>
[[nodiscard]] bool rows_canonical(const AbelianGroup& group, const std::vector<Node<S>>& nodes,
                                  bool check_values = true) {
    for (const Node<S>& n : nodes)
        for (Part p : all_parts) {
            const FourierRow<S>& row = n.row(p);
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (row[i].first >= group.order() || (i > 0 && row[i].first <= row[i - 1].first)) return false;
                if (check_values && is_structural_zero(row[i].second)) return false;
            }
        }
    return true;
}

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

    /// An element from nodes whose rows are already canonical (sorted, in range, no repeats, no zero
    /// values): nothing is sorted or zero-tested. For operations that provably keep rows canonical; a
    /// violated precondition is caught by an assertion (see the file comment), never silently accepted in
    /// debug builds.
    Element(AbelianGroup group, std::vector<Node<S>> nodes, canonical_rows_t)
        : group_(std::move(group)), nodes_(std::move(nodes)) {
#ifdef COGO_EXPENSIVE_CHECKS
        assert(rows_canonical(group_, nodes_, true));
#else
        assert(rows_canonical(group_, nodes_, false));
#endif
    }

    /// The group G.
    [[nodiscard]] const AbelianGroup& group() const { return group_; }
    /// The order of the element: its number of nodes q.
    [[nodiscard]] std::size_t order() const { return nodes_.size(); }
    /// All nodes.
    [[nodiscard]] const std::vector<Node<S>>& nodes() const { return nodes_; }
    /// Node j (checked).
    [[nodiscard]] const Node<S>& node(std::size_t j) const {
        if (j >= nodes_.size())
            throw InvalidInput("element: node " + std::to_string(j) + " out of range (order " +
                               std::to_string(nodes_.size()) + ")");
        return nodes_[j];
    }
    /// z_p[k, j] (zero if not stored).
    [[nodiscard]] S entry(Part p, std::size_t k, std::size_t j) const { return node(j).entry(p, k); }

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
[[nodiscard]] Element<T> map_values(const Element<S>& z, F f) {
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
