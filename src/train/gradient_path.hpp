#pragma once
/// \file gradient_path.hpp
/// Which computation of the train loss gradient a run uses: the direct path (objective.hpp: a forward and
/// backward pass per train pair, 6 N q n flops in T) or the all-pairs path (all_pairs_objective.hpp:
/// closed-form sums over all n^2 pairs in float64, O(q^2 n + q n^2), minus the direct path on the held-out
/// pairs). A cost model picks the cheaper one per configuration; the choice can be forced. The all-pairs
/// path needs the quadratic activation, the MSE loss and full batches.
#include <cstddef>
#include <string>

namespace cogo::train {

/// How the gradient is computed.
enum class GradientPath {
    automatic,  ///< the cost model decides (resolve_path)
    direct,     ///< per-pair forward and backward passes
    all_pairs,  ///< closed-form all-pairs sums minus the held-out pairs
};

/// "auto", "direct", "all-pairs".
[[nodiscard]] const char* gradient_path_name(GradientPath p);
/// Parses one of gradient_path_name's names; throws InvalidInput naming the text otherwise.
[[nodiscard]] GradientPath parse_gradient_path(const std::string& text);

/// Estimated seconds of one training step on one thread, per path, for group order n, width q, the train
/// and held-out pair counts, float32 or float64 weights, and the metrics interval (the all-pairs path
/// needs a forward pass over the train pairs at every recorded step for the train accuracy).
struct PathCost {
    double direct = 0, all_pairs = 0;
};
[[nodiscard]] PathCost estimate_path_cost(std::size_t n, std::size_t q, std::size_t train_pairs,
                                          std::size_t held_out_pairs, bool float64, std::size_t eval_every);

/// Bytes of the all-pairs path's float64 workspaces for order n and width q (six q x q, 21 n x q, six n x n
/// matrices and two n x n index tables), and the most it may take (2 GiB): beyond, only the direct path runs.
[[nodiscard]] double all_pairs_workspace_bytes(std::size_t n, std::size_t q);
inline constexpr double kMaxAllPairsBytes = 2.0 * 1024 * 1024 * 1024;

/// Whether the all-pairs path can compute this run (quadratic activation, MSE loss, full batch, at least
/// one train pair).
[[nodiscard]] bool all_pairs_applicable(bool quadratic, bool mse, bool full_batch);

}  // namespace cogo::train
