#pragma once
/// \file network_symmetries.hpp
/// The symmetries of the task and the network (docs/theory.md sections 1, 4 and 5b), acting on real trained
/// weights W_a, W_b (q x n) and V (n x q). Each maps a network computing f to one whose loss on the task
/// (x1, x2) -> x1 + x2 is the same, so a cross-check verdict must not change under any of them:
///  * per-node scale gauge (t W_a[j], t W_b[j], V[., j] / t^2), t real non-zero;
///  * per-node shift gauge (W_a[j] + s, W_b[j] - s): (a + b)^2 sees only the sum;
///  * node permutation, and added dead nodes (zero or tiny weights: no contribution);
///  * input translation by (t1, t2): W_a'[j, x] = W_a[j, x + t1], W_b'[j, x] = W_b[j, x + t2],
///    V'[m, j] = V[m + t1 + t2, j] (the network then computes f'(x1, x2)[m] = f(x1 + t1, x2 + t2)[m + t1 + t2]);
///  * a group automorphism phi: W_a'[j, x] = W_a[j, phi(x)], likewise W_b, V'[m, j] = V[phi(m), j];
///    conjugation (x -> -x) is the automorphism phi = neg.
/// All are applied in the real domain (no Fourier transform), so that they test the analysis independently of
/// its own conventions. Floating point: these are analysis/test tools, never part of a proof.
#include <cstddef>
#include <random>
#include <vector>

#include "analyze/fourier_weights.hpp"
#include "group/abelian_group.hpp"

namespace cogo::analyze {

/// (t_j W_a[j], t_j W_b[j], V[., j] / t_j^2). Throws InvalidInput unless t has one non-zero finite entry per node.
[[nodiscard]] NetworkWeights<double> scale_gauge(const NetworkWeights<double>& w, const std::vector<double>& t);

/// (W_a[j] + s_j, W_b[j] - s_j). Throws InvalidInput unless s has one finite entry per node.
[[nodiscard]] NetworkWeights<double> shift_gauge(const NetworkWeights<double>& w, const std::vector<double>& s);

/// Node j of w becomes node perm[j]. Throws InvalidInput unless perm is a permutation of 0..q-1.
[[nodiscard]] NetworkWeights<double> permute_nodes(const NetworkWeights<double>& w,
                                                   const std::vector<std::size_t>& perm);

/// w with `count` dead nodes appended: inputs and outputs Gaussian of standard deviation `size` (0: exactly zero).
[[nodiscard]] NetworkWeights<double> add_dead_nodes(const NetworkWeights<double>& w, std::size_t count, double size,
                                                    std::mt19937_64& rng);

/// The translated network (see the file comment); t1, t2 flat elements of g.
[[nodiscard]] NetworkWeights<double> translate_inputs(const AbelianGroup& g, const NetworkWeights<double>& w,
                                                      std::size_t t1, std::size_t t2);

/// True iff phi (flat element -> flat element, size |g|) is an automorphism of g (checked exhaustively:
/// a bijective homomorphism).
[[nodiscard]] bool is_automorphism(const AbelianGroup& g, const std::vector<std::size_t>& phi);

/// A random automorphism of g: images of the generators e_i drawn among the elements whose order divides
/// that of e_i, until the induced homomorphism is bijective (always found for the groups cogo handles).
[[nodiscard]] std::vector<std::size_t> random_automorphism(const AbelianGroup& g, std::mt19937_64& rng);

/// Random per-node scale gauges for scale_gauge: t_j = +-10^u, u uniform in [-6, 6], the sign a coin flip.
[[nodiscard]] std::vector<double> random_scales(std::size_t q, std::mt19937_64& rng);

/// Random per-node shift gauges for shift_gauge: s_j = u max_x max(|W_a[j, x]|, |W_b[j, x]|), u uniform in [-3, 3].
[[nodiscard]] std::vector<double> random_shifts(const NetworkWeights<double>& w, std::mt19937_64& rng);

/// A uniformly random permutation of 0..q-1 for permute_nodes.
[[nodiscard]] std::vector<std::size_t> random_permutation(std::size_t q, std::mt19937_64& rng);

/// The network composed with the automorphism phi (see the file comment). Throws InvalidInput unless
/// is_automorphism(g, phi).
[[nodiscard]] NetworkWeights<double> apply_automorphism(const AbelianGroup& g, const NetworkWeights<double>& w,
                                                        const std::vector<std::size_t>& phi);

/// Conjugation: the automorphism x -> -x.
[[nodiscard]] NetworkWeights<double> conjugate_network(const AbelianGroup& g, const NetworkWeights<double>& w);

/// The task loss of the network (docs/theory.md section 1), in floating point, by brute force over all n^2
/// input pairs: mean over pairs of || f(x1, x2) - (e_{x1+x2} - 1/n) ||^2 with f[m] = sum_j V[m, j]
/// (W_a[j, x1] + W_b[j, x2])^2 and the output's mean removed (the loss does not see it). For tests of the maps.
[[nodiscard]] double brute_force_loss(const AbelianGroup& g, const NetworkWeights<double>& w);

}  // namespace cogo::analyze
