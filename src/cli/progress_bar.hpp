#pragma once
/// \file progress_bar.hpp
/// A one-line progress bar with rate and ETA for long runs, redrawn in place (carriage return) at most
/// every 100 ms, only when the stream is a terminal (or when forced, for tests).
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace cogo::cli {

/// Progress of `total` units of work written to a C stream.
class ProgressBar {
public:
    /// Enabled iff `stream` is a terminal, or `force` is set.
    ProgressBar(std::FILE* stream, std::size_t total, std::string label, bool force = false);
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    /// Finishes the line (newline) if anything was drawn.
    ~ProgressBar();

    /// `done` units finished; `status` is appended (e.g. the latest loss). Cheap when nothing is drawn.
    void update(std::size_t done, const std::string& status = {});
    /// Ends the line.
    void finish();
    /// Whether anything is ever drawn.
    bool enabled() const { return enabled_; }

    /// The line for `done` of `total` after `elapsed` seconds (no carriage return): bar, percentage,
    /// counts, rate, ETA, status. Pure; exposed for tests.
    static std::string render(std::size_t done, std::size_t total, double elapsed, const std::string& label,
                              const std::string& status, int bar_width = 30);
    /// "1h02m03s", "4m05s", "6.0s".
    static std::string format_duration(double seconds);

private:
    std::FILE* stream_;
    std::size_t total_;
    std::string label_;
    bool enabled_, drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace cogo::cli
