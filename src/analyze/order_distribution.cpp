#include "analyze/order_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "analyze/sweep_table.hpp"
#include "group/abelian_group.hpp"
#include "io/svg_histogram.hpp"
#include "support/error.hpp"

namespace cogo::analyze {

namespace {

/// The largest order drawn with its own bin (larger ones are counted as outside the range).
constexpr int kMaxDrawnOrder = 48;

std::string number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

/// Sort key of a group spec: its order first (so d = 23 comes before d = 127), then the spec.
std::pair<std::size_t, std::string> group_key(const std::string& spec) {
    try {
        return {AbelianGroup::parse(spec).order(), spec};
    } catch (const Error&) {
        return {0, spec};
    }
}

/// One configuration: the runs that differ only in their seed.
using ConfigKey = std::tuple<std::pair<std::size_t, std::string>, std::size_t, double, double, std::string>;

ConfigKey config_of(const RunShares& r) { return {group_key(r.group), r.width, r.wd, r.lr, r.variant}; }

HistogramPanel order_panel(const std::string& title, const std::vector<const RunShares*>& runs, int top_order) {
    HistogramPanel p;
    std::size_t blocks = 0;
    for (const RunShares* r : runs) {
        p.values.insert(p.values.end(), r->block_orders.begin(), r->block_orders.end());
        blocks += r->block_orders.size();
    }
    p.title = title + ": " + std::to_string(blocks) + " blocks of " + std::to_string(runs.size()) + " run" +
              (runs.size() == 1 ? "" : "s");
    p.lo = 0.5;
    p.hi = top_order + 0.5;
    p.bins = top_order;
    p.x_label = "order (hidden nodes of the frequency block)";
    p.y_label = "blocks";
    p.references = {{4, "4"}, {6, "6"}};
    const int every = top_order <= 16 ? 1 : top_order <= 32 ? 2 : 4;
    for (int o = 1; o <= top_order; ++o)
        if (o == 1 || o % every == 0) p.ticks.emplace_back(o, std::to_string(o));
    return p;
}

}  // namespace

std::string order_distribution_svg(const std::vector<RunShares>& runs) {
    if (runs.empty()) throw InvalidInput("order distribution: no run");
    // the bins: orders 1..12 at least, up to the largest order seen (at most kMaxDrawnOrder)
    double largest = 0;
    for (const RunShares& r : runs)
        for (double o : r.block_orders)
            if (std::isfinite(o)) largest = std::max(largest, o);
    const int top_order = std::clamp(static_cast<int>(std::ceil(largest)), 12, kMaxDrawnOrder);

    std::map<ConfigKey, std::vector<const RunShares*>> configs;
    for (const RunShares& r : runs) configs[config_of(r)].push_back(&r);
    std::map<std::pair<std::size_t, std::string>, std::vector<const RunShares*>> by_group;
    for (const RunShares& r : runs) by_group[group_key(r.group)].push_back(&r);
    std::set<double> lrs;
    std::set<std::string> variants;
    for (const RunShares& r : runs) lrs.insert(r.lr), variants.insert(r.variant);

    // a pooled panel is drawn only if it pools several configurations (else it repeats a configuration's)
    auto pools_several = [&](const std::vector<const RunShares*>& rs) {
        std::set<ConfigKey> keys;
        for (const RunShares* r : rs) keys.insert(config_of(*r));
        return keys.size() > 1;
    };
    std::vector<HistogramPanel> panels;
    // 1. one panel per group (all its runs), when the sweep has several groups
    if (by_group.size() > 1)
        for (const auto& [key, rs] : by_group)
            if (pools_several(rs)) panels.push_back(order_panel("d = " + key.second + ", all runs", rs, top_order));
    // 2. within each group: by weight decay (over its widths) and by width (over its weight decays)
    for (const auto& [key, rs] : by_group) {
        std::map<double, std::vector<const RunShares*>> by_wd;
        std::map<std::size_t, std::vector<const RunShares*>> by_width;
        for (const RunShares* r : rs) by_wd[r->wd].push_back(r), by_width[r->width].push_back(r);
        if (by_wd.size() > 1)
            for (const auto& [wd, ws] : by_wd)
                if (pools_several(ws))
                    panels.push_back(order_panel("d = " + key.second + ", wd = " + number(wd) + ", all widths", ws, top_order));
        if (by_width.size() > 1)
            for (const auto& [width, ws] : by_width)
                if (pools_several(ws))
                    panels.push_back(order_panel("d = " + key.second + ", q = " + std::to_string(width) + ", all wd", ws,
                                                 top_order));
    }
    // 3. one panel per configuration (its seeds), in the order of the table's rows
    for (const auto& [key, rs] : configs) {
        const RunShares& r = *rs.front();
        std::string title = "d = " + r.group + ", wd = " + number(r.wd) + ", q = " + std::to_string(r.width);
        if (lrs.size() > 1) title += ", lr = " + number(r.lr);
        if (variants.size() > 1) title += ", " + (r.variant.empty() ? std::string("paper's settings") : r.variant);
        panels.push_back(order_panel(title, rs, top_order));
    }
    return svg_histograms(panels, 720, 190);
}

}  // namespace cogo::analyze
