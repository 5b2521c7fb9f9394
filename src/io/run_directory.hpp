#pragma once
/// \file run_directory.hpp
/// The one place that knows a run folder: the names of its files (weights, metrics, summary, checkpoints,
/// cached cross-check, completion marker) and how a whole folder is written. `cogo train`, `construct`,
/// `sweep` and `table` all go through here.
///
/// Writing (StagedDirectory): every file is written and fsync'ed into a hidden sibling folder
/// `.<name>.cogo-staging-<random>` that the writer holds locked (flock); the completion marker is written
/// last and lists every file with its size and SHA-256; then the staging folder replaces the destination in
/// one step (rename(2); for an existing destination renameat2(RENAME_EXCHANGE), the old content removed
/// afterwards), so a reader sees the old folder or the new one, never a mix. A non-empty destination is
/// refused unless overwriting was asked for. Staging folders left by a killed writer (unlocked) are removed
/// by the next writer of the same destination.
///
/// Reading (check_run): a folder is complete only if its marker parses and every file it lists is present
/// with the listed size and hash, so a truncated or replaced weights file is never taken for a finished run.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace cogo {

/// File and folder names inside a run folder.
namespace run_files {
inline constexpr const char* wa = "Wa.npy";                ///< W_a, q x n float64 (PyTorch layout)
inline constexpr const char* wb = "Wb.npy";                ///< W_b, q x n
inline constexpr const char* v = "V.npy";                  ///< V, n x q
inline constexpr const char* metrics = "metrics.csv";      ///< training curves (cogo train)
inline constexpr const char* curves = "curves.svg";        ///< plot of the curves (cogo train)
inline constexpr const char* summary = "summary.json";     ///< settings and final metrics (group for crosscheck)
inline constexpr const char* fourier = "fourier.json";     ///< exact Fourier form (cogo construct)
inline constexpr const char* crosscheck = "crosscheck.json";  ///< cached cross-check report (cogo table)
inline constexpr const char* checkpoints = "checkpoints";  ///< folder of checkpoints/step_<t>/{Wa,Wb,V}.npy
inline constexpr const char* marker = "complete.json";     ///< completion marker, written last
}  // namespace run_files

/// "checkpoints/step_000010" for step 10 (at least six digits).
[[nodiscard]] std::string checkpoint_folder(std::size_t step);

/// Builds a folder in a locked sibling staging folder and puts it in place as one step (see the file comment).
/// Errors throw InvalidInput with the path and the errno text (ResourceLimit when the disk is full).
class StagedDirectory {
public:
    /// Checks `destination` and creates the staging folder. Throws InvalidInput if the destination is not a
    /// directory (a file or a symbolic link), or is a non-empty directory and `overwrite` is false.
    StagedDirectory(std::filesystem::path destination, bool overwrite);
    StagedDirectory(const StagedDirectory&) = delete;
    StagedDirectory& operator=(const StagedDirectory&) = delete;
    /// Removes the staging folder unless committed.
    ~StagedDirectory();

    /// Writes `bytes` as the file `relative` (e.g. "Wa.npy", "checkpoints/step_000010/V.npy") of the new folder.
    void add(const std::string& relative, std::string_view bytes);
    /// Writes the completion marker (with `identity`: what made the folder, e.g. the run's settings), fsyncs
    /// and puts the folder in place.
    void commit(const nlohmann::json& identity);

    /// The destination folder.
    [[nodiscard]] const std::filesystem::path& destination() const { return destination_; }
    /// The staging folder (inside the destination's parent).
    [[nodiscard]] const std::filesystem::path& staging() const { return staging_; }
    /// How many stale staging folders of the same destination were removed when this one was made.
    [[nodiscard]] std::size_t stale_removed() const { return stale_removed_; }

private:
    std::filesystem::path destination_, staging_;
    bool overwrite_;
    int lock_fd_ = -1;
    bool committed_ = false;
    std::size_t stale_removed_ = 0;
    nlohmann::json files_ = nlohmann::json::object();
};

/// Removes the staging folders of `destination` that no live writer holds (and that are older than a few
/// seconds, so one being created is not taken); returns how many.
std::size_t remove_stale_staging(const std::filesystem::path& destination);

/// The verdict on a folder: complete (marker valid, every listed file intact) or why not.
struct RunCheck {
    bool complete = false;
    std::string reason;         ///< why not complete (empty if complete)
    nlohmann::json identity;    ///< the marker's identity (null if not complete)
    nlohmann::json files;       ///< the marker's file list: name -> {bytes, sha256} (null if not complete)
};

/// Checks `dir` against its completion marker (see the file comment). Never throws for a bad folder.
[[nodiscard]] RunCheck check_run(const std::filesystem::path& dir);

/// True iff `dir` exists and holds no entry at all.
[[nodiscard]] bool is_empty_directory(const std::filesystem::path& dir);

}  // namespace cogo
