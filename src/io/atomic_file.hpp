#pragma once
/// \file atomic_file.hpp
/// Single files written so that a failure leaves nothing half-written (temporary file, fsync, rename), and
/// whole-file reads with errno-text errors. Whole folders: io/run_directory.hpp.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace cogo {

/// Writes one file atomically: a temporary sibling, fsync'ed, renamed over `path`. Throws InvalidInput with
/// the errno text on failure (ResourceLimit when the disk is full); the temporary is removed.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Creates `path` (which must not exist) with `bytes` and fsyncs it. Errors as write_file_atomically.
void write_file_synced(const std::filesystem::path& path, std::string_view bytes);

/// The whole content of a file; throws InvalidInput (with the errno text) if it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// The whole content of a regular file of at most `limit` bytes; throws InvalidInput if it cannot be read,
/// is not a regular file (a directory, FIFO or device) or is larger.
[[nodiscard]] std::string read_file_bounded(const std::filesystem::path& path, std::uintmax_t limit);

}  // namespace cogo
