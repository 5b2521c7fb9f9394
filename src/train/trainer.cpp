#include "train/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <limits>
#include <memory>
#include <variant>

#include "support/error.hpp"
#include "train/all_pairs_objective.hpp"
#include "train/seeded_random.hpp"
#include "train/dataset.hpp"
#include "train/metrics.hpp"
#include "train/optimizer.hpp"
#include "train/thread_pool.hpp"

namespace cogo::train {

namespace {

double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

template <class T>
class AnyOptimizer {
public:
    AnyOptimizer(std::size_t size, const TrainConfig& c) {
        if (c.optimizer == OptimizerKind::adam || c.optimizer == OptimizerKind::adamw)
            impl_.template emplace<Adam<T>>(
                size, AdamConfig{c.lr, 0.9, 0.999, 1e-8, c.weight_decay, c.optimizer == OptimizerKind::adamw});
        else
            impl_.template emplace<Sgd<T>>(size, SgdConfig{c.lr, c.momentum, 0.0, c.weight_decay});
    }
    void step(std::span<T> params, std::span<const T> grad) {
        std::visit([&](auto& o) { o.step(params, grad); }, impl_);
    }

private:
    std::variant<Adam<T>, Sgd<T>> impl_{std::in_place_index<0>, 0, AdamConfig{}};
};

template <class T>
TrainResult run(const TrainConfig& c, const AbelianGroup& group, const TrainHooks& hooks) {
    const std::size_t n = group.order(), q = c.width;
    const Split split = split_pairs(group, c.test_fraction, c.seed);
    Network<T> net = c.init ? from_matrices<T>(c.init->weights) : pytorch_default_init<T>(n, q, c.seed, c.init_scale);
    Network<T> grad(n, q);
    Objective<T> train_objective(n, q, split.train, c.loss, c.activation);
    Objective<T> test_objective(n, q, split.test, c.loss, c.activation);
    AnyOptimizer<T> optimizer(net.params.size(), c);
    ThreadPool pool(c.threads);
    const GradientPath path = resolve_gradient_path(c);
    std::unique_ptr<AllPairsObjective<T>> all_pairs_objective;
    if (path == GradientPath::all_pairs) all_pairs_objective = std::make_unique<AllPairsObjective<T>>(group, q, split.test);
    // mini-batches: a seeded permutation of the train pairs per epoch, cut into consecutive batches
    const bool mini_batch = c.batch_size > 0 && c.batch_size < split.train.size();
    std::mt19937_64 batch_rng = seeded_stream(c.seed, 2);
    std::vector<std::size_t> order(split.train.size());
    std::size_t batch_position = order.size();  // start a new epoch at the first step
    std::vector<Pair> batch;

    TrainResult result;
    result.gradient_path = path;
    result.train_size = split.train.size();
    result.test_size = split.test.size();
    result.flops_per_step = 3.0 * train_objective.gemm_flops_forward();
    result.step_seconds.reserve(c.steps);
    result.step_cpu_seconds.reserve(c.steps);
    std::vector<std::size_t> checkpoints = c.checkpoints;
    std::sort(checkpoints.begin(), checkpoints.end());
    checkpoints.erase(std::unique(checkpoints.begin(), checkpoints.end()), checkpoints.end());
    auto next_checkpoint = checkpoints.begin();
    const double nan = std::numeric_limits<double>::quiet_NaN();

    MetricsRow latest;
    // Iteration t evaluates the weights after t steps (the train metrics come with the gradient), records
    // them, hands out a checkpoint, then takes step t + 1. The last iteration only evaluates.
    for (std::size_t t = 0; t <= c.steps; ++t) {
        const bool last = t == c.steps;
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = process_cpu_seconds();
        const bool record = t % c.eval_every == 0 || last;
        Evaluation train_eval;
        if (last) {
            train_eval = train_objective.evaluate(net, pool);
        } else if (all_pairs_objective) {
            // the gradient in closed form; the train accuracy (recorded steps only) needs the forward pass
            train_eval = all_pairs_objective->loss_and_gradient(net, grad, pool);
            if (record) train_eval = train_objective.evaluate(net, pool);
        } else if (mini_batch) {
            if (batch_position >= order.size()) {
                for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
                for (std::size_t i = order.size(); i > 1; --i)
                    std::swap(order[i - 1], order[static_cast<std::size_t>(uniform_below(batch_rng, i))]);
                batch_position = 0;
            }
            const std::size_t end = std::min(order.size(), batch_position + c.batch_size);
            batch.clear();
            for (std::size_t i = batch_position; i < end; ++i) batch.push_back(split.train[order[i]]);
            batch_position = end;
            Objective<T> batch_objective(n, q, batch, c.loss, c.activation);
            (void)batch_objective.evaluate(net, grad, pool);
            // the recorded train metrics are over every train pair, as for full batches
            if (record) train_eval = train_objective.evaluate(net, pool);
        } else {
            train_eval = train_objective.evaluate(net, grad, pool);
        }
        const auto computed = std::chrono::steady_clock::now();
        const double cpu_computed = process_cpu_seconds();
        if (record) {
            latest.step = t;
            latest.train_loss = train_eval.loss;
            latest.train_accuracy = train_eval.accuracy();
            record_weight_statistics(net, latest);
            if (test_objective.size() > 0) {
                const Evaluation test_eval = test_objective.evaluate(net, pool);
                latest.test_loss = test_eval.loss;
                latest.test_accuracy = test_eval.accuracy();
            } else {
                latest.test_loss = latest.test_accuracy = nan;
            }
            result.metrics.push_back(latest);
        }
        while (next_checkpoint != checkpoints.end() && *next_checkpoint == t) {
            if (hooks.checkpoint) hooks.checkpoint(t, to_matrices(net));
            ++next_checkpoint;
        }
        if (last) break;
        const auto update = std::chrono::steady_clock::now();
        const double cpu_update = process_cpu_seconds();
        optimizer.step(net.params, grad.params);
        const auto end = std::chrono::steady_clock::now();
        result.step_seconds.push_back(std::chrono::duration<double>((computed - start) + (end - update)).count());
        result.step_cpu_seconds.push_back((cpu_computed - cpu_start) + (process_cpu_seconds() - cpu_update));
        if (hooks.progress) hooks.progress(t + 1, c.steps, latest);
    }
    result.weights = to_matrices(net);
    return result;
}

}  // namespace

void validate(const TrainConfig& c) {
    const AbelianGroup group = AbelianGroup::parse(c.group);  // throws InvalidInput on a bad spec or order < 2
    if (c.width == 0) throw InvalidInput("--width must be at least 1");
    if (c.width > (std::size_t{1} << 24) || group.order() * c.width > (std::size_t{1} << 28))
        throw InvalidInput("--width " + std::to_string(c.width) + " is too large for " + group.name() +
                           " (at most 2^24 nodes and 2^28 weights per matrix)");
    if (c.threads > 1024) throw InvalidInput("--threads must be at most 1024");
    if (group.order() > (std::size_t{1} << 13))
        throw InvalidInput("the trainer takes groups of order up to 8192 (all n^2 pairs are materialised), got " +
                           std::to_string(group.order()));
    if (!(c.lr > 0) || !std::isfinite(c.lr)) throw InvalidInput("--lr must be positive and finite");
    if (!(c.weight_decay >= 0) || !std::isfinite(c.weight_decay)) throw InvalidInput("--wd must be >= 0 and finite");
    if (!(c.test_fraction >= 0 && c.test_fraction < 1)) throw InvalidInput("--test-fraction must be in [0, 1)");
    if (c.threads == 0) throw InvalidInput("--threads must be at least 1");
    if (c.eval_every == 0) throw InvalidInput("--eval-every must be at least 1");
    if (!(c.momentum >= 0 && c.momentum <= 1)) throw InvalidInput("--momentum must be in [0, 1]");
    for (std::size_t s : c.checkpoints)
        if (s > c.steps) throw InvalidInput("checkpoint step " + std::to_string(s) + " is beyond --steps " + std::to_string(c.steps));
    if (!(c.init_scale > 0) || !std::isfinite(c.init_scale) || c.init_scale > 1e6)
        throw InvalidInput("--init-scale must be positive and at most 1e6");
    const std::size_t pairs = group.order() * group.order();
    const std::size_t train_pairs = pairs - held_out_count(pairs, c.test_fraction);
    if (c.batch_size > train_pairs)
        throw InvalidInput("--batch-size " + std::to_string(c.batch_size) + " is larger than the " +
                           std::to_string(train_pairs) + " train pairs");
    if (c.init) {
        // the scale multiplies PyTorch's default init, which the given weights replace: refused rather than ignored
        if (c.init_scale != 1.0)
            throw InvalidInput("--init-scale multiplies PyTorch's default init, which --init DIR replaces; drop "
                               "--init-scale (the extra nodes of --init are scaled by --init-pad-scale)");
        const NetworkWeights<double>& w = c.init->weights;
        if (w.wa.rows() != c.width || w.wa.cols() != group.order() || w.wb.rows() != c.width || w.wb.cols() != group.order() ||
            w.v.rows() != group.order() || w.v.cols() != c.width)
            throw InvalidInput("--init: the initial weights are not of width " + std::to_string(c.width) + " for " + group.name());
    }
    (void)resolve_gradient_path(c);
}

GradientPath resolve_gradient_path(const TrainConfig& c) {
    const AbelianGroup group = AbelianGroup::parse(c.group);
    const std::size_t n = group.order(), pairs = n * n;
    const std::size_t held = held_out_count(pairs, c.test_fraction);
    const bool full_batch = c.batch_size == 0 || c.batch_size >= pairs - held;
    const bool applicable = all_pairs_applicable(c.activation == Activation::quadratic, c.loss == LossKind::mse, full_batch);
    const double bytes = all_pairs_workspace_bytes(n, c.width);
    if (c.gradient_path == GradientPath::all_pairs) {
        if (!applicable)
            throw InvalidInput("--gradient-path all-pairs needs the quadratic activation, the mse loss and full batches");
        if (bytes > kMaxAllPairsBytes)
            throw InvalidInput("--gradient-path all-pairs would need " + std::to_string(static_cast<long>(bytes / (1 << 20))) +
                               " MiB of workspace at width " + std::to_string(c.width) + " (at most 2048 MiB); use direct");
        return GradientPath::all_pairs;
    }
    if (c.gradient_path == GradientPath::direct || !applicable || bytes > kMaxAllPairsBytes) return GradientPath::direct;
    const PathCost cost = estimate_path_cost(n, c.width, pairs - held, held, c.precision == Precision::float64, c.eval_every);
    return cost.all_pairs < cost.direct ? GradientPath::all_pairs : GradientPath::direct;
}

TrainResult train(const TrainConfig& config, const TrainHooks& hooks) {
    validate(config);
    const AbelianGroup group = AbelianGroup::parse(config.group);
    return config.precision == Precision::float32 ? run<float>(config, group, hooks) : run<double>(config, group, hooks);
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2) return *mid;
    return 0.5 * (*mid + *std::max_element(values.begin(), mid));
}

}  // namespace cogo::train
