// Metrics files: the CSV table, the SVG curves, the first step of lasting 100% test accuracy.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "train/metrics.hpp"

using namespace cogo::train;

namespace {
std::vector<MetricsRow> rows() {
    return {{0, 0.95, 0.1, 0.96, 0.0}, {1, 0.5, 0.5, 0.6, 1.0}, {2, 0.25, 0.75, 0.3, 0.5}, {3, 0.001, 1.0, 0.002, 1.0}};
}
}  // namespace

TEST_CASE("metrics_csv: header, one line per row, round-trip numbers, nan for a missing test set") {
    std::vector<MetricsRow> r = rows();
    r[0].test_loss = r[0].test_accuracy = NAN;
    const std::string csv = metrics_csv(r);
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    CHECK(line == "step,train_loss,train_accuracy,test_loss,test_accuracy");
    std::getline(in, line);
    CHECK(line == "0,0.94999999999999996,0.10000000000000001,nan,nan");
    std::getline(in, line);
    CHECK(line == "1,0.5,0.5,0.59999999999999998,1");
    int count = 3;  // header and two rows read so far
    while (std::getline(in, line)) ++count;
    CHECK(count == 5);
}

TEST_CASE("metrics_svg: an SVG with two panels and four curves; thinned to max_points") {
    const std::string svg = metrics_svg(rows(), "loss: test");
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("</svg>") != std::string::npos);
    std::size_t paths = 0;
    for (std::size_t at = svg.find("<path"); at != std::string::npos; at = svg.find("<path", at + 1)) ++paths;
    CHECK(paths == 4);
    std::vector<MetricsRow> many;
    for (std::size_t i = 0; i < 1000; ++i) many.push_back({i, 1.0 / (1 + i), 0.5, 1.0 / (2 + i), 0.5});
    const std::string thin = metrics_svg(many, "t", 10);
    const std::size_t first = thin.find("<path d=\"");
    const std::size_t end = thin.find('"', first + 9);
    const std::string d = thin.substr(first + 9, end - first - 9);
    CHECK(std::count(d.begin(), d.end(), 'L') == 9);  // 10 points
}

TEST_CASE("first_perfect_test_step: the start of the final run of 100% test accuracy") {
    CHECK(first_perfect_test_step(rows()) == 3);
    std::vector<MetricsRow> r = rows();
    r[3].test_accuracy = 0.9;
    CHECK(first_perfect_test_step(r) == -1);
    r[2].test_accuracy = 1.0;
    r[3].test_accuracy = 1.0;
    CHECK(first_perfect_test_step(r) == 1);
}
