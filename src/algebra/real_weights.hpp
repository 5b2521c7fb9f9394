#pragma once
/// \file real_weights.hpp
/// Real-domain weights of the network (docs/theory.md section 1) and the exact change of basis to and from the
/// Fourier-domain semi-ring element (section 2), for any finite Abelian group G of order n:
///   z_a[k,j] = (1/n) sum_x W_a[j,x] conj(chi_k(x)),   W_a[j,x] = sum_k z_a[k,j] chi_k(x)      (b likewise),
///   z_c[k,j] = 2 sum_m V[m,j] chi_k(m),               V[m,j]   = (1/(2n)) sum_k z_c[k,j] conj(chi_k(m)).
/// Shapes as PyTorch stores nn.Linear weights: W_a, W_b are q x n, V is n x q.
/// "Real" weights are real exactly when the element is conjugate symmetric (transforms.hpp).
#include <cstddef>
#include <vector>

#include "algebra/network_weights.hpp"
#include "algebra/element.hpp"
#include "support/matrix.hpp"
#include "group/character.hpp"

namespace cogo {

/// The real-domain weights of z (exact inverse transform).
template <Scalar S>
NetworkWeights<S> to_real_weights(const Element<S>& z) {
    const AbelianGroup& g = z.group();
    const std::size_t n = g.order(), q = z.order();
    const CharacterTable<S> chi(g);
    const S c_scale = from_ratio<S>(1, 2 * static_cast<long>(n));
    NetworkWeights<S> w{Matrix<S>(q, n), Matrix<S>(q, n), Matrix<S>(n, q)};
    for (std::size_t j = 0; j < q; ++j) {
        const Node<S>& node = z.nodes()[j];
        for (std::size_t x = 0; x < n; ++x) {
            S a{}, b{}, c{};
            for (const auto& [k, val] : node.a) a = a + val * chi.chi(k, x);
            for (const auto& [k, val] : node.b) b = b + val * chi.chi(k, x);
            for (const auto& [k, val] : node.c) c = c + val * chi.conj_chi(k, x);
            w.wa(j, x) = a;
            w.wb(j, x) = b;
            w.v(x, j) = c * c_scale;
        }
    }
    return w;
}

/// The Fourier-domain element of real-domain weights (exact forward transform); throws ShapeMismatch on
/// wrong shapes.
template <Scalar S>
Element<S> from_real_weights(const AbelianGroup& g, const NetworkWeights<S>& w) {
    w.check_shapes(g);
    const std::size_t n = g.order(), q = w.width();
    const CharacterTable<S> chi(g);
    const S in_scale = from_ratio<S>(1, static_cast<long>(n));
    const S out_scale = from_ratio<S>(2, 1);
    std::vector<Node<S>> nodes(q);
    for (std::size_t j = 0; j < q; ++j) {
        for (std::size_t k = 0; k < n; ++k) {
            S a{}, b{}, c{};
            for (std::size_t x = 0; x < n; ++x) {
                a = a + w.wa(j, x) * chi.conj_chi(k, x);
                b = b + w.wb(j, x) * chi.conj_chi(k, x);
                c = c + w.v(x, j) * chi.chi(k, x);
            }
            nodes[j].a.emplace_back(k, a * in_scale);
            nodes[j].b.emplace_back(k, b * in_scale);
            nodes[j].c.emplace_back(k, c * out_scale);
        }
    }
    return Element<S>(g, std::move(nodes));  // drops the zero coefficients
}

}  // namespace cogo
