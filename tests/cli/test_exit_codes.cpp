// The exit-code contract of every subcommand, at the command level (the built executable, COGO_EXE):
// --help 0, a bad option value 2, a missing input file 2, a good run 0, a refuted case 1 and a limit 3 where
// the subcommand has them, standard output on /dev/full non-zero with a message; never 4 (internal error)
// for anything a user can type. Codes: src/cli/exit_codes.hpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cogo_process.hpp"

using cogo::test::CogoRun;
using cogo::test::run_cogo;
using cogo::test::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Runs cogo, checks the exit code (and that an error, code 2, says something on stderr; a verdict, 1 or 3,
/// is the report on stdout); returns the run.
CogoRun expect(int code, const std::vector<std::string>& args) {
    std::string line;
    for (const std::string& a : args) line += a + " ";
    INFO("cogo " << line);
    const CogoRun run = run_cogo(args);
    INFO("stdout: " << run.out.substr(0, 2000));
    INFO("stderr: " << run.err.substr(0, 2000));
    CHECK(run.code == code);
    CHECK(run.code != 4);
    if (code == 2) CHECK_FALSE(run.err.empty());
    if (code == 1 || code == 3) CHECK((run.out.size() + run.err.size()) > 0);
    return run;
}

/// --help prints the usage and the exit-code line and exits 0.
void expect_help(const std::string& command) {
    const CogoRun run = expect(0, {command, "--help"});
    CHECK(contains(run.out, "Usage"));
    CHECK(contains(run.out, "Exit codes"));
}

/// With standard output on /dev/full the command fails (3) and says why on stderr.
void expect_full_stdout(const std::vector<std::string>& args) {
    std::string line;
    for (const std::string& a : args) line += a + " ";
    INFO("cogo " << line << "> /dev/full");
    const CogoRun run = run_cogo(args, "/dev/full");
    INFO("stderr: " << run.err);
    CHECK(run.code == 3);
    CHECK(contains(run.err, "cannot write to standard output: No space left on device"));
}

}  // namespace

TEST_CASE("the top level: --help, --version, no or unknown subcommand") {
    const CogoRun help = expect(0, {"--help"});
    CHECK(contains(help.out, "Exit codes: 0 proved/ok, 1 refuted, 2 usage or bad input, 3 unknown, resource limit or "
                             "standard output not writable, 4 internal error."));
    expect(0, {"--version"});
    expect(2, {});
    expect(2, {"no-such-command"});
    expect_full_stdout({"--help"});
    expect_full_stdout({"verify", "--help"});
}

TEST_CASE("demo") {
    expect_help("demo");
    expect(2, {"demo", "--bogus"});
    const CogoRun run = expect(0, {"demo"});
    CHECK(contains(run.out, "demo: every step gave the expected exact verdict"));
    expect_full_stdout({"demo"});
}

TEST_CASE("theorem1") {
    expect_help("theorem1");
    expect(2, {"theorem1", "--width", "0"});
    expect(2, {"theorem1", "--width", "65"});
    expect(2, {"theorem1", "--seed", "-1"});
    expect(2, {"theorem1", "--seed", "18446744073709551616"});
    CHECK(contains(expect(2, {"theorem1", "--d", "1234567890"}).err, "too large"));
    expect(2, {"theorem1", "--d", "7", "--group", "9"});
    expect(2, {"theorem1", "--d", "65"});  // beyond the exact direct loss's limit: refused, not attempted
    CHECK(contains(expect(0, {"theorem1", "--d", "5"}).out, "PROVED"));
    expect_full_stdout({"theorem1", "--d", "5"});
}

TEST_CASE("verify") {
    expect_help("verify");
    expect(2, {"verify", "--d", "7", "--solution", "F6", "--max-terms", "-1"});
    expect(2, {"verify", "--d", "7", "--solution", "F6", "--max-terms", "18446744073709551616"});
    expect(2, {"verify", "--d", "7", "--solution", "F46", "--k0", "-1"});
    expect(2, {"verify", "--d", "7", "--group", "9", "--solution", "F6"});
    expect(2, {"verify", "--d", "7", "--solution", "no-such-construction"});
    expect(2, {"verify", "--file", "/nonexistent/cogo-element.json"});
    CHECK(contains(expect(0, {"verify", "--d", "7", "--solution", "F6"}).out, "PROVED"));
    CHECK(contains(expect(1, {"verify", "--d", "7", "--solution", "order4"}).out, "REFUTED"));
    CHECK(contains(expect(3, {"verify", "--d", "7", "--solution", "F6", "--max-terms", "800"}).out, "UNKNOWN"));
    expect_full_stdout({"verify", "--d", "7", "--solution", "F6", "--json"});
    expect_full_stdout({"verify", "--d", "7", "--solution", "order4"});  // a REFUTED nobody saw is not exit 1
}

TEST_CASE("construct") {
    TempDir dir("exit-construct");
    expect_help("construct");
    expect(2, {"construct", "--d", "7", "--solution", "F46", "--k0", "-1", "--out", dir / "a"});
    expect(2, {"construct", "--d", "7", "--group", "9", "--solution", "F6", "--out", dir / "a"});
    expect(2, {"construct", "--file", "/nonexistent/cogo-element.json", "--out", dir / "a"});
    expect(2, {"construct", "--d", "7", "--solution", "F6"});  // --out is required
    expect(0, {"construct", "--d", "7", "--solution", "F6", "--out", dir / "good"});
    CHECK(std::filesystem::is_regular_file(dir.path() / "good" / "Wa.npy"));
    expect_full_stdout({"construct", "--d", "7", "--solution", "F6", "--out", dir / "full"});
}

TEST_CASE("check-cert") {
    TempDir dir("exit-check-cert");
    expect_help("check-cert");
    expect(2, {"check-cert"});
    expect(2, {"check-cert", "/nonexistent/certificate.json"});
    expect(0, {"verify", "--d", "7", "--solution", "F6", "--certificate", dir / "f6.json"});
    expect(1, {"verify", "--d", "7", "--solution", "order4", "--certificate", dir / "o4.json"});
    CHECK(contains(expect(0, {"check-cert", dir / "f6.json"}).out, "ACCEPTED"));
    // an accepted REFUTED certificate establishes a refutation: exit 1
    CHECK(contains(expect(1, {"check-cert", dir / "o4.json"}).out, "ACCEPTED"));
    expect_full_stdout({"check-cert", dir / "f6.json"});
    // not JSON at all
    expect(2, {"check-cert", dir.path().string()});
}

TEST_CASE("prove") {
    expect_help("prove");
    expect(2, {"prove", "--bogus"});
    expect(2, {"prove"});
    const CogoRun unknown = expect(2, {"prove", "no_such_proof"});
    CHECK(contains(unknown.err, "unknown proof 'no_such_proof'"));
    CHECK(unknown.out.empty());  // errors go to stderr
    expect(2, {"prove", "homomorphism", "--dir", "/nonexistent-cogo-proofs"});
    CHECK(contains(expect(0, {"prove", "--list"}).out, "odd_d_optima"));
    // a proof program run through cogo (built next to cogo by meson; a missing one is exit 2, "not built")
    CHECK(contains(expect(0, {"prove", "homomorphism"}).out, "PROVED"));
    expect_full_stdout({"prove", "--list"});
    expect_full_stdout({"prove", "homomorphism"});
}

TEST_CASE("train") {
    TempDir dir("exit-train");
    expect_help("train");
    expect(2, {"train", "--steps", "18446744073709551616"});
    expect(2, {"train", "--steps", "1000000000"});
    expect(2, {"train", "--steps", "-1"});
    expect(2, {"train", "--width", "010x"});
    expect(2, {"train", "--lr", "nan"});
    expect(2, {"train", "--test-fraction", "1"});
    expect(2, {"train", "--seed", "-1"});
    expect(2, {"train", "--d", "5", "--group", "7"});
    expect(2, {"train", "--d", "5", "--steps", "5", "--checkpoint", "3"});  // --checkpoint without --out
    expect(2, {"train", "--d", "5", "--steps", "5", "--checkpoint", "-1", "--out", dir / "c"});
    expect(2, {"train", "--d", "5", "--steps", "5", "--out", "/dev/null/cannot"});
    const std::vector<std::string> tiny{"train", "--d", "5", "--width", "8", "--steps", "10", "--no-progress",
                                        "--threads", "1"};
    expect(0, tiny);
    std::vector<std::string> diverged = tiny;
    diverged.insert(diverged.end(), {"--lr", "1e30", "--out", dir / "diverged"});
    CHECK(contains(expect(1, diverged).err, "diverged"));
    const nlohmann::json summary = nlohmann::json::parse(cogo::test::read_text(dir.path() / "diverged" / "summary.json"));
    CHECK(summary.at("diverged") == true);
    expect_full_stdout(tiny);
}

TEST_CASE("crosscheck") {
    TempDir dir("exit-crosscheck");
    expect_help("crosscheck");
    expect(0, {"construct", "--d", "7", "--solution", "F46", "--out", dir / "f46"});
    expect(0, {"construct", "--d", "7", "--solution", "order4", "--out", dir / "o4"});
    for (const char* option : {"--factor-tolerance", "--dead-threshold", "--class-tolerance", "--round-tolerance",
                               "--snap-tolerance", "--r-kkk-tolerance", "--magnitude-tolerance"})
        for (const char* value : {"nan", "-1", "inf", "1e400", "11"}) expect(2, {"crosscheck", dir / "f46", option, value});
    expect(2, {"crosscheck", dir / "f46", "--max-terms", "-1"});
    expect(2, {"crosscheck", dir / "no-such-run"});
    CHECK(contains(expect(0, {"crosscheck", dir / "f46"}).out, "PROVED"));
    CHECK(contains(expect(1, {"crosscheck", dir / "o4"}).out, "REFUTED"));
    expect(3, {"crosscheck", dir / "f46", "--max-terms", "1"});
    expect_full_stdout({"crosscheck", dir / "f46", "--json"});
}

TEST_CASE("sweep and table") {
    TempDir dir("exit-sweep");
    expect_help("sweep");
    expect_help("table");
    expect(2, {"sweep", "--out", dir / "s", "--jobs", "abc"});
    expect(2, {"sweep", "--out", dir / "s", "--threads-per-job", "0"});
    expect(2, {"sweep"});  // --out is required
    const std::vector<std::string> tiny{"sweep", "--out", dir / "s", "--d", "5", "--width", "8", "--steps", "5",
                                        "--seeds", "1", "--jobs", "1"};
    expect(0, tiny);
    expect_full_stdout(tiny);  // nothing left to run, but the report cannot be written
    expect(2, {"table"});
    expect(2, {"table", dir / "no-such-sweep"});
    expect(0, {"table", dir / "s"});
    expect_full_stdout({"table", dir / "s"});
}

TEST_CASE("--json: errors are a JSON object on stdout, with the same exit code") {
    const CogoRun bad = expect(2, {"verify", "--d", "7", "--solution", "no-such-construction", "--json"});
    const nlohmann::json j = nlohmann::json::parse(bad.out);
    CHECK(j.at("exit_code") == 2);
    CHECK(contains(j.at("error").get<std::string>(), "no-such-construction"));
    const CogoRun usage = expect(2, {"verify", "--json", "--max-terms", "-1"});
    CHECK(nlohmann::json::parse(usage.out).at("kind") == "usage");
    const CogoRun cert = expect(2, {"check-cert", "/nonexistent/certificate.json", "--json"});
    CHECK(nlohmann::json::parse(cert.out).at("exit_code") == 2);
}
