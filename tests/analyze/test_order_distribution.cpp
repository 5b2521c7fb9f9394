// Tests of analyze/order_distribution.hpp: panels per group, per axis within a group and per configuration,
// each counting exactly the blocks of its runs (counted here from the inputs); runs of different groups are
// never pooled; the bins reach the largest order up to 48, beyond that orders are reported outside the range.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyze/order_distribution.hpp"
#include "analyze/sweep_table.hpp"
#include "support/error.hpp"

using namespace cogo;
using analyze::RunShares;

namespace {

RunShares run(const std::string& group, std::size_t width, double wd, std::vector<double> orders) {
    RunShares r;
    r.group = group;
    r.width = width;
    r.wd = wd;
    r.block_orders = std::move(orders);
    return r;
}

bool has(const std::string& svg, const std::string& text) { return svg.find(text) != std::string::npos; }

}  // namespace

/// The panel titles of an SVG (the bold text lines), in order.
std::vector<std::string> titles(const std::string& svg) {
    std::vector<std::string> out;
    const std::string open = "font-weight=\"bold\">";
    for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
        const std::size_t from = at + open.size();
        out.push_back(svg.substr(from, svg.find("</text>", from) - from));
    }
    return out;
}

TEST_CASE("order distribution: per group, per axis within a group, per configuration; groups never pooled") {
    const std::vector<RunShares> runs{run("23", 512, 5e-5, {4, 4, 6, 6, 6}), run("23", 256, 2e-4, {4, 6, 14}),
                                      run("23", 512, 5e-5, {4, 6}), run("127", 512, 5e-5, {4, 4, 4})};
    const std::string svg = analyze::order_distribution_svg(runs);
    CHECK(svg.rfind("<svg", 0) == 0);
    const std::vector<std::string> t = titles(svg);
    // counted from the inputs above: d = 23 has 5 + 3 + 2 blocks in 3 runs of two configurations. Its pooled
    // panels by wd and by q each hold one configuration only, so they are left out (they would repeat a
    // configuration's panel); d = 127 has one configuration, so it has no "all runs" panel either.
    const std::vector<std::string> drawn{"d = 23, all runs: 10 blocks of 3 runs (10 values)",
                                         "d = 23, wd = 0.0002, q = 256: 3 blocks of 1 run (3 values)",
                                         "d = 23, wd = 5e-05, q = 512: 7 blocks of 2 runs (7 values)",
                                         "d = 127, wd = 5e-05, q = 512: 3 blocks of 1 run (3 values)"};
    CHECK(t == drawn);
    // no panel mixes the groups: nothing pools all 4 runs
    for (const std::string& title : t) CHECK(title.find("of 4 runs") == std::string::npos);
    // the order-14 block is drawn (the bins reach the largest order), not counted outside
    CHECK_FALSE(has(svg, "outside the range"));
    CHECK(has(svg, ">14</text>"));
    CHECK_THROWS_AS((void)analyze::order_distribution_svg({}), InvalidInput);
}

TEST_CASE("order distribution: a wd x width grid of one group gets its pooled panels by wd and by width") {
    const std::vector<RunShares> runs{run("23", 256, 5e-5, {4, 6}), run("23", 256, 2e-4, {4}),
                                      run("23", 512, 5e-5, {6, 6, 6}), run("23", 512, 2e-4, {4, 4, 6, 6})};
    const std::vector<std::string> t = titles(analyze::order_distribution_svg(runs));
    const std::vector<std::string> drawn{"d = 23, wd = 5e-05, all widths: 5 blocks of 2 runs (5 values)",
                                         "d = 23, wd = 0.0002, all widths: 5 blocks of 2 runs (5 values)",
                                         "d = 23, q = 256, all wd: 3 blocks of 2 runs (3 values)",
                                         "d = 23, q = 512, all wd: 7 blocks of 2 runs (7 values)",
                                         "d = 23, wd = 5e-05, q = 256: 2 blocks of 1 run (2 values)",
                                         "d = 23, wd = 0.0002, q = 256: 1 blocks of 1 run (1 values)",
                                         "d = 23, wd = 5e-05, q = 512: 3 blocks of 1 run (3 values)",
                                         "d = 23, wd = 0.0002, q = 512: 4 blocks of 1 run (4 values)"};
    CHECK(t == drawn);
}

TEST_CASE("order distribution: one configuration is one panel; orders beyond 48 are outside the range") {
    const std::vector<RunShares> one{run("127", 512, 5e-5, {4, 6, 6}), run("127", 512, 5e-5, {4, 60})};
    const std::vector<std::string> t = titles(analyze::order_distribution_svg(one));
    REQUIRE(t.size() == 1);
    CHECK(t[0] == "d = 127, wd = 5e-05, q = 512: 5 blocks of 2 runs (5 values, 1 outside the range)");
    // the default range is 1..12 when every order is small
    const std::string small = analyze::order_distribution_svg({run("23", 512, 5e-5, {4, 6})});
    CHECK(has(small, ">12</text>"));
    CHECK_FALSE(has(small, ">13</text>"));
}

TEST_CASE("order distribution: runs of other learning rates or variants are separate configurations") {
    RunShares a = run("23", 512, 5e-5, {4}), b = run("23", 512, 5e-5, {6, 6});
    b.variant = "adamw";
    const std::vector<std::string> t = titles(analyze::order_distribution_svg({a, b}));
    REQUIRE(t.size() == 2);
    CHECK(t[0] == "d = 23, wd = 5e-05, q = 512, paper's settings: 1 blocks of 1 run (1 values)");
    CHECK(t[1] == "d = 23, wd = 5e-05, q = 512, adamw: 2 blocks of 1 run (2 values)");
}
