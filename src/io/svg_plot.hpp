#pragma once
/// \file svg_plot.hpp
/// Line charts as standalone SVG documents (training curves and the like): one or more panels stacked
/// vertically, each with its own x and y axes (linear or log10), ticks, axis labels, a legend and optional
/// vertical markers. The document has a viewBox, so it scales in HTML and Jupyter.
/// Log axes have ticks at the powers of ten, labelled 10^k with superscript digits (e.g. "10⁻³"), and
/// unlabelled minor ticks at 2..9 times them; linear axes have round ticks with one number format per axis.
/// Non-finite points (and non-positive ones on a log axis) are skipped, breaking the line there.
#include <string>
#include <utility>
#include <vector>

namespace cogo {

/// `text` with &, <, > and " replaced by their XML entities: safe in SVG text and attribute values. Every
/// SVG writer of cogo (plots, histograms, the crosscheck spectrum) escapes through this.
[[nodiscard]] std::string xml_escape(const std::string& text);

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
    bool log_x = false;
    /// Vertical dashed lines at these x, each with a short label (e.g. "test acc. 100%").
    std::vector<std::pair<double, std::string>> x_markers = {};
    /// A linear y axis that starts at 0 (counts, norms) instead of at the smallest value.
    bool y_from_zero = false;
    /// The legend's entries laid out in this many columns (>= 1; many curves: a short, wide legend box).
    int legend_columns = 1;
    /// Whether the panel draws a legend (several panels of the same curves: one legend is enough).
    bool show_legend = true;
};

/// The SVG document of the panels, stacked, each width x panel_height pixels. Throws InvalidInput if a
/// series has x and y of different lengths.
[[nodiscard]] std::string svg_line_chart(const std::vector<PlotPanel>& panels, int width = 720, int panel_height = 300);

/// "10" followed by the exponent in Unicode superscript digits (UTF-8), e.g. power_of_ten_label(-3) = "10⁻³".
[[nodiscard]] std::string power_of_ten_label(int exponent);

/// Round tick values (1, 2 or 5 times a power of ten apart) covering [lo, hi], about `count` of them.
[[nodiscard]] std::vector<double> linear_ticks(double lo, double hi, int count);

/// The labels of linear ticks in one format: as many decimals as the spacing needs, no exponent for
/// |values| below 1e6 (so 0, 2000, 4000 and never "1e+04" beside "2000").
[[nodiscard]] std::vector<std::string> linear_tick_labels(const std::vector<double>& ticks);

}  // namespace cogo
