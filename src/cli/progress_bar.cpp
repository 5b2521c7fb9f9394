#include "cli/progress_bar.hpp"

#include <cmath>
#include <unistd.h>

namespace cogo::cli {

ProgressBar::ProgressBar(std::FILE* stream, std::size_t total, std::string label, bool force)
    : stream_(stream), total_(total), label_(std::move(label)),
      enabled_(force || (stream != nullptr && ::isatty(::fileno(stream)) == 1)),
      start_(std::chrono::steady_clock::now()), last_draw_(start_ - std::chrono::seconds(1)) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t done, const std::string& status) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stream_, "\r%s\x1b[K", render(done, total_, elapsed, label_, status).c_str());
    std::fflush(stream_);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (drawn_) {
        std::fputc('\n', stream_);
        std::fflush(stream_);
        drawn_ = false;
    }
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

}  // namespace cogo::cli
