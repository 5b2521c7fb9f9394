// SVG line charts: well-formed, scalable (viewBox), one path per drawable series, log axes with ticks at the
// powers of ten and skipping non-positive points, one tick format per linear axis, labels, escaping.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>

#include "io/svg_plot.hpp"
#include "support/error.hpp"

using namespace cogo;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}
// The labels of the tick texts of one class ("xtick", "ytick"), in document order.
std::vector<std::string> tick_labels(const std::string& svg, const std::string& cls) {
    std::vector<std::string> out;
    const std::regex re("<text class=\"" + cls + "\"[^>]*>([^<]*)</text>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}
}  // namespace

TEST_CASE("power_of_ten_label: superscript exponents") {
    CHECK(power_of_ten_label(0) == "10⁰");
    CHECK(power_of_ten_label(4) == "10⁴");
    CHECK(power_of_ten_label(-3) == "10⁻³");
    CHECK(power_of_ten_label(-12) == "10⁻¹²");
}

TEST_CASE("linear ticks: round steps, one format per axis (no 1e+04 beside 2000)") {
    const std::vector<double> t = linear_ticks(0, 10000, 6);
    REQUIRE(t.size() == 6);  // step 2000
    CHECK(t.front() == 0);
    CHECK(t.back() == 10000);
    CHECK(linear_tick_labels(t) == std::vector<std::string>{"0", "2000", "4000", "6000", "8000", "10000"});
    CHECK(linear_tick_labels(linear_ticks(0, 1, 4)) == std::vector<std::string>{"0.0", "0.5", "1.0"});  // 0.25 is no 1-2-5 step
    CHECK(linear_tick_labels(linear_ticks(0, 0.1, 5)) ==
          std::vector<std::string>{"0.00", "0.02", "0.04", "0.06", "0.08", "0.10"});
    CHECK(linear_tick_labels(linear_ticks(0, 100, 5)) == std::vector<std::string>{"0", "20", "40", "60", "80", "100"});
}

TEST_CASE("svg_line_chart: viewBox, panels, paths, legend, axis labels, escaping") {
    PlotPanel p{"a <b> & c", "step", "loss", true, {}};
    p.series.push_back({"train", "#00f", {0, 1, 2, 3}, {1, 0.1, 0.01, 0.001}});
    p.series.push_back({"test", "red", {0, 1, 2}, {1, 0, NAN}});  // only one usable point on a log axis
    PlotPanel q{"acc", "step", "%", false, {{"x", "green", {0, 10}, {0, 100}}}};
    const std::string svg = svg_line_chart({p, q}, 600, 200);
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"400\" viewBox=\"0 0 600 400\"", 0) == 0);
    CHECK(svg.find("a &lt;b&gt; &amp; c") != std::string::npos);
    CHECK(count(svg, "<path") == 3);
    CHECK(count(svg, "<g>") == 2);
    // the log y axis: every power of ten from 10^-3 to 10^0, nothing else labelled
    CHECK(tick_labels(svg, "ytick") ==
          std::vector<std::string>{"10⁻³", "10⁻²", "10⁻¹", "10⁰", "0", "20", "40", "60", "80", "100"});
    CHECK(svg.find(">train</text>") != std::string::npos);
    CHECK(svg.find("loss (log scale)</text>") != std::string::npos);  // y label says the scale
    CHECK(svg.find(">step</text>") != std::string::npos);
    // the train path has 4 points: one M and three L
    const std::size_t at = svg.find("<path d=\"");
    const std::string d = svg.substr(at + 9, svg.find('"', at + 9) - at - 9);
    CHECK(std::count(d.begin(), d.end(), 'M') == 1);
    CHECK(std::count(d.begin(), d.end(), 'L') == 3);
}

TEST_CASE("svg_line_chart: a log step axis has ticks at the powers of ten and drops step 0; markers drawn") {
    PlotSeries s{"train", "blue", {}, {}};
    for (double x : {0.0, 1.0, 10.0, 100.0, 1000.0, 10000.0}) s.x.push_back(x), s.y.push_back(1 / (1 + x));
    PlotPanel p{"loss", "step", "loss", true, {s}, true, {{47, "test acc. 100%"}}};
    const std::string svg = svg_line_chart({p});
    CHECK(tick_labels(svg, "xtick") == std::vector<std::string>{"10⁰", "10¹", "10²", "10³", "10⁴"});
    CHECK(svg.find("step (log scale)</text>") != std::string::npos);
    const std::size_t at = svg.find("<path d=\"");
    const std::string d = svg.substr(at + 9, svg.find('"', at + 9) - at - 9);
    CHECK(std::count(d.begin(), d.end(), 'L') == 4);  // 5 points: step 0 is not on a log axis
    CHECK(svg.find("stroke-dasharray") != std::string::npos);
    CHECK(svg.find(">test acc. 100%</text>") != std::string::npos);
}

TEST_CASE("svg_line_chart: mismatched series refused, empty panel still drawn") {
    PlotPanel bad{"t", "x", "y", false, {{"s", "red", {1, 2}, {1}}}};
    CHECK_THROWS_AS(svg_line_chart({bad}), InvalidInput);
    const std::string empty = svg_line_chart({PlotPanel{"t", "x", "y", false, {}}});
    CHECK(empty.find("</svg>") != std::string::npos);
    CHECK(empty.find("viewBox=") != std::string::npos);
}

TEST_CASE("svg_line_chart: legend in columns (entries side by side), or none") {
    PlotPanel p{"t", "x", "y", false, {}};
    for (int i = 0; i < 4; ++i) p.series.push_back({"curve" + std::to_string(i), "red", {1, 2}, {1, 2}});
    p.legend_columns = 2;
    const std::string svg = svg_line_chart({p});
    // entry text positions: two distinct x and two distinct y for four entries
    std::vector<std::string> xs, ys;
    for (int i = 0; i < 4; ++i) {
        const std::size_t at = svg.rfind("<text x=\"", svg.find(">curve" + std::to_string(i) + "</text>"));
        REQUIRE(at != std::string::npos);
        const std::size_t x0 = at + 9, x1 = svg.find('"', x0);
        const std::size_t y0 = svg.find("y=\"", x1) + 3, y1 = svg.find('"', y0);
        xs.push_back(svg.substr(x0, x1 - x0));
        ys.push_back(svg.substr(y0, y1 - y0));
    }
    CHECK(xs[0] == xs[2]);
    CHECK(xs[0] != xs[1]);
    CHECK(ys[0] == ys[1]);
    CHECK(ys[0] != ys[2]);
    p.show_legend = false;
    CHECK(svg_line_chart({p}).find(">curve0</text>") == std::string::npos);
}
