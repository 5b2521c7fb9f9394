#include "cli/train_command.hpp"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/construct_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/number_options.hpp"
#include "cli/progress_bar.hpp"
#include "io/npy.hpp"
#include "io/run_directory.hpp"
#include "support/error.hpp"
#include "support/interrupt.hpp"
#include "train/blas.hpp"
#include "train/metrics.hpp"
#include "train/run_identity.hpp"

namespace cogo::cli {

namespace fs = std::filesystem;

namespace {

/// The first recorded step whose training loss is not finite (-1 if every recorded loss is finite);
/// `weights_finite` tells whether every final weight is finite.
long first_non_finite_step(const train::TrainResult& result, bool& weights_finite) {
    auto finite = [](const auto& m) {
        for (std::size_t i = 0; i < m.rows(); ++i)
            for (std::size_t j = 0; j < m.cols(); ++j)
                if (!std::isfinite(m(i, j))) return false;
        return true;
    };
    weights_finite = finite(result.weights.wa) && finite(result.weights.wb) && finite(result.weights.v);
    for (const train::MetricsRow& row : result.metrics)
        if (!std::isfinite(row.train_loss)) return static_cast<long>(row.step);
    return -1;
}

void stage_weights(StagedDirectory& files, const std::string& folder, const NetworkWeights<double>& w) {
    const std::string prefix = folder.empty() ? "" : folder + "/";
    files.add(prefix + run_files::wa, npy_bytes(w.wa));
    files.add(prefix + run_files::wb, npy_bytes(w.wb));
    files.add(prefix + run_files::v, npy_bytes(w.v));
}

std::string percent(double fraction) {
    if (std::isnan(fraction)) return "n/a";
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << 100 * fraction << "%";
    return s.str();
}

std::string sci(double v) {
    if (std::isnan(v)) return "n/a";
    std::ostringstream s;
    s << std::scientific << std::setprecision(3) << v;
    return s.str();
}

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace

void setup_train_command(CLI::App& command, TrainCommandOptions& o) {
    auto* cmd = &command;
    train::TrainConfig& c = o.config;
    c.threads = std::max(1u, std::thread::hardware_concurrency());  // default: every core
    exclusive(cmd->add_option("--d", c.group, "Modulus d: the group Z_d (same as --group d)")
                  ->check(group_spec())->capture_default_str(),
              cmd->add_option("--group,-g", c.group, "Group: N for Z_N, or d1xd2x... (e.g. 2x4)")->check(group_spec()));
    cmd->add_option("--width,-q", c.width, "Hidden nodes q")->transform(whole_number(1, kMaxWidth))->capture_default_str();
    cmd->add_option("--lr", c.lr, "Learning rate (> 0)")->transform(real_number({0, 1e300, true}))->capture_default_str();
    cmd->add_option("--wd", c.weight_decay, "Weight decay (coupled L2, added to the gradient as PyTorch does)")
        ->transform(real_number({0, 1e300}))->capture_default_str();
    cmd->add_option("--steps", c.steps, "Optimizer steps (full batch), at most " + std::to_string(kMaxSteps))
        ->transform(whole_number(0, kMaxSteps))->capture_default_str();
    auto* test_fraction_option =
        cmd->add_option("--test-fraction", c.test_fraction, "Share of the n^2 pairs held out, in [0, 1)")
            ->transform(real_number({0, 1, false, true}))->capture_default_str();
    auto* train_fraction_option = cmd->add_option_function<std::string>(
        "--train-fraction",
        [&c](const std::string& text) {
            try {
                c.test_fraction = complement_fraction(text, "--train-fraction");
            } catch (const InvalidInput& e) {
                throw CLI::ValidationError("--train-fraction", e.what());
            }
        },
        "Share of the n^2 pairs trained on, in (0, 1]: the same as --test-fraction 1 - F (computed exactly "
        "from the decimal digits)");
    exclusive(test_fraction_option, train_fraction_option);
    cmd->add_option("--batch-size", c.batch_size,
                    "Train pairs per step (0: all, full batch as the paper); else a seeded shuffle per epoch cut "
                    "into batches of this size")
        ->transform(whole_number(0, std::uint64_t{1} << 28))->capture_default_str();
    cmd->add_option("--init-scale", c.init_scale, "Factor on PyTorch's default initial weights (1: the paper; refused with --init)")
        ->transform(real_number({0, 1e6, true}))->capture_default_str();
    cmd->add_option("--gradient-path", o.gradient_path,
                    "auto (a cost model picks), direct (per-pair passes) or all-pairs (closed-form sums over all "
                    "pairs in float64 minus the held-out pairs; quadratic, mse, full batch)")
        ->capture_default_str();
    cmd->add_option("--seed,-s", c.seed, "Seed: fixes the split and the initial weights (0..2^64-1)")
        ->transform(whole_number(0, max_of<std::uint64_t>))->capture_default_str();
    cmd->add_option("--threads,-j", c.threads, "Threads (default: every core; results do not depend on it)")
        ->transform(whole_number(1, kMaxThreads))->capture_default_str();
    auto* out_option =
        cmd->add_option("--out,-o", o.out, "Output directory (created if missing); without it nothing is written");
    cmd->add_flag("--overwrite", o.overwrite, "Replace a non-empty --out folder whole (refused without this)");
    cmd->add_option("--precision", o.precision, "float32 or float64")->capture_default_str();
    cmd->add_option("--loss", o.loss, "mse (projected L2 loss of the paper) or ce (cross-entropy)")
        ->capture_default_str();
    cmd->add_option("--activation", o.activation, "quadratic or relu")->capture_default_str();
    cmd->add_option("--optimizer", o.optimizer,
                    "adam (coupled L2 weight decay, the paper), adamw (decoupled weight decay, torch.optim.AdamW) or sgd")
        ->capture_default_str();
    cmd->add_option("--momentum", c.momentum, "SGD momentum, in [0, 1]")->transform(real_number({0, 1}))
        ->capture_default_str();
    cmd->add_option("--eval-every", c.eval_every, "Record metrics every this many steps")
        ->transform(whole_number(1, kMaxSteps))->capture_default_str();
    cmd->add_option_function<std::vector<std::string>>(
           "--checkpoint",
           [&o](const std::vector<std::string>& lists) {
               o.checkpoints.clear();
               try {
                   for (const std::string& list : lists)
                       for (const std::uint64_t step : parse_whole_number_list(list, 0, kMaxSteps, ""))
                           o.checkpoints.push_back(step);
               } catch (const InvalidInput& e) {
                   throw CLI::ValidationError("--checkpoint", e.what());
               }
           },
           "Also write the weights after these steps (comma-separated; needs --out)")
        ->needs(out_option);
    auto* init_option = cmd->add_option(
        "--init", o.init,
        "Start from the weights of DIR (a complete cogo construct or cogo train folder) instead of PyTorch's init, "
        "padded to --width with extra nodes (zero unless --init-pad-scale); e.g. cogo construct --d 23 --solution M");
    cmd->add_option("--init-pad-scale", o.init_pad_scale,
                    "With --init: the extra nodes are PyTorch's default init times this (from --seed); 0 = exactly zero "
                    "nodes, which stay zero")
        ->transform(real_number({0, train::kMaxPadScale}))->capture_default_str()->needs(init_option);
    cmd->add_flag("--init-balance", o.init_balance,
                  "With --init: move every node to its orbit-minimal gauge first (equal input means, then the scale "
                  "t^6 = 2||V_j||^2 / (||W_a,j||^2 + ||W_b,j||^2)); the function is unchanged")
        ->needs(init_option);
    cmd->add_flag("--json", o.json, "Machine-readable summary on stdout");
    cmd->add_flag("--no-progress", o.no_progress, "No progress bar and no progress lines");
    cmd->add_option("--log-every", o.log_every,
                    "When stderr is not a terminal (pipe, file, Jupyter, Slurm log): a plain progress line every "
                    "this many seconds (0: none)")
        ->capture_default_str();
    cmd->footer("Files in DIR: Wa.npy, Wb.npy (q x n), V.npy (n x q) float64 in PyTorch's layout; metrics.csv; "
                "curves.svg; summary.json; checkpoints/step_<t>/; complete.json (sizes and SHA-256 of all, written "
                "last). DIR appears whole at the end or not at all; a non-empty DIR needs --overwrite. Exit codes: 0 ok, "
                "1 the training diverged (a non-finite loss or weight; the files are still written, summary.json says "
                "\"diverged\": true), 2 bad input, 3 resource limit or standard output not writable, 4 internal error, "
                "130 interrupted (nothing written).\n");
}

train::TrainConfig resolve_config(const TrainCommandOptions& o) {
    train::TrainConfig c = o.config;
    if (o.precision == "float32" || o.precision == "f32") c.precision = train::Precision::float32;
    else if (o.precision == "float64" || o.precision == "f64") c.precision = train::Precision::float64;
    else throw InvalidInput("--precision must be float32 or float64, got '" + o.precision + "'");
    if (o.loss == "mse") c.loss = train::LossKind::mse;
    else if (o.loss == "ce" || o.loss == "cross-entropy") c.loss = train::LossKind::cross_entropy;
    else throw InvalidInput("--loss must be mse or ce, got '" + o.loss + "'");
    if (o.activation == "quadratic") c.activation = train::Activation::quadratic;
    else if (o.activation == "relu") c.activation = train::Activation::relu;
    else throw InvalidInput("--activation must be quadratic or relu, got '" + o.activation + "'");
    if (o.optimizer == "adam") c.optimizer = train::OptimizerKind::adam;
    else if (o.optimizer == "adamw") c.optimizer = train::OptimizerKind::adamw;
    else if (o.optimizer == "sgd") c.optimizer = train::OptimizerKind::sgd;
    else throw InvalidInput("--optimizer must be adam, adamw or sgd, got '" + o.optimizer + "'");
    c.gradient_path = train::parse_gradient_path(o.gradient_path);
    c.checkpoints = o.checkpoints;
    // bounds of the options also for callers that do not go through the command line (cogo sweep)
    if (c.steps > kMaxSteps) throw InvalidInput("--steps must be at most " + std::to_string(kMaxSteps));
    if (c.eval_every > 0 && c.steps / c.eval_every > kMaxMetricsRows)
        throw InvalidInput("--steps " + std::to_string(c.steps) + " with --eval-every " + std::to_string(c.eval_every) +
                           " records more than " + std::to_string(kMaxMetricsRows) +
                           " metrics rows; raise --eval-every");
    if (!o.checkpoints.empty() && o.out.empty())
        throw InvalidInput("--checkpoint needs --out DIR (checkpoints are written into DIR/checkpoints/)");
    if (!o.init.empty()) {
        train::validate(c);  // the group and width first
        c.init = std::make_shared<const train::InitialWeights>(train::load_initial_weights(
            o.init, AbelianGroup::parse(c.group), c.width, o.init_pad_scale, c.seed, o.init_balance));
    } else if (o.init_pad_scale != 0 || o.init_balance) {
        throw InvalidInput("--init-pad-scale and --init-balance need --init DIR");
    }
    train::validate(c);
    return c;
}

int run_train(const TrainCommandOptions& options, std::ostream& out, std::FILE* progress) {
    const train::TrainConfig config = resolve_config(options);
    ProgressBar::check_log_every(options.log_every);
    const AbelianGroup group = AbelianGroup::parse(config.group);
    const bool write = !options.out.empty();
    if (!write && !config.checkpoints.empty()) throw InvalidInput("--checkpoint needs --out DIR (where to write them)");
    // the whole folder is built in a locked staging sibling and put in place at the end (io/run_directory.hpp);
    // a bad or non-empty --out is refused here, before the run
    std::optional<StagedDirectory> files;
    if (write) {
        files.emplace(options.out, options.overwrite);
        if (files->stale_removed() > 0)
            std::cerr << "cogo train: removed " << files->stale_removed() << " staging folder(s) left by an interrupted run\n";
    }
    // SIGINT / SIGTERM stop the run between steps: the staging folder is removed, --out stays as it was
    InterruptScope interrupt_scope;

    ProgressBar bar(options.no_progress ? nullptr : progress, config.steps, "train " + group.name(), false,
                    options.log_every);
    train::TrainHooks hooks;
    hooks.progress = [&](std::size_t done, std::size_t, const train::MetricsRow& latest) {
        if (const int sig = InterruptScope::pending()) throw Interrupted(sig);
        if (bar.enabled()) bar.update(done, "loss " + sci(latest.train_loss) + " test acc " + percent(latest.test_accuracy));
    };
    if (write)
        hooks.checkpoint = [&](std::size_t step, const NetworkWeights<double>& w) {
            stage_weights(*files, checkpoint_folder(step), w);
        };
    const auto start = std::chrono::steady_clock::now();
    train::TrainResult result;
    try {
        result = train::train(config, hooks);
    } catch (const Interrupted&) {
        bar.finish();
        std::cerr << "cogo train: interrupted; nothing written" << (write ? " to " + options.out : std::string()) << "\n";
        throw;
    }
    bar.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const train::MetricsRow& final_row = result.metrics.back();
    const double step_median = train::median(result.step_seconds);
    const double gflops = step_median > 0 ? result.flops_per_step / step_median / 1e9 : 0.0;
    const long perfect = train::first_perfect_test_step(result.metrics);
    const std::string optimizer_text = config.optimizer == train::OptimizerKind::adam    ? "Adam"
                                       : config.optimizer == train::OptimizerKind::adamw ? "AdamW"
                                                                                         : "SGD";
    bool weights_finite = true;
    const long diverged_at = first_non_finite_step(result, weights_finite);
    const bool diverged = diverged_at >= 0 || !weights_finite;
    nlohmann::json summary = {
        {"group", group.spec()},
        {"width", config.width},
        {"lr", config.lr},
        {"wd", config.weight_decay},
        {"steps", config.steps},
        {"test_fraction", config.test_fraction},
        {"seed", config.seed},
        {"threads", config.threads},
        {"precision", config.precision == train::Precision::float32 ? "float32" : "float64"},
        {"loss", config.loss == train::LossKind::mse ? "mse" : "ce"},
        {"activation", config.activation == train::Activation::quadratic ? "quadratic" : "relu"},
        {"optimizer", train::optimizer_name(config.optimizer)},
        {"batch_size", config.batch_size},
        {"init_scale", config.init_scale},
        {"gradient_path", train::gradient_path_name(result.gradient_path)},
        {"train_size", result.train_size},
        {"test_size", result.test_size},
        {"final", {{"train_loss", number_or_null(final_row.train_loss)},
                   {"train_accuracy", number_or_null(final_row.train_accuracy)},
                   {"test_loss", number_or_null(final_row.test_loss)},
                   {"test_accuracy", number_or_null(final_row.test_accuracy)}}},
        {"first_perfect_test_step", perfect},
        {"median_step_seconds", step_median},
        {"median_step_cpu_seconds", train::median(result.step_cpu_seconds)},
        {"gemm_flops_per_step", result.flops_per_step},
        {"gflops_per_second", gflops},
        {"seconds", seconds},
        {"blas", train::blas_description()},
        {"diverged", diverged},
        {"diverged_at_step", diverged_at >= 0 ? nlohmann::json(diverged_at) : nlohmann::json(nullptr)},
    };
    if (config.init)
        summary["init"] = {{"source", config.init->source}, {"sha256", config.init->sha256},
                           {"nodes", config.init->loaded_nodes}, {"pad_scale", config.init->pad_scale},
                           {"balanced", config.init->balanced}};
    if (write) {
        summary["out"] = options.out;
        stage_weights(*files, "", result.weights);
        files->add(run_files::metrics, train::metrics_csv(result.metrics));
        std::ostringstream title;
        title << (config.loss == train::LossKind::mse ? "MSE loss" : "cross-entropy loss") << ", " << group.name()
              << ", q = " << config.width << ", " << optimizer_text << " lr " << config.lr << " wd " << config.weight_decay
              << ", seed " << config.seed;
        train::CurveOptions curves;
        curves.title = title.str();
        curves.loss_label = config.loss == train::LossKind::mse ? "MSE loss ||P(o - e)||²" : "cross-entropy loss";
        curves.train_pairs = static_cast<long>(result.train_size);
        curves.test_pairs = static_cast<long>(result.test_size);
        files->add(run_files::curves, train::metrics_svg(result.metrics, curves));
        files->add(run_files::summary, summary.dump(2) + "\n");
        files->commit(train::run_identity(config));
    }
    if (options.json) {
        out << summary.dump(2) << "\n";
    } else {
        out << "trained " << group.name() << ", q = " << config.width << ", " << optimizer_text << " lr " << config.lr
            << " wd " << config.weight_decay << ", " << config.steps << " steps, seed " << config.seed << " ("
            << summary["precision"].get<std::string>() << ", " << config.threads << " thread"
            << (config.threads == 1 ? "" : "s") << ", " << train::gradient_path_name(result.gradient_path)
            << " gradient)\n";
        if (config.init)
            out << "  started from " << config.init->source << " (" << config.init->loaded_nodes << " nodes" << (config.init->balanced ? ", balanced" : "")
                << (config.init->loaded_nodes == config.width ? std::string(", no padding")
                    : ", padded to " + std::to_string(config.width) + " with " +
                          (config.init->pad_scale > 0 ? "PyTorch's init times the pad scale" : "zero nodes"))
                << ")\n";
        out
            << "  train: loss " << sci(final_row.train_loss) << ", accuracy " << percent(final_row.train_accuracy)
            << " (" << result.train_size << " pairs)\n"
            << "  test:  loss " << sci(final_row.test_loss) << ", accuracy " << percent(final_row.test_accuracy)
            << " (" << result.test_size << " pairs)\n";
        if (result.test_size > 0)
            out << "  test accuracy 100% " << (perfect >= 0 ? "from step " + std::to_string(perfect) + " on" : "not reached")
                << "\n";
        out << "  median step " << std::setprecision(4) << step_median * 1e3 << " ms, " << gflops
            << " GFLOP/s (GEMM flops), total " << seconds << " s\n";
        if (diverged) out << "  DIVERGED: the final train loss is " << sci(final_row.train_loss) << "\n";
        if (write)
            out << "  wrote " << options.out << "/{" << run_files::wa << ", " << run_files::wb << ", " << run_files::v
                << ", " << run_files::metrics << ", " << run_files::curves << ", " << run_files::summary << ", "
                << run_files::marker << (config.checkpoints.empty() ? "" : std::string(", ") + run_files::checkpoints + "/")
                << "}\n";
    }
    if (diverged) {
        std::cerr << "cogo train: warning: the training diverged: "
                  << (diverged_at >= 0 ? "the training loss is not finite from step " + std::to_string(diverged_at) + " on"
                                       : std::string("some final weights are not finite"))
                  << " (lower --lr, currently " << config.lr << ")"
                  << (write ? "; the files were written for inspection, summary.json says \"diverged\": true" : "")
                  << "\n";
        return exit_refuted;
    }
    return exit_ok;
}

}  // namespace cogo::cli
