#pragma once
/// \file sweep.hpp
/// A grid of training runs (docs/theory.md section 7: d, width, weight decay, seeds), its deterministic order,
/// shards for cluster job arrays, and resumability. Pure functions; running is `cogo sweep`'s job.
///
/// Each run lives in SWEEPDIR/<name> with name = "g<group>_q<width>_wd<wd>_lr<lr>_s<seed>" (group in
/// canonical form, numbers in the shortest form that reads back to the same double, e.g. wd5e-05), with
/// "_test<fraction>" before "_s" when the test fraction is not the paper's 0.1. A run is
/// complete when its folder passes io/run_directory.hpp's check (completion marker written last, every file
/// intact) AND the marker's identity (train/run_identity.hpp) is the identity of the run's configuration:
/// a folder made with other settings (steps, lr, precision, ...) is never taken for the run.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/split_list.hpp"
#include "train/trainer.hpp"

namespace cogo::train {

/// The grid: every combination of the lists (each non-empty) with the shared settings of `base`.
struct SweepGrid {
    std::vector<std::string> groups{"23"};
    std::vector<std::size_t> widths{512};
    std::vector<double> weight_decays{5e-5};
    std::vector<double> lrs{0.01};
    std::vector<std::uint64_t> seeds{1, 2, 3, 4, 5};
    /// Held-out shares (an axis); empty: base.test_fraction alone.
    std::vector<double> test_fractions;
    TrainConfig base;  ///< steps, precision, loss, ... (group, width, wd, lr, seed, test fraction overridden)
};

/// One run of the grid.
struct SweepRun {
    TrainConfig config;
    std::string name;  ///< directory name (unique within the grid)
};

/// Most runs one grid may hold.
inline constexpr std::size_t max_sweep_runs = 100000;

/// All runs, ordered by (group as listed, width, weight decay, lr, test fraction, seed), each configuration
/// validated.
/// Throws InvalidInput on an empty list, a duplicate value in a list (groups compared in canonical form:
/// "5" and "05" are one group), more than max_sweep_runs runs, or an invalid configuration.
std::vector<SweepRun> expand(const SweepGrid& grid);

/// The shortest decimal form of v that reads back to exactly v ("5e-05", "0.01").
std::string shortest_decimal(double v);

/// The directory name of a configuration (see the file comment).
std::string run_name(const TrainConfig& config);

/// A shard I/N of a sweep: runs r with r mod N == I (0-based I < N).
struct Shard {
    std::size_t index = 0, count = 1;
};

/// Parses "I/N" (0 <= I < N); throws InvalidInput otherwise.
Shard parse_shard(const std::string& text);

/// The runs of one shard, in order; the shards 0..N-1 partition the runs.
std::vector<SweepRun> select_shard(const std::vector<SweepRun>& runs, const Shard& shard);

/// True iff `dir` passes the completion check (any identity; see the file comment).
[[nodiscard]] bool run_is_complete(const std::filesystem::path& dir);

/// Where a run of the grid stands on disk.
enum class RunState {
    absent,      ///< no folder
    complete,    ///< complete, with this run's identity
    incomplete,  ///< a folder that is not a complete run (interrupted, truncated, older cogo): to redo
    foreign,     ///< a complete run with OTHER settings: not this run, and not to be overwritten
};

/// The state of `dir` for the run `config`, and why (for incomplete and foreign).
[[nodiscard]] RunState run_state(const std::filesystem::path& dir, const TrainConfig& config, std::string* why = nullptr);

/// Parses a comma-separated list of seeds, with ranges: "1-5", "1,3,7-9". Throws InvalidInput if
/// malformed (an empty item as in "5," or "1,,2", a sign, a number beyond 2^64 - 1), empty, or a range
/// runs backwards or is longer than max_sweep_runs.
std::vector<std::uint64_t> parse_seed_list(const std::string& text);

/// Splits a comma-separated list (support/split_list.hpp, the one splitter of option lists).
using cogo::split_list;

/// Parses a comma-separated list of whole numbers 1..max (plain digits; no sign, no exponent).
std::vector<std::size_t> parse_count_list(const std::string& text, const std::string& what, std::size_t max);

/// Parses a comma-separated list of finite decimal numbers (std::from_chars, correctly rounded; no nan/inf).
std::vector<double> parse_real_list(const std::string& text, const std::string& what);

}  // namespace cogo::train
