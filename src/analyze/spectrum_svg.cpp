#include "analyze/spectrum_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace cogo::analyze {

namespace {

std::string fmt(const char* f, double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, x);
    return buf;
}

}  // namespace

std::string spectrum_svg(const FourierWeights& z, const CrosscheckReport& report) {
    const AbelianGroup& g = z.group;
    const std::size_t n = z.n();
    std::vector<std::size_t> pairs;  // column -> representative (0 = DC)
    for (std::size_t k = 0; k < n; ++k)
        if (pair_of(g, k) == k) pairs.push_back(k);
    std::vector<std::size_t> column_of(n, 0);
    for (std::size_t c = 0; c < pairs.size(); ++c) column_of[pairs[c]] = c;

    const double cell_w = std::max(4.0, std::min(14.0, 700.0 / static_cast<double>(pairs.size())));
    const double cell_h = 6, left = 230, top = 40;
    std::size_t rows = 0;
    for (const BlockReport& b : report.blocks) rows += b.nodes.size() + 1;
    const double width = std::max(640.0, left + cell_w * static_cast<double>(pairs.size()) + 20);
    const double height = top + cell_h * static_cast<double>(rows) + 30;

    std::ostringstream s;
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" font-family=\"sans-serif\" font-size=\"10\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"10\" y=\"16\" font-size=\"13\">cogo crosscheck on " << g.name() << ": " << report.blocks.size()
      << " blocks, " << report.classified() << " classified, " << report.verified() << " verified; rounded network "
      << verdict_name(report.verdict) << "</text>\n"
      << "<text x=\"" << left << "\" y=\"32\">frequency pair k (column 0 = DC); darkness = energy share of the node</text>\n";
    double y = top;
    for (const BlockReport& b : report.blocks) {
        const std::string colour = b.verified ? "#1a7f37" : b.family != BlockFamily::unknown ? "#9a6700" : "#cf222e";
        s << "<text x=\"10\" y=\"" << y + cell_h * 1.5 << "\" fill=\"" << colour << "\">k = " << b.k << ", order "
          << b.nodes.size() << ", " << family_name(b.family) << (b.verified ? " (verified)" : "") << "</text>\n";
        s << "<line x1=\"" << left << "\" x2=\"" << left + cell_w * static_cast<double>(pairs.size()) << "\" y1=\"" << y + cell_h / 2 << "\" y2=\"" << y + cell_h / 2
          << "\" stroke=\"" << colour << "\" stroke-width=\"1\"/>\n";
        y += cell_h;
        for (std::size_t j : b.nodes) {
            std::vector<double> ea(pairs.size()), eb(pairs.size()), ec(pairs.size());
            double ta = 0, tb = 0, tc = 0;
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t c = column_of[pair_of(g, k)];
                ea[c] += std::norm(z.za(k, j)), ta += std::norm(z.za(k, j));
                eb[c] += std::norm(z.zb(k, j)), tb += std::norm(z.zb(k, j));
                if (k != 0) ec[c] += std::norm(z.zc(k, j)), tc += std::norm(z.zc(k, j));
            }
            for (std::size_t c = 0; c < pairs.size(); ++c) {
                const double share = (ea[c] / std::max(ta, 1e-300) + eb[c] / std::max(tb, 1e-300) + ec[c] / std::max(tc, 1e-300)) / 3;
                if (share < 1e-4) continue;
                const double level = std::min(1.0, std::pow(share, 0.35));
                const int grey = static_cast<int>(std::lround(255 * (1 - level)));
                s << "<rect x=\"" << left + cell_w * static_cast<double>(c) << "\" y=\"" << y << "\" width=\"" << cell_w
                  << "\" height=\"" << cell_h << "\" fill=\"rgb(" << grey << "," << grey << "," << grey << ")\"><title>node "
                  << j << ", k = " << pairs[c] << ": share " << fmt("%.4f", share) << "</title></rect>\n";
            }
            y += cell_h;
        }
    }
    for (std::size_t c = 0; c < pairs.size(); c += std::max<std::size_t>(1, pairs.size() / 16))
        s << "<text x=\"" << left + cell_w * (static_cast<double>(c) + 0.5) << "\" y=\"" << height - 10
          << "\" text-anchor=\"middle\">" << pairs[c] << "</text>\n";
    s << "</svg>\n";
    return s.str();
}

}  // namespace cogo::analyze
