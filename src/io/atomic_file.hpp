#pragma once
/// \file atomic_file.hpp
/// Writing output files so that a failure leaves nothing half-written: a set of files is staged under
/// temporary names in the destination directory and renamed into place only after all were written.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace cogo {

/// Stages files for one output; commit() renames them into place, the destructor removes whatever was not
/// committed. Throws cogo::InvalidInput when a file cannot be created or written.
class StagedOutput {
public:
    /// Output into `directory` (created, with parents, if missing).
    explicit StagedOutput(std::filesystem::path directory);
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;
    ~StagedOutput();

    /// Writes `bytes` to a temporary file that will become directory/name on commit().
    void add(const std::string& name, const std::string& bytes);
    /// Renames every staged file into place.
    void commit();
    /// The destination directory.
    const std::filesystem::path& directory() const { return directory_; }

private:
    std::filesystem::path directory_;
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // (temporary, final)
    bool committed_ = false;
};

/// Writes one file atomically (temporary file + rename). Throws cogo::InvalidInput on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

/// The whole content of a file; throws cogo::InvalidInput if it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace cogo
