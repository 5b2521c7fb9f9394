#pragma once
/// \file progress_bar.hpp
/// Progress of a long run (training, sweeps) on a C stream, in one of two forms:
/// * on a terminal: a one-line bar with rate and ETA, redrawn in place (carriage return) at most every
///   100 ms and cut to the terminal's width (TIOCGWINSZ, else $COLUMNS, else 80), so it never wraps;
/// * elsewhere (a pipe, a file, Jupyter, a Slurm log): one plain line every `log_every` seconds and one at
///   the end, so a log shows progress while the run is going; `log_every` <= 0 turns these lines off.
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace cogo::cli {

/// The default interval of the plain progress lines (seconds), used by `--log-every`.
inline constexpr double kDefaultLogEverySeconds = 10;

/// Progress of `total` units of work written to a C stream.
class ProgressBar {
public:
    /// How the progress is shown.
    enum class Mode { off, bar, lines };

    /// A bar iff `stream` is a terminal or `force` is set; otherwise plain lines every `log_every` seconds
    /// (off if `log_every` <= 0 or is not finite, or `stream` is null).
    ProgressBar(std::FILE* stream, std::size_t total, std::string label, bool force = false,
                double log_every = kDefaultLogEverySeconds);
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    /// Finishes the line (newline) if a bar was drawn.
    ~ProgressBar();

    /// `done` units finished; `status` is appended (e.g. the latest loss). Cheap when nothing is due.
    void update(std::size_t done, const std::string& status = {});
    /// Ends the bar's line (bar mode); prints the last plain line if it was not printed yet (lines mode).
    void finish();
    /// Erases the bar from the terminal (bar mode) so that other output can be printed; the next
    /// update() draws it again. No effect in the other modes.
    void clear();
    /// Whether anything is ever drawn.
    [[nodiscard]] bool enabled() const { return mode_ != Mode::off; }
    /// The form chosen at construction.
    [[nodiscard]] Mode mode() const { return mode_; }

    /// The bar line for `done` of `total` after `elapsed` seconds (no carriage return): bar, percentage,
    /// counts, rate, ETA, status. Pure; exposed for tests.
    [[nodiscard]] static std::string render(std::size_t done, std::size_t total, double elapsed,
                                            const std::string& label, const std::string& status, int bar_width = 30);
    /// The plain line (no bar): "label: 50/100 (50%) elapsed 10.0s, 5.0/s, ETA 10.0s  status". Pure.
    [[nodiscard]] static std::string render_line(std::size_t done, std::size_t total, double elapsed,
                                                 const std::string& label, const std::string& status);
    /// `line` cut to at most `columns` characters (bytes; the lines are ASCII); columns < 1 counts as 1.
    [[nodiscard]] static std::string fit(const std::string& line, int columns);
    /// The width of the terminal on `stream`: TIOCGWINSZ if it answers, else $COLUMNS if it is a number
    /// in [1, 10000], else 80.
    [[nodiscard]] static int terminal_columns(std::FILE* stream);
    /// Throws InvalidInput naming `option` unless `seconds` is finite and in [0, 86400] (0 = no lines).
    static void check_log_every(double seconds, const char* option = "--log-every");
    /// "1h02m03s", "4m05s", "6.0s".
    [[nodiscard]] static std::string format_duration(double seconds);

private:
    [[nodiscard]] double elapsed(std::chrono::steady_clock::time_point now) const;

    std::FILE* stream_;
    std::size_t total_;
    std::string label_;
    Mode mode_;
    double log_every_;
    bool drawn_ = false;
    std::size_t last_done_ = 0;
    bool last_printed_ = false;  // lines mode: the line for the latest `done` was printed
    std::string last_status_;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace cogo::cli
