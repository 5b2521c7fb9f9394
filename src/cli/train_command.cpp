#include "cli/train_command.hpp"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/construct_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress_bar.hpp"
#include "io/atomic_file.hpp"
#include "io/npy.hpp"
#include "support/error.hpp"
#include "train/blas.hpp"
#include "train/metrics.hpp"

namespace cogo::cli {

namespace fs = std::filesystem;

namespace {

void stage_weights(StagedOutput& files, const train::WeightMatrices& w) {
    files.add(kWaFile, npy_bytes(w.wa));
    files.add(kWbFile, npy_bytes(w.wb));
    files.add(kVFile, npy_bytes(w.v));
}

// Fails early (before a long run) when DIR cannot be created or written.
void check_writable(const fs::path& dir) {
    StagedOutput probe(dir);  // creates the directory or throws InvalidInput
    probe.add(".cogo-write-test", "");
    // not committed: the destructor removes the probe
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
                "curves.svg; summary.json; checkpoints/step_<t>/. Exit codes: 0 ok, 2 bad input, 4 internal error.\n");
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
    const fs::path dir(options.out);
    if (write) check_writable(dir);

    ProgressBar bar(options.no_progress ? nullptr : progress, config.steps, "train " + group.name(), false,
                    options.log_every);
    train::TrainHooks hooks;
    if (bar.enabled())
        hooks.progress = [&](std::size_t done, std::size_t, const train::MetricsRow& latest) {
            bar.update(done, "loss " + sci(latest.train_loss) + " test acc " + percent(latest.test_accuracy));
        };
    if (write)
        hooks.checkpoint = [&](std::size_t step, const train::WeightMatrices& w) {
            std::ostringstream name;
            name << "step_" << std::setw(6) << std::setfill('0') << step;
            StagedOutput files(dir / "checkpoints" / name.str());
            stage_weights(files, w);
            files.commit();
        };
    const auto start = std::chrono::steady_clock::now();
    const train::TrainResult result = train::train(config, hooks);
    bar.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const train::MetricsRow& final_row = result.metrics.back();
    const double step_median = train::median(result.step_seconds);
    const double gflops = step_median > 0 ? result.flops_per_step / step_median / 1e9 : 0.0;
    const long perfect = train::first_perfect_test_step(result.metrics);
    const std::string optimizer_text = (config.optimizer == train::OptimizerKind::adam ? "Adam" : "SGD");
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
    };
    if (write) {
        summary["out"] = options.out;
        StagedOutput files(dir);
        stage_weights(files, result.weights);
        files.add(kMetricsFile, train::metrics_csv(result.metrics));
        std::ostringstream title;
        title << (config.loss == train::LossKind::mse ? "MSE loss" : "cross-entropy loss") << ", " << group.name()
              << ", q = " << config.width << ", " << optimizer_text << " lr " << config.lr << " wd " << config.weight_decay
              << ", seed " << config.seed;
        train::CurveOptions curves;
        curves.title = title.str();
        curves.loss_label = config.loss == train::LossKind::mse ? "MSE loss ||P(o - e)||²" : "cross-entropy loss";
        curves.train_pairs = static_cast<long>(result.train_size);
        curves.test_pairs = static_cast<long>(result.test_size);
        files.add(kCurvesFile, train::metrics_svg(result.metrics, curves));
        files.add(kSummaryFile, summary.dump(2) + "\n");
        files.commit();
    }

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
        if (write)
            out << "  wrote " << options.out << "/{" << kWaFile << ", " << kWbFile << ", " << kVFile << ", "
                << kMetricsFile << ", " << kCurvesFile << ", " << kSummaryFile << "}\n";
    }
    return exit_ok;
}

}  // namespace cogo::cli
