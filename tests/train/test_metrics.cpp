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
    CHECK(line == "step,train_loss,train_accuracy,test_loss,test_accuracy,weight_norm2,live_nodes");
    std::getline(in, line);
    CHECK(line == "0,0.94999999999999996,0.10000000000000001,nan,nan,nan,nan");  // statistics not recorded
    std::getline(in, line);
    CHECK(line == "1,0.5,0.5,0.59999999999999998,1,nan,nan");
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

TEST_CASE("metrics_csv and metrics_svg with the weight statistics: norm and live-node panels, log step axis") {
    std::vector<MetricsRow> r;
    for (std::size_t i = 0; i <= 2000; i += 10) {
        MetricsRow m{i, 1.0 / (1 + i), 1.0, 2.0 / (1 + i), i >= 50 ? 1.0 : 0.5};
        m.weight_norm2 = 300.0 - 0.1 * static_cast<double>(i);
        m.live_nodes = 512 - static_cast<long>(i / 10);
        r.push_back(m);
    }
    const std::string csv = metrics_csv(r);
    CHECK(csv.find("\n10,0.090909090909090912,1,0.18181818181818182,0.5,299,511\n") != std::string::npos);
    CurveOptions o;
    o.title = "MSE loss, Z_23";
    o.loss_label = "MSE loss";
    o.train_pairs = 477;
    o.test_pairs = 52;
    const std::string svg = metrics_svg(r, o);
    std::size_t paths = 0;
    for (std::size_t at = svg.find("<path"); at != std::string::npos; at = svg.find("<path", at + 1)) ++paths;
    CHECK(paths == 6);  // train/test loss, train/test accuracy, norm, live nodes
    CHECK(svg.find("squared weight norm") != std::string::npos);
    CHECK(svg.find(">live nodes</text>") != std::string::npos);
    CHECK(svg.find(">train (477 pairs)</text>") != std::string::npos);
    CHECK(svg.find("MSE loss (log scale)</text>") != std::string::npos);
    CHECK(svg.find("(log scale)</text>") != std::string::npos);
    CHECK(svg.find(">10³</text>") != std::string::npos);  // a log step axis for a 2000-step run
    CHECK(svg.find("test acc. 100% from step 50") != std::string::npos);
    o.step_axis = StepAxis::linear;
    const std::string linear = metrics_svg(r, o);
    CHECK(linear.find(">10³</text>") == std::string::npos);
    CHECK(linear.find(">2000</text>") != std::string::npos);
}

TEST_CASE("record_weight_statistics: squared norm and live nodes computed by hand") {
    Network<double> net(2, 3);  // n = 2, q = 3
    // node 0: |W_a| = |W_b| = |V| = 1 (strength 1); node 1: strength 1e-4 (dead); node 2: strength 0.5
    net.wa_t()[0 * 3 + 0] = 1, net.wb_t()[1 * 3 + 0] = 1, net.v()[0 * 3 + 0] = 1;
    net.wa_t()[0 * 3 + 1] = 1e-4, net.wb_t()[0 * 3 + 1] = 1, net.v()[1 * 3 + 1] = 1;
    net.wa_t()[1 * 3 + 2] = 0.5, net.wb_t()[1 * 3 + 2] = 1, net.v()[1 * 3 + 2] = 1;
    MetricsRow row;
    record_weight_statistics(net, row);
    CHECK(row.weight_norm2 == doctest::Approx(3 + (1e-8 + 2) + (0.25 + 2)));
    CHECK(row.live_nodes == 2);
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
