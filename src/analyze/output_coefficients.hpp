#pragma once
/// \file output_coefficients.hpp
/// The linear map from a network's output rows to its conditions, for fixed input rows. With the inputs of q
/// nodes fixed, every condition T_m(k1, k2) is linear in the outputs c_j[m], with a coefficient that depends on
/// the inputs of node j and on (k1, k2) only, the same at every output frequency m (docs/theory.md section 3).
/// The coefficients are read off exactly by enumerating the conditions of node j alone with c = 1 at output 1.
/// Used for every exact output solve, over any exact scalar: analyze/output_solve.cpp (Cyclotomic) and
/// search/number_field_rounding.cpp (NumberFieldScalar).
#include <cstddef>
#include <map>
#include <utility>
#include <vector>

#include "algebra/conditions.hpp"
#include "algebra/element.hpp"
#include "algebra/linear_algebra.hpp"

namespace cogo::analyze {

/// The coefficient matrix: row i is the input pair keys[i] = (k1, k2), column j the node j.
template <Scalar S>
struct OutputCoefficients {
    std::vector<std::pair<std::size_t, std::size_t>> keys;  ///< the input pairs (k1, k2) with some coefficient != 0
    Rows<S> matrix;                                          ///< keys.size() rows of nodes.size() entries
};

/// The coefficients of the conditions T_m(k1, k2) in the outputs c_j[m] of `nodes` (their own c ignored).
template <Scalar S>
[[nodiscard]] OutputCoefficients<S> output_coefficients(const AbelianGroup& g, const std::vector<Node<S>>& nodes) {
    const std::size_t q = nodes.size();
    std::map<std::pair<std::size_t, std::size_t>, std::vector<S>> coef;
    for (std::size_t j = 0; j < q; ++j) {
        Node<S> probe{nodes[j].a, nodes[j].b, {{1, S(1)}}};
        const Element<S> one(g, {probe});
        for (const auto& c : enumerate_conditions(one)) {
            if (c.k != 1 || c.value.is_zero()) continue;
            auto [it, inserted] = coef.try_emplace({c.k1, c.k2}, std::vector<S>(q));
            it->second[j] = c.value;
        }
    }
    OutputCoefficients<S> out;
    for (auto& [key, row] : coef) {
        out.keys.push_back(key);
        out.matrix.push_back(std::move(row));
    }
    return out;
}

}  // namespace cogo::analyze
