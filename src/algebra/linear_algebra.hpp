#pragma once
/// \file linear_algebra.hpp
/// Dense linear algebra over any Scalar (scalar/scalar.hpp): reduced row echelon form, rank, kernel basis and
/// the solution of A x = b, written once for every number type.
///
/// Exact scalars (ExactScalar: Cyclotomic, Symbolic) take the first non-zero entry of a column as its pivot and
/// decide every zero test exactly. Float scalars (Complex) use partial pivoting (the largest entry of the
/// column) and treat an entry as zero when it is at most `tolerance` times the largest entry of the input
/// matrix; their results are numerical, never a proof. A `simplify` hook (identity by default) is applied to
/// every entry written, for scalars that keep expressions unreduced (Symbolic: canonical()).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "scalar/scalar.hpp"
#include "support/error.hpp"

namespace cogo {

/// A dense matrix as a list of rows (all of one length).
template <Scalar S>
using Rows = std::vector<std::vector<S>>;

/// Tolerance of the float path (ignored by exact scalars).
struct PivotTolerance {
    double relative = 1e-10;
};

/// The reduced row echelon form of a matrix: `rows` (rank non-zero rows first, each with pivot 1 and zeros above
/// and below it), `pivots[i]` the column of row i's pivot.
template <Scalar S>
struct Rref {
    Rows<S> rows;
    std::vector<std::size_t> pivots;
    std::size_t cols = 0;

    /// The rank.
    [[nodiscard]] std::size_t rank() const { return pivots.size(); }
};

namespace detail {

struct Identity {
    template <class T>
    T operator()(T x) const {
        return x;
    }
};

template <Scalar S>
double magnitude(const S& x) {
    return std::abs(to_complex(x));
}

}  // namespace detail

/// The reduced row echelon form of `rows` (each of length `cols`; throws ShapeMismatch on a ragged input).
template <Scalar S, class Simplify = detail::Identity>
[[nodiscard]] Rref<S> rref(Rows<S> rows, std::size_t cols, PivotTolerance tolerance = {}, Simplify simplify = {}) {
    for (const auto& r : rows)
        if (r.size() != cols) throw ShapeMismatch("rref: a row of length " + std::to_string(r.size()) + ", expected " + std::to_string(cols));
    double floor = 0;
    if constexpr (!ExactScalar<S>) {
        for (const auto& r : rows)
            for (const S& x : r) floor = std::max(floor, detail::magnitude(x));
        floor *= tolerance.relative;
    }
    auto zero = [&](const S& x) {
        if constexpr (ExactScalar<S>) return is_zero(x);
        else return detail::magnitude(x) <= floor;
    };
    Rref<S> out;
    out.cols = cols;
    std::size_t rank = 0;
    for (std::size_t col = 0; col < cols && rank < rows.size(); ++col) {
        std::size_t piv = rows.size();
        if constexpr (ExactScalar<S>) {
            for (std::size_t r = rank; r < rows.size(); ++r)
                if (!zero(rows[r][col])) {
                    piv = r;
                    break;
                }
        } else {
            double best = floor;
            for (std::size_t r = rank; r < rows.size(); ++r)
                if (detail::magnitude(rows[r][col]) > best) best = detail::magnitude(rows[r][col]), piv = r;
        }
        if (piv == rows.size()) continue;
        std::swap(rows[piv], rows[rank]);
        const S inv_p = inv(rows[rank][col]);
        for (std::size_t c = col; c < cols; ++c) rows[rank][c] = simplify(S(rows[rank][c] * inv_p));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (r == rank || zero(rows[r][col])) continue;
            const S factor = rows[r][col];
            for (std::size_t c = col; c < cols; ++c) rows[r][c] = simplify(S(rows[r][c] - factor * rows[rank][c]));
            if constexpr (!ExactScalar<S>) rows[r][col] = S{};
        }
        out.pivots.push_back(col);
        ++rank;
    }
    rows.resize(rank);
    out.rows = std::move(rows);
    return out;
}

/// The rank of `rows` (each of length `cols`).
template <Scalar S, class Simplify = detail::Identity>
[[nodiscard]] std::size_t rank(Rows<S> rows, std::size_t cols, PivotTolerance tolerance = {}, Simplify simplify = {}) {
    return rref<S>(std::move(rows), cols, tolerance, simplify).rank();
}

/// A basis of the kernel {x : A x = 0} of A = `rows` (each of length `cols`): one vector per non-pivot
/// column, with 1 at that column and 0 at the other non-pivot columns. Empty iff A has full column rank.
template <Scalar S, class Simplify = detail::Identity>
[[nodiscard]] Rows<S> kernel(Rows<S> rows, std::size_t cols, PivotTolerance tolerance = {}, Simplify simplify = {}) {
    const Rref<S> r = rref<S>(std::move(rows), cols, tolerance, simplify);
    Rows<S> basis;
    std::vector<bool> is_pivot(cols, false);
    for (std::size_t p : r.pivots) is_pivot[p] = true;
    for (std::size_t free = 0; free < cols; ++free) {
        if (is_pivot[free]) continue;
        std::vector<S> v(cols);
        v[free] = from_ratio<S>(1, 1);
        for (std::size_t i = 0; i < r.pivots.size(); ++i) v[r.pivots[i]] = simplify(S(-r.rows[i][free]));
        basis.push_back(std::move(v));
    }
    return basis;
}

/// One solution x of A x = b (A = `rows`, each of length `cols`; b one entry per row), the free coordinates
/// set to 0; nullopt if the system is inconsistent. Throws ShapeMismatch if b has the wrong length.
template <Scalar S, class Simplify = detail::Identity>
[[nodiscard]] std::optional<std::vector<S>> solve(Rows<S> rows, std::size_t cols, const std::vector<S>& b,
                                                  PivotTolerance tolerance = {}, Simplify simplify = {}) {
    if (b.size() != rows.size())
        throw ShapeMismatch("solve: " + std::to_string(b.size()) + " right-hand sides for " + std::to_string(rows.size()) + " rows");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].size() != cols) throw ShapeMismatch("solve: a ragged row");
        rows[i].push_back(b[i]);
    }
    const Rref<S> r = rref<S>(std::move(rows), cols + 1, tolerance, simplify);
    if (!r.pivots.empty() && r.pivots.back() == cols) return std::nullopt;  // a row 0 = 1
    std::vector<S> x(cols);
    for (std::size_t i = 0; i < r.pivots.size(); ++i) x[r.pivots[i]] = r.rows[i][cols];
    return x;
}

}  // namespace cogo
