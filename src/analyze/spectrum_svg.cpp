#include "analyze/spectrum_svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "io/svg_plot.hpp"

namespace cogo::analyze {

namespace {

std::string fmt(const char* f, double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, x);
    return buf;
}


// Colour of a share in [0, 1] on the square-root scale: white -> light blue -> dark navy.
std::string colour(double share) {
    const double t = std::sqrt(std::clamp(share, 0.0, 1.0));
    // piecewise linear through white, #6baed6, #08306b
    const std::array<std::array<double, 3>, 3> stops{{{255, 255, 255}, {107, 174, 214}, {8, 48, 107}}};
    const double u = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
    const auto& from = stops[t < 0.5 ? 0 : 1];
    const auto& to = stops[t < 0.5 ? 1 : 2];
    char buf[32];
    std::snprintf(buf, sizeof buf, "rgb(%d,%d,%d)", static_cast<int>(std::lround(from[0] + u * (to[0] - from[0]))),
                  static_cast<int>(std::lround(from[1] + u * (to[1] - from[1]))),
                  static_cast<int>(std::lround(from[2] + u * (to[2] - from[2]))));
    return buf;
}

}  // namespace

std::size_t tick_stride(double cell_width, double min_spacing) {
    if (!(cell_width > 0)) return 1;
    for (std::size_t decade = 1;; decade *= 10)
        for (std::size_t m : {1, 2, 5})
            if (static_cast<double>(m * decade) * cell_width >= min_spacing || decade > 1000000) return m * decade;
}

std::string spectrum_svg(const FourierWeights& z, const CrosscheckReport& report) {
    const AbelianGroup& g = z.group;
    const std::size_t n = z.n();
    std::vector<std::size_t> pairs;  // column -> representative (0 = DC)
    for (std::size_t k = 0; k < n; ++k)
        if (pair_of(g, k) == k) pairs.push_back(k);
    std::vector<std::size_t> column_of(n, 0);
    for (std::size_t c = 0; c < pairs.size(); ++c) column_of[pairs[c]] = c;
    const double columns = static_cast<double>(pairs.size());

    const double cell_w = std::max(3.0, std::min(14.0, 300.0 / columns));
    const double cell_h = 8, header_h = 14, left = 300, top = 100, gap = 22;
    const double panel_w = cell_w * columns;
    const double bar_x = left + 3 * panel_w + 2 * gap + 30;
    std::size_t rows = 0;
    for (const BlockReport& b : report.blocks) rows += b.nodes.size();
    const double plot_h = cell_h * static_cast<double>(rows) + header_h * static_cast<double>(report.blocks.size());
    const double width = std::max(760.0, bar_x + 110);
    const double height = top + std::max(plot_h, 200.0) + 64;
    const std::size_t stride = tick_stride(cell_w, 24);

    std::ostringstream s;
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << " " << height << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"10\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">cogo crosscheck on " << xml_escape(g.name()) << ": "
      << report.blocks.size() << " blocks, " << report.classified() << " classified, " << report.verified()
      << " verified; rounded network " << verdict_name(report.verdict) << "</text>\n"
      << "<text x=\"10\" y=\"36\" font-size=\"11\">rows: live nodes j, grouped by frequency block (header: k, order, "
         "family); columns: frequency pairs {k, -k}, 0 = DC</text>\n"
      << "<text x=\"10\" y=\"51\" font-size=\"11\">colour: the node's energy share at {k, -k} in that row, "
         "(|z[k,j]|² + |z[-k,j]|²) / sum over all k; outlined: the block's own pair</text>\n";
    // legend of the block header colours
    const std::array<std::pair<const char*, const char*>, 3> states{
        {{"#1a7f37", "verified exactly"}, {"#9a6700", "classified, not verified"}, {"#cf222e", "not classified"}}};
    for (std::size_t i = 0; i < states.size(); ++i)
        s << "<rect x=\"" << 10 + 170 * static_cast<double>(i) << "\" y=\"58\" width=\"10\" height=\"10\" fill=\""
          << states[i].first << "\"/><text x=\"" << 24 + 170 * static_cast<double>(i) << "\" y=\"67\">" << states[i].second
          << "</text>\n";

    const std::array<const char*, 3> names{"|z_a| (input x)", "|z_b| (input y)", "|z_c| (output)"};
    for (int p = 0; p < 3; ++p) {
        const double x0 = left + p * (panel_w + gap);
        s << "<text x=\"" << x0 + panel_w / 2 << "\" y=\"" << top - 8 << "\" text-anchor=\"middle\" font-size=\"12\" "
             "font-weight=\"bold\">" << names[static_cast<std::size_t>(p)] << "</text>\n"
          << "<rect x=\"" << x0 << "\" y=\"" << top << "\" width=\"" << panel_w << "\" height=\"" << plot_h
          << "\" fill=\"none\" stroke=\"#888\"/>\n";
        for (std::size_t c = 0; c < pairs.size(); c += stride) {
            const double cx = x0 + cell_w * (static_cast<double>(c) + 0.5);
            s << "<line x1=\"" << cx << "\" x2=\"" << cx << "\" y1=\"" << top + plot_h << "\" y2=\"" << top + plot_h + 4
              << "\" stroke=\"#444\"/><text class=\"tick\" x=\"" << cx << "\" y=\"" << top + plot_h + 15 << "\" text-anchor=\"middle\">"
              << pairs[c] << "</text>\n";
        }
        s << "<text x=\"" << x0 + panel_w / 2 << "\" y=\"" << top + plot_h + 30
          << "\" text-anchor=\"middle\">frequency pair k</text>\n";
    }

    double y = top;
    for (const BlockReport& b : report.blocks) {
        const std::string c = b.verified ? "#1a7f37" : b.family != BlockFamily::unknown ? "#9a6700" : "#cf222e";
        s << "<text x=\"10\" y=\"" << y + header_h - 3 << "\" fill=\"" << c << "\" font-weight=\"bold\">k = " << b.k
          << ", order " << b.nodes.size() << ", " << xml_escape(family_name(b.family)) << (b.verified ? " (verified)" : "")
          << "</text>\n";
        for (int p = 0; p < 3; ++p) {
            const double x0 = left + p * (panel_w + gap);
            s << "<line x1=\"" << x0 << "\" x2=\"" << x0 + panel_w << "\" y1=\"" << y + header_h / 2 << "\" y2=\""
              << y + header_h / 2 << "\" stroke=\"" << c << "\"/>\n";
            const double own = x0 + cell_w * static_cast<double>(column_of[pair_of(g, b.k)]);
            s << "<rect x=\"" << own << "\" y=\"" << y + header_h << "\" width=\"" << cell_w << "\" height=\""
              << cell_h * static_cast<double>(b.nodes.size()) << "\" fill=\"none\" stroke=\"" << c
              << "\" stroke-width=\"1.2\"/>\n";
        }
        y += header_h;
        for (std::size_t j : b.nodes) {
            s << "<text x=\"" << left - 6 << "\" y=\"" << y + cell_h - 1 << "\" text-anchor=\"end\" font-size=\"7\" "
                 "fill=\"#555\">node " << j << "</text>\n";
            for (int p = 0; p < 3; ++p) {
                std::vector<double> e(pairs.size(), 0.0);
                double total = 0;
                for (std::size_t k = 0; k < n; ++k) {
                    if (p == 2 && k == 0) continue;
                    const Complex v = p == 0 ? z.za(k, j) : p == 1 ? z.zb(k, j) : z.zc(k, j);
                    e[column_of[pair_of(g, k)]] += std::norm(v), total += std::norm(v);
                }
                const double x0 = left + p * (panel_w + gap);
                for (std::size_t col = 0; col < pairs.size(); ++col) {
                    const double share = total > 0 ? e[col] / total : 0;
                    if (share < 1e-4) continue;
                    s << "<rect x=\"" << x0 + cell_w * static_cast<double>(col) << "\" y=\"" << y << "\" width=\"" << cell_w
                      << "\" height=\"" << cell_h << "\" fill=\"" << colour(share) << "\"><title>node " << j << ", "
                      << "abc"[p] << " row, k = " << pairs[col] << ": share " << fmt("%.4f", share) << "</title></rect>\n";
                }
            }
            y += cell_h;
        }
    }

    // colour bar (square-root scale)
    const double bar_h = std::min(180.0, std::max(plot_h, 120.0)), steps = 50;
    s << "<text x=\"" << bar_x - 4 << "\" y=\"" << top - 8 << "\" font-size=\"11\">energy share</text>\n";
    for (int i = 0; i < steps; ++i) {
        const double t0 = i / steps;
        s << "<rect x=\"" << bar_x << "\" y=\"" << fmt("%.2f", top + bar_h * (1 - (i + 1) / steps)) << "\" width=\"14\" height=\""
          << fmt("%.2f", bar_h / steps + 0.3) << "\" fill=\"" << colour((t0 + 0.5 / steps) * (t0 + 0.5 / steps)) << "\"/>\n";
    }
    s << "<rect x=\"" << bar_x << "\" y=\"" << top << "\" width=\"14\" height=\"" << bar_h << "\" fill=\"none\" stroke=\"#444\"/>\n";
    for (double share : {0.0, 0.01, 0.05, 0.25, 0.5, 1.0}) {
        const double ty = top + bar_h * (1 - std::sqrt(share));
        s << "<line x1=\"" << bar_x + 14 << "\" x2=\"" << bar_x + 18 << "\" y1=\"" << fmt("%.1f", ty) << "\" y2=\""
          << fmt("%.1f", ty) << "\" stroke=\"#444\"/><text class=\"colourbar\" x=\"" << bar_x + 21 << "\" y=\"" << fmt("%.1f", ty + 3.5)
          << "\">" << (share == 0 ? std::string("0") : fmt("%g", share)) << "</text>\n";
    }
    s << "<text x=\"" << bar_x - 4 << "\" y=\"" << top + bar_h + 16 << "\" font-size=\"9\">(square-root scale)</text>\n";
    s << "</svg>\n";
    return s.str();
}

}  // namespace cogo::analyze
