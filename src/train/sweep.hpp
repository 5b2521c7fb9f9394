#pragma once
/// \file sweep.hpp
/// A grid of training runs (THEORY.md section 7: d, width, weight decay, seeds), its deterministic order,
/// shards for cluster job arrays, and resumability. Pure functions; running is `cogo sweep`'s job.
///
/// Each run lives in SWEEPDIR/<name> with name = "g<group>_q<width>_wd<wd>_lr<lr>_s<seed>" (numbers in
/// the shortest form that reads back to the same double, e.g. wd5e-05). A run is complete when its
/// directory holds Wa.npy, Wb.npy, V.npy and summary.json (`cogo train` writes them together, the summary
/// last), so an interrupted sweep re-runs exactly the incomplete runs.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "train/trainer.hpp"

namespace cogo::train {

/// The grid: every combination of the lists (each non-empty) with the shared settings of `base`.
struct SweepGrid {
    std::vector<std::string> groups{"23"};
    std::vector<std::size_t> widths{512};
    std::vector<double> weight_decays{5e-5};
    std::vector<double> lrs{0.01};
    std::vector<std::uint64_t> seeds{1, 2, 3, 4, 5};
    TrainConfig base;  ///< steps, test fraction, precision, loss, ... (group, width, wd, lr, seed overridden)
};

/// One run of the grid.
struct SweepRun {
    TrainConfig config;
    std::string name;  ///< directory name (unique within the grid)
};

/// All runs, ordered by (group as listed, width, weight decay, lr, seed), each configuration validated.
/// Throws InvalidInput on an empty list, a duplicate value in a list, or an invalid configuration.
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

/// True iff directory `dir` holds a complete run (see the file comment).
bool run_is_complete(const std::filesystem::path& dir);

/// Parses a comma-separated list of seeds, with ranges: "1-5", "1,3,7-9". Throws InvalidInput if
/// malformed, empty or a range runs backwards.
std::vector<std::uint64_t> parse_seed_list(const std::string& text);

}  // namespace cogo::train
