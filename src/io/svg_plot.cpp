#include "io/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "support/error.hpp"

namespace cogo {

namespace {

std::string coordinate(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

struct Range {
    double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
    void add(double v) { lo = std::min(lo, v), hi = std::max(hi, v); }
};

// One axis: transformed coordinate (log10 on a log axis) and its ticks.
struct Axis {
    bool log = false;
    bool whole_decades = true;  // a log axis spans whole decades (y axes); x axes end at the data
    double lo = 0, hi = 1;
    [[nodiscard]] double value(double v) const { return log ? std::log10(v) : v; }
    void settle(Range r) {
        if (!std::isfinite(r.lo)) r.lo = 0, r.hi = 1;
        lo = r.lo, hi = r.hi;
        if (hi <= lo) lo -= 0.5, hi += 0.5;
        if (log && whole_decades) lo = std::floor(lo + 1e-9), hi = std::ceil(hi - 1e-9);
        if (hi <= lo) hi = lo + 1;
    }
    // major ticks (in transformed coordinates) and their labels
    [[nodiscard]] std::vector<std::pair<double, std::string>> major(int count) const {
        std::vector<std::pair<double, std::string>> out;
        if (log) {
            const int stride = std::max(1, static_cast<int>(std::ceil((hi - lo) / count)));
            for (int e = static_cast<int>(std::ceil(lo - 1e-9)); e <= static_cast<int>(std::floor(hi + 1e-9)); e += stride)
                out.emplace_back(e, power_of_ten_label(e));
            return out;
        }
        const std::vector<double> t = linear_ticks(lo, hi, count);
        const std::vector<std::string> labels = linear_tick_labels(t);
        for (std::size_t i = 0; i < t.size(); ++i) out.emplace_back(t[i], labels[i]);
        return out;
    }
    // minor ticks of a log axis: 2..9 times each power of ten (only when decades are few enough to show them)
    [[nodiscard]] std::vector<double> minor() const {
        std::vector<double> out;
        if (!log || hi - lo > 12) return out;
        for (int e = static_cast<int>(std::floor(lo)); e <= static_cast<int>(std::ceil(hi)); ++e)
            for (int m = 2; m <= 9; ++m) {
                const double t = e + std::log10(static_cast<double>(m));
                if (t >= lo - 1e-9 && t <= hi + 1e-9) out.push_back(t);
            }
        return out;
    }
};

}  // namespace

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += ch;
        }
    }
    return out;
}

std::string power_of_ten_label(int exponent) {
    static const char* const digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string out = "10";
    if (exponent < 0) out += "⁻";
    const std::string magnitude = std::to_string(exponent < 0 ? -static_cast<long>(exponent) : static_cast<long>(exponent));
    for (char c : magnitude) out += digits[c - '0'];
    return out;
}

std::vector<double> linear_ticks(double lo, double hi, int count) {
    const double span = hi - lo;
    if (!(span > 0) || !std::isfinite(span) || count < 1) return {lo};
    const double raw = span / count;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * mag;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * mag >= raw * (1 - 1e-9)) {
            step = f * mag;
            break;
        }
    std::vector<double> ticks;
    for (long i = static_cast<long>(std::ceil(lo / step - 1e-9)); i * step <= hi + 1e-9 * span; ++i)
        ticks.push_back(i == 0 ? 0.0 : static_cast<double>(i) * step);
    return ticks;
}

std::vector<std::string> linear_tick_labels(const std::vector<double>& ticks) {
    double step = 0, largest = 0;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        largest = std::max(largest, std::abs(ticks[i]));
        if (i > 0) step = step == 0 ? ticks[i] - ticks[i - 1] : std::min(step, ticks[i] - ticks[i - 1]);
    }
    const bool exponent = largest >= 1e6 || (largest > 0 && largest < 1e-4);
    int decimals = 0;
    if (step > 0 && step < 1) decimals = std::min(12, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    std::vector<std::string> out;
    for (double t : ticks) {
        char buffer[48];
        if (exponent) std::snprintf(buffer, sizeof buffer, "%.2e", t);
        else std::snprintf(buffer, sizeof buffer, "%.*f", decimals, t);
        out.push_back(buffer);
    }
    return out;
}

std::string svg_line_chart(const std::vector<PlotPanel>& panels, int width, int panel_height) {
    const double left = 78, right = 24, top = 30, bottom = 48;
    std::ostringstream svg;
    const int height = panel_height * static_cast<int>(std::max<std::size_t>(panels.size(), 1));
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" viewBox=\"0 0 " << width << " " << height << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    for (std::size_t p = 0; p < panels.size(); ++p) {
        const PlotPanel& panel = panels[p];
        const double y0 = static_cast<double>(p) * panel_height;
        const double plot_w = width - left - right, plot_h = panel_height - top - bottom;
        auto usable = [&](double x, double y) {
            return std::isfinite(x) && std::isfinite(y) && (!panel.log_y || y > 0) && (!panel.log_x || x > 0);
        };
        Range xr, yr;
        for (const PlotSeries& s : panel.series) {
            if (s.x.size() != s.y.size()) throw InvalidInput("plot: series '" + s.name + "' has x and y of different lengths");
            for (std::size_t i = 0; i < s.x.size(); ++i) {
                if (!usable(s.x[i], s.y[i])) continue;
                xr.add(panel.log_x ? std::log10(s.x[i]) : s.x[i]);
                yr.add(panel.log_y ? std::log10(s.y[i]) : s.y[i]);
            }
        }
        if (panel.y_from_zero && !panel.log_y && std::isfinite(yr.lo)) yr.add(0.0);
        Axis xa{panel.log_x, false}, ya{panel.log_y, true};
        xa.settle(xr);
        ya.settle(yr);
        auto px = [&](double tx) { return left + (tx - xa.lo) / (xa.hi - xa.lo) * plot_w; };
        auto py = [&](double ty) { return y0 + top + (1 - (ty - ya.lo) / (ya.hi - ya.lo)) * plot_h; };
        const double base = y0 + top + plot_h;

        svg << "<g>\n<text x=\"" << left << "\" y=\"" << coordinate(y0 + 19) << "\" font-size=\"14\" font-weight=\"bold\">"
            << xml_escape(panel.title) << "</text>\n";
        // grid and ticks
        for (double t : ya.minor())
            svg << "<line x1=\"" << left - 3 << "\" x2=\"" << left << "\" y1=\"" << coordinate(py(t)) << "\" y2=\""
                << coordinate(py(t)) << "\" stroke=\"#444\"/>\n";
        for (const auto& [t, label] : ya.major(8)) {
            svg << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << coordinate(py(t)) << "\" y2=\""
                << coordinate(py(t)) << "\" stroke=\"#e0e0e0\"/>\n<line x1=\"" << left - 5 << "\" x2=\"" << left
                << "\" y1=\"" << coordinate(py(t)) << "\" y2=\"" << coordinate(py(t)) << "\" stroke=\"#444\"/>\n"
                << "<text class=\"ytick\" x=\"" << left - 8 << "\" y=\"" << coordinate(py(t) + 4) << "\" text-anchor=\"end\">" << label
                << "</text>\n";
        }
        for (double t : xa.minor())
            svg << "<line x1=\"" << coordinate(px(t)) << "\" x2=\"" << coordinate(px(t)) << "\" y1=\"" << base
                << "\" y2=\"" << base + 3 << "\" stroke=\"#444\"/>\n";
        for (const auto& [t, label] : xa.major(panel.log_x ? 10 : 7)) {
            svg << "<line x1=\"" << coordinate(px(t)) << "\" x2=\"" << coordinate(px(t)) << "\" y1=\""
                << coordinate(y0 + top) << "\" y2=\"" << base << "\" stroke=\"#e0e0e0\"/>\n<line x1=\""
                << coordinate(px(t)) << "\" x2=\"" << coordinate(px(t)) << "\" y1=\"" << base << "\" y2=\"" << base + 5
                << "\" stroke=\"#444\"/>\n<text class=\"xtick\" x=\"" << coordinate(px(t)) << "\" y=\"" << coordinate(base + 18)
                << "\" text-anchor=\"middle\">" << label << "</text>\n";
        }
        svg << "<rect x=\"" << left << "\" y=\"" << coordinate(y0 + top) << "\" width=\"" << plot_w << "\" height=\""
            << plot_h << "\" fill=\"none\" stroke=\"#444\"/>\n";
        svg << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << coordinate(y0 + panel_height - 10)
            << "\" text-anchor=\"middle\">" << xml_escape(panel.x_label) << (panel.log_x ? " (log scale)" : "") << "</text>\n";
        svg << "<text transform=\"translate(18," << coordinate(y0 + top + plot_h / 2)
            << ") rotate(-90)\" text-anchor=\"middle\">" << xml_escape(panel.y_label) << (panel.log_y ? " (log scale)" : "")
            << "</text>\n";
        // curves, clipped to the plot area
        svg << "<clipPath id=\"plot" << p << "\"><rect x=\"" << left << "\" y=\"" << coordinate(y0 + top) << "\" width=\""
            << plot_w << "\" height=\"" << plot_h << "\"/></clipPath>\n<g clip-path=\"url(#plot" << p << ")\">\n";
        for (const PlotSeries& s : panel.series) {
            std::string path;
            bool pen_down = false;
            for (std::size_t i = 0; i < s.x.size(); ++i) {
                if (!usable(s.x[i], s.y[i])) {
                    pen_down = false;
                    continue;
                }
                path += (pen_down ? " L" : " M") + coordinate(px(xa.value(s.x[i]))) + " " + coordinate(py(ya.value(s.y[i])));
                pen_down = true;
            }
            if (!path.empty())
                svg << "<path d=\"" << path.substr(1) << "\" fill=\"none\" stroke=\"" << xml_escape(s.color)
                    << "\" stroke-width=\"1.6\" stroke-linejoin=\"round\"/>\n";
        }
        for (const auto& [x, label] : panel.x_markers) {
            if (!std::isfinite(x) || (panel.log_x && x <= 0)) continue;
            const double mx = px(xa.value(x));
            if (mx < left || mx > left + plot_w) continue;
            svg << "<line x1=\"" << coordinate(mx) << "\" x2=\"" << coordinate(mx) << "\" y1=\"" << coordinate(y0 + top)
                << "\" y2=\"" << base << "\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n<text x=\"" << coordinate(mx + 4)
                << "\" y=\"" << coordinate(base - 6) << "\" font-size=\"11\" fill=\"#333\">" << xml_escape(label) << "</text>\n";
        }
        svg << "</g>\n";
        // legend, top right, on a white box
        if (!panel.series.empty() && panel.show_legend) {
            std::size_t longest = 0;
            for (const PlotSeries& s : panel.series) longest = std::max(longest, s.name.size());
            const std::size_t columns = static_cast<std::size_t>(std::max(1, panel.legend_columns));
            const std::size_t rows = (panel.series.size() + columns - 1) / columns;
            const double entry_w = 34 + 6.8 * static_cast<double>(longest);
            const double box_w = entry_w * static_cast<double>(std::min(columns, panel.series.size())),
                         box_h = 8 + 16.0 * static_cast<double>(rows);
            const double bx = left + plot_w - box_w - 6, by = y0 + top + 6;
            svg << "<rect x=\"" << coordinate(bx) << "\" y=\"" << coordinate(by) << "\" width=\"" << coordinate(box_w)
                << "\" height=\"" << coordinate(box_h) << "\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>\n";
            for (std::size_t k = 0; k < panel.series.size(); ++k) {
                const PlotSeries& s = panel.series[k];
                const double ex = bx + entry_w * static_cast<double>(k % columns);
                const double ly = by + 16 + 16.0 * static_cast<double>(k / columns);
                svg << "<line x1=\"" << coordinate(ex + 6) << "\" x2=\"" << coordinate(ex + 26) << "\" y1=\""
                    << coordinate(ly - 4) << "\" y2=\"" << coordinate(ly - 4) << "\" stroke=\"" << xml_escape(s.color)
                    << "\" stroke-width=\"2\"/>\n<text x=\"" << coordinate(ex + 30) << "\" y=\"" << coordinate(ly) << "\">"
                    << xml_escape(s.name) << "</text>\n";
            }
        }
        svg << "</g>\n";
    }
    svg << "</svg>\n";
    return svg.str();
}

}  // namespace cogo
