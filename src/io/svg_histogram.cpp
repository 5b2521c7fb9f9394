#include "io/svg_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "support/error.hpp"

namespace cogo {

namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else out += c;
    }
    return out;
}

}  // namespace

std::string svg_histograms(const std::vector<HistogramPanel>& panels, int width, int panel_height) {
    const int left = 50, right = 30, top = 30, bottom = 40;  // right: room for the last tick label
    std::ostringstream s;
    const int height = panel_height * static_cast<int>(std::max<std::size_t>(1, panels.size()));
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    for (std::size_t p = 0; p < panels.size(); ++p) {
        const HistogramPanel& h = panels[p];
        if (!(h.hi > h.lo) || h.bins < 1) throw InvalidInput("histogram '" + h.title + "': needs hi > lo and bins >= 1");
        std::vector<int> counts(static_cast<std::size_t>(h.bins), 0);
        for (double v : h.values) {
            if (!std::isfinite(v) || v < h.lo || v >= h.hi) continue;
            const int b = std::min(h.bins - 1, static_cast<int>((v - h.lo) / (h.hi - h.lo) * h.bins));
            ++counts[static_cast<std::size_t>(b)];
        }
        const int peak = std::max(1, *std::max_element(counts.begin(), counts.end()));
        const int y0 = static_cast<int>(p) * panel_height;
        const double plot_w = width - left - right, plot_h = panel_height - top - bottom;
        auto x_of = [&](double v) { return left + (v - h.lo) / (h.hi - h.lo) * plot_w; };
        s << "<text x=\"" << left << "\" y=\"" << y0 + 18 << "\" font-size=\"13\">" << escape(h.title) << " ("
          << h.values.size() << " values)</text>\n";
        const double base = y0 + top + plot_h;
        for (int b = 0; b < h.bins; ++b) {
            const double bar_h = plot_h * counts[static_cast<std::size_t>(b)] / peak;
            const double x = left + plot_w * b / h.bins;
            s << "<rect x=\"" << x << "\" y=\"" << base - bar_h << "\" width=\"" << plot_w / h.bins * 0.9
              << "\" height=\"" << bar_h << "\" fill=\"#4477aa\"/>\n";
        }
        s << "<line x1=\"" << left << "\" y1=\"" << base << "\" x2=\"" << left + plot_w << "\" y2=\"" << base
          << "\" stroke=\"black\"/>\n<line x1=\"" << left << "\" y1=\"" << y0 + top << "\" x2=\"" << left << "\" y2=\""
          << base << "\" stroke=\"black\"/>\n<text x=\"" << left - 6 << "\" y=\"" << y0 + top + 4
          << "\" text-anchor=\"end\">" << peak << "</text>\n<text x=\"" << left - 6 << "\" y=\"" << base
          << "\" text-anchor=\"end\">0</text>\n";
        for (const auto& [v, label] : h.ticks) {
            const double x = x_of(v);
            s << "<line x1=\"" << x << "\" y1=\"" << base << "\" x2=\"" << x << "\" y2=\"" << base + 5
              << "\" stroke=\"black\"/>\n<text x=\"" << x << "\" y=\"" << base + 18 << "\" text-anchor=\"middle\">"
              << escape(label) << "</text>\n";
        }
    }
    s << "</svg>\n";
    return s.str();
}

}  // namespace cogo
