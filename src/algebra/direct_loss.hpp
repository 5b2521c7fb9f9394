#pragma once
/// \file direct_loss.hpp
/// The L2 loss of docs/theory.md section 1 computed directly from real-domain weights, by running the network on
/// all n^2 input pairs (x, y) of the group:
///   o(x,y)[m] = sum_j V[m,j] (W_a[j,x] + W_b[j,y])^2,
///   l = (1/n^2) sum_{x,y} || P (o(x,y) - e_{x+y}) ||^2,   P = I - 11^T/n,
/// with ||v||^2 = sum |v_m|^2 (so complex weights are allowed). Shares no code with the Fourier-domain
/// loss (loss.hpp): the two are compared exactly in the tests (Theorem 1).
#include <cstddef>
#include <vector>

#include "algebra/real_weights.hpp"

namespace cogo {

/// The all-pairs loss of the network with weights w on group g. Exact for exact scalars.
template <Scalar S>
S direct_loss(const AbelianGroup& g, const NetworkWeights<S>& w) {
    w.check_shapes(g);
    const std::size_t n = g.order(), q = w.width();
    const S inv_n = from_ratio<S>(1, static_cast<long>(n));
    S total{};
    std::vector<S> hidden(q), out(n);
    for (std::size_t x = 0; x < n; ++x) {
        for (std::size_t y = 0; y < n; ++y) {
            for (std::size_t j = 0; j < q; ++j) {
                const S pre = w.wa(j, x) + w.wb(j, y);
                hidden[j] = pre * pre;
            }
            S mean{};
            for (std::size_t m = 0; m < n; ++m) {
                S o{};
                for (std::size_t j = 0; j < q; ++j) o = o + w.v(m, j) * hidden[j];
                out[m] = o;
                mean = mean + o;
            }
            mean = mean * inv_n;
            const std::size_t target = g.add(x, y);
            for (std::size_t m = 0; m < n; ++m) {
                const S e = from_ratio<S>(m == target ? 1 : 0, 1) - inv_n;
                total = total + norm2(out[m] - mean - e);
            }
        }
    }
    return total * inv_n * inv_n;
}

}  // namespace cogo
