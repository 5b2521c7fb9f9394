#pragma once
/// \file frequency_loss.hpp
/// The function-space distance of a trained network to an exact global optimum, per output frequency
/// (docs/theory.md section 3). With T_k(k1, k2) = sum_j coef_j(k1, k2) z_c[k, j] and
///     coef_j(k1, k2) = z_a[k1, j] z_b[k2, j] + [k2 = 0] (z_a * z_a)[k1, j] / 2 + [k1 = 0] (z_b * z_b)[k2, j] / 2
/// (* the convolution over the group), the all-pairs loss is l = (1/n) sum_{k != 0} D_k with
///     D_k = sum_{k1, k2} |T_k(k1, k2) - [k1 = k2 = k]|^2.
/// Every global optimum has T_k(k1, k2) = [k1 = k2 = k] exactly, so sqrt(D_k) is the distance, at output k, between
/// the trained network's function and the function of ANY exact optimum (in the units where the target
/// T_k(k, k) = 1): it is a property of the function alone, hence invariant under every gauge (per-node scale
/// (t a, t b, c/t^2), shift, node order, dead nodes) and needs no threshold that mixes differently scaling parts.
#include <cstddef>
#include <vector>

#include "analyze/fourier_weights.hpp"

namespace cogo::analyze {

/// D_k for every output frequency k (index = flat frequency; D_0 = 0: the output's DC row never matters).
[[nodiscard]] std::vector<double> frequency_losses(const FourierWeights& z);

/// The all-pairs loss (1/n) sum_k D_k of the network (a cross-check of frequency_losses against a direct evaluation).
[[nodiscard]] double all_pairs_loss(const std::vector<double>& frequency_losses);

}  // namespace cogo::analyze
