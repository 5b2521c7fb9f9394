#pragma once
/// \file order_distribution.hpp
/// The distribution of the per-frequency orders (nodes per frequency block, as the cross-check assigns them)
/// across a sweep, split by group, by weight decay and by width: the paper's order-distribution figure
/// (`cogo table SWEEP --orders-svg FILE`). One histogram panel per value of each axis, integer bins 1..12
/// (larger orders are counted as outside the range), reference lines at the orders 4 and 6 of the
/// constructions (docs/theory.md section 5).
#include <string>
#include <vector>

namespace cogo::analyze {

struct RunShares;

/// The SVG document (panels: "d = ..." for each group, then "wd = ..." and "q = ..."; each title names its
/// runs and blocks). Throws InvalidInput if `runs` is empty.
[[nodiscard]] std::string order_distribution_svg(const std::vector<RunShares>& runs);

}  // namespace cogo::analyze
