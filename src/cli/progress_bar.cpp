#include "cli/progress_bar.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <sys/ioctl.h>
#include <unistd.h>

#include "support/error.hpp"

namespace cogo::cli {

namespace {

bool is_terminal(std::FILE* stream) { return stream != nullptr && ::isatty(::fileno(stream)) == 1; }

ProgressBar::Mode choose(std::FILE* stream, bool force, double log_every) {
    if (force) return ProgressBar::Mode::bar;
    if (stream == nullptr) return ProgressBar::Mode::off;
    if (is_terminal(stream)) return ProgressBar::Mode::bar;
    return std::isfinite(log_every) && log_every > 0 ? ProgressBar::Mode::lines : ProgressBar::Mode::off;
}

}  // namespace

ProgressBar::ProgressBar(std::FILE* stream, std::size_t total, std::string label, bool force, double log_every)
    : stream_(stream), total_(total), label_(std::move(label)), mode_(choose(stream, force, log_every)),
      log_every_(log_every), start_(std::chrono::steady_clock::now()), last_draw_(start_) {
    if (mode_ == Mode::bar) last_draw_ = start_ - std::chrono::seconds(1);
}

ProgressBar::~ProgressBar() { finish(); }

double ProgressBar::elapsed(std::chrono::steady_clock::time_point now) const {
    return std::chrono::duration<double>(now - start_).count();
}

void ProgressBar::update(std::size_t done, const std::string& status) {
    if (mode_ == Mode::off) return;
    const auto now = std::chrono::steady_clock::now();
    if (mode_ == Mode::lines) {
        if (done != last_done_ || status != last_status_) last_printed_ = false;
        last_done_ = done;
        last_status_ = status;
        const bool end = done >= total_;
        if (!end && now - last_draw_ < std::chrono::duration<double>(log_every_)) return;
        if (end && last_printed_) return;
        last_draw_ = now;
        std::fprintf(stream_, "%s\n", render_line(done, total_, elapsed(now), label_, status).c_str());
        std::fflush(stream_);
        last_printed_ = true;
        return;
    }
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    // one column is left free: writing into the last column makes some terminals wrap
    const std::string line = fit(render(done, total_, elapsed(now), label_, status), terminal_columns(stream_) - 1);
    std::fprintf(stream_, "\r%s\x1b[K", line.c_str());
    std::fflush(stream_);
    drawn_ = true;
}

void ProgressBar::clear() {
    if (mode_ == Mode::bar && drawn_) {
        std::fputs("\r\x1b[K", stream_);
        std::fflush(stream_);
        drawn_ = false;
        last_draw_ = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    }
}

void ProgressBar::finish() {
    if (mode_ == Mode::lines && !last_printed_ && (last_done_ > 0 || !last_status_.empty())) {
        std::fprintf(stream_, "%s\n",
                     render_line(last_done_, total_, elapsed(std::chrono::steady_clock::now()), label_, last_status_).c_str());
        std::fflush(stream_);
        last_printed_ = true;
    }
    if (drawn_) {
        std::fputc('\n', stream_);
        std::fflush(stream_);
        drawn_ = false;
    }
}

void ProgressBar::check_log_every(double seconds, const char* option) {
    if (!(std::isfinite(seconds) && seconds >= 0 && seconds <= 86400))
        throw InvalidInput(std::string(option) + " must be a number of seconds in [0, 86400] (0: no progress lines), got " +
                           std::to_string(seconds));
}

std::string ProgressBar::format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "?";
    char buffer[32];
    const long s = std::lround(seconds);
    if (seconds < 60) std::snprintf(buffer, sizeof buffer, "%.1fs", seconds);
    else if (s < 3600) std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
    else std::snprintf(buffer, sizeof buffer, "%ldh%02ldm%02lds", s / 3600, (s / 60) % 60, s % 60);
    return buffer;
}

std::string ProgressBar::render(std::size_t done, std::size_t total, double elapsed, const std::string& label,
                                const std::string& status, int bar_width) {
    const double fraction = total ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 1.0;
    const int filled = static_cast<int>(fraction * bar_width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar += std::string(static_cast<std::size_t>(bar_width - filled), '.');
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    const double eta = rate > 0 ? static_cast<double>(total - std::min(done, total)) / rate : NAN;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%s [%s] %3.0f%% %zu/%zu %.1f/s ETA %s", label.c_str(), bar.c_str(),
                  100 * fraction, done, total, rate, done >= total ? "0.0s" : format_duration(eta).c_str());
    std::string line = buffer;
    if (!status.empty()) line += "  " + status;
    return line;
}

std::string ProgressBar::render_line(std::size_t done, std::size_t total, double elapsed, const std::string& label,
                                     const std::string& status) {
    const double fraction = total ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 1.0;
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    const double eta = rate > 0 ? static_cast<double>(total - std::min(done, total)) / rate : NAN;
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, "%s: %zu/%zu (%.0f%%) elapsed %s, %.1f/s, ETA %s", label.c_str(), done, total,
                  100 * fraction, format_duration(elapsed).c_str(), rate,
                  done >= total ? "0.0s" : format_duration(eta).c_str());
    std::string line = buffer;
    if (!status.empty()) line += "  " + status;
    return line;
}

std::string ProgressBar::fit(const std::string& line, int columns) {
    const std::size_t width = static_cast<std::size_t>(std::max(1, columns));
    return line.size() <= width ? line : line.substr(0, width);
}

int ProgressBar::terminal_columns(std::FILE* stream) {
    if (stream != nullptr) {
        struct winsize size {};
        if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    }
    if (const char* columns = std::getenv("COLUMNS")) {
        char* end = nullptr;
        errno = 0;
        const long value = std::strtol(columns, &end, 10);
        if (errno == 0 && end != columns && *end == '\0' && value >= 1 && value <= 10000) return static_cast<int>(value);
    }
    return 80;
}

}  // namespace cogo::cli
