#include "cli/checked_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace cogo::cli {

// No put area: every character goes through overflow/xsputn, which fill buffer_ themselves (so that a
// terminal can be flushed at each newline and a failure is seen at once).

CheckedOutput::CheckedOutput(int fd) : fd_(fd), line_buffered_(::isatty(fd) == 1) {}

CheckedOutput::~CheckedOutput() { (void)flush_all(); }

bool CheckedOutput::write_all(const char* data, std::size_t count) {
    while (count > 0 && error_ == 0) {
        const ssize_t n = ::write(fd_, data, count);
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
        } else if (n == 0) {
            error_ = EIO;
        } else {
            data += n;
            count -= static_cast<std::size_t>(n);
        }
    }
    return error_ == 0;
}

bool CheckedOutput::flush_all() {
    const std::size_t used = used_;
    used_ = 0;
    if (error_ != 0) return false;
    return write_all(buffer_.data(), used);
}

CheckedOutput::int_type CheckedOutput::overflow(int_type c) {
    if (error_ != 0) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (used_ == buffer_.size() && !flush_all()) return traits_type::eof();
    buffer_[used_++] = traits_type::to_char_type(c);
    if (line_buffered_ && traits_type::to_char_type(c) == '\n' && !flush_all()) return traits_type::eof();
    return c;
}

std::streamsize CheckedOutput::xsputn(const char* data, std::streamsize count) {
    if (error_ != 0 || count < 0) return 0;
    const std::size_t total = static_cast<std::size_t>(count);
    if (total >= buffer_.size()) {  // a big write goes straight through
        if (!flush_all() || !write_all(data, total)) return 0;
        return count;
    }
    if (used_ + total > buffer_.size() && !flush_all()) return 0;
    std::memcpy(buffer_.data() + used_, data, total);
    used_ += total;
    if (line_buffered_ && std::memchr(data, '\n', total) != nullptr && !flush_all()) return 0;
    return count;
}

int CheckedOutput::sync() { return flush_all() ? 0 : -1; }

std::string CheckedOutput::error_message(const std::string& what) const {
    return "cannot write to " + what + ": " + std::strerror(error_ != 0 ? error_ : EIO);
}

CheckedStdout::CheckedStdout() : buffer_(STDOUT_FILENO), previous_(std::cout.rdbuf(&buffer_)) {}

CheckedStdout::~CheckedStdout() {
    std::cout.flush();
    std::cout.rdbuf(previous_);
}

}  // namespace cogo::cli
