#pragma once
/// \file svg_histogram.hpp
/// Histograms as a standalone SVG document (with a viewBox, so it scales in HTML and Jupyter): panels
/// stacked vertically, each with equal-width bins over [lo, hi), counts as bars, labelled x ticks, axis
/// labels, a count axis with round ticks, and optional dashed reference lines (e.g. a paper's values).
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
    std::string x_label = {}, y_label = "count";      ///< axis labels
    /// Dashed vertical reference lines: x position and a short label drawn beside the line.
    std::vector<std::pair<double, std::string>> references = {};
};

/// The SVG document, panels stacked vertically, each width x panel_height pixels. The title of a panel is
/// followed by "(N values)" and, when some fall outside [lo, hi), "(M outside the range)". Throws
/// InvalidInput if a panel has hi <= lo (or either is not finite) or bins outside [1, 100000].
[[nodiscard]] std::string svg_histograms(const std::vector<HistogramPanel>& panels, int width = 720, int panel_height = 230);

}  // namespace cogo
