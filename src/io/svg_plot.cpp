#include "io/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "support/error.hpp"

namespace cogo {

namespace {

std::string escape(const std::string& text) {
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

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

std::string coordinate(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

// About `count` round tick values covering [lo, hi].
std::vector<double> linear_ticks(double lo, double hi, int count) {
    const double span = hi - lo;
    const double raw = span / count;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * mag >= raw) {
            step = f * mag;
            break;
        }
    std::vector<double> ticks;
    for (double t = std::ceil(lo / step) * step; t <= hi + 1e-9 * span; t += step) ticks.push_back(std::abs(t) < 1e-12 * span ? 0.0 : t);
    return ticks;
}

}  // namespace

std::string svg_line_chart(const std::vector<PlotPanel>& panels, int width, int panel_height) {
    const double left = 70, right = 20, top = 30, bottom = 45;
    std::ostringstream svg;
    const int height = panel_height * static_cast<int>(std::max<std::size_t>(panels.size(), 1));
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" viewBox=\"0 0 " << width << " " << height << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    for (std::size_t p = 0; p < panels.size(); ++p) {
        const PlotPanel& panel = panels[p];
        const double y0 = static_cast<double>(p) * panel_height;
        const double plot_w = width - left - right, plot_h = panel_height - top - bottom;
        auto usable = [&](double x, double y) { return std::isfinite(x) && std::isfinite(y) && (!panel.log_y || y > 0); };
        double xmin = std::numeric_limits<double>::infinity(), xmax = -xmin, ymin = xmin, ymax = -xmin;
        for (const PlotSeries& s : panel.series) {
            if (s.x.size() != s.y.size()) throw InvalidInput("plot: series '" + s.name + "' has x and y of different lengths");
            for (std::size_t i = 0; i < s.x.size(); ++i) {
                if (!usable(s.x[i], s.y[i])) continue;
                const double y = panel.log_y ? std::log10(s.y[i]) : s.y[i];
                xmin = std::min(xmin, s.x[i]), xmax = std::max(xmax, s.x[i]);
                ymin = std::min(ymin, y), ymax = std::max(ymax, y);
            }
        }
        if (!std::isfinite(xmin)) xmin = 0, xmax = 1, ymin = 0, ymax = 1;
        if (xmax <= xmin) xmax = xmin + 1;
        if (ymax <= ymin) ymin -= 0.5, ymax += 0.5;
        if (panel.log_y) ymin = std::floor(ymin), ymax = std::ceil(ymax);
        auto px = [&](double x) { return left + (x - xmin) / (xmax - xmin) * plot_w; };
        auto py = [&](double y) { return y0 + top + (1 - (y - ymin) / (ymax - ymin)) * plot_h; };

        svg << "<g>\n<text x=\"" << left << "\" y=\"" << coordinate(y0 + 18) << "\" font-size=\"14\" font-weight=\"bold\">"
            << escape(panel.title) << "</text>\n";
        svg << "<rect x=\"" << left << "\" y=\"" << coordinate(y0 + top) << "\" width=\"" << plot_w << "\" height=\""
            << plot_h << "\" fill=\"none\" stroke=\"#444\"/>\n";
        // y ticks: decades on a log axis, round values otherwise.
        std::vector<double> yt;
        if (panel.log_y) {
            const int stride = std::max(1, static_cast<int>(std::ceil((ymax - ymin) / 8)));
            for (double e = ymin; e <= ymax + 1e-9; e += stride) yt.push_back(e);
        } else {
            yt = linear_ticks(ymin, ymax, 5);
        }
        for (double t : yt) {
            svg << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << coordinate(py(t)) << "\" y2=\""
                << coordinate(py(t)) << "\" stroke=\"#ddd\"/>\n<text x=\"" << left - 6 << "\" y=\""
                << coordinate(py(t) + 4) << "\" text-anchor=\"end\">"
                << (panel.log_y ? "1e" + number(t) : number(t)) << "</text>\n";
        }
        for (double t : linear_ticks(xmin, xmax, 6)) {
            svg << "<text x=\"" << coordinate(px(t)) << "\" y=\"" << coordinate(y0 + top + plot_h + 16)
                << "\" text-anchor=\"middle\">" << number(t) << "</text>\n";
        }
        svg << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << coordinate(y0 + panel_height - 8)
            << "\" text-anchor=\"middle\">" << escape(panel.x_label) << "</text>\n";
        svg << "<text transform=\"translate(16," << coordinate(y0 + top + plot_h / 2)
            << ") rotate(-90)\" text-anchor=\"middle\">" << escape(panel.y_label) << "</text>\n";
        for (std::size_t k = 0; k < panel.series.size(); ++k) {
            const PlotSeries& s = panel.series[k];
            std::string path;
            bool pen_down = false;
            for (std::size_t i = 0; i < s.x.size(); ++i) {
                if (!usable(s.x[i], s.y[i])) {
                    pen_down = false;
                    continue;
                }
                const double y = panel.log_y ? std::log10(s.y[i]) : s.y[i];
                path += (pen_down ? " L" : " M") + coordinate(px(s.x[i])) + " " + coordinate(py(y));
                pen_down = true;
            }
            if (!path.empty())
                svg << "<path d=\"" << path.substr(1) << "\" fill=\"none\" stroke=\"" << escape(s.color)
                    << "\" stroke-width=\"1.5\"/>\n";
            const double ly = y0 + top + 14 + 16.0 * static_cast<double>(k);
            svg << "<line x1=\"" << left + plot_w - 130 << "\" x2=\"" << left + plot_w - 110 << "\" y1=\""
                << coordinate(ly - 4) << "\" y2=\"" << coordinate(ly - 4) << "\" stroke=\"" << escape(s.color)
                << "\" stroke-width=\"2\"/>\n<text x=\"" << left + plot_w - 104 << "\" y=\"" << coordinate(ly) << "\">"
                << escape(s.name) << "</text>\n";
        }
        svg << "</g>\n";
    }
    svg << "</svg>\n";
    return svg.str();
}

}  // namespace cogo
