// Tests for src/train/sweep.hpp: grid expansion, run names, shards, seed lists, completeness.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "support/error.hpp"
#include "io/run_directory.hpp"
#include "train/run_identity.hpp"
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

TEST_CASE("the test fraction is a sweep axis; names carry it when it is not 0.1") {
    SweepGrid grid;
    grid.groups = {"7"};
    grid.widths = {8};
    grid.seeds = {1, 2};
    grid.test_fractions = {0.1, 0.5, 0.7};
    const auto runs = expand(grid);
    REQUIRE(runs.size() == 6);
    CHECK(runs[0].name == "g7_q8_wd5e-05_lr0.01_s1");  // the paper's fraction: the name as before
    CHECK(runs[2].name == "g7_q8_wd5e-05_lr0.01_test0.5_s1");
    CHECK(runs[2].config.test_fraction == 0.5);
    CHECK(runs[5].config.test_fraction == 0.7);
    std::set<std::string> names;
    for (const auto& r : runs) names.insert(r.name);
    CHECK(names.size() == runs.size());
    grid.test_fractions = {0.5, 0.5};
    CHECK_THROWS_AS(expand(grid), InvalidInput);
    grid.test_fractions = {1.0};
    CHECK_THROWS_AS(expand(grid), InvalidInput);
}

TEST_CASE("run identity: the new settings enter only when not the defaults, and always change it") {
    TrainConfig c;
    c.group = "7";
    c.width = 8;
    const nlohmann::json base = run_identity(c);
    for (const char* key : {"batch_size", "init_scale", "gradient_path"}) CHECK_FALSE(base.contains(key));
    auto differs = [&](auto change) {
        TrainConfig other = c;
        change(other);
        const nlohmann::json id = run_identity(other);
        CHECK(id != base);
        CHECK_FALSE(identity_difference(id, base).empty());
    };
    differs([](TrainConfig& o) { o.optimizer = OptimizerKind::adamw; });
    differs([](TrainConfig& o) { o.batch_size = 8; });
    differs([](TrainConfig& o) { o.init_scale = 0.5; });
    differs([](TrainConfig& o) { o.gradient_path = GradientPath::all_pairs; });
    differs([](TrainConfig& o) { o.test_fraction = 0.5; });
    // a batch of every train pair is the full batch, and direct is what automatic picks here: same identity
    TrainConfig same = c;
    same.batch_size = 45;
    CHECK(run_identity(same) == base);
    same.batch_size = 0;
    same.gradient_path = GradientPath::direct;
    CHECK(run_identity(same) == base);
    // at d = 127 automatic resolves to the all-pairs path, which the identity records
    TrainConfig big = c;
    big.group = "127";
    big.width = 512;
    CHECK(run_identity(big).at("gradient_path") == "all-pairs");
    big.gradient_path = GradientPath::direct;
    CHECK_FALSE(run_identity(big).contains("gradient_path"));
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

TEST_CASE("a run is complete only with a valid completion marker listing intact weights and summary") {
    namespace fs = std::filesystem;
    const auto root = fs::temp_directory_path() / ("cogo-test-sweep-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "bare");
    // the four files without a marker (what an older cogo or a half-copied folder leaves): not complete
    for (const char* name : {"Wa.npy", "Wb.npy", "V.npy", "summary.json"}) std::ofstream(root / "bare" / name) << "x";
    CHECK_FALSE(run_is_complete(root / "bare"));
    CHECK_FALSE(run_is_complete(root / "missing"));

    TrainConfig c;
    c.group = "5";
    c.width = 4;
    c.steps = 3;
    const fs::path dir = root / run_name(c);
    {
        StagedDirectory files(dir, false);
        for (const char* name : {"Wa.npy", "Wb.npy", "V.npy"}) files.add(name, std::string(100, 'w'));
        files.add("summary.json", "{}");
        files.commit(run_identity(c));
    }
    CHECK(run_is_complete(dir));
    CHECK(run_state(dir, c) == RunState::complete);
    CHECK(run_state(root / "missing", c) == RunState::absent);
    CHECK(run_state(root / "bare", c) == RunState::incomplete);

    // the same folder is not the run of other settings: every setting that changes the result counts
    for (int which = 0; which < 9; ++which) {
        TrainConfig other = c;
        if (which == 0) other.steps = 4;
        if (which == 1) other.lr = 0.02;
        if (which == 2) other.weight_decay = 0;
        if (which == 3) other.test_fraction = 0.2;
        if (which == 4) other.precision = Precision::float64;
        if (which == 5) other.loss = LossKind::cross_entropy;
        if (which == 6) other.optimizer = OptimizerKind::sgd;
        if (which == 7) other.activation = Activation::relu;
        if (which == 8) other.eval_every = 2;
        CAPTURE(which);
        std::string why;
        CHECK(run_state(dir, other, &why) == RunState::foreign);
        CHECK_FALSE(why.empty());
    }
    TrainConfig more_threads = c;  // results are bit-identical across thread counts
    more_threads.threads = 4;
    CHECK(run_state(dir, more_threads) == RunState::complete);

    // a truncated weights file: not complete any more (the marker records size and SHA-256)
    fs::resize_file(dir / "Wa.npy", 50);
    CHECK_FALSE(run_is_complete(dir));
    CHECK(run_state(dir, c) == RunState::incomplete);
    fs::remove_all(root);
}

TEST_CASE("sweep lists: no empty items, no duplicates after normalising, bounded numbers") {
    for (const char* bad : {"5,", ",5", "1,,2", ""}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_seed_list(bad), InvalidInput);
        CHECK_THROWS_AS(split_list(bad, "--group"), InvalidInput);
        CHECK_THROWS_AS(parse_count_list(bad, "--width", 100), InvalidInput);
        CHECK_THROWS_AS(parse_real_list(bad, "--wd"), InvalidInput);
    }
    CHECK(parse_seed_list("18446744073709551614-18446744073709551615") ==
          std::vector<std::uint64_t>{18446744073709551614ULL, 18446744073709551615ULL});  // no wrap at the top
    CHECK_THROWS_AS(parse_seed_list("18446744073709551616"), InvalidInput);
    CHECK_THROWS_AS(parse_seed_list("1-100000000"), InvalidInput);
    CHECK(parse_count_list("16,0032", "--width", 100) == std::vector<std::size_t>{16, 32});
    for (const char* bad : {"-1", "0", "101", "1e2", "+5", " 5", "18446744073709551617"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_count_list(bad, "--width", 100), InvalidInput);
    }
    CHECK(parse_real_list("5e-5,0.01", "--wd") == std::vector<double>{5e-5, 0.01});
    for (const char* bad : {"nan", "inf", "1e400", "0x10", "1.5x", "--1"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_real_list(bad, "--wd"), InvalidInput);
    }
    SweepGrid grid;
    grid.groups = {"5", "05"};  // one group written twice
    grid.seeds = {1};
    grid.widths = {4};
    CHECK_THROWS_AS(expand(grid), InvalidInput);
    grid.groups = {"05"};
    REQUIRE(expand(grid).size() == 1);
    CHECK(expand(grid)[0].name == "g5_q4_wd5e-05_lr0.01_s1");
}
