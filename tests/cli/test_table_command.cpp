// Tests for src/cli/table_command.hpp: a sweep directory of exported constructions (no training) is
// cross-checked and tabulated; the cache is used; bad directories are errors.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <sstream>

#include <unistd.h>

#include "cli/construct_command.hpp"
#include "cli/table_command.hpp"
#include "io/atomic_file.hpp"
#include "support/error.hpp"

using namespace cogo;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void make_run(const fs::path& dir, const std::string& d, const std::string& solution, int seed) {
    cli::ConstructOptions c;
    c.selection.group = d;
    c.selection.solution = solution;
    c.out = dir.string();
    std::ostringstream sink;
    REQUIRE(cli::run_construct(c, sink) == 0);
    const json summary = {{"group", d}, {"width", 512}, {"wd", 5e-5}, {"seed", seed},
                          {"final", {{"train_accuracy", 1.0}, {"test_accuracy", 1.0}}}};
    write_file_atomically(dir / "summary.json", summary.dump());
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

    // weights newer than their cached report: that run is cross-checked again, and counted so
    fs::last_write_time(root / "f46" / "Wa.npy", fs::last_write_time(root / "f46" / "crosscheck.json") + std::chrono::seconds(5));
    std::ostringstream stale;
    REQUIRE(cli::run_table(o, stale) == 0);
    CHECK(stale.str().find("1 cross-checked now, 2 from cache") != std::string::npos);
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
