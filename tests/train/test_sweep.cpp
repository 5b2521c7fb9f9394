// Tests for src/train/sweep.hpp: grid expansion, run names, shards, seed lists, completeness.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "support/error.hpp"
#include "train/sweep.hpp"

using namespace cogo;
using namespace cogo::train;

TEST_CASE("the grid expands to every combination, in order, with unique names that read back") {
    SweepGrid grid;
    grid.groups = {"23", "2x4"};
    grid.widths = {64, 512};
    grid.weight_decays = {5e-5, 1e-4, 2e-4};
    grid.lrs = {0.01};
    grid.seeds = {1, 2, 3, 4, 5};
    grid.base.steps = 77;
    const auto runs = expand(grid);
    REQUIRE(runs.size() == 2 * 2 * 3 * 1 * 5);
    std::set<std::string> names;
    for (const auto& r : runs) {
        names.insert(r.name);
        CHECK(r.config.steps == 77);
        CHECK(r.name == run_name(r.config));
    }
    CHECK(names.size() == runs.size());
    CHECK(runs.front().name == "g23_q64_wd5e-05_lr0.01_s1");
    CHECK(runs[1].config.seed == 2);                 // seeds vary fastest
    CHECK(runs.back().config.group == "2x4");        // groups slowest
    // the numbers in names read back to the same doubles
    for (double v : {5e-5, 1e-4, 0.01, 0.1, 3e-3, 1.0 / 3}) CHECK(std::stod(shortest_decimal(v)) == v);
}

TEST_CASE("bad grids are clear errors") {
    SweepGrid grid;
    grid.seeds = {};
    CHECK_THROWS_AS(expand(grid), InvalidInput);
    grid.seeds = {1, 1};
    CHECK_THROWS_AS(expand(grid), InvalidInput);
    grid.seeds = {1};
    grid.groups = {"1"};
    CHECK_THROWS_AS(expand(grid), InvalidInput);
    grid.groups = {"23"};
    grid.lrs = {-0.1};
    CHECK_THROWS_AS(expand(grid), InvalidInput);
}

TEST_CASE("shards partition the runs, for every shard count") {
    SweepGrid grid;
    grid.groups = {"5", "7", "9"};
    grid.seeds = {1, 2, 3, 4, 5, 6, 7};
    const auto runs = expand(grid);
    for (std::size_t n = 1; n <= 25; ++n) {
        CAPTURE(n);
        std::multiset<std::string> seen;
        for (std::size_t i = 0; i < n; ++i)
            for (const auto& r : select_shard(runs, parse_shard(std::to_string(i) + "/" + std::to_string(n)))) seen.insert(r.name);
        CHECK(seen.size() == runs.size());
        std::set<std::string> unique(seen.begin(), seen.end());
        CHECK(unique.size() == runs.size());
    }
    for (const char* bad : {"", "1", "2/2", "-1/3", "a/b", "0/0", "1/2/3", " 0/2"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_shard(bad), InvalidInput);
    }
}

TEST_CASE("seed lists with ranges") {
    CHECK(parse_seed_list("1-5") == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
    CHECK(parse_seed_list("3,7-9,1") == std::vector<std::uint64_t>{3, 7, 8, 9, 1});
    for (const char* bad : {"", "5-1", "a", "1,,2", "1-", "-3"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_seed_list(bad), InvalidInput);
    }
}

TEST_CASE("a run is complete only with all four files") {
    const auto dir = std::filesystem::temp_directory_path() / ("cogo-test-sweep-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    CHECK_FALSE(run_is_complete(dir));
    for (const char* name : {"Wa.npy", "Wb.npy", "V.npy"}) std::ofstream(dir / name) << "x";
    CHECK_FALSE(run_is_complete(dir));
    std::ofstream(dir / "summary.json") << "{}";
    CHECK(run_is_complete(dir));
    CHECK_FALSE(run_is_complete(dir / "missing"));
    std::filesystem::remove_all(dir);
}
