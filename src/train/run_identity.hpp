#pragma once
/// \file run_identity.hpp
/// What makes a training run what it is: every setting of TrainConfig that can change its output files
/// (the group in canonical form, width, lr, weight decay, steps, test fraction, seed, precision, loss,
/// activation, optimizer, momentum, metrics interval; only when they are not the defaults every earlier
/// run had: the mini-batch size, the init scale, and the all-pairs gradient path (its float rounding
/// differs from the direct path's); and for `--init` runs the initial weights' content digest, node count
/// and pad scale). Not in it: the thread count (results are
/// bit-identical across thread counts) and checkpoint steps (they add files, the final weights are the
/// same). `cogo train` stores it in the run folder's completion marker (io/run_directory.hpp) and
/// `cogo sweep` compares it before counting a folder as its run.
#include <nlohmann/json.hpp>

#include "train/trainer.hpp"

namespace cogo::train {

/// The identity document of a configuration (validated first; throws InvalidInput like validate()).
[[nodiscard]] nlohmann::json run_identity(const TrainConfig& config);

/// Names of the settings where two identity documents differ, with both values ("steps 50 vs 5000").
[[nodiscard]] std::string identity_difference(const nlohmann::json& found, const nlohmann::json& expected);

/// Names used in identities and summaries: "float32", "mse"/"ce", "quadratic"/"relu", "adam"/"adamw"/"sgd".
[[nodiscard]] const char* precision_name(Precision p);
[[nodiscard]] const char* loss_name(LossKind l);
[[nodiscard]] const char* activation_name(Activation a);
[[nodiscard]] const char* optimizer_name(OptimizerKind o);

}  // namespace cogo::train
