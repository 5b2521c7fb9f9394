// Tests for src/cli/main.cpp at the command level (the built executable, COGO_EXE): the one table of
// subcommands is what `cogo --help` lists and what runs, each name once, each with its own --help; an
// error's exit code does not depend on the subcommand that met it ("field too large" is a resource
// limit, exit 3, wherever a field beyond the largest is asked for).
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "cli/cogo_process.hpp"

using cogo::test::CogoRun;
using cogo::test::run_cogo;
using cogo::test::TempDir;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("cogo --help lists every subcommand of the table once, with its one-line help") {
    const CogoRun help = run_cogo({"--help"});
    REQUIRE(help.code == 0);
    // name and the start of its help line, as a user reads them (independently of the table's order)
    const std::vector<std::pair<std::string, std::string>> expected{
        {"demo", "Run the main job on a default"},
        {"theorem1", "Check Theorem 1"},
        {"verify", "Decide exactly whether an element is a global optimum"},
        {"kills", "Kill table"},
        {"path", "Theorem 5: verify the zero-loss path"},
        {"norm", "Orbit-minimal L2 weight norm"},
        {"construct", "Write a construction's real weights"},
        {"train", "Train the 2-layer quadratic network"},
        {"sweep", "Train over a grid"},
        {"table", "Aggregate a sweep's cross-checks"},
        {"crosscheck", "Cross-check trained weights"},
        {"check-cert", "Re-check a certificate"},
        {"prove", "List (--list) or run the machine-checked proofs"},
    };
    for (const auto& [name, line] : expected) {
        INFO(name);
        CHECK(help.out.find("  " + name + " ") != std::string::npos);
        CHECK(count(help.out, line) == 1);
        const CogoRun sub = run_cogo({name, "--help"});
        CHECK(sub.code == 0);
        CHECK(sub.out.find(line) != std::string::npos);  // the subcommand's own help starts with its line
        CHECK(sub.out.find("Exit codes") != std::string::npos);
    }
    const CogoRun unknown = run_cogo({"no-such-subcommand"});
    CHECK(unknown.code == 2);
}

TEST_CASE("a field beyond the largest is a resource limit (exit 3) in every subcommand that builds one") {
    TempDir dir("field-too-large");
    // Q(zeta_2000000) is beyond Cyclotomic::max_field_order; 10^23 does not even fit an unsigned long
    const std::vector<std::vector<std::string>> cases{
        {"verify", "--d", "7", "--expr", "nu(1/2000000)@1"},
        {"verify", "--d", "7", "--solution", "F6", "--nu", "1/99999999999999999999999"},
        {"verify", "--d", "7", "--solution", "F6", "--nu", "1/2000000", "--json"},
        {"construct", "--d", "7", "--solution", "F6", "--nu", "1/99999999999999999999999", "--out", dir / "c"},
        {"norm", "--d", "7", "--expr", "nu(1/2000000)@1"},
    };
    for (const auto& args : cases) {
        std::string line;
        for (const std::string& a : args) line += a + " ";
        INFO("cogo " << line);
        const CogoRun run = run_cogo(args);
        INFO("stdout: " << run.out.substr(0, 1000));
        INFO("stderr: " << run.err.substr(0, 1000));
        CHECK(run.code == 3);
        CHECK(run.err.find("cogo: resource limit: ") != std::string::npos);
    }
}
