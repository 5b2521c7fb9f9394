#pragma once
/// \file frequency_potentials.hpp
/// The potentials of a trained network that the paper's training-dynamics figure follows, one output
/// frequency at a time (docs/theory.md sections 3 and 5), in floating point from the dense Fourier form
/// (analyze/fourier_weights.hpp). For an output frequency k, with (a_j, b_j, c_j) = (z_a[k,j], z_b[k,j],
/// z_c[k,j]) summed over ALL nodes j (the loss sees every node, not only the block assigned to k):
///  * r_kkk = sum a b c (the 1-set; 1 at a global optimum);
///  * R_c = |sum a' b c| + |sum a b' c| + |sum a' b' c|  (x' = conj x);
///  * R_n = |sum |a|^2 c| + |sum |b|^2 c|;
///  * R_* = |sum a^2 c| + |sum b^2 c| + |sum a'^2 c| + |sum b'^2 c|;
///  * bias_own = sum (|a|^2 + |b|^2) c: the frequency's own contribution to the bias condition;
///  * bias = T_k(0,0) = sum_j z_c[k,j] ( 1/2 sum_{k'} (|z_a[k',j]|^2 + |z_b[k',j]|^2) + z_a[0,j] z_b[0,j] ),
///    the whole bias condition (4) of docs/theory.md section 3 (general form, DC rows included), to which
///    every frequency's inputs contribute: zero at a global optimum even where bias_own is not (z_F4/6).
/// Each set is reported as the sum of the moduli of its potentials, so every number is on the scale of
/// r_kkk, and each is 0 exactly when all of its potentials are. The set R_n enters the loss only through
/// the bias. The weights are taken as real (conjugate-symmetric z), so frequency -k carries the conjugate
/// values and only one k per pair {k, -k} is reported (the smaller index); at a real frequency (k = -k)
/// the conjugate potentials coincide with the others.
///
/// Floating point throughout: a measurement of a training run, never a proof.
#include <complex>
#include <cstddef>
#include <vector>

#include "analyze/fourier_weights.hpp"

namespace cogo {

/// The potentials of one output frequency (see the file comment).
struct FrequencyPotentials {
    std::size_t k = 0;                ///< the frequency (smaller index of its pair {k, -k})
    std::complex<double> r_kkk;       ///< sum a b c
    double r_c = 0;                   ///< |sum a'bc| + |sum ab'c| + |sum a'b'c|
    double r_n = 0;                   ///< |sum |a|^2 c| + |sum |b|^2 c|
    double r_star = 0;                ///< |sum a^2 c| + |sum b^2 c| + |sum a'^2 c| + |sum b'^2 c|
    std::complex<double> bias_own;    ///< sum (|a|^2 + |b|^2) c over the frequency's own inputs
    std::complex<double> bias;        ///< the whole bias condition T_k(0,0)
};

/// The output frequencies reported: every k != 0 with k <= -k (flat indices), ascending.
[[nodiscard]] std::vector<std::size_t> reported_frequencies(const AbelianGroup& group);

/// The potentials of every reported frequency of z, ascending in k. Cost O(n q).
[[nodiscard]] std::vector<FrequencyPotentials> frequency_potentials(const analyze::FourierWeights& z);

/// The orbit-minimal norm (docs/theory.md section 6, dynamics/orbit_norm.hpp) of the dense Fourier form:
/// sum_j 3 * 2^(-2/3) u_j^(2/3) v_j^(1/3) with u_j = n (sum_{k != 0} |z_a[k,j]|^2 + |z_b[k,j]|^2 +
/// |z_a[0,j] + z_b[0,j]|^2 / 2) and v_j = sum_k |z_c[k,j]|^2 / (4 n). Floating point.
[[nodiscard]] double orbit_minimal_norm(const analyze::FourierWeights& z);

}  // namespace cogo
