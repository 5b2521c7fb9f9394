#pragma once
/// \file network_weights.hpp
/// The weights of the network (docs/theory.md section 1), o(x,y)[m] = sum_j V[m,j] sigma(W_a[j,x] + W_b[j,y]),
/// in the real (group) domain and PyTorch's layout: W_a, W_b are q x n (nn.Linear(n, q).weight), V is n x q,
/// for a group of order n and q hidden nodes. One type for every number type: exact (Cyclotomic, Symbolic: the
/// transforms of algebra/real_weights.hpp, the proofs), float64 (trained, imported, the trainer's checkpoints)
/// and complex<double>. The Fourier-domain counterparts are Element<S> and analyze::FourierWeights.
#include <cstddef>
#include <string>

#include "group/abelian_group.hpp"
#include "support/error.hpp"
#include "support/matrix.hpp"

namespace cogo {

/// W_a, W_b (q x n) and V (n x q); an aggregate: NetworkWeights<T>{wa, wb, v}.
template <class T>
struct NetworkWeights {
    Matrix<T> wa, wb, v;

    /// The number of hidden nodes q (W_a's rows).
    std::size_t width() const { return wa.rows(); }

    /// The shape check of every user: throws ShapeMismatch unless W_a, W_b are q x n and V is n x q, with
    /// q = W_a's rows (q = 0 passes: callers that need a node say so). The message starts with `what` and,
    /// if `group` is not empty, names it.
    void check_shapes(std::size_t n, const std::string& what = "weights", const std::string& group = "") const {
        const std::size_t q = width();
        if (wa.cols() == n && wb.rows() == q && wb.cols() == n && v.rows() == n && v.cols() == q) return;
        auto shape = [](const Matrix<T>& m) { return std::to_string(m.rows()) + " x " + std::to_string(m.cols()); };
        throw ShapeMismatch(what + ": expected W_a, W_b of shape q x " + std::to_string(n) + " and V of shape " +
                            std::to_string(n) + " x q (q = " + std::to_string(q) + ")" +
                            (group.empty() ? std::string() : " for " + group) + ", got W_a " + shape(wa) + ", W_b " +
                            shape(wb) + ", V " + shape(v));
    }
    /// check_shapes for the group's order n, naming the group.
    void check_shapes(const AbelianGroup& g, const std::string& what = "weights") const {
        check_shapes(g.order(), what, g.name());
    }
};

}  // namespace cogo
