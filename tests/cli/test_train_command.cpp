// `cogo train`: the files in DIR (shapes, CSV rows, summary), the exported weights run as a network with
// the reported loss, and bad input is refused before anything is written.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include "cli/construct_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/train_command.hpp"
#include "harness/files.hpp"
#include "io/npy.hpp"
#include "io/run_directory.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"
#include "harness/random.hpp"
#include "train/dataset.hpp"
#include "train/objective.hpp"

using namespace cogo;
using cogo::testing::read_file;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-train-" + std::to_string(cogo::testing::test_seed()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

cli::TrainCommandOptions small() {
    cli::TrainCommandOptions o;
    o.config.group = "7";
    o.config.width = 16;
    o.config.steps = 20;
    o.no_progress = true;
    return o;
}

}  // namespace

TEST_CASE("cogo train: writes weights (PyTorch shapes), metrics.csv, curves.svg, summary.json, checkpoints") {
    cli::TrainCommandOptions o = small();
    const fs::path dir = fresh_dir("files");
    o.out = dir.string();
    o.checkpoints = {10};
    o.precision = "float64";
    std::ostringstream log;
    REQUIRE(cli::run_train(o, log) == 0);
    CHECK(log.str().find("trained Z_7, q = 16") != std::string::npos);
    const Matrix<double> wa = as_matrix(read_npy((dir / cli::kWaFile).string()));
    const Matrix<double> wb = as_matrix(read_npy((dir / cli::kWbFile).string()));
    const Matrix<double> v = as_matrix(read_npy((dir / cli::kVFile).string()));
    CHECK(wa.rows() == 16);
    CHECK(wa.cols() == 7);
    CHECK(wb.rows() == 16);
    CHECK(v.rows() == 7);
    CHECK(v.cols() == 16);
    std::istringstream csv(read_file(dir / cli::kMetricsFile));
    std::string line;
    int lines = 0;
    while (std::getline(csv, line)) ++lines;
    CHECK(lines == 1 + 21);
    CHECK(read_file(dir / cli::kCurvesFile).find("</svg>") != std::string::npos);
    const auto summary = nlohmann::json::parse(read_file(dir / cli::kSummaryFile));
    CHECK(summary["steps"] == 20);
    CHECK(summary["precision"] == "float64");
    CHECK(fs::exists(dir / "checkpoints" / "step_000010" / cli::kVFile));
    // The written weights, run on the train pairs in float64, give the reported final train loss.
    NetworkWeights<double> w{wa, wb, v};
    const train::Network<double> net = train::from_matrices<double>(w);
    const train::Split split = train::split_pairs(AbelianGroup::cyclic(7), 0.1, 1);
    train::Objective<double> obj(7, 16, split.train, train::LossKind::mse, train::Activation::quadratic);
    train::ThreadPool pool(1);
    CHECK(obj.evaluate(net, pool).loss == summary["final"]["train_loss"].get<double>());
    // no staging leftovers
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string()[0] != '.');
    fs::remove_all(dir);
}

TEST_CASE("cogo train --json: machine-readable summary") {
    cli::TrainCommandOptions o = small();
    o.json = true;
    std::ostringstream log;
    REQUIRE(cli::run_train(o, log) == 0);
    const auto j = nlohmann::json::parse(log.str());
    CHECK(j["group"] == "7");
    CHECK(j["train_size"] == 45);
    CHECK(j["test_size"] == 4);
    CHECK(j["median_step_seconds"].get<double>() > 0);
}

TEST_CASE("cogo train: AdamW, mini-batches, init scale, train fraction and gradient path reach summary.json") {
    cli::TrainCommandOptions o = small();
    o.json = true;
    o.optimizer = "adamw";
    o.config.batch_size = 8;
    o.config.init_scale = 0.5;
    o.config.test_fraction = 0.5;
    std::ostringstream log;
    REQUIRE(cli::run_train(o, log) == 0);
    auto j = nlohmann::json::parse(log.str());
    CHECK(j["optimizer"] == "adamw");
    CHECK(j["batch_size"] == 8);
    CHECK(j["init_scale"] == 0.5);
    CHECK(j["test_fraction"] == 0.5);
    CHECK(j["test_size"] == 24);  // floor(0.5 * 49)
    CHECK(j["gradient_path"] == "direct");  // mini-batches run the direct path
    o = small();
    o.json = true;
    o.gradient_path = "all-pairs";
    std::ostringstream log2;
    REQUIRE(cli::run_train(o, log2) == 0);
    j = nlohmann::json::parse(log2.str());
    CHECK(j["gradient_path"] == "all-pairs");
    CHECK(j["batch_size"] == 0);
    CHECK(j["init_scale"] == 1.0);
}

TEST_CASE("cogo train: the new options are parsed exactly; bad values exit 2") {
    auto parses = [](std::vector<std::string> args) {
        CLI::App app;
        cli::TrainCommandOptions o;
        cli::setup_train_command(*app.add_subcommand("train", "train"), o);
        args.insert(args.begin(), "train");
        std::reverse(args.begin(), args.end());
        try {
            app.parse(args);
        } catch (const CLI::ParseError& e) {
            return std::optional<cli::TrainCommandOptions>();
        }
        return std::optional<cli::TrainCommandOptions>(o);
    };
    auto o = parses({"--train-fraction", "0.9"});
    REQUIRE(o);
    CHECK(o->config.test_fraction == 0.1);  // exactly, although 1.0 - 0.9 != 0.1 in floating point
    o = parses({"--train-fraction", "0.3"});
    REQUIRE(o);
    CHECK(o->config.test_fraction == 0.7);
    o = parses({"--train-fraction", "1"});
    REQUIRE(o);
    CHECK(o->config.test_fraction == 0.0);
    o = parses({"--batch-size", "064", "--init-scale", "0.25"});
    REQUIRE(o);
    CHECK(o->config.batch_size == 64);
    CHECK(o->config.init_scale == 0.25);
    for (std::vector<std::string> bad : {std::vector<std::string>{"--train-fraction", "0"},
                                         {"--train-fraction", "1.5"},
                                         {"--train-fraction", "-0.5"},
                                         {"--train-fraction", "9e-1"},
                                         {"--train-fraction", "0.5", "--test-fraction", "0.5"},
                                         {"--batch-size", "-1"},
                                         {"--batch-size", "1e3"},
                                         {"--init-scale", "0"},
                                         {"--init-scale", "nan"},
                                         {"--init-scale", "-1"}}) {
        CAPTURE(bad[0]);
        CHECK_FALSE(parses(bad));
    }
    cli::TrainCommandOptions bad = small();
    bad.gradient_path = "fast";
    CHECK_THROWS_AS(cli::resolve_config(bad), InvalidInput);
    bad = small();
    bad.optimizer = "AdamW";
    CHECK_THROWS_AS(cli::resolve_config(bad), InvalidInput);
    bad = small();
    bad.config.batch_size = 46;  // 45 train pairs
    CHECK_THROWS_AS(cli::resolve_config(bad), InvalidInput);
}

TEST_CASE("cogo train: bad input is refused (InvalidInput, exit code 2) and writes nothing") {
    auto refused = [](auto change) {
        cli::TrainCommandOptions o = small();
        const fs::path dir = fresh_dir("refused");
        o.out = dir.string();
        change(o);
        std::ostringstream log;
        CHECK_THROWS_AS(cli::run_train(o, log), InvalidInput);
        CHECK_FALSE(fs::exists(dir / cli::kWaFile));
        fs::remove_all(dir);
    };
    refused([](cli::TrainCommandOptions& o) { o.config.group = "1"; });
    refused([](cli::TrainCommandOptions& o) { o.config.group = "-3"; });
    refused([](cli::TrainCommandOptions& o) { o.config.width = 0; });
    refused([](cli::TrainCommandOptions& o) { o.config.lr = 0; });
    refused([](cli::TrainCommandOptions& o) { o.config.lr = -1; });
    refused([](cli::TrainCommandOptions& o) { o.config.test_fraction = 1; });
    refused([](cli::TrainCommandOptions& o) { o.config.test_fraction = -0.1; });
    refused([](cli::TrainCommandOptions& o) { o.precision = "half"; });
    refused([](cli::TrainCommandOptions& o) { o.loss = "l1"; });
    refused([](cli::TrainCommandOptions& o) { o.checkpoints = {100}; });
}

TEST_CASE("cogo train: an unwritable --out is refused before training") {
    const fs::path file = fresh_dir("plain-file");
    { std::ofstream(file) << "x"; }
    cli::TrainCommandOptions o = small();
    o.config.steps = 1000000;  // would take long: the check must come first
    o.out = (file / "sub").string();
    std::ostringstream log;
    CHECK_THROWS_AS(cli::run_train(o, log), InvalidInput);
    fs::remove(file);
}

TEST_CASE("cogo train into a used --out: refused without --overwrite; with it the folder is replaced whole") {
    const fs::path dir = fresh_dir("reuse");
    cli::TrainCommandOptions first = small();
    first.out = dir.string();
    first.checkpoints = {10};
    std::ostringstream log;
    REQUIRE(cli::run_train(first, log) == 0);
    REQUIRE(fs::is_directory(dir / "checkpoints" / "step_000010"));
    const std::string first_wa = read_file(dir / cli::kWaFile);

    // a second run into the same folder without --overwrite: refused before training, nothing changed
    cli::TrainCommandOptions second = small();
    second.out = dir.string();
    second.config.width = 8;
    CHECK_THROWS_AS(cli::run_train(second, log), InvalidInput);
    CHECK(read_file(dir / cli::kWaFile) == first_wa);

    // with --overwrite: the first run's checkpoints are gone (they used to survive beside the new weights)
    second.overwrite = true;
    REQUIRE(cli::run_train(second, log) == 0);
    CHECK_FALSE(fs::exists(dir / "checkpoints"));
    CHECK(as_matrix(read_npy((dir / cli::kWaFile).string())).rows() == 8);
    CHECK(nlohmann::json::parse(read_file(dir / cli::kSummaryFile))["width"] == 8);
    CHECK(check_run(dir).complete);
    fs::remove_all(dir);
}

TEST_CASE("cogo train: a file that cannot be replaced does not leave new weights beside an old summary") {
    // the reproduction: after a first run, curves.svg is replaced by a non-empty directory; the old per-file
    // commit replaced the weights and then failed on curves.svg (Wa.npy 16 x 7 beside a summary saying 8)
    const fs::path dir = fresh_dir("mixed");
    cli::TrainCommandOptions first = small();
    first.out = dir.string();
    first.config.width = 8;
    std::ostringstream log;
    REQUIRE(cli::run_train(first, log) == 0);
    fs::remove(dir / cli::kCurvesFile);
    fs::create_directories(dir / cli::kCurvesFile / "x");
    cli::TrainCommandOptions second = small();  // width 16
    second.out = dir.string();
    second.overwrite = true;
    REQUIRE(cli::run_train(second, log) == 0);  // the folder is replaced whole, so nothing is in the way
    CHECK(as_matrix(read_npy((dir / cli::kWaFile).string())).rows() == 16);
    CHECK(nlohmann::json::parse(read_file(dir / cli::kSummaryFile))["width"] == 16);
    CHECK(fs::is_regular_file(dir / cli::kCurvesFile));
    CHECK(check_run(dir).complete);
    // without --overwrite the same situation is refused and the folder keeps the first run
    fs::remove(dir / cli::kCurvesFile);
    fs::create_directories(dir / cli::kCurvesFile / "x");
    second.overwrite = false;
    second.config.width = 4;
    CHECK_THROWS_AS(cli::run_train(second, log), InvalidInput);
    CHECK(as_matrix(read_npy((dir / cli::kWaFile).string())).rows() == 16);
    fs::remove_all(dir);
}

TEST_CASE("cogo train: --checkpoint without --out is refused") {
    cli::TrainCommandOptions o = small();
    o.checkpoints = {5};
    std::ostringstream log;
    CHECK_THROWS_AS(cli::run_train(o, log), InvalidInput);
}

TEST_CASE("cogo train: a diverged run says so (summary and output) and exits 1, its files written") {
    cli::TrainCommandOptions o = small();
    o.config.lr = 1e30;
    const fs::path dir = fresh_dir("diverged");
    o.out = dir.string();
    std::ostringstream log;
    REQUIRE(cli::run_train(o, log) == cli::exit_refuted);
    CHECK(log.str().find("DIVERGED") != std::string::npos);
    CHECK(nlohmann::json::parse(read_file(dir / cli::kSummaryFile))["diverged"] == true);
    fs::remove_all(dir);
}

TEST_CASE("cogo train interrupted by SIGINT: exit 130, --out untouched, no staging folder left") {
    const char* exe = std::getenv("COGO_EXE");
    REQUIRE_MESSAGE(exe != nullptr, "COGO_EXE must name the cogo executable (set by meson)");
    const fs::path dir = fresh_dir("sigint");
    const pid_t pid = spawn_child(ChildSpec{exe, {"train", "--d", "7", "--width", "16", "--steps", "5000000",
                                                  "--eval-every", "1000", "--checkpoint", "1", "--threads", "1", "--no-progress", "--out", dir.string()},
                                            -1, -1});
    // wait until the run is under way (its staging folder exists and holds the step-1 checkpoint)
    bool started = false;
    for (int i = 0; i < 600 && !started; ++i) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir.parent_path(), ec))
            if (e.path().filename().string().rfind("." + dir.filename().string() + ".cogo-staging-", 0) == 0 &&
                fs::exists(e.path() / "checkpoints" / "step_000001" / cli::kVFile, ec))
                started = true;
        if (!started) ::usleep(50000);
    }
    CHECK(started);
    ::kill(pid, SIGINT);
    const ChildExit e = wait_child(pid);
    CHECK(e.status() == 130);
    CHECK_FALSE(fs::exists(dir));
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir.parent_path(), ec))
        CHECK(entry.path().filename().string().rfind("." + dir.filename().string() + ".cogo-staging-", 0) != 0);
}
