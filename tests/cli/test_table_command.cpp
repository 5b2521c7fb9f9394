// Tests for src/cli/table_command.hpp: a sweep directory of exported constructions (no training) is
// cross-checked and tabulated; the cache is used; bad directories are errors.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>

#include <unistd.h>

#include "cli/construct_command.hpp"
#include "cli/table_command.hpp"
#include "harness/files.hpp"
#include "io/atomic_file.hpp"
#include "io/npy.hpp"
#include "io/run_directory.hpp"
#include "support/error.hpp"

using namespace cogo;
using cogo::testing::read_file;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// A complete run folder (as cogo train leaves one) holding an exported construction's weights; `tamper`
/// may change the weights before they are staged.
void make_run(const fs::path& dir, const std::string& d, const std::string& solution, int seed,
              void (*tamper)(Matrix<double>&) = nullptr) {
    const fs::path exported = dir.string() + ".export";
    fs::remove_all(exported);
    cli::ConstructOptions c;
    c.selection.group = d;
    c.selection.solution = solution;
    c.out = exported.string();
    std::ostringstream sink;
    REQUIRE(cli::run_construct(c, sink) == 0);
    const json summary = {{"group", d}, {"width", 512}, {"wd", 5e-5}, {"seed", seed},
                          {"final", {{"train_accuracy", 1.0}, {"test_accuracy", 1.0}}}};
    StagedDirectory files(dir, true);
    for (const char* name : {run_files::wa, run_files::wb, run_files::v}) {
        Matrix<double> m = as_matrix(read_npy((exported / name).string()));
        if (tamper && std::string(name) == run_files::wa) tamper(m);
        files.add(name, npy_bytes(m));
    }
    files.add(run_files::summary, summary.dump());
    files.commit(summary);
    fs::remove_all(exported);
}

}  // namespace

TEST_CASE("exported constructions tabulate as their families, all verified; the cache is reused") {
    const fs::path root = fs::temp_directory_path() / ("cogo-test-table-" + std::to_string(::getpid()));
    fs::remove_all(root);
    make_run(root / "f6_a", "7", "F6", 1);
    make_run(root / "f6_b", "7", "F6", 2);
    make_run(root / "f46", "11", "F46", 1);
    fs::create_directories(root / "logs");  // not a run: ignored

    cli::TableOptions o;
    o.dir = root.string();
    o.json = true;
    o.latex = (root / "table.tex").string();
    o.svg = (root / "angles.svg").string();
    std::ostringstream out;
    REQUIRE(cli::run_table(o, out) == 0);
    const json doc = json::parse(out.str());
    CHECK(doc.at("runs") == 3);
    const json& rows = doc.at("rows");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].at("group") == "7");
    CHECK(rows[0].at("runs") == 2);
    CHECK(rows[0].at("nu_syn").at("mean").get<double>() == doctest::Approx(100));
    CHECK(rows[0].at("verified").at("mean").get<double>() == doctest::Approx(100));
    CHECK(rows[1].at("group") == "11");
    CHECK(rows[1].at("nui_xi").at("mean").get<double>() == doctest::Approx(80));  // 4 of 5 blocks
    CHECK(rows[1].at("nu_syn").at("mean").get<double>() == doctest::Approx(20));
    CHECK(fs::is_regular_file(root / "table.tex"));
    CHECK(fs::is_regular_file(root / "angles.svg"));
    CHECK(read_file(root / "angles.svg").find("block orders (nodes per frequency block, all runs) (11 values)") !=
          std::string::npos);  // 3 + 3 + 5 blocks
    CHECK(fs::is_regular_file(root / "f6_a" / "crosscheck.json"));

    o.json = false;
    std::ostringstream again;
    REQUIRE(cli::run_table(o, again) == 0);
    CHECK(again.str().find("0 cross-checked now, 3 from cache") != std::string::npos);

    // other weights copied in with an OLDER time than the cached report (the cache was trusted by time
    // alone): the cache is keyed on the weights' content, so that run is cross-checked again
    make_run(root / "other", "11", "F6", 1);
    const auto old_time = fs::last_write_time(root / "f46" / "crosscheck.json") - std::chrono::hours(1);
    for (const char* name : {run_files::wa, run_files::wb, run_files::v, run_files::summary, run_files::marker}) {
        fs::copy_file(root / "other" / name, root / "f46" / name, fs::copy_options::overwrite_existing);
        fs::last_write_time(root / "f46" / name, old_time);
    }
    fs::remove_all(root / "other");
    std::ostringstream stale;
    REQUIRE(cli::run_table(o, stale) == 0);
    CHECK(stale.str().find("1 cross-checked now, 2 from cache") != std::string::npos);
    o.json = true;
    std::ostringstream copied;
    REQUIRE(cli::run_table(o, copied) == 0);
    const json rows_after = json::parse(copied.str()).at("rows");
    REQUIRE(rows_after.size() == 2);
    CHECK(rows_after[1].at("nu_syn").at("mean").get<double>() == doctest::Approx(100));  // F6 now, not F46's 20
    o.json = false;

    // another analysis option: every cached report is stale
    o.analysis.assignment.dead_threshold = 2e-3;
    std::ostringstream other_options;
    REQUIRE(cli::run_table(o, other_options) == 0);
    CHECK(other_options.str().find("3 cross-checked now, 0 from cache") != std::string::npos);
    fs::remove_all(root);
}

TEST_CASE("a run that cannot be analysed (NaN weights) is named and left out; the others are tabulated") {
    const fs::path root = fs::temp_directory_path() / ("cogo-test-table-nan-" + std::to_string(::getpid()));
    fs::remove_all(root);
    make_run(root / "good", "7", "F6", 1);
    make_run(root / "nan", "7", "F6", 2, [](Matrix<double>& m) { m(0, 0) = std::nan(""); });
    cli::TableOptions o;
    o.dir = root.string();
    std::ostringstream out;
    REQUIRE(cli::run_table(o, out) == 0);
    CHECK(out.str().find("table: 1 runs") != std::string::npos);
    CHECK(out.str().find("skipped " + (root / "nan").string()) != std::string::npos);
    o.json = true;
    std::ostringstream js;
    REQUIRE(cli::run_table(o, js) == 0);
    const json doc = json::parse(js.str());
    REQUIRE(doc.at("skipped").size() == 1);
    CHECK(doc.at("skipped")[0].at("run") == (root / "nan").string());
    // only unanalysable runs: an error naming one
    fs::remove_all(root / "good");
    try {
        (void)cli::run_table(o, js);
        FAIL("expected InvalidInput");
    } catch (const InvalidInput& e) {
        CHECK(std::string(e.what()).find((root / "nan").string()) != std::string::npos);
    }
    fs::remove_all(root);
}

TEST_CASE("a truncated weights file makes a run incomplete: not tabulated") {
    const fs::path root = fs::temp_directory_path() / ("cogo-test-table-trunc-" + std::to_string(::getpid()));
    fs::remove_all(root);
    make_run(root / "r", "7", "F6", 1);
    fs::resize_file(root / "r" / run_files::wa, 100);
    cli::TableOptions o;
    o.dir = root.string();
    std::ostringstream out;
    CHECK_THROWS_AS(cli::run_table(o, out), InvalidInput);
    fs::remove_all(root);
}

TEST_CASE("a directory without complete runs is InvalidInput") {
    const fs::path root = fs::temp_directory_path() / ("cogo-test-table-empty-" + std::to_string(::getpid()));
    fs::remove_all(root);
    cli::TableOptions o;
    o.dir = root.string();
    std::ostringstream out;
    CHECK_THROWS_AS(cli::run_table(o, out), InvalidInput);  // missing
    fs::create_directories(root / "half");
    write_file_atomically(root / "half" / "Wa.npy", "x");
    CHECK_THROWS_AS(cli::run_table(o, out), InvalidInput);  // only an incomplete run
    fs::remove_all(root);
}
