#pragma once
/// \file atomic_file.hpp
/// Single files written so that a failure leaves nothing half-written (temporary file, fsync, rename).
/// Whole folders: io/run_directory.hpp; reading files: io/bounded_read.hpp.
#include <filesystem>
#include <string>
#include <string_view>

namespace cogo {

/// Writes one file atomically: a temporary sibling, fsync'ed, renamed over `path`. Throws InvalidInput with
/// the errno text on failure (ResourceLimit when the disk is full); the temporary is removed.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Creates `path` (which must not exist) with `bytes` and fsyncs it. Errors as write_file_atomically.
void write_file_synced(const std::filesystem::path& path, std::string_view bytes);

}  // namespace cogo
