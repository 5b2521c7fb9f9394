#include "io/bounded_read.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/error.hpp"

namespace cogo {

namespace {

constexpr std::size_t kStep = std::size_t{1} << 20;

std::string reason(int error) { return std::strerror(error); }

/// A regular file known (from its size) to hold more than max_bytes is refused before any read.
void refuse_larger_regular_file(const InputFile& in, std::size_t max_bytes) {
    if (in.regular_size() && *in.regular_size() > max_bytes)
        throw ResourceLimit(in.name() + " has " + byte_count_text(*in.regular_size()) + ", more than the limit of " +
                            byte_count_text(max_bytes));
}

}  // namespace

InputFile::InputFile(const std::filesystem::path& path, std::string kind, FileKinds accept)
    : path_(path.string()), kind_(std::move(kind)) {
    // O_NONBLOCK for regular files only: a FIFO planted under the name must not block the open (reads of a
    // regular file ignore the flag)
    const int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (accept == FileKinds::regular ? O_NONBLOCK : 0);
    do {
        fd_ = ::open(path_.c_str(), flags);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) {
        const int error = errno;
        throw InvalidInput("cannot open " + name() + ": " + reason(error));
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const int error = errno;
        ::close(fd_);
        throw InvalidInput("cannot open " + name() + ": " + reason(error));
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd_);
        throw InvalidInput(name() + " is a directory, not a file");
    }
    if (accept == FileKinds::regular && !S_ISREG(st.st_mode)) {
        ::close(fd_);
        throw InvalidInput("cannot read " + name() + ": not a regular file");
    }
    if (S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::string InputFile::name() const { return kind_.empty() ? path_ : kind_ + " " + path_; }

std::size_t InputFile::read_up_to(std::string& out, std::size_t count) {
    std::size_t done = 0;
    while (done < count) {
        // grow geometrically with what was actually read, never to the requested count at once
        const std::size_t step = std::min(count - done, std::max(kStep, done));
        const std::size_t base = out.size();
        out.resize(base + step);
        std::size_t got = 0;
        while (got < step) {
            const ssize_t n = ::read(fd_, out.data() + base + got, step - got);
            if (n < 0) {
                if (errno == EINTR) continue;
                const int error = errno;
                out.resize(base + got);
                throw InvalidInput("cannot read " + name() + ": " + reason(error));
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        out.resize(base + got);
        done += got;
        if (got < step) break;  // end of file
    }
    return done;
}

bool InputFile::at_end() {
    std::string probe;
    return read_up_to(probe, 1) == 0;
}

std::string read_file_bounded(const std::filesystem::path& path, std::size_t max_bytes, const std::string& kind) {
    InputFile in(path, kind);
    refuse_larger_regular_file(in, max_bytes);
    std::string out;
    in.read_up_to(out, max_bytes);
    if (!in.at_end())
        throw ResourceLimit(in.name() + " is larger than the limit of " + byte_count_text(max_bytes));
    return out;
}

std::string read_regular_file_bounded(const std::filesystem::path& path, std::size_t max_bytes) {
    InputFile in(path, "", FileKinds::regular);
    std::string out;
    in.read_up_to(out, max_bytes);
    if (!in.at_end())
        throw InvalidInput("cannot read " + in.name() + ": larger than " + std::to_string(max_bytes) + " bytes");
    return out;
}

std::string read_text_file_bounded(const std::filesystem::path& path, std::size_t max_bytes, const std::string& kind) {
    InputFile in(path, kind);
    refuse_larger_regular_file(in, max_bytes);
    std::string out;
    while (out.size() < max_bytes) {
        const std::size_t before = out.size();
        const std::size_t got = in.read_up_to(out, std::min(kStep, max_bytes - before));
        const auto nul = out.find('\0', before);
        if (nul != std::string::npos)
            throw InvalidInput(in.name() + " is not a text file (NUL byte at offset " + std::to_string(nul) + ")");
        if (got == 0) return out;
    }
    if (!in.at_end())
        throw ResourceLimit(in.name() + " is larger than the limit of " + byte_count_text(max_bytes));
    return out;
}

void check_json_depth(const std::string& text, const std::string& what) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                throw InvalidInput(what + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels (at byte " +
                                   std::to_string(i) + ")");
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

std::string byte_count_text(std::uint64_t bytes) {
    const std::string exact = std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes < 1024) return exact;
    const char* units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    while (u < 5 && bytes >> (10 * (u + 1)) >= 1024) ++u;
    const unsigned shift = 10 * static_cast<unsigned>(u + 1);
    if (bytes % (std::uint64_t{1} << shift) == 0) return std::to_string(bytes >> shift) + " " + units[u];
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", static_cast<double>(bytes) / static_cast<double>(std::uint64_t{1} << shift),
                  units[u]);
    return exact + " (" + text + ")";
}

}  // namespace cogo
