#include "io/run_directory.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iomanip>
#include <random>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic_file.hpp"
#include "io/bounded_read.hpp"
#include "io/sha256.hpp"
#include "support/error.hpp"

namespace cogo {
namespace fs = std::filesystem;

namespace {

constexpr const char* kStagingTag = ".cogo-staging-";
constexpr const char* kMarkerFormat = "cogo-run-complete";
constexpr int kMarkerVersion = 1;
constexpr std::uintmax_t kMaxMarkerBytes = std::uintmax_t{16} << 20;
constexpr std::time_t kStaleAgeSeconds = 10;

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    const std::string text = what + " " + path.string() + ": " + std::strerror(error);
    if (error == ENOSPC || error == EDQUOT) throw ResourceLimit(text);
    throw InvalidInput(text);
}

std::string random_suffix() {
    static std::mt19937_64 rng{std::random_device{}() ^ (static_cast<std::uint64_t>(::getpid()) << 32)};
    std::ostringstream s;
    s << std::hex << std::setw(16) << std::setfill('0') << rng();
    return s.str();
}

std::string staging_prefix(const fs::path& destination) { return "." + destination.filename().string() + kStagingTag; }

fs::path parent_of(const fs::path& p) { return p.has_parent_path() ? p.parent_path() : fs::path("."); }

void fsync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) fail("cannot open", path, errno);
    const int rc = ::fsync(fd);
    const int e = errno;
    ::close(fd);
    // some file systems cannot fsync a directory (EINVAL): nothing more can be done there
    if (rc != 0 && !(directory && (e == EINVAL || e == EROFS))) fail("cannot sync", path, e);
}

/// A relative path with no "..", no root, no empty or "." component.
bool is_safe_relative(const fs::path& p) {
    if (p.empty() || p.is_absolute() || p.has_root_name()) return false;
    for (const fs::path& part : p) {
        const std::string s = part.string();
        if (s.empty() || s == "." || s == "..") return false;
    }
    return true;
}

fs::path normalised_destination(fs::path destination) {
    if (destination.empty()) throw InvalidInput("no output folder given");
    if (!destination.has_filename()) destination = destination.parent_path();  // "out/" -> "out"
    const std::string name = destination.filename().string();
    if (name.empty() || name == "." || name == "..")
        throw InvalidInput("output folder '" + destination.string() + "': give a folder name (not . or ..)");
    return destination;
}

}  // namespace

std::string checkpoint_folder(std::size_t step) {
    std::ostringstream name;
    name << run_files::checkpoints << "/step_" << std::setw(6) << std::setfill('0') << step;
    return name.str();
}

bool is_empty_directory(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(dir, ec))) return false;
    fs::directory_iterator it(dir, ec);
    return !ec && it == fs::directory_iterator();
}

std::size_t remove_stale_staging(const fs::path& destination_in) {
    const fs::path destination = normalised_destination(destination_in);
    const fs::path parent = parent_of(destination);
    const std::string prefix = staging_prefix(destination);
    std::error_code ec;
    std::vector<fs::path> candidates;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind(prefix, 0) == 0) candidates.push_back(it->path());
    std::size_t removed = 0;
    for (const fs::path& p : candidates) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        if (std::time(nullptr) - st.st_mtime < kStaleAgeSeconds) continue;  // maybe being created right now
        const int fd = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {  // no live writer holds it
            fs::remove_all(p, ec);
            removed += !ec;
        }
        ::close(fd);
    }
    return removed;
}

StagedDirectory::StagedDirectory(fs::path destination, bool overwrite)
    : destination_(normalised_destination(std::move(destination))), overwrite_(overwrite) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(destination_, ec);
    if (fs::is_symlink(st))
        throw InvalidInput("output folder " + destination_.string() + " is a symbolic link; give the folder itself");
    if (fs::exists(st)) {
        if (!fs::is_directory(st))
            throw InvalidInput("output folder " + destination_.string() + " exists and is not a directory");
        if (!overwrite_ && !is_empty_directory(destination_))
            throw InvalidInput("output folder " + destination_.string() +
                               " is not empty; pass --overwrite to replace it whole, or choose another folder");
    }
    const fs::path parent = parent_of(destination_);
    fs::create_directories(parent, ec);
    if (ec) throw InvalidInput("cannot create " + parent.string() + ": " + ec.message());
    stale_removed_ = remove_stale_staging(destination_);
    staging_ = parent / (staging_prefix(destination_) + random_suffix());
    if (::mkdir(staging_.c_str(), 0755) != 0) fail("cannot create", staging_, errno);
    lock_fd_ = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        fs::remove_all(staging_, ec);
        fail("cannot lock", staging_, e);
    }
}

StagedDirectory::~StagedDirectory() {
    std::error_code ec;
    if (!committed_) fs::remove_all(staging_, ec);
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

void StagedDirectory::add(const std::string& relative, std::string_view bytes) {
    if (committed_) throw std::logic_error("StagedDirectory::add after commit");
    const fs::path rel(relative);
    if (!is_safe_relative(rel) || rel == run_files::marker)
        throw std::logic_error("StagedDirectory::add: bad file name '" + relative + "'");
    const fs::path path = staging_ / rel;
    if (rel.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(staging_ / rel.parent_path(), ec);
        if (ec) throw InvalidInput("cannot create " + (staging_ / rel.parent_path()).string() + ": " + ec.message());
    }
    write_file_synced(path, bytes);
    files_[rel.generic_string()] = {{"bytes", bytes.size()}, {"sha256", sha256_hex(bytes)}};
}

void StagedDirectory::commit(const nlohmann::json& identity) {
    if (committed_) throw std::logic_error("StagedDirectory::commit twice");
    const nlohmann::json marker = {
        {"format", kMarkerFormat}, {"version", kMarkerVersion}, {"identity", identity}, {"files", files_}};
    write_file_synced(staging_ / run_files::marker, marker.dump(2) + "\n");
    // sub-folders first, then the staging folder itself
    std::error_code ec;
    for (fs::recursive_directory_iterator it(staging_, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory()) fsync_path(it->path(), true);
    fsync_path(staging_, true);

    // an absent or empty destination is replaced by one rename (rename(2) replaces an empty directory)
    if (::rename(staging_.c_str(), destination_.c_str()) != 0) {
        const int e = errno;
        if (e != ENOTEMPTY && e != EEXIST) fail("cannot move the staged folder into place at", destination_, e);
        if (!overwrite_)
            throw InvalidInput("output folder " + destination_.string() +
                               " was filled by someone else meanwhile; nothing written (pass --overwrite to replace it)");
        // swap both folders in one step; the old content ends up under the staging name and is removed
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, destination_.c_str(), RENAME_EXCHANGE) != 0) {
            const int ex = errno;
            if (ex != EINVAL && ex != ENOSYS) fail("cannot swap the staged folder into place at", destination_, ex);
            // no RENAME_EXCHANGE on this file system: old away, new in (a reader may briefly see no folder)
            const fs::path old = parent_of(destination_) / (staging_prefix(destination_) + random_suffix());
            if (::rename(destination_.c_str(), old.c_str()) != 0) fail("cannot move away the old", destination_, errno);
            if (::rename(staging_.c_str(), destination_.c_str()) != 0) {
                const int en = errno;
                ::rename(old.c_str(), destination_.c_str());  // put the old folder back
                fail("cannot move the staged folder into place at", destination_, en);
            }
            committed_ = true;
            fs::remove_all(old, ec);
        } else {
            committed_ = true;
            fs::remove_all(staging_, ec);  // now the old content
        }
    }
    committed_ = true;
    fsync_path(parent_of(destination_), true);
}

RunCheck check_run(const fs::path& dir) {
    RunCheck r;
    std::error_code ec;
    const fs::path marker_path = dir / run_files::marker;
    if (!fs::is_directory(fs::symlink_status(dir, ec))) {
        r.reason = "not a directory";
        return r;
    }
    if (!fs::is_regular_file(fs::symlink_status(marker_path, ec))) {
        r.reason = std::string("no completion marker ") + run_files::marker + " (unfinished, or written by an older cogo)";
        return r;
    }
    nlohmann::json marker;
    try {
        marker = nlohmann::json::parse(read_regular_file_bounded(marker_path, kMaxMarkerBytes));
    } catch (const std::exception& e) {
        r.reason = std::string("unreadable completion marker: ") + e.what();
        return r;
    }
    if (!marker.is_object() || marker.value("format", "") != kMarkerFormat || !marker.contains("version") ||
        marker.at("version") != kMarkerVersion || !marker.contains("files") || !marker.at("files").is_object()) {
        r.reason = "the completion marker is not a cogo-run-complete version 1 document";
        return r;
    }
    for (const auto& [name, entry] : marker.at("files").items()) {
        const fs::path rel(name);
        if (!is_safe_relative(rel) || !entry.is_object() || !entry.contains("bytes") ||
            !entry.at("bytes").is_number_unsigned() || !entry.contains("sha256") || !entry.at("sha256").is_string()) {
            r.reason = "the completion marker has a malformed entry '" + name + "'";
            return r;
        }
        const std::uintmax_t expected = entry.at("bytes").get<std::uintmax_t>();
        std::uintmax_t size = 0;
        std::string hash;
        try {
            hash = sha256_file(dir / rel, &size, expected);
        } catch (const Error& e) {
            r.reason = e.what();
            return r;
        }
        if (size != expected || hash != entry.at("sha256").get<std::string>()) {
            r.reason = (dir / rel).string() + " does not match the completion marker (" + std::to_string(size) +
                       " bytes, " + std::to_string(expected) + " recorded): changed or truncated after the run";
            return r;
        }
    }
    r.complete = true;
    r.identity = marker.contains("identity") ? marker.at("identity") : nlohmann::json();
    r.files = marker.at("files");
    return r;
}

}  // namespace cogo
