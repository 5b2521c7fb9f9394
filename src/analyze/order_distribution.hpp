#pragma once
/// \file order_distribution.hpp
/// The distribution of the per-frequency orders (nodes per frequency block, as the cross-check assigns them)
/// across a sweep: the paper's order-distribution figure (`cogo table SWEEP --orders-svg FILE`), for any
/// sweep (several groups, weight decays, widths). Panels, stacked, each pooling only runs of one group:
///   1. "d = G, all runs" per group, when the sweep has several groups;
///   2. "d = G, wd = W, all widths" and "d = G, q = Q, all wd" when G's runs have several weight decays
///      (widths) and the panel pools several configurations;
///   3. one panel per configuration (group, width, wd, lr, variant: its seeds), in the table's row order.
/// Runs of different groups are never pooled. Integer bins 1..max(12, largest order), at most 48 (larger
/// orders are counted as outside the range); reference lines at the orders 4 and 6 of the constructions
/// (docs/theory.md section 5).
#include <string>
#include <vector>

namespace cogo::analyze {

struct RunShares;

/// The SVG document; each panel's title names its runs and blocks. Throws InvalidInput if `runs` is empty.
[[nodiscard]] std::string order_distribution_svg(const std::vector<RunShares>& runs);

}  // namespace cogo::analyze
