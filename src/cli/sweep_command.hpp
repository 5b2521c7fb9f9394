#pragma once
/// \file sweep_command.hpp
/// `cogo sweep`: runs the trainer over a grid (groups, widths, weight decays, learning rates, test fractions,
/// seeds), one
/// `cogo train` process per run, --jobs at a time, into SWEEPDIR/<run name>/ (train/sweep.hpp). Resumable:
/// complete runs are skipped. `--shard I/N` runs only the runs r with r mod N == I, so a job array
/// (e.g. Slurm's `--array=0-7` with `--shard $SLURM_ARRAY_TASK_ID/8`) spreads one sweep over machines
/// sharing SWEEPDIR. Each run's output goes to SWEEPDIR/logs/<run name>.log.
///
/// Trust: a run folder counts as done only if its completion marker is intact and records exactly the run's
/// settings (train/sweep.hpp); SWEEPDIR/sweep.json records the settings shared by all its runs and a sweep
/// with other shared settings is refused. SWEEPDIR/.cogo-sweep.lock admits one sweep at a time; each run's
/// lock (SWEEPDIR/.locks/<run>.lock) is handed to its cogo train, so a run an orphaned train still writes is
/// reported busy, not trained twice. SIGINT/SIGTERM are passed on to the running trainings.
#include <cstddef>
#include <iosfwd>
#include <string>

#include "train/sweep.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo sweep` as typed.
struct SweepOptions {
    std::string out;                     ///< SWEEPDIR (required)
    std::string groups = "23";           ///< --d / --group: comma-separated group specs
    std::string widths = "512";          ///< --width: comma-separated
    std::string wds = "5e-5";            ///< --wd: comma-separated
    std::string lrs = "0.01";            ///< --lr: comma-separated
    std::string seeds = "1-5";           ///< --seeds: list with ranges
    std::size_t steps = 10000;           ///< --steps (1..10^8)
    std::string test_fractions = "0.1";  ///< --test-fraction: comma-separated (a sweep axis)
    std::string train_fractions;         ///< --train-fraction: comma-separated, instead of --test-fraction
    std::size_t batch_size = 0;          ///< --batch-size (0: full batch)
    double init_scale = 1.0;             ///< --init-scale
    std::string gradient_path = "auto";  ///< --gradient-path
    std::string precision = "float32";   ///< passed to cogo train
    std::string loss = "mse";
    std::string activation = "quadratic";
    std::string optimizer = "adam";
    unsigned threads_per_job = 1;        ///< --threads-per-job
    unsigned jobs = 0;                   ///< --jobs (0: cores / threads per job)
    std::string shard = "0/1";           ///< --shard I/N
    bool dry_run = false;                ///< --dry-run: list the runs and their state, run nothing
    std::string executable;              ///< the cogo executable to run (default: this process's)
    double log_every = 10;               ///< --log-every: seconds between progress lines (sweep on stderr, runs in their logs)
};

/// Declares the options and footer of `sweep` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_sweep_command(CLI::App& command, SweepOptions& options);

/// Runs the sweep; returns 0 if every run of the shard is complete at the end, 4 if some run failed
/// (its log names the reason), 3 if some run was busy (locked by another process). Throws InvalidInput on
/// bad options or a SWEEPDIR of another sweep (checked before anything runs), ResourceLimit if another
/// sweep holds SWEEPDIR, cogo::Interrupted after passing a SIGINT/SIGTERM on to the runs.
int run_sweep(const SweepOptions& options, std::ostream& out);

}  // namespace cogo::cli
