// `cogo construct`: the exported .npy weights run as a network with float loss below 1e-20 (relative to
// the loss (d-1)/d of the zero network) and predict all d^2 sums correctly; bad input writes nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "algebra/direct_loss.hpp"
#include "cli/construct_command.hpp"
#include "cli/train_command.hpp"
#include "harness/files.hpp"
#include "io/run_directory.hpp"
#include "support/error.hpp"
#include "io/element_json.hpp"
#include "io/npy.hpp"
#include "scalar/float.hpp"
#include "harness/random.hpp"

using namespace cogo;
using cogo::testing::read_file;
namespace fs = std::filesystem;

namespace {

struct Exported {
    Matrix<double> wa, wb, v;
};

Exported load(const fs::path& dir) {
    return {as_matrix(read_npy((dir / cli::kWaFile).string())), as_matrix(read_npy((dir / cli::kWbFile).string())),
            as_matrix(read_npy((dir / cli::kVFile).string()))};
}

/// Float loss (direct, all pairs) and number of correct argmax predictions of the exported network.
std::pair<double, std::size_t> evaluate(const AbelianGroup& g, const Exported& w) {
    const std::size_t n = g.order(), q = w.wa.rows();
    NetworkWeights<Complex> c{Matrix<Complex>(q, n), Matrix<Complex>(q, n), Matrix<Complex>(n, q)};
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            c.wa(j, x) = w.wa(j, x);
            c.wb(j, x) = w.wb(j, x);
            c.v(x, j) = w.v(x, j);
        }
    const double loss = direct_loss(g, c).real();
    std::size_t correct = 0;
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y) {
            std::size_t best = 0;
            double best_value = -1e300;
            for (std::size_t m = 0; m < n; ++m) {
                double o = 0;
                for (std::size_t j = 0; j < q; ++j) {
                    const double h = w.wa(j, x) + w.wb(j, y);
                    o += w.v(m, j) * h * h;
                }
                if (o > best_value) best_value = o, best = m;
            }
            correct += best == g.add(x, y);
        }
    return {loss, correct};
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-construct-" + std::to_string(cogo::testing::test_seed()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

}  // namespace

TEST_CASE("exported weights: float loss < 1e-20 relative, all d^2 predictions correct, shapes as PyTorch") {
    for (const auto& [d, solution] : std::vector<std::pair<std::string, std::string>>{
             {"5", "F6"}, {"23", "F6"}, {"23", "F46"}, {"23", "nui-synab"}, {"9", "M"}, {"31", "F46"}}) {
        CAPTURE(solution);
        CAPTURE(d);
        cli::ConstructOptions options;
        options.selection.group = d;
        options.selection.solution = solution;
        options.out = fresh_dir(solution + d).string();
        std::ostringstream log;
        REQUIRE(cli::run_construct(options, log) == 0);
        const AbelianGroup g = AbelianGroup::parse(d);
        const Exported w = load(options.out);
        const Element<Cyclotomic> z = read_element_file((fs::path(options.out) / cli::kFourierFile).string());
        CHECK(w.wa.rows() == z.order());
        CHECK(w.wa.cols() == g.order());
        CHECK(w.v.rows() == g.order());
        CHECK(w.v.cols() == z.order());
        const auto [loss, correct] = evaluate(g, w);
        const double zero_network = static_cast<double>(g.order() - 1) / static_cast<double>(g.order());
        CHECK(loss / zero_network < 1e-20);
        CHECK(correct == g.order() * g.order());
        fs::remove_all(options.out);
    }
}

TEST_CASE("bad construct input: clear error, no output directory or file left behind") {
    for (const auto& [d, solution] : std::vector<std::pair<std::string, std::string>>{
             {"8", "F6"}, {"2", "F46"}, {"1", "F6"}, {"7", "F5"}, {"7", ""}, {"", "F6"}}) {
        cli::ConstructOptions options;
        options.selection.group = d;
        options.selection.solution = solution;
        options.out = fresh_dir("bad").string();
        std::ostringstream log;
        CHECK_THROWS_AS(cli::run_construct(options, log), InvalidInput);
        CHECK_FALSE(fs::exists(options.out));
    }
    cli::ConstructOptions bad_param;
    bad_param.selection.group = "7";
    bad_param.selection.solution = "F6";
    bad_param.selection.nu = "1/3,x";
    bad_param.out = fresh_dir("badparam").string();
    std::ostringstream log;
    CHECK_THROWS_AS(cli::run_construct(bad_param, log), InvalidInput);
    CHECK_FALSE(fs::exists(bad_param.out));
}

TEST_CASE("construct into a folder written by train: refused without --overwrite; with it nothing old survives") {
    const fs::path dir = fs::temp_directory_path() / ("cogo-construct-reuse-" + std::to_string(cogo::testing::test_seed()));
    fs::remove_all(dir);
    cli::TrainCommandOptions t;
    t.config.group = "9";
    t.config.width = 4;
    t.config.steps = 2;
    t.no_progress = true;
    t.out = dir.string();
    std::ostringstream sink;
    REQUIRE(cli::run_train(t, sink) == 0);
    cli::ConstructOptions c;
    c.selection.group = "3x3";
    c.selection.solution = "min";
    c.out = dir.string();
    CHECK_THROWS_AS(cli::run_construct(c, sink), InvalidInput);
    CHECK(nlohmann::json::parse(read_file(dir / cli::kSummaryFile))["group"] == "9");  // untouched
    c.overwrite = true;
    REQUIRE(cli::run_construct(c, sink) == 0);
    // the train run's summary (group 9, which crosscheck would have read) and metrics are gone
    CHECK(nlohmann::json::parse(read_file(dir / cli::kSummaryFile))["group"] == "3x3");
    CHECK_FALSE(fs::exists(dir / cli::kMetricsFile));
    CHECK_FALSE(fs::exists(dir / cli::kCurvesFile));
    CHECK(check_run(dir).complete);
    fs::remove_all(dir);
}
