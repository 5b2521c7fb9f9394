#include "io/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
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

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot open", path, errno ? errno : ENOENT);
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) fail("cannot read", path, errno ? errno : EIO);
    return content.str();
}

std::string read_file_bounded(const fs::path& path, std::uintmax_t limit) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) fail("cannot open", path, errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw InvalidInput("cannot read " + path.string() + ": " +
                           (S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file"));
    }
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int e = errno;
            ::close(fd);
            fail("cannot read", path, e);
        }
        if (n == 0) break;
        if (out.size() + static_cast<std::size_t>(n) > limit) {
            ::close(fd);
            throw InvalidInput("cannot read " + path.string() + ": larger than " + std::to_string(limit) + " bytes");
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

}  // namespace cogo
