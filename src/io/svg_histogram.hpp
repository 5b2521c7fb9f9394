#pragma once
/// \file svg_histogram.hpp
/// Histograms as a standalone SVG document: panels side by side or stacked, each with equal-width bins over
/// [lo, hi), counts as bars, and labelled x ticks (e.g. parameter angles at multiples of pi/4).
#include <string>
#include <utility>
#include <vector>

namespace cogo {

/// One histogram panel.
struct HistogramPanel {
    std::string title;
    std::vector<double> values;                       ///< samples (outside [lo, hi) are ignored)
    double lo = 0, hi = 1;
    int bins = 48;
    std::vector<std::pair<double, std::string>> ticks;  ///< x positions and labels
};

/// The SVG document, panels stacked vertically, each width x panel_height pixels. Throws InvalidInput if
/// a panel has hi <= lo or bins < 1.
std::string svg_histograms(const std::vector<HistogramPanel>& panels, int width = 720, int panel_height = 220);

}  // namespace cogo
