// SVG line charts: well-formed, one path per drawable series, log axes skip non-positive points, escaping.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
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
}  // namespace

TEST_CASE("svg_line_chart: panels, paths, legend, escaping") {
    PlotPanel p{"a <b> & c", "step", "loss", true, {}};
    p.series.push_back({"train", "#00f", {0, 1, 2, 3}, {1, 0.1, 0.01, 0.001}});
    p.series.push_back({"test", "red", {0, 1, 2}, {1, 0, NAN}});  // only one usable point on a log axis
    PlotPanel q{"acc", "step", "%", false, {{"x", "green", {0, 10}, {0, 100}}}};
    const std::string svg = svg_line_chart({p, q}, 600, 200);
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"400\"", 0) == 0);
    CHECK(svg.find("a &lt;b&gt; &amp; c") != std::string::npos);
    CHECK(count(svg, "<path") == 3);
    CHECK(count(svg, "<g>") == 2);
    CHECK(svg.find(">1e-3<") != std::string::npos);  // decade ticks
    CHECK(svg.find(">train<") != std::string::npos);
    // the train path has 4 points: one M and three L
    const std::size_t at = svg.find("<path d=\"");
    const std::string d = svg.substr(at + 9, svg.find('"', at + 9) - at - 9);
    CHECK(std::count(d.begin(), d.end(), 'M') == 1);
    CHECK(std::count(d.begin(), d.end(), 'L') == 3);
}

TEST_CASE("svg_line_chart: mismatched series refused, empty panel still drawn") {
    PlotPanel bad{"t", "x", "y", false, {{"s", "red", {1, 2}, {1}}}};
    CHECK_THROWS_AS(svg_line_chart({bad}), InvalidInput);
    const std::string empty = svg_line_chart({PlotPanel{"t", "x", "y", false, {}}});
    CHECK(empty.find("</svg>") != std::string::npos);
}
