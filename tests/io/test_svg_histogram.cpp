// Tests for src/io/svg_histogram.hpp: bins counted independently, viewBox, labels, reference lines.
#include <doctest/doctest.h>

#include <cmath>
#include <regex>

#include "io/svg_histogram.hpp"
#include "support/error.hpp"

using namespace cogo;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}
}  // namespace

TEST_CASE("one bar per non-empty bin with its count, titles, ticks, axis labels and the viewBox are there") {
    HistogramPanel p;
    p.title = "arg xi <fitted>";
    p.lo = 0;
    p.hi = 4;
    p.bins = 4;
    p.values = {0.5, 1.5, 1.6, 1.7, 3.9, 4.0, -1, 2.2};  // 4.0 and -1 are outside [0, 4)
    p.ticks = {{0, "0"}, {2, "2"}};
    p.x_label = "arg xi in turns";
    p.y_label = "blocks";
    p.references = {{1, "1/8: xi^4 = -1"}};
    const std::string svg = svg_histograms({p, p});
    CHECK(svg.find("viewBox=\"0 0 720 460\"") != std::string::npos);
    // bins [0,1): 1, [1,2): 3, [2,3): 1, [3,4): 1 -> four bars per panel, tooltips with the counts
    CHECK(count(svg, "<rect x=") == 8);
    CHECK(count(svg, "): 3</title>") == 2);
    CHECK(count(svg, "): 1</title>") == 6);
    CHECK(svg.find("arg xi &lt;fitted&gt; (8 values, 2 outside the range)") != std::string::npos);
    CHECK(count(svg, ">arg xi in turns</text>") == 2);
    CHECK(count(svg, ">blocks</text>") == 2);
    CHECK(count(svg, ">1/8: xi^4 = -1</text>") == 2);
    CHECK(count(svg, "stroke-dasharray") == 2);
    CHECK(svg.find(">3</text>") != std::string::npos);  // the count axis reaches the peak
    CHECK(svg.rfind("</svg>") != std::string::npos);
}

TEST_CASE("bad ranges and bin counts are refused") {
    HistogramPanel bad;
    bad.hi = bad.lo;
    CHECK_THROWS_AS(svg_histograms({bad}), InvalidInput);
    HistogramPanel nan;
    nan.hi = NAN;
    CHECK_THROWS_AS(svg_histograms({nan}), InvalidInput);
    HistogramPanel bins;
    bins.bins = 0;
    CHECK_THROWS_AS(svg_histograms({bins}), InvalidInput);
}
