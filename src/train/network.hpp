#pragma once
/// \file network.hpp
/// The trainer's network (docs/theory.md section 1): o(x,y)[m] = sum_j V[m,j] sigma(W_a[j,x] + W_b[j,y]), no
/// biases, sigma(t) = t^2 (the paper) or max(t, 0). Stored for one-hot inputs: the input weights are kept
/// transposed (row x of wa_t is column x of W_a, i.e. the q pre-activation contributions of input x), so a
/// forward pass gathers two rows instead of multiplying by a one-hot matrix. V is kept as PyTorch stores it.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "algebra/network_weights.hpp"
#include "support/matrix.hpp"
#include "support/error.hpp"
#include "train/seeded_random.hpp"

namespace cogo::train {

/// The hidden activation.
enum class Activation { quadratic, relu };

/// Weights in float or double; all three arrays are n x q, row-major, stored one after the other in
/// `params` (wa_t, then wb_t, then v) so that an optimizer sees one flat parameter vector.
template <class T>
struct Network {
    std::size_t n = 0, q = 0;  ///< group order and width
    std::vector<T> params;     ///< [wa_t | wb_t | v], each n*q

    Network() = default;
    /// All-zero weights of the given shape.
    Network(std::size_t n_, std::size_t q_) : n(n_), q(q_), params(3 * n_ * q_, T{}) {}

    /// wa_t[x*q + j] = W_a[j, x].
    T* wa_t() { return params.data(); }
    const T* wa_t() const { return params.data(); }
    /// wb_t[y*q + j] = W_b[j, y].
    T* wb_t() { return params.data() + n * q; }
    const T* wb_t() const { return params.data() + n * q; }
    /// v[m*q + j] = V[m, j].
    T* v() { return params.data() + 2 * n * q; }
    const T* v() const { return params.data() + 2 * n * q; }
};

/// PyTorch's default nn.Linear initialisation (kaiming_uniform with a = sqrt(5)): every W_a, W_b entry
/// uniform in [-1/sqrt(n), 1/sqrt(n)), every V entry uniform in [-1/sqrt(q), 1/sqrt(q)); drawn in the order
/// W_a, W_b, V, each row-major in PyTorch's layout, from seeded_stream(seed, 1); every draw (a double) is
/// multiplied by `scale` before the rounding to T (scale 1: the draws themselves). Throws InvalidInput if
/// n < 2 or q == 0.
template <class T>
Network<T> pytorch_default_init(std::size_t n, std::size_t q, std::uint64_t seed, double scale = 1.0) {
    if (n < 2) throw InvalidInput("group order must be at least 2");
    if (q == 0) throw InvalidInput("width must be at least 1");
    Network<T> net(n, q);
    std::mt19937_64 rng = seeded_stream(seed, 1);
    const double in_bound = 1.0 / std::sqrt(static_cast<double>(n));
    const double out_bound = 1.0 / std::sqrt(static_cast<double>(q));
    for (T* w : {net.wa_t(), net.wb_t()})
        for (std::size_t j = 0; j < q; ++j)
            for (std::size_t x = 0; x < n; ++x) w[x * q + j] = static_cast<T>(scale * uniform(rng, -in_bound, in_bound));
    for (std::size_t m = 0; m < n; ++m)
        for (std::size_t j = 0; j < q; ++j)
            net.v()[m * q + j] = static_cast<T>(scale * uniform(rng, -out_bound, out_bound));
    return net;
}

/// The weights of `net` in PyTorch's layout (exact: every float and double is a double).
template <class T>
NetworkWeights<double> to_matrices(const Network<T>& net) {
    const std::size_t n = net.n, q = net.q;
    NetworkWeights<double> w{Matrix<double>(q, n), Matrix<double>(q, n), Matrix<double>(n, q)};
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            w.wa(j, x) = static_cast<double>(net.wa_t()[x * q + j]);
            w.wb(j, x) = static_cast<double>(net.wb_t()[x * q + j]);
        }
    for (std::size_t m = 0; m < n; ++m)
        for (std::size_t j = 0; j < q; ++j) w.v(m, j) = static_cast<double>(net.v()[m * q + j]);
    return w;
}

/// A network from weights in PyTorch's layout (rounded to T); throws ShapeMismatch unless W_a, W_b are
/// q x n and V is n x q with n >= 2, q >= 1.
template <class T>
Network<T> from_matrices(const NetworkWeights<double>& w) {
    const std::size_t q = w.width(), n = w.wa.cols();
    if (n < 2 || q == 0)
        throw ShapeMismatch("weights: W_a is " + std::to_string(q) + " x " + std::to_string(n) +
                            ", need q >= 1 rows and n >= 2 columns");
    w.check_shapes(n);
    Network<T> net(n, q);
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            net.wa_t()[x * q + j] = static_cast<T>(w.wa(j, x));
            net.wb_t()[x * q + j] = static_cast<T>(w.wb(j, x));
        }
    for (std::size_t m = 0; m < n; ++m)
        for (std::size_t j = 0; j < q; ++j) net.v()[m * q + j] = static_cast<T>(w.v(m, j));
    return net;
}

}  // namespace cogo::train
