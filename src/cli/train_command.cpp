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

void stage_weights(StagedDirectory& files, const std::string& folder, const train::WeightMatrices& w) {
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

// A check for unsigned options: plain digits (CLI11 would wrap "-2" around to a huge unsigned value).
CLI::Validator whole_number(bool positive) {
    return CLI::Validator(
        [positive](std::string& text) -> std::string {
            if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
                return std::string("must be a ") + (positive ? "positive" : "non-negative") + " whole number, got '" +
                       text + "'";
            if (positive && text.find_first_not_of('0') == std::string::npos) return "must be at least 1";
            return {};
        },
        positive ? "N>=1" : "N>=0");
}

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace

CLI::App* add_train_command(CLI::App& app, TrainCommandOptions& o) {
    auto* cmd = app.add_subcommand(
        "train", "Train the 2-layer quadratic network by full-batch gradient descent in floating point "
                 "(the paper's experiment; defaults = its run)");
    train::TrainConfig& c = o.config;
    c.threads = std::max(1u, std::thread::hardware_concurrency());  // default: every core
    cmd->add_option("--d", c.group, "Modulus d: the group Z_d (same as --group d)")->capture_default_str();
    cmd->add_option("--group,-g", c.group, "Group: N for Z_N, or d1xd2x... (e.g. 2x4)");
    cmd->add_option("--width,-q", c.width, "Hidden nodes q")->check(whole_number(true))->capture_default_str();
    cmd->add_option("--lr", c.lr, "Learning rate")->capture_default_str();
    cmd->add_option("--wd", c.weight_decay, "Weight decay (coupled L2, added to the gradient as PyTorch does)")
        ->capture_default_str();
    cmd->add_option("--steps", c.steps, "Optimizer steps (full batch)")->check(whole_number(false))->capture_default_str();
    cmd->add_option("--test-fraction", c.test_fraction, "Share of the n^2 pairs held out, in [0, 1)")
        ->capture_default_str();
    cmd->add_option("--seed,-s", c.seed, "Seed: fixes the split and the initial weights")
        ->check(whole_number(false))->capture_default_str();
    cmd->add_option("--threads,-j", c.threads, "Threads (default: every core; results do not depend on it)")->check(whole_number(true))
        ->capture_default_str();
    cmd->add_option("--out,-o", o.out, "Output directory (created if missing); without it nothing is written");
    cmd->add_flag("--overwrite", o.overwrite, "Replace a non-empty --out folder whole (refused without this)");
    cmd->add_option("--precision", o.precision, "float32 or float64")->capture_default_str();
    cmd->add_option("--loss", o.loss, "mse (projected L2 loss of the paper) or ce (cross-entropy)")
        ->capture_default_str();
    cmd->add_option("--activation", o.activation, "quadratic or relu")->capture_default_str();
    cmd->add_option("--optimizer", o.optimizer, "adam or sgd")->capture_default_str();
    cmd->add_option("--momentum", c.momentum, "SGD momentum")->capture_default_str();
    cmd->add_option("--eval-every", c.eval_every, "Record metrics every this many steps")->check(whole_number(true))
        ->capture_default_str();
    cmd->add_option("--checkpoint", o.checkpoints, "Also write the weights after these steps (comma-separated)")
        ->delimiter(',');
    cmd->add_flag("--json", o.json, "Machine-readable summary on stdout");
    cmd->add_flag("--no-progress", o.no_progress, "No progress bar and no progress lines");
    cmd->add_option("--log-every", o.log_every,
                    "When stderr is not a terminal (pipe, file, Jupyter, Slurm log): a plain progress line every "
                    "this many seconds (0: none)")
        ->capture_default_str();
    cmd->footer("Files in DIR: Wa.npy, Wb.npy (q x n), V.npy (n x q) float64 in PyTorch's layout; metrics.csv; "
                "curves.svg; summary.json; checkpoints/step_<t>/; complete.json (sizes and SHA-256 of all, written "
                "last). DIR appears whole at the end or not at all; a non-empty DIR needs --overwrite. Exit codes: 0 ok, "
                "2 bad input, 4 internal error, 130 interrupted (nothing written).\n");
    return cmd;
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
    else if (o.optimizer == "sgd") c.optimizer = train::OptimizerKind::sgd;
    else throw InvalidInput("--optimizer must be adam or sgd, got '" + o.optimizer + "'");
    c.checkpoints = o.checkpoints;
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
        hooks.checkpoint = [&](std::size_t step, const train::WeightMatrices& w) {
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
    const std::string optimizer_text = (config.optimizer == train::OptimizerKind::adam ? "Adam" : "SGD");
    const bool diverged = !std::isfinite(final_row.train_loss);
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
        {"optimizer", config.optimizer == train::OptimizerKind::adam ? "adam" : "sgd"},
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
    };
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
    if (diverged)
        std::cerr << "cogo train: warning: the training diverged (final train loss " << sci(final_row.train_loss)
                  << "); try a smaller --lr\n";

    if (options.json) {
        out << summary.dump(2) << "\n";
    } else {
        out << "trained " << group.name() << ", q = " << config.width << ", " << optimizer_text << " lr " << config.lr
            << " wd " << config.weight_decay << ", " << config.steps << " steps, seed " << config.seed << " ("
            << summary["precision"].get<std::string>() << ", " << config.threads << " thread"
            << (config.threads == 1 ? "" : "s") << ")\n"
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
    return exit_ok;
}

}  // namespace cogo::cli
