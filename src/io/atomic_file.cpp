#include "io/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <iomanip>
#include <random>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/error.hpp"

namespace cogo {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    const std::string text = what + " " + path.string() + ": " + std::strerror(error);
    if (error == ENOSPC || error == EDQUOT) throw ResourceLimit(text);
    throw InvalidInput(text);
}

fs::path temporary_name(const fs::path& final_path) {
    static std::mt19937_64 rng{std::random_device{}() ^ static_cast<std::uint64_t>(::getpid())};
    std::ostringstream name;
    name << "." << final_path.filename().string() << ".tmp-" << std::hex << std::setw(16) << std::setfill('0') << rng();
    return final_path.parent_path() / name.str();
}

}  // namespace

void write_file_synced(const fs::path& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create", path, errno);
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int e = n < 0 ? errno : EIO;
            ::close(fd);
            fail("cannot write", path, e);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int e = errno;
        ::close(fd);
        fail("cannot write", path, e);
    }
    if (::close(fd) != 0) fail("cannot write", path, errno);
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(parent, ec)) throw InvalidInput("cannot write " + path.string() + ": no directory " + parent.string());
    const fs::path tmp = temporary_name(path.has_parent_path() ? path : fs::path(".") / path);
    try {
        write_file_synced(tmp, bytes);
        if (::rename(tmp.c_str(), path.c_str()) != 0) fail("cannot move " + tmp.string() + " to", path, errno);
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
}

}  // namespace cogo
