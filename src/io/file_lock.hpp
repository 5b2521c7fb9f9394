#pragma once
/// \file file_lock.hpp
/// An exclusive advisory lock (flock(2)) on a lock file, held for the object's lifetime. The lock belongs to
/// the open file description: a child process given the descriptor keeps it held even after this process
/// died, which is what keeps a resumed sweep off a run an orphaned child is still writing.
#include <filesystem>
#include <optional>

namespace cogo {

/// A held lock. Move-only; releases (closes) on destruction.
class FileLock {
public:
    /// Takes the lock on `path` (created if missing) without waiting; nullopt if another holder has it.
    /// Throws InvalidInput with the errno text if the file cannot be created or locked for another reason.
    [[nodiscard]] static std::optional<FileLock> try_lock(const std::filesystem::path& path);
    FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

    /// The descriptor (close-on-exec; hand it to a child explicitly).
    [[nodiscard]] int fd() const { return fd_; }

private:
    explicit FileLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace cogo
