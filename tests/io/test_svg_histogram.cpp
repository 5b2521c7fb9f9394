// Tests for src/io/svg_histogram.hpp.
#include <doctest/doctest.h>

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

TEST_CASE("one bar per bin, the tallest bar spans the plot, titles and ticks are there") {
    HistogramPanel p;
    p.title = "arg xi <fitted>";
    p.lo = 0;
    p.hi = 4;
    p.bins = 4;
    p.values = {0.5, 1.5, 1.6, 1.7, 3.9, 4.0, -1, 2.2};  // 4.0 and -1 are outside [0, 4)
    p.ticks = {{0, "0"}, {2, "2"}};
    const std::string svg = svg_histograms({p, p});
    CHECK(count(svg, "<rect x=") == 8);  // 4 bins x 2 panels
    CHECK(svg.find("arg xi &lt;fitted&gt; (8 values)") != std::string::npos);
    CHECK(svg.find(">3</text>") != std::string::npos);  // the peak count (bin [1, 2))
    CHECK(svg.rfind("</svg>") != std::string::npos);
    HistogramPanel bad = p;
    bad.hi = bad.lo;
    CHECK_THROWS_AS(svg_histograms({bad}), InvalidInput);
}
