#pragma once
/// \file svg_plot.hpp
/// Line charts as standalone SVG documents (training curves and the like): one or more panels stacked
/// vertically, each with its own y axis (linear or log10), a shared-style x axis, ticks, a legend.
/// Non-finite points (and non-positive ones on a log axis) are skipped, breaking the line there.
#include <string>
#include <vector>

namespace cogo {

/// One curve: name (legend), colour (any SVG colour) and points.
struct PlotSeries {
    std::string name, color;
    std::vector<double> x, y;
};

/// One panel of a chart.
struct PlotPanel {
    std::string title, x_label, y_label;
    bool log_y = false;
    std::vector<PlotSeries> series;
};

/// The SVG document of the panels, stacked, each width x panel_height pixels. Throws InvalidInput if a
/// series has x and y of different lengths.
std::string svg_line_chart(const std::vector<PlotPanel>& panels, int width = 720, int panel_height = 300);

}  // namespace cogo
