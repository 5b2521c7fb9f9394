#pragma once
/// \file train_command.hpp
/// `cogo train`: the paper's floating-point experiment (docs/theory.md section 7; defaults = the paper's run).
/// Writes the run folder --out DIR (layout and staged writing: io/run_directory.hpp), all together or not at
/// all: Wa.npy, Wb.npy (q x n), V.npy (n x q) in PyTorch's layout as float64, metrics.csv (step, train/test
/// loss and accuracy), curves.svg, summary.json, at each --checkpoint step checkpoints/step_<t>/{Wa,Wb,V}.npy,
/// and the completion marker with the run's identity (train/run_identity.hpp). A non-empty DIR is refused
/// unless --overwrite (then replaced whole). A progress bar with ETA goes to stderr when it is a terminal. A diverged run (non-finite
/// loss or weights) is written and exits 1.
#include <cstdint>
#include <cstdio>
#include <iosfwd>
#include <string>
#include <vector>

#include "io/run_directory.hpp"
#include "train/trainer.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo train` as typed.
struct TrainCommandOptions {
    train::TrainConfig config;         ///< numeric options (defaults: the paper's run)
    std::string out;                   ///< --out DIR (optional: without it nothing is written)
    std::string precision = "float32";  ///< float32 | float64
    std::string loss = "mse";           ///< mse | ce
    std::string activation = "quadratic";  ///< quadratic | relu
    std::string optimizer = "adam";     ///< adam | adamw | sgd
    std::string gradient_path = "auto";  ///< auto | direct | all-pairs
    std::vector<std::size_t> checkpoints;  ///< --checkpoint steps
    bool overwrite = false;            ///< --overwrite: replace a non-empty --out whole
    bool json = false;                 ///< machine-readable summary on stdout
    bool no_progress = false;          ///< never draw the progress bar
    double log_every = 10;             ///< --log-every: seconds between plain progress lines off a terminal (0: none)
    std::string init;                  ///< --init DIR: initial weights from a construct/train folder ("" = PyTorch init)
    double init_pad_scale = 0;         ///< --init-pad-scale: extra nodes zero (0) or PyTorch's init times this
    bool init_balance = false;         ///< --init-balance: the --init nodes moved to their orbit-minimal gauge
};

/// Declares the options and footer of `train` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_train_command(CLI::App& command, TrainCommandOptions& options);

/// Runs the experiment, writes the files, prints the summary to `out` and the progress to `progress`: a bar
/// on a terminal, else a plain line every `log_every` seconds (cli/progress_bar.hpp). Throws InvalidInput on
/// bad options or an unwritable or non-empty --out (checked before training), cogo::Interrupted on SIGINT /
/// SIGTERM (the staging folder removed, --out untouched).
int run_train(const TrainCommandOptions& options, std::ostream& out, std::FILE* progress = stderr);

/// Bounds of the numeric options (larger values are refused with exit 2 before anything runs): the run
/// keeps two timings per step and one metrics row per --eval-every steps in memory.
inline constexpr std::uint64_t kMaxSteps = 10'000'000;
inline constexpr std::uint64_t kMaxMetricsRows = 1'000'000;  ///< steps / eval_every
inline constexpr std::uint64_t kMaxWidth = std::uint64_t{1} << 24;
inline constexpr std::uint64_t kMaxThreads = 1024;

/// File names written into DIR besides the weights (the layout: io/run_directory.hpp).
inline constexpr const char* kMetricsFile = run_files::metrics;
inline constexpr const char* kCurvesFile = run_files::curves;
inline constexpr const char* kSummaryFile = run_files::summary;

/// The configuration the options describe (names mapped to enums, checkpoints attached), validated;
/// throws InvalidInput with the offending option's name.
train::TrainConfig resolve_config(const TrainCommandOptions& options);

}  // namespace cogo::cli
