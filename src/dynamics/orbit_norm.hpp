#pragma once
/// \file orbit_norm.hpp
/// Orbit-minimal L2 norms of a network (docs/theory.md section 6): the squared weight norm
/// ||W_a||^2 + ||W_b||^2 + ||V||^2, minimised over both per-node gauges that leave the network's function
/// unchanged: the shift (W_a[j,.] + s, W_b[j,.] - s) and the scale (t a, t b, c / t^2).
///
/// In the Fourier normalisation of docs/theory.md section 2 (W_a[j,x] = sum_k z_a[k,j] zeta^{kx},
/// V[m,j] = (1/(2n)) sum_k z_c[k,j] zeta^{-km}), Parseval gives for node j
///     u_j = n ( sum_{k != 0} |z_a[k,j]|^2 + |z_b[k,j]|^2 + (z_a[0,j] + z_b[0,j])^2 / 2 )   (after the best shift)
///     v_j = sum_k |z_c[k,j]|^2 / (4 n),
/// and min_t (t^2 u_j + v_j / t^4) = 3 * 2^(-2/3) * u_j^(2/3) * v_j^(1/3) =: E_j. u_j and v_j are exact
/// (real numbers of the element's field); E_j^3 = (27/4) u_j^2 v_j is exact too, so two nodes' norms are
/// compared exactly by cubes. Totals sum_j E_j are sums of cube roots: reported in floating point
/// (from the exact u_j, v_j), never used as a proof.
#include <cmath>
#include <cstddef>
#include <vector>

#include "algebra/element.hpp"

namespace cogo {

/// The two gauge-invariant ingredients of one node's orbit-minimal norm, exactly.
template <Scalar S>
struct NodeNormParts {
    S u;  ///< squared input norm after the best shift
    S v;  ///< squared output norm
};

/// u_j and v_j of every node (see the file comment).
template <Scalar S>
[[nodiscard]] std::vector<NodeNormParts<S>> node_norm_parts(const Element<S>& z) {
    const S n = from_ratio<S>(static_cast<long>(z.group().order()), 1);
    const S half = from_ratio<S>(1, 2);
    const S inv_4n = from_ratio<S>(1, 4 * static_cast<long>(z.group().order()));
    std::vector<NodeNormParts<S>> out;
    out.reserve(z.order());
    for (const Node<S>& node : z.nodes()) {
        S inputs{}, outputs{};
        for (Part p : {Part::a, Part::b})
            for (const auto& [k, value] : node.row(p))
                if (k != 0) inputs = inputs + norm2(value);
        const S dc = node.entry(Part::a, 0) + node.entry(Part::b, 0);
        inputs = inputs + half * dc * dc;
        for (const auto& [k, value] : node.c) outputs = outputs + norm2(value);
        out.push_back({n * inputs, outputs * inv_4n});
    }
    return out;
}

/// E_j^3 = (27/4) u_j^2 v_j, exactly: the cube of node j's orbit-minimal norm.
template <Scalar S>
[[nodiscard]] S node_norm_cubed(const NodeNormParts<S>& parts) {
    return from_ratio<S>(27, 4) * parts.u * parts.u * parts.v;
}

/// The orbit-minimal norm 3 * 2^(-2/3) * u^(2/3) * v^(1/3) of one node, in double (from exact parts).
template <Scalar S>
[[nodiscard]] double node_norm(const NodeNormParts<S>& parts) {
    const double u = to_complex(parts.u).real(), v = to_complex(parts.v).real();
    if (u <= 0 || v <= 0) return 0.0;
    return 3.0 * std::pow(2.0, -2.0 / 3.0) * std::cbrt(u * u * v);
}

/// The total orbit-minimal norm sum_j E_j of z, in double (floating point: a report, never a proof).
template <Scalar S>
[[nodiscard]] double orbit_minimal_norm(const Element<S>& z) {
    double total = 0.0;
    for (const auto& parts : node_norm_parts(z)) total += node_norm(parts);
    return total;
}

}  // namespace cogo
