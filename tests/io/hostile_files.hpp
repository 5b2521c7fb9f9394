#pragma once
/// \file hostile_files.hpp
/// Test helpers for the readers of user files: a scratch directory with hostile entries (a directory where a
/// file is expected, a symlink loop, a FIFO) and a memory guard that turns an unbounded read into a
/// std::bad_alloc instead of exhausting the machine.
#include <filesystem>
#include <string>
#include <system_error>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cogo::testing {

/// A fresh directory under the system temporary directory, removed with everything in it at scope exit.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("cogo-io-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    /// A directory named `name` (where a file is expected).
    [[nodiscard]] std::string directory(const std::string& name) const {
        std::filesystem::create_directories(path_ / name);
        return (path_ / name).string();
    }
    /// `name` -> `name`.other -> `name` (opening it fails with ELOOP).
    [[nodiscard]] std::string symlink_loop(const std::string& name) const {
        std::filesystem::create_symlink(path_ / (name + ".other"), path_ / name);
        std::filesystem::create_symlink(path_ / name, path_ / (name + ".other"));
        return (path_ / name).string();
    }

private:
    std::filesystem::path path_;
};

/// While alive, caps the address space at the current usage plus `extra_bytes` (no-op under AddressSanitizer,
/// whose shadow memory needs a huge address space): an unbounded allocation throws std::bad_alloc.
class AddressSpaceGuard {
public:
    explicit AddressSpaceGuard(unsigned long long extra_bytes) {
#if !defined(__SANITIZE_ADDRESS__)
        if (::getrlimit(RLIMIT_AS, &old_) != 0) return;
        unsigned long long used = 0;
        if (FILE* f = std::fopen("/proc/self/statm", "r")) {
            unsigned long long pages = 0;
            if (std::fscanf(f, "%llu", &pages) == 1) used = pages * static_cast<unsigned long long>(::sysconf(_SC_PAGESIZE));
            std::fclose(f);
        }
        if (used == 0) return;
        rlimit cap = old_;
        cap.rlim_cur = used + extra_bytes;
        if (old_.rlim_cur != RLIM_INFINITY && cap.rlim_cur > old_.rlim_cur) cap.rlim_cur = old_.rlim_cur;
        active_ = ::setrlimit(RLIMIT_AS, &cap) == 0;
#else
        (void)extra_bytes;
#endif
    }
    AddressSpaceGuard(const AddressSpaceGuard&) = delete;
    AddressSpaceGuard& operator=(const AddressSpaceGuard&) = delete;
    ~AddressSpaceGuard() {
        if (active_) ::setrlimit(RLIMIT_AS, &old_);
    }

private:
    rlimit old_{};
    bool active_ = false;
};

}  // namespace cogo::testing
