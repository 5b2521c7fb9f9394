// cogo demo's output folder: created, replaced whole when it is a previous demo's, never when it holds
// anything else; the exact part (--no-train) gives the expected verdicts and keeps the certificate.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "cli/demo_command.hpp"
#include "support/error.hpp"

using namespace cogo;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const char* tag) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-demo-" + std::string(tag) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    return dir;
}
}  // namespace

TEST_CASE("demo --no-train: expected verdicts, certificate and marker written, folder replaced whole on re-run") {
    const fs::path dir = fresh_dir("ok");
    cli::DemoOptions o;
    o.out = dir.string();
    o.train = false;
    std::ostringstream out;
    CHECK(cli::run_demo(o, out) == 0);
    CHECK(out.str().find("writing into " + dir.string() + "/") != std::string::npos);
    CHECK(out.str().find("demo: every step gave the expected exact verdict") != std::string::npos);
    CHECK(out.str().find("exact loss 44/23") != std::string::npos);
    CHECK(fs::is_regular_file(dir / cli::kDemoMarker));
    CHECK(fs::is_regular_file(dir / "f6_z23_certificate.json"));
    std::ofstream(dir / "stale.txt") << "from an earlier run\n";
    std::ostringstream again;
    CHECK(cli::run_demo(o, again) == 0);
    CHECK_FALSE(fs::exists(dir / "stale.txt"));  // replaced whole
    CHECK(fs::is_regular_file(dir / "f6_z23_certificate.json"));
    fs::remove_all(dir);
}

TEST_CASE("demo refuses a non-empty folder it did not write, and a file, leaving them untouched") {
    const fs::path dir = fresh_dir("foreign");
    fs::create_directories(dir);
    std::ofstream(dir / "thesis.tex") << "precious\n";
    cli::DemoOptions o;
    o.out = dir.string();
    o.train = false;
    std::ostringstream out;
    CHECK_THROWS_AS(cli::run_demo(o, out), InvalidInput);
    CHECK(fs::is_regular_file(dir / "thesis.tex"));
    CHECK_FALSE(fs::exists(dir / cli::kDemoMarker));
    o.out = (dir / "thesis.tex").string();
    CHECK_THROWS_AS(cli::run_demo(o, out), InvalidInput);
    CHECK(fs::file_size(dir / "thesis.tex") == 9);
    fs::remove_all(dir);
}
