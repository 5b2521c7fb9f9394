#include "io/svg_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "io/svg_plot.hpp"
#include "support/error.hpp"

namespace cogo {

namespace {


}  // namespace

std::string svg_histograms(const std::vector<HistogramPanel>& panels, int width, int panel_height) {
    const double left = 62, right = 34, top = 34, bottom = 52;  // right: room for the last tick label
    std::ostringstream s;
    const int height = panel_height * static_cast<int>(std::max<std::size_t>(1, panels.size()));
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << " " << height << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    for (std::size_t p = 0; p < panels.size(); ++p) {
        const HistogramPanel& h = panels[p];
        if (!std::isfinite(h.lo) || !std::isfinite(h.hi) || !(h.hi > h.lo) || h.bins < 1 || h.bins > 100000)
            throw InvalidInput("histogram '" + h.title + "': needs finite lo < hi and 1 <= bins <= 100000");
        std::vector<int> counts(static_cast<std::size_t>(h.bins), 0);
        std::size_t outside = 0;
        for (double v : h.values) {
            if (!std::isfinite(v) || v < h.lo || v >= h.hi) {
                ++outside;
                continue;
            }
            const int b = std::min(h.bins - 1, static_cast<int>((v - h.lo) / (h.hi - h.lo) * h.bins));
            ++counts[static_cast<std::size_t>(b)];
        }
        const int largest = *std::max_element(counts.begin(), counts.end());
        // the count axis: round ticks up to a round top
        // the count axis: whole-number round ticks (step 1, 2, 5, 10, ...) up to a tick at or above the peak
        double step = 1;
        while (step * 4 < largest) step = step * (std::lround(step / std::pow(10.0, std::floor(std::log10(step) + 1e-9))) == 2 ? 2.5 : 2);
        std::vector<double> yt;
        for (double t = 0; yt.empty() || yt.back() < largest; t += step) yt.push_back(t);
        const double top_count = std::max(1.0, yt.back());
        const double y0 = static_cast<double>(p) * panel_height;
        const double plot_w = width - left - right, plot_h = panel_height - top - bottom;
        auto x_of = [&](double v) { return left + (v - h.lo) / (h.hi - h.lo) * plot_w; };
        const double base = y0 + top + plot_h;
        auto y_of = [&](double count) { return base - plot_h * count / top_count; };
        s << "<g>\n<text x=\"" << left << "\" y=\"" << y0 + 20 << "\" font-size=\"13\" font-weight=\"bold\">" << xml_escape(h.title)
          << " (" << h.values.size() << " values" << (outside ? ", " + std::to_string(outside) + " outside the range" : "")
          << ")</text>\n";
        for (double t : yt) {
            if (t > top_count + 1e-9) continue;
            s << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << y_of(t) << "\" y2=\"" << y_of(t)
              << "\" stroke=\"#e6e6e6\"/>\n<text x=\"" << left - 6 << "\" y=\"" << y_of(t) + 4 << "\" text-anchor=\"end\">"
              << static_cast<long>(std::lround(t)) << "</text>\n";
        }
        for (int b = 0; b < h.bins; ++b) {
            const int count = counts[static_cast<std::size_t>(b)];
            if (count == 0) continue;
            const double x = left + plot_w * b / h.bins;
            s << "<rect x=\"" << x << "\" y=\"" << y_of(count) << "\" width=\"" << std::max(0.5, plot_w / h.bins * 0.9)
              << "\" height=\"" << base - y_of(count) << "\" fill=\"#4477aa\"><title>[" << h.lo + (h.hi - h.lo) * b / h.bins
              << ", " << h.lo + (h.hi - h.lo) * (b + 1) / h.bins << "): " << count << "</title></rect>\n";
        }
        for (std::size_t r = 0; r < h.references.size(); ++r) {
            const auto& [v, label] = h.references[r];
            if (!(v >= h.lo && v <= h.hi)) continue;
            const double label_y = y0 + top + 12 + 14 * static_cast<double>(r);  // staggered: labels never overlap
            const double x = x_of(v);
            s << "<line x1=\"" << x << "\" y1=\"" << y0 + top << "\" x2=\"" << x << "\" y2=\"" << base
              << "\" stroke=\"#cc3311\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n<text x=\""
              << (x > left + plot_w * 0.75 ? x - 4 : x + 4) << "\" y=\"" << label_y << "\" fill=\"#cc3311\" text-anchor=\""
              << (x > left + plot_w * 0.75 ? "end" : "start") << "\">" << xml_escape(label) << "</text>\n";
        }
        s << "<line x1=\"" << left << "\" y1=\"" << base << "\" x2=\"" << left + plot_w << "\" y2=\"" << base
          << "\" stroke=\"black\"/>\n<line x1=\"" << left << "\" y1=\"" << y0 + top << "\" x2=\"" << left << "\" y2=\""
          << base << "\" stroke=\"black\"/>\n";
        for (const auto& [v, label] : h.ticks) {
            const double x = x_of(v);
            s << "<line x1=\"" << x << "\" y1=\"" << base << "\" x2=\"" << x << "\" y2=\"" << base + 5
              << "\" stroke=\"black\"/>\n<text x=\"" << x << "\" y=\"" << base + 18 << "\" text-anchor=\"middle\">"
              << xml_escape(label) << "</text>\n";
        }
        if (!h.x_label.empty())
            s << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << base + 36 << "\" text-anchor=\"middle\">" << xml_escape(h.x_label)
              << "</text>\n";
        if (!h.y_label.empty())
            s << "<text transform=\"translate(16," << y0 + top + plot_h / 2 << ") rotate(-90)\" text-anchor=\"middle\">"
              << xml_escape(h.y_label) << "</text>\n";
        s << "</g>\n";
    }
    s << "</svg>\n";
    return s.str();
}

}  // namespace cogo
