// Tests for src/cli/sweep_command.hpp: a tiny sweep end to end (real `cogo train` processes, the executable
// named by COGO_EXE), resuming, shards, and bad input.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/sweep_command.hpp"
#include "harness/files.hpp"
#include "io/file_lock.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"
#include "train/sweep.hpp"

using namespace cogo;
using cogo::testing::read_file;
namespace fs = std::filesystem;

namespace {

cli::SweepOptions tiny(const fs::path& dir) {
    cli::SweepOptions o;
    o.out = dir.string();
    o.groups = "5,2x2";
    o.widths = "16";
    o.wds = "1e-4";
    o.seeds = "1-2";
    o.steps = 30;
    o.jobs = 2;
    const char* exe = std::getenv("COGO_EXE");
    REQUIRE_MESSAGE(exe != nullptr, "COGO_EXE must name the cogo executable (set by meson)");
    o.executable = exe;
    return o;
}

}  // namespace

TEST_CASE("a sweep runs every run once, resumes, and honours shards") {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-sweep-cmd-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    cli::SweepOptions o = tiny(dir);

    // shard 1/2 first: exactly its runs are made
    o.shard = "1/2";
    std::ostringstream out1;
    CHECK(cli::run_sweep(o, out1) == 0);
    std::size_t complete = 0;
    for (const char* name : {"g5_q16_wd1e-04_lr0.01_s1", "g5_q16_wd1e-04_lr0.01_s2", "g2x2_q16_wd1e-04_lr0.01_s1",
                             "g2x2_q16_wd1e-04_lr0.01_s2"})
        complete += train::run_is_complete(dir / name);
    CHECK(complete == 2);
    CHECK(train::run_is_complete(dir / "g5_q16_wd1e-04_lr0.01_s2"));  // run index 1
    CHECK(train::run_is_complete(dir / "g2x2_q16_wd1e-04_lr0.01_s2"));  // run index 3

    // the whole sweep: the two done runs are skipped, two more run
    o.shard = "0/1";
    std::ostringstream out2;
    CHECK(cli::run_sweep(o, out2) == 0);
    CHECK(out2.str().find("2 already complete, 2 to run") != std::string::npos);
    CHECK(train::run_is_complete(dir / "g5_q16_wd1e-04_lr0.01_s1"));
    CHECK(train::run_is_complete(dir / "g2x2_q16_wd1e-04_lr0.01_s1"));
    CHECK(fs::is_regular_file(dir / "sweep.json"));
    CHECK(fs::is_regular_file(dir / "logs" / "g5_q16_wd1e-04_lr0.01_s1.log"));

    // nothing left to do
    std::ostringstream out3;
    CHECK(cli::run_sweep(o, out3) == 0);
    CHECK(out3.str().find("4 already complete, 0 to run") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a failing run is reported, its directory stays incomplete, the exit code is 4") {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-sweep-fail-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    cli::SweepOptions o = tiny(dir);
    o.executable = "/bin/false";
    std::ostringstream out;
    CHECK(cli::run_sweep(o, out) == 4);
    CHECK(out.str().find("FAILED") != std::string::npos);
    CHECK_FALSE(train::run_is_complete(dir / "g5_q16_wd1e-04_lr0.01_s1"));
    fs::remove_all(dir);
}

TEST_CASE("bad sweep options are InvalidInput before anything runs") {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-sweep-bad-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    for (int which = 0; which < 7; ++which) {
        cli::SweepOptions o = tiny(dir);
        if (which == 0) o.groups = "1";
        if (which == 1) o.widths = "0";
        if (which == 2) o.wds = "x";
        if (which == 3) o.seeds = "";
        if (which == 4) o.shard = "3/3";
        if (which == 5) o.precision = "float16";
        if (which == 6) o.threads_per_job = 0;
        CAPTURE(which);
        std::ostringstream out;
        CHECK_THROWS_AS(cli::run_sweep(o, out), InvalidInput);
    }
    CHECK_FALSE(fs::exists(dir));  // nothing was created
}

namespace {

fs::path fresh(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-sweep-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    return dir;
}

cli::SweepOptions one_group(const fs::path& dir) {
    cli::SweepOptions o = tiny(dir);
    o.groups = "5";
    o.jobs = 1;
    return o;
}

}  // namespace

TEST_CASE("a sweep with other settings on the same folder is refused; its runs are never reused") {
    const fs::path dir = fresh("identity");
    cli::SweepOptions o = one_group(dir);
    o.steps = 20;
    std::ostringstream out1;
    REQUIRE(cli::run_sweep(o, out1) == 0);
    const std::string manifest = read_file(dir / "sweep.json");
    // the reproduction: the same grid with --steps 5000 --seeds 1-3 took the 20-step runs as complete
    o.steps = 5000;
    o.seeds = "1-3";
    std::ostringstream out2;
    try {
        (void)cli::run_sweep(o, out2);
        FAIL("expected InvalidInput");
    } catch (const InvalidInput& e) {
        CHECK(std::string(e.what()).find("steps 20 vs 5000") != std::string::npos);
    }
    CHECK(read_file(dir / "sweep.json") == manifest);  // not rewritten to claim 5000
    CHECK_FALSE(fs::exists(dir / "g5_q16_wd1e-04_lr0.01_s3"));
    // without the manifest the runs' own markers still tell: a run made with 20 steps is not a 5000-step run
    fs::remove(dir / "sweep.json");
    std::ostringstream out3;
    CHECK_THROWS_AS(cli::run_sweep(o, out3), InvalidInput);
    // the same shared settings may extend the sweep (one more seed)
    o.steps = 20;
    std::ostringstream out4;
    REQUIRE(cli::run_sweep(o, out4) == 0);
    CHECK(out4.str().find("2 already complete, 1 to run") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("one sweep per folder (lock); a run locked by a live writer is not retrained") {
    const fs::path dir = fresh("lock");
    cli::SweepOptions o = one_group(dir);
    o.seeds = "1";
    fs::create_directories(dir / ".locks");
    {
        auto other_sweep = FileLock::try_lock(dir / ".cogo-sweep.lock");
        REQUIRE(other_sweep.has_value());
        std::ostringstream out;
        CHECK_THROWS_AS(cli::run_sweep(o, out), ResourceLimit);  // exit 3, fails fast
    }
    {
        // an orphaned cogo train of an earlier sweep still holds its run's lock
        auto orphan = FileLock::try_lock(dir / ".locks" / "g5_q16_wd1e-04_lr0.01_s1.lock");
        REQUIRE(orphan.has_value());
        std::ostringstream out;
        CHECK(cli::run_sweep(o, out) == 3);
        CHECK(out.str().find("[busy] g5_q16_wd1e-04_lr0.01_s1") != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "g5_q16_wd1e-04_lr0.01_s1"));
    }
    std::ostringstream out;
    CHECK(cli::run_sweep(o, out) == 0);
    CHECK(train::run_is_complete(dir / "g5_q16_wd1e-04_lr0.01_s1"));
    fs::remove_all(dir);
}

TEST_CASE("a truncated Wa.npy is not a complete run: it is trained again") {
    const fs::path dir = fresh("truncated");
    cli::SweepOptions o = one_group(dir);
    o.seeds = "1";
    std::ostringstream out1;
    REQUIRE(cli::run_sweep(o, out1) == 0);
    const fs::path run = dir / "g5_q16_wd1e-04_lr0.01_s1";
    fs::resize_file(run / "Wa.npy", 64);
    CHECK_FALSE(train::run_is_complete(run));
    std::ostringstream out2;
    REQUIRE(cli::run_sweep(o, out2) == 0);
    CHECK(out2.str().find("0 already complete, 1 to run") != std::string::npos);
    CHECK(train::run_is_complete(run));
    fs::remove_all(dir);
}

TEST_CASE("sweep options are validated exactly, before anything runs") {
    const fs::path dir = fresh("options");
    for (int which = 0; which < 14; ++which) {
        cli::SweepOptions o = one_group(dir);
        if (which == 0) o.steps = 0;
        if (which == 8) o.test_fractions = "0.1,1";
        if (which == 9) o.test_fractions = "0.1,";
        if (which == 10) o.train_fractions = "0.5,0";
        if (which == 11) o.train_fractions = "0.5,0.50";  // one fraction twice
        if (which == 12) o.gradient_path = "fast";
        if (which == 13) o.batch_size = 1000;  // Z_5 has 23 train pairs
        if (which == 1) o.groups = "5,";
        if (which == 2) o.groups = "5,05";  // one group twice
        if (which == 3) o.seeds = "1,";
        if (which == 4) o.widths = "16,";
        if (which == 5) o.executable = (dir / "no-such-cogo").string();  // was exit 4 from every run
        if (which == 6) o.lrs = "nan";
        if (which == 7) o.widths = "-1";
        CAPTURE(which);
        std::ostringstream out;
        CHECK_THROWS_AS(cli::run_sweep(o, out), InvalidInput);
    }
    CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("a sweep over train fractions with AdamW and mini-batches: one run per fraction, settings in each run") {
    const fs::path dir = fresh("fractions");
    cli::SweepOptions o = one_group(dir);
    o.seeds = "1";
    o.steps = 10;
    o.train_fractions = "0.5,0.9";
    o.optimizer = "adamw";
    o.batch_size = 4;
    o.init_scale = 0.5;
    std::ostringstream out;
    REQUIRE(cli::run_sweep(o, out) == 0);
    const fs::path half = dir / "g5_q16_wd1e-04_lr0.01_test0.5_s1";
    const fs::path paper = dir / "g5_q16_wd1e-04_lr0.01_s1";
    REQUIRE(fs::exists(half / "summary.json"));
    REQUIRE(fs::exists(paper / "summary.json"));
    std::ifstream in(half / "summary.json");
    const nlohmann::json j = nlohmann::json::parse(in);
    CHECK(j["test_fraction"] == 0.5);
    CHECK(j["optimizer"] == "adamw");
    CHECK(j["batch_size"] == 4);
    CHECK(j["init_scale"] == 0.5);
    // the same sweep again: everything complete; with another batch size: refused (other shared settings)
    std::ostringstream again;
    CHECK(cli::run_sweep(o, again) == 0);
    CHECK(again.str().find("2 already complete") != std::string::npos);
    o.batch_size = 8;
    std::ostringstream other;
    CHECK_THROWS_AS(cli::run_sweep(o, other), InvalidInput);
    fs::remove_all(dir);
}

TEST_CASE("a diverged run is reported as diverged") {
    const fs::path dir = fresh("diverged");
    cli::SweepOptions o = one_group(dir);
    o.seeds = "1";
    o.lrs = "1e30";
    std::ostringstream out;
    REQUIRE(cli::run_sweep(o, out) == 0);
    CHECK(out.str().find("DIVERGED") != std::string::npos);
    CHECK(out.str().find("summary unreadable") == std::string::npos);
    CHECK(out.str().find("(1 diverged)") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("SIGTERM to a sweep is passed on to its runs; nothing half-written, exit 143") {
    const fs::path dir = fresh("sigterm");
    const char* exe = std::getenv("COGO_EXE");
    REQUIRE(exe != nullptr);
    const pid_t pid = spawn_child(ChildSpec{exe, {"sweep", "--out", dir.string(), "--d", "5", "--width", "16",
                                                  "--steps", "5000000", "--seeds", "1", "--jobs", "1",
                                                  "--executable", exe}, -1, -1});
    // wait until the run's cogo train holds its lock
    bool started = false;
    for (int i = 0; i < 600 && !started; ++i) {
        std::error_code ec;
        if (fs::exists(dir / ".locks" / "g5_q16_wd5e-05_lr0.01_s1.lock", ec)) {
            auto probe = FileLock::try_lock(dir / ".locks" / "g5_q16_wd5e-05_lr0.01_s1.lock");
            started = !probe.has_value();
        }
        if (!started) ::usleep(50000);
    }
    REQUIRE(started);
    ::usleep(200000);
    ::kill(pid, SIGTERM);
    const ChildExit e = wait_child(pid);
    CHECK(e.status() == 128 + SIGTERM);
    // the run was stopped too (its lock is free) and left nothing behind
    CHECK(FileLock::try_lock(dir / ".locks" / "g5_q16_wd5e-05_lr0.01_s1.lock").has_value());
    CHECK_FALSE(fs::exists(dir / "g5_q16_wd5e-05_lr0.01_s1"));
    fs::remove_all(dir);
}
