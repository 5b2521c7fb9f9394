#pragma once
/// \file trainer.hpp
/// The paper's experiment (docs/theory.md section 7) as one function: split, PyTorch default init, full-batch
/// Adam (or SGD) on the train pairs, metrics on train and test pairs, optional checkpoints. The defaults
/// are the paper's run. A seed fixes everything; results are bit-identical across runs and thread counts.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "group/abelian_group.hpp"
#include "train/gradient_path.hpp"
#include "train/initial_weights.hpp"
#include "train/network.hpp"
#include "train/objective.hpp"

namespace cogo::train {

/// Floating-point type of the weights and the arithmetic.
enum class Precision { float32, float64 };
/// The optimizer: Adam with coupled L2 weight decay (the paper's), AdamW (decoupled weight decay,
/// torch.optim.AdamW), SGD.
enum class OptimizerKind { adam, sgd, adamw };

/// Everything that determines a run.
struct TrainConfig {
    std::string group = "23";          ///< group spec: "d" for Z_d or "d1xd2x..."
    std::size_t width = 512;           ///< hidden nodes q
    double lr = 0.01;                  ///< learning rate
    double weight_decay = 5e-5;        ///< coupled L2 weight decay
    std::size_t steps = 10000;         ///< optimizer steps (full batch: steps = epochs)
    double test_fraction = 0.1;        ///< share of the n^2 pairs held out, in [0, 1)
    std::uint64_t seed = 1;            ///< fixes split and init
    unsigned threads = 1;              ///< threads in total (>= 1)
    Precision precision = Precision::float32;
    LossKind loss = LossKind::mse;
    Activation activation = Activation::quadratic;
    OptimizerKind optimizer = OptimizerKind::adam;
    double momentum = 0.9;             ///< SGD momentum (ignored by Adam)
    std::size_t eval_every = 1;        ///< metrics every this many steps (and at the last step)
    std::vector<std::size_t> checkpoints;  ///< steps (<= steps) at which to hand out the weights
    /// Train pairs per optimizer step: 0 = every train pair (full batch, the paper). Otherwise each epoch
    /// is a seeded permutation of the train pairs (seeded_stream(seed, 2)) cut into batches of this size
    /// in order, the last one smaller if it does not divide; a step is one batch.
    std::size_t batch_size = 0;
    /// Factor on every initial weight (PyTorch's default init times this); 1 = the paper. Must be 1 with `init`.
    double init_scale = 1.0;
    /// How the full-batch gradient is computed (gradient_path.hpp); the result is the same to float rounding.
    GradientPath gradient_path = GradientPath::automatic;
    /// Initial weights instead of PyTorch's default init (train --init DIR; train/initial_weights.hpp), already
    /// padded to `width`; null: the default init from `seed`.
    std::shared_ptr<const InitialWeights> init;
};

/// The path a configuration runs (direct or all-pairs): `gradient_path` unless automatic, else the cost
/// model's cheaper one where the all-pairs path applies. Throws InvalidInput if all-pairs is forced where it
/// does not apply (ReLU, cross-entropy or mini-batches).
[[nodiscard]] GradientPath resolve_gradient_path(const TrainConfig& config);

/// Metrics of the weights after `step` optimizer steps.
struct MetricsRow {
    std::size_t step = 0;
    double train_loss = 0, train_accuracy = 0;
    double test_loss = 0, test_accuracy = 0;  ///< NaN when there is no test set
    /// ||W_a||^2 + ||W_b||^2 + ||V||^2 (squared Frobenius norms; what coupled weight decay shrinks); NaN if
    /// not recorded.
    double weight_norm2 = std::numeric_limits<double>::quiet_NaN();
    /// Nodes j with s_j = ||W_a[j,.]|| ||W_b[j,.]|| ||V[.,j]|| > 1e-3 max_j s_j (the cross-check's rule for a
    /// live node, analyze/assignment.hpp); -1 if not recorded.
    long live_nodes = -1;
};

/// The outcome of a run.
struct TrainResult {
    std::vector<MetricsRow> metrics;    ///< step 0 (initial weights), every eval_every steps, and the last step
    NetworkWeights<double> weights;     ///< final weights, PyTorch layout
    std::size_t train_size = 0, test_size = 0;
    std::vector<double> step_seconds;   ///< wall time of each optimizer step (forward, backward, update)
    std::vector<double> step_cpu_seconds;  ///< CPU time of the process (all threads) in each step
    double flops_per_step = 0;          ///< GEMM floating-point operations of one step (of the direct path)
    GradientPath gradient_path = GradientPath::direct;  ///< the path the run used
};

/// Callbacks during a run (all optional).
struct TrainHooks {
    /// After every step: steps done, total steps, the latest metrics row.
    std::function<void(std::size_t done, std::size_t total, const MetricsRow& latest)> progress;
    /// At each checkpoint step: the step and the weights after it.
    std::function<void(std::size_t step, const NetworkWeights<double>& weights)> checkpoint;
};

/// Throws InvalidInput with a clear message if the configuration is unusable: a bad group spec or order
/// < 2 or > 8192, width 0 or beyond 2^24 (or n q > 2^28), threads > 1024, lr <= 0 or not finite, weight decay < 0, test fraction outside [0, 1), threads 0,
/// eval_every 0, momentum outside [0, 1], a checkpoint beyond `steps`, an init scale <= 0, not finite or
/// above 1e6, a batch size beyond the train pairs or above 2^28, a forced all-pairs path that does not apply,
/// initial weights of another shape than width x n, initial weights with an init scale other than 1.
void validate(const TrainConfig& config);

/// Runs the experiment (validating first).
TrainResult train(const TrainConfig& config, const TrainHooks& hooks = {});

/// The median of `values` (0 for none).
double median(std::vector<double> values);

}  // namespace cogo::train
