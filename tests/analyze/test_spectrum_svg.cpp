// The cross-check picture: viewBox, the three labelled panels, the colour bar, block headers, and column
// ticks far enough apart never to collide (d = 47, 24 columns per panel).
#include <doctest/doctest.h>

#include <regex>

#include "analyze/crosscheck.hpp"
#include "analyze/spectrum_svg.hpp"
#include "construct/global_solutions.hpp"
#include "harness/analysis_cases.hpp"
#include "harness/random.hpp"

using namespace cogo;
using namespace cogo::analyze;

TEST_CASE("tick_stride: 1, 2, 5, 10, ... times the cell width reaches the spacing") {
    CHECK(tick_stride(30, 24) == 1);
    CHECK(tick_stride(12.5, 24) == 2);
    CHECK(tick_stride(5, 24) == 5);
    CHECK(tick_stride(3, 24) == 10);
    CHECK(tick_stride(0.5, 24) == 50);
}

TEST_CASE("spectrum_svg on z_F6 over Z_47: panels |z_a|, |z_b|, |z_c|, colour bar, no colliding ticks") {
    auto rng = cogo::testing::rng(0x5BEC);
    const AbelianGroup g = AbelianGroup::cyclic(47);
    const std::vector<std::size_t> reps = pair_representatives(g);
    std::vector<Turn> nus(reps.size(), make_turn(1, 24));
    const Element<Cyclotomic> z = f6(g, turn_values<Cyclotomic>(nus));
    const NetworkWeights<double> w = cogo::testing::disguise(dense_fourier(z), rng);
    const CrosscheckReport r = crosscheck(g, w);
    REQUIRE(r.blocks.size() == 23);
    const std::string svg = spectrum_svg(fourier_transform(g, w), r);
    CHECK(svg.find("viewBox=\"0 0 ") != std::string::npos);
    for (const char* label : {">|z_a| (input x)</text>", ">|z_b| (input y)</text>", ">|z_c| (output)</text>",
                              ">energy share</text>", ">(square-root scale)</text>"})
        CHECK(svg.find(label) != std::string::npos);
    CHECK(svg.find("23 blocks, 23 classified, 23 verified; rounded network PROVED") != std::string::npos);
    CHECK(svg.find(">k = 1, order 6, z_nu*z_syn (verified)</text>") != std::string::npos);
    // colour-bar labels 0 ... 1
    std::size_t bar_labels = 0;
    for (auto at = svg.find("class=\"colourbar\""); at != std::string::npos; at = svg.find("class=\"colourbar\"", at + 1)) ++bar_labels;
    CHECK(bar_labels == 6);
    // column ticks: per panel, consecutive labels at least 24 px apart
    const std::regex re("<text class=\"tick\" x=\"([0-9.]+)\"[^>]*>([0-9]+)</text>");
    std::vector<double> xs;
    std::vector<int> labels;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
        xs.push_back(std::stod((*it)[1])), labels.push_back(std::stoi((*it)[2]));
    REQUIRE(xs.size() == 3 * 12);  // 24 columns, every second one labelled
    for (std::size_t i = 1; i < xs.size(); ++i)
        if (labels[i] != 0) CHECK(xs[i] - xs[i - 1] >= 24);
    CHECK(labels[1] == 2);
    CHECK(labels[11] == 22);
}
