#pragma once
/// \file dynamics_series.hpp
/// What `cogo dynamics` follows along a training run (docs/theory.md sections 5 and 6): at each checkpoint,
/// the per-frequency potentials (frequency_potentials.hpp), the per-frequency blocks as the cross-check
/// classifies them (analyze/crosscheck.hpp without its exact verification: order = nodes assigned to the
/// frequency, family), the live nodes and the orbit-minimal norm. Tables (CSV, JSON) and two SVG figures:
/// the paper's training-dynamics figure (r_kkk, R_c, R_n, R_*, the bias per frequency over the steps) and
/// the blocks' figure (per-frequency order, family counts, orbit-minimal norm, live nodes over the steps).
/// Floating point throughout: measurements, never proofs.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/classify.hpp"
#include "analyze/crosscheck.hpp"
#include "analyze/fourier_weights.hpp"
#include "dynamics/frequency_potentials.hpp"

namespace cogo {

/// One checkpoint of a run.
struct DynamicsSnapshot {
    std::size_t step = 0;
    std::vector<FrequencyPotentials> potentials;  ///< per reported frequency, ascending k
    /// Per reported frequency (same order): nodes of the block at +-k (0: no live node there) and its family
    /// (unknown when not classified, or when the classification was skipped).
    std::vector<std::size_t> order;
    std::vector<analyze::BlockFamily> family;
    std::size_t live = 0;         ///< live nodes (analyze/assignment.hpp's rule)
    double orbit_norm = 0;        ///< orbit-minimal norm (frequency_potentials.hpp)
    double weight_norm2 = 0;      ///< ||W_a||^2 + ||W_b||^2 + ||V||^2 as trained
    bool classified = false;      ///< whether the blocks were classified (else order/family come from the
                                  ///< node assignment alone)
};

/// The snapshot of weights `w` of `group` after `step` steps. With `classify` the blocks are factorised and
/// classified by the cross-check (without exact verification); without, only the node assignment runs.
/// Throws ShapeMismatch / InvalidInput on bad weights (shapes, NaN, infinity).
[[nodiscard]] DynamicsSnapshot dynamics_snapshot(const AbelianGroup& group, const NetworkWeights<double>& w,
                                                 std::size_t step, bool classify,
                                                 const analyze::CrosscheckOptions& options = {});

/// Long-format CSV, one row per (step, frequency): step,k,order,family,re_r_kkk,im_r_kkk,abs_r_kkk,R_c,R_n,
/// R_star,abs_bias_own,abs_bias,live,orbit_norm,weight_norm2.
[[nodiscard]] std::string dynamics_csv(const std::vector<DynamicsSnapshot>& series);

/// The same as JSON: {"group", "steps": [{"step", "live", "orbit_norm", "weight_norm2", "frequencies": [...]}]}.
[[nodiscard]] nlohmann::json dynamics_json(const AbelianGroup& group, const std::vector<DynamicsSnapshot>& series);

/// The training-dynamics figure: one panel each for Re r_kkk, R_c, R_n, R_* and |bias|, one curve per
/// frequency, log step axis (step 0 is left out of a log axis). Throws InvalidInput if `series` is empty.
[[nodiscard]] std::string potentials_svg(const std::vector<DynamicsSnapshot>& series, const std::string& title);

/// The blocks' figure: per-frequency order (one curve per frequency), the number of blocks per family, the
/// orbit-minimal norm and the live nodes over the steps. Throws InvalidInput if `series` is empty.
[[nodiscard]] std::string blocks_svg(const std::vector<DynamicsSnapshot>& series, const std::string& title);

/// Colour of curve i of a figure with many curves (a fixed palette of 12, then repeating).
[[nodiscard]] const char* series_color(std::size_t i);

}  // namespace cogo
