// Tests of analyze/order_distribution.hpp: panels per group, weight decay and width, each counting exactly
// the blocks of its runs (counted here from the inputs), orders beyond 12 reported outside the range.
#include <doctest/doctest.h>

#include <string>

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

TEST_CASE("order distribution: one panel per group, wd and width, with its runs' block counts") {
    const std::vector<RunShares> runs{run("23", 512, 5e-5, {4, 4, 6, 6, 6}), run("23", 256, 2e-4, {4, 6, 14}),
                                      run("71", 512, 5e-5, {4, 4, 4})};
    const std::string svg = analyze::order_distribution_svg(runs);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(has(svg, "d = 23: 8 blocks of 2 runs"));
    CHECK(has(svg, "d = 71: 3 blocks of 1 run"));
    CHECK(has(svg, "wd = 5e-05: 8 blocks of 2 runs"));
    CHECK(has(svg, "wd = 0.0002: 3 blocks of 1 run"));
    CHECK(has(svg, "q = 256: 3 blocks of 1 run"));
    CHECK(has(svg, "q = 512: 8 blocks of 2 runs"));
    CHECK(has(svg, "3 values, 1 outside the range"));  // the order-14 block
    CHECK_THROWS_AS((void)analyze::order_distribution_svg({}), InvalidInput);
}
