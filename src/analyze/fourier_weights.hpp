#pragma once
/// \file fourier_weights.hpp
/// Floating-point (float64) Fourier form of trained real weights, with docs/theory.md section 2's conventions
/// for any finite Abelian group G of order n (chi_k as in group/abelian_group.hpp):
///   z_a[k,j] = (1/n) sum_x W_a[j,x] conj(chi_k(x)),  z_b likewise,  z_c[k,j] = 2 sum_m V[m,j] chi_k(m).
/// Dense storage (every node, every frequency): this is the analysis path (docs/architecture.md: floats only in
/// src/analyze and src/train), never a proof. The exact transform of the same formulas is
/// algebra/real_weights.hpp; the two agree to rounding (tests/analyze/test_fourier_weights.cpp).
#include <complex>
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/network_weights.hpp"
#include "support/matrix.hpp"
#include "algebra/element.hpp"
#include "group/abelian_group.hpp"
#include "scalar/float.hpp"

namespace cogo::analyze {

/// Dense Fourier rows of every node: z_p[k, j] at index j * n + k.
struct FourierWeights {
    AbelianGroup group;
    std::size_t q = 0;                 ///< number of nodes
    std::vector<Complex> a, b, c;      ///< q * n values each

    std::size_t n() const { return group.order(); }
    const Complex& za(std::size_t k, std::size_t j) const { return a[j * n() + k]; }
    const Complex& zb(std::size_t k, std::size_t j) const { return b[j * n() + k]; }
    const Complex& zc(std::size_t k, std::size_t j) const { return c[j * n() + k]; }
    Complex& za(std::size_t k, std::size_t j) { return a[j * n() + k]; }
    Complex& zb(std::size_t k, std::size_t j) { return b[j * n() + k]; }
    Complex& zc(std::size_t k, std::size_t j) { return c[j * n() + k]; }
};

/// Throws ShapeMismatch unless W_a, W_b are q x n and V is n x q with n = |group| and q >= 1, and
/// InvalidInput if any weight is NaN or infinite (naming the array and the position). `what` prefixes messages.
void check_trained_weights(const AbelianGroup& group, const NetworkWeights<double>& w,
                           const std::string& what = "weights");

/// The float64 Fourier form of trained weights (checked with check_trained_weights first).
FourierWeights fourier_transform(const AbelianGroup& group, const NetworkWeights<double>& w);

/// The real-domain weights of a (conjugate-symmetric) dense Fourier form: the inverse transform
///   W_a[j,x] = sum_k z_a[k,j] chi_k(x),  V[m,j] = (1/(2n)) sum_k z_c[k,j] conj(chi_k(m)),
/// keeping real parts (imaginary parts are rounding when the form is conjugate symmetric).
NetworkWeights<double> inverse_transform(const FourierWeights& z);

/// The dense float form of a sparse element (any scalar with to_complex), for tests and comparisons.
template <Scalar S>
FourierWeights dense_fourier(const Element<S>& z) {
    FourierWeights f{z.group(), z.order(), {}, {}, {}};
    const std::size_t n = z.group().order();
    f.a.assign(z.order() * n, Complex{});
    f.b = f.a;
    f.c = f.a;
    for (std::size_t j = 0; j < z.order(); ++j) {
        const Node<S>& node = z.nodes()[j];
        for (const auto& [k, v] : node.a) f.za(k, j) = to_complex(v);
        for (const auto& [k, v] : node.b) f.zb(k, j) = to_complex(v);
        for (const auto& [k, v] : node.c) f.zc(k, j) = to_complex(v);
    }
    return f;
}

}  // namespace cogo::analyze
