// `cogo dynamics RUN`: a short training run with checkpoints gives one snapshot per checkpoint (and the
// final weights), the files of --out, and the potentials of a run started at an exact optimum (z_F6 through
// `cogo train --init`, no weight decay) are those of a global optimum; bad folders are refused with exit 2.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/construct_command.hpp"
#include "cli/dynamics_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/train_command.hpp"
#include "cogo_process.hpp"
#include "harness/random.hpp"
#include "io/run_directory.hpp"
#include "support/error.hpp"

using namespace cogo;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-dynamics-" + std::to_string(cogo::testing::test_seed()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

fs::path trained(const std::string& name, const std::vector<std::size_t>& checkpoints, const std::string& init = "") {
    cli::TrainCommandOptions o;
    o.config.group = "7";
    o.config.width = init.empty() ? 16 : 20;
    o.config.steps = 30;
    o.config.threads = 1;
    o.no_progress = true;
    o.checkpoints = checkpoints;
    if (!init.empty()) {
        o.init = init;
        o.config.weight_decay = 0;
        o.config.lr = 1e-5;
        o.precision = "float64";
    }
    const fs::path dir = fresh_dir(name);
    o.out = dir.string();
    std::ostringstream log;
    REQUIRE(cli::run_train(o, log) == 0);
    return dir;
}

}  // namespace

TEST_CASE("cogo dynamics: one snapshot per checkpoint and the final weights; the files of --out") {
    const fs::path run = trained("run", {0, 10, 20});
    const fs::path out = fresh_dir("out");
    cli::DynamicsOptions o;
    o.run = run.string();
    o.out = out.string();
    o.json = true;
    std::ostringstream text;
    REQUIRE(cli::run_dynamics(o, text) == 0);
    const nlohmann::json doc = nlohmann::json::parse(text.str());
    REQUIRE(doc.at("steps").size() == 4);  // 0, 10, 20 and the final step 30
    CHECK(doc.at("steps")[3].at("step") == 30);
    CHECK(doc.at("group") == "7");
    CHECK(doc.at("steps")[0].at("frequencies").size() == 3);
    CHECK(doc.at("steps")[0].at("live") == 16);  // PyTorch's init: every node alive
    for (const char* f : {"dynamics.csv", "dynamics.json", "potentials.svg", "blocks.svg"}) CHECK(fs::is_regular_file(out / f));
    std::ifstream csv(out / "dynamics.csv");
    std::size_t lines = 0;
    for (std::string line; std::getline(csv, line);) ++lines;
    CHECK(lines == 1 + 4 * 3);  // header + (steps x frequencies)
    std::ifstream svg(out / "potentials.svg");
    const std::string svg_text((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
    CHECK(svg_text.find("</svg>") != std::string::npos);
    CHECK(svg_text.find("R_c") != std::string::npos);
    // the text report has a row per snapshot
    o.json = false;
    o.out.clear();
    std::ostringstream report;
    REQUIRE(cli::run_dynamics(o, report) == 0);
    CHECK(report.str().find("4 checkpoints") != std::string::npos);
    fs::remove_all(run);
    fs::remove_all(out);
}

TEST_CASE("cogo dynamics on a run started at z_F6 (Z_7) without weight decay: r_kkk = 1, the other sets 0, z_nu*z_syn blocks") {
    const fs::path source = fresh_dir("f6");
    cli::ConstructOptions c;
    c.selection.group = "7";
    c.selection.solution = "F6";
    c.out = source.string();
    std::ostringstream log;
    REQUIRE(cli::run_construct(c, log) == 0);
    const fs::path run = trained("f6-run", {0}, source.string());
    cli::DynamicsOptions o;
    o.run = run.string();
    o.json = true;
    std::ostringstream text;
    REQUIRE(cli::run_dynamics(o, text) == 0);
    const nlohmann::json doc = nlohmann::json::parse(text.str());
    REQUIRE(doc.at("steps").size() == 2);
    const nlohmann::json& first = doc.at("steps")[0];
    CHECK(first.at("live") == 18);  // the 2 padding nodes are zero
    for (const nlohmann::json& f : first.at("frequencies")) {
        CHECK(std::abs(f.at("r_kkk")[0].get<double>() - 1) < 1e-9);
        CHECK(std::abs(f.at("r_kkk")[1].get<double>()) < 1e-9);
        CHECK(f.at("R_c").get<double>() < 1e-9);
        CHECK(f.at("R_star").get<double>() < 1e-9);
        CHECK(std::hypot(f.at("bias")[0].get<double>(), f.at("bias")[1].get<double>()) < 1e-9);
        CHECK(f.at("order") == 6);
        CHECK(f.at("family") == "z_nu*z_syn");
    }
    fs::remove_all(run);
    fs::remove_all(source);
}

TEST_CASE("cogo dynamics refuses what is not a complete training run with checkpoints (exit 2)") {
    cli::DynamicsOptions o;
    std::ostringstream out;
    o.run = fresh_dir("missing").string();
    CHECK_THROWS_AS((void)cli::run_dynamics(o, out), InvalidInput);
    const fs::path no_checkpoints = trained("plain", {});
    o.run = no_checkpoints.string();
    CHECK_THROWS_WITH_AS((void)cli::run_dynamics(o, out), doctest::Contains("no checkpoints"), InvalidInput);
    o.max_checkpoints = 1;
    const fs::path many = trained("many", {0, 10});
    o.run = many.string();
    CHECK_THROWS_WITH_AS((void)cli::run_dynamics(o, out), doctest::Contains("--max-checkpoints"), InvalidInput);
    // a checkpoint file changed after the run: the completion check fails
    o.max_checkpoints = 10;
    std::ofstream(many / checkpoint_folder(10) / run_files::v, std::ios::app) << "x";
    CHECK_THROWS_WITH_AS((void)cli::run_dynamics(o, out), doctest::Contains("not a complete run"), InvalidInput);
    // a construct folder is not a training run
    const fs::path construct = fresh_dir("construct");
    cli::ConstructOptions c;
    c.selection.group = "7";
    c.selection.solution = "F6";
    c.out = construct.string();
    REQUIRE(cli::run_construct(c, out) == 0);
    o.run = construct.string();
    CHECK_THROWS_WITH_AS((void)cli::run_dynamics(o, out), doctest::Contains("not written by cogo train"), InvalidInput);
    // through the executable: --help and the exit code of a bad folder
    const auto help = cogo::test::run_cogo({"dynamics", "--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("--max-checkpoints") != std::string::npos);
    const auto bad = cogo::test::run_cogo({"dynamics", no_checkpoints.string()});
    CHECK(bad.code == cli::exit_usage);
    CHECK(bad.err.find("no checkpoints") != std::string::npos);
    for (const fs::path& p : {no_checkpoints, many, construct}) fs::remove_all(p);
}
