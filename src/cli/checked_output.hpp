#pragma once
/// \file checked_output.hpp
/// Standard output whose write errors are not lost. std::cout over a full disk, a closed descriptor or
/// /dev/full fails silently unless someone looks; CheckedOutput is a stream buffer on a file descriptor
/// that remembers the errno of the first failed write, so that `cogo` can end with a clear message and a
/// non-zero exit code (exit_codes.hpp: exit_output_failed) instead of a truncated report and exit 0.
#include <array>
#include <streambuf>
#include <string>

namespace cogo::cli {

/// A buffered std::streambuf writing to a file descriptor (64 KiB buffer, flushed when full, on sync and
/// on destruction; after every line when the descriptor is a terminal). After the first failed write it
/// keeps the errno, discards further output and makes the stream report failure (badbit).
class CheckedOutput : public std::streambuf {
public:
    /// Output to `fd` (not closed at the end).
    explicit CheckedOutput(int fd);
    CheckedOutput(const CheckedOutput&) = delete;
    CheckedOutput& operator=(const CheckedOutput&) = delete;
    ~CheckedOutput() override;

    /// Writes out what is buffered; false if this or an earlier write failed.
    [[nodiscard]] bool flush_all();
    /// errno of the first failed write, 0 if every write succeeded so far.
    [[nodiscard]] int error() const { return error_; }
    /// "cannot write to standard output: No space left on device" (for error() != 0).
    [[nodiscard]] std::string error_message(const std::string& what = "standard output") const;

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;
    int sync() override;

private:
    bool write_all(const char* data, std::size_t count);

    int fd_;
    bool line_buffered_;
    int error_ = 0;
    std::size_t used_ = 0;  // bytes of buffer_ not yet written
    std::array<char, 1 << 16> buffer_{};
};

/// While alive, std::cout writes through a CheckedOutput on descriptor 1; restores std::cout's buffer
/// (after flushing) when destroyed.
class CheckedStdout {
public:
    CheckedStdout();
    CheckedStdout(const CheckedStdout&) = delete;
    CheckedStdout& operator=(const CheckedStdout&) = delete;
    ~CheckedStdout();

    /// Flushes; false (with the reason in error_message()) if any write to standard output failed.
    [[nodiscard]] bool finish() { return buffer_.flush_all(); }
    /// See CheckedOutput::error_message.
    [[nodiscard]] std::string error_message() const { return buffer_.error_message(); }

private:
    CheckedOutput buffer_;
    std::streambuf* previous_;
};

}  // namespace cogo::cli
