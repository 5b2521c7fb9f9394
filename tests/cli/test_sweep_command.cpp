// Tests for src/cli/sweep_command.hpp: a tiny sweep end to end (real `cogo train` processes, the executable
// named by COGO_EXE), resuming, shards, and bad input.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <unistd.h>

#include "cli/sweep_command.hpp"
#include "io/atomic_file.hpp"
#include "support/error.hpp"
#include "train/sweep.hpp"

using namespace cogo;
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
