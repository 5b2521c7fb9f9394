#include "analyze/order_distribution.hpp"

#include <map>
#include <sstream>

#include "analyze/sweep_table.hpp"
#include "io/svg_histogram.hpp"
#include "support/error.hpp"

namespace cogo::analyze {

namespace {

HistogramPanel order_panel(const std::string& title, const std::vector<const RunShares*>& runs) {
    HistogramPanel p;
    std::size_t blocks = 0;
    for (const RunShares* r : runs) {
        p.values.insert(p.values.end(), r->block_orders.begin(), r->block_orders.end());
        blocks += r->block_orders.size();
    }
    p.title = title + ": " + std::to_string(blocks) + " blocks of " + std::to_string(runs.size()) + " run" +
              (runs.size() == 1 ? "" : "s");
    p.lo = 0.5;
    p.hi = 12.5;
    p.bins = 12;
    p.x_label = "order (hidden nodes of the frequency block)";
    p.y_label = "blocks";
    p.references = {{4, "4"}, {6, "6"}};
    for (int o = 1; o <= 12; ++o) p.ticks.emplace_back(o, std::to_string(o));
    return p;
}

std::string number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

}  // namespace

std::string order_distribution_svg(const std::vector<RunShares>& runs) {
    if (runs.empty()) throw InvalidInput("order distribution: no run");
    std::map<std::string, std::vector<const RunShares*>> by_group;
    std::map<double, std::vector<const RunShares*>> by_wd;
    std::map<std::size_t, std::vector<const RunShares*>> by_width;
    for (const RunShares& r : runs) {
        by_group[r.group].push_back(&r);
        by_wd[r.wd].push_back(&r);
        by_width[r.width].push_back(&r);
    }
    std::vector<HistogramPanel> panels;
    for (const auto& [group, rs] : by_group) panels.push_back(order_panel("d = " + group, rs));
    for (const auto& [wd, rs] : by_wd) panels.push_back(order_panel("wd = " + number(wd), rs));
    for (const auto& [width, rs] : by_width) panels.push_back(order_panel("q = " + std::to_string(width), rs));
    return svg_histograms(panels, 720, 200);
}

}  // namespace cogo::analyze
