#pragma once
/// \file initial_weights.hpp
/// Initial weights for `cogo train --init DIR`: the weights a `cogo construct` or `cogo train` folder holds
/// (Wa.npy, Wb.npy of shape q0 x n, V.npy of shape n x q0, PyTorch's layout), padded to the run's width
/// with extra nodes that are exactly zero (dead: a zero node has zero gradient, so it stays zero) or, with
/// a pad scale s > 0, drawn from PyTorch's default init times s (from the run's seed, a stream of its own).
/// Starting gradient descent at a known solution (z_M, z_F6) is how weight decay's pull towards low-order
/// solutions is watched (docs/theory.md section 6). The source's content (the SHA-256 of the three files
/// as read), its node count and the pad scale are part of the run's identity (train/run_identity.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "group/abelian_group.hpp"
#include "train/network.hpp"

namespace cogo::train {

/// Initial weights and what identifies them.
struct InitialWeights {
    NetworkWeights<double> weights;  ///< padded to the width: W_a, W_b width x n, V n x width
    std::string source;         ///< the folder read
    std::string sha256;         ///< SHA-256 of the SHA-256 hex digests of Wa.npy, Wb.npy and V.npy, concatenated in that order
    std::size_t loaded_nodes = 0;  ///< q0: nodes of the source
    double pad_scale = 0;       ///< 0: zero padding; s > 0: PyTorch's init times s
    bool balanced = false;      ///< the source's nodes were moved to their orbit-minimal gauge (balance_nodes)
};

/// Largest pad scale accepted.
inline constexpr double kMaxPadScale = 1e6;

/// Reads `dir` (which must be a complete run folder, io/run_directory.hpp, whose completion marker records
/// `group`, holding finite float64 weights whose shapes agree with each other and with the group's order)
/// and pads it to `width` nodes. Throws
/// InvalidInput naming the folder and the reason: not complete, a shape mismatch (q0 > width, a column count
/// other than n), NaN/infinite weights, a pad scale outside [0, kMaxPadScale], files that changed since the
/// marker was written.
/// With `balance`, every node of the source is first put at its orbit-minimal gauge (balance_nodes).
[[nodiscard]] InitialWeights load_initial_weights(const std::string& dir, const AbelianGroup& group, std::size_t width,
                                                  double pad_scale, std::uint64_t seed, bool balance = false);

/// Moves every node to the point of its gauge orbit with the smallest squared norm, without changing the
/// network's function (docs/theory.md section 6): the shift (W_a[j,.] + s, W_b[j,.] - s) that equalises the
/// two rows' means, then the scale (t W_a, t W_b, V / t^2) with t^6 = 2 ||V[.,j]||^2 / (||W_a[j,.]||^2 +
/// ||W_b[j,.]||^2). Nodes with zero input or zero output rows are left as they are. The squared norm of the
/// result is the orbit-minimal norm sum_j E_j (dynamics/orbit_norm.hpp).
void balance_nodes(NetworkWeights<double>& w);

/// `w` padded to `width` nodes as load_initial_weights does (exposed for tests). Throws InvalidInput if w has
/// more than `width` nodes or inconsistent shapes.
[[nodiscard]] NetworkWeights<double> pad_weights(const NetworkWeights<double>& w, std::size_t width, double pad_scale,
                                                 std::uint64_t seed);

}  // namespace cogo::train
