#pragma once
/// \file dynamics_command.hpp
/// `cogo dynamics RUN`: the training dynamics of a `cogo train` run from its checkpoints
/// (RUN/checkpoints/step_<t>/, written with `cogo train --checkpoint`) and its final weights
/// (dynamics/dynamics_series.hpp): per frequency over the steps r_kkk, R_c, R_n, R_*, the bias condition,
/// the block order and family; the orbit-minimal norm and the live nodes. A text summary on stdout (or
/// JSON with --json); with --out DIR the files dynamics.csv, dynamics.json, potentials.svg and blocks.svg.
///
/// RUN must be a complete run folder (io/run_directory.hpp: the completion marker and the size and SHA-256
/// of every file it lists), made by `cogo train`; the group is the one its summary.json records. Every
/// file is read through the bounded readers; at most --max-checkpoints checkpoints are read.
/// Exit codes: 0 ok, 2 bad input (not a complete training run, no checkpoint, bad weights, unwritable
/// --out), 3 standard output not writable, 4 internal error.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "analyze/crosscheck.hpp"
#include "analyze/fourier_weights.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo dynamics`.
struct DynamicsOptions {
    std::string run;                    ///< RUN folder
    std::string out;                    ///< --out DIR ("" = no files)
    bool json = false;                  ///< --json
    bool classify = true;               ///< classify the blocks (--no-classify: node assignment only)
    std::size_t max_checkpoints = 2000; ///< --max-checkpoints
    analyze::CrosscheckOptions analysis;
};

/// One set of weights of a run: the step after which they were taken.
struct RunWeights {
    std::size_t step = 0;
    NetworkWeights<double> weights;
};

/// The checkpoints of a complete run folder, by step, and its final weights (as the step `steps` of
/// summary.json unless a checkpoint has that step). `group` receives the group summary.json records.
/// Throws InvalidInput naming the folder and the reason.
[[nodiscard]] std::vector<RunWeights> read_run_weights(const std::string& run, std::size_t max_checkpoints,
                                                       AbelianGroup& group);

/// Declares the options and footer of `dynamics` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_dynamics_command(CLI::App& command, DynamicsOptions& options);

/// Runs `cogo dynamics`; returns the exit code (see the file comment).
int run_dynamics(const DynamicsOptions& options, std::ostream& out);

}  // namespace cogo::cli
