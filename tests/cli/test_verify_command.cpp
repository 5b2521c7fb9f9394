// Tests for `cogo verify` (src/cli/verify_command.hpp): verdicts and their exit codes, the exact loss, the
// work limit, and the certificate (written, re-checkable; a failed write still reports the verdict).
// The refuted element's loss 2(n-1)/n is the closed form of the all-order-4 construction (README's table).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <numeric>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cogo_process.hpp"
#include "cli/exit_codes.hpp"
#include "cli/verify_command.hpp"
#include "harness/files.hpp"
#include "verify/certificate_checker.hpp"

using namespace cogo;
namespace fs = std::filesystem;

namespace {

cli::VerifyOptions options(const std::string& group, const std::string& solution) {
    cli::VerifyOptions o;
    o.selection.group = group;
    o.selection.solution = solution;
    return o;
}

nlohmann::json run_json(cli::VerifyOptions o, int expected_code) {
    o.json = true;
    std::ostringstream out;
    CHECK(cli::run_verify(o, out) == expected_code);
    return nlohmann::json::parse(out.str());
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("verify: PROVED is exit 0 with exact loss 0") {
    for (const char* group : {"7", "9", "3x3"}) {
        CAPTURE(group);
        const nlohmann::json j = run_json(options(group, "F46"), cli::exit_ok);
        CHECK(j.at("verdict") == "PROVED");
        CHECK(j.at("loss") == "0");
        CHECK(j.at("failing") == 0);
    }
    std::ostringstream out;
    CHECK(cli::run_verify(options("7", "F6"), out) == cli::exit_ok);
    CHECK(contains(out.str(), "PROVED: global optimum, exact loss 0"));
}

TEST_CASE("verify: REFUTED is exit 1 with the exact loss 2(n-1)/n of the all-order-4 element") {
    for (const unsigned n : {5u, 7u, 9u, 11u}) {
        CAPTURE(n);
        const nlohmann::json j = run_json(options(std::to_string(n), "order4"), cli::exit_refuted);
        CHECK(j.at("verdict") == "REFUTED");
        const unsigned num = 2 * (n - 1), g = std::gcd(num, n);
        CHECK(j.at("loss") == std::to_string(num / g) + "/" + std::to_string(n / g));
        CHECK(j.at("counterexample").at("kind") == "bias");  // the bias is what order-4 blocks miss
    }
}

TEST_CASE("verify: beyond --max-terms the verdict is UNKNOWN, exit 3, and no certificate is written") {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-verify-limit-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    cli::VerifyOptions o = options("7", "F6");
    o.limits.max_terms = 800;  // building F6 on Z_7 takes at most 780 terms (195 entries x 2 x 2 bits), verifying it 864
    o.certificate = (dir / "c.json").string();
    const nlohmann::json j = run_json(o, cli::exit_unknown);
    CHECK(j.at("verdict") == "UNKNOWN");
    CHECK_FALSE(j.at("reason").get<std::string>().empty());
    CHECK(j.at("unknown_reason") == "work limit");
    CHECK(j.at("certificate").is_null());
    CHECK_FALSE(fs::exists(dir / "c.json"));
    fs::remove_all(dir);
}

TEST_CASE("verify: beyond --max-memory the verdict is UNKNOWN with the reason memory limit; decided ones have none") {
    cli::VerifyOptions o = options("7", "F6");
    o.limits.max_memory = 100'000;  // building F6 on Z_7 (about 30 KB) fits; its verification (about 190 KB) does not
    const nlohmann::json j = run_json(o, cli::exit_unknown);
    CHECK(j.at("verdict") == "UNKNOWN");
    CHECK(j.at("unknown_reason") == "memory limit");
    CHECK_MESSAGE(j.at("reason").get<std::string>().find("--max-memory") != std::string::npos, j.at("reason"));
    const nlohmann::json decided = run_json(options("7", "F6"), cli::exit_ok);
    CHECK(decided.at("unknown_reason").is_null());
}

TEST_CASE("verify --certificate: written and accepted by the independent checker") {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-verify-cert-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    cli::VerifyOptions o = options("3x3", "min");
    o.certificate = (dir / "c.json").string();
    const nlohmann::json j = run_json(o, cli::exit_ok);
    CHECK(j.at("certificate") == o.certificate);
    CHECK(j.at("certificate_error").is_null());
    const CertificateCheck check = check_certificate_file(o.certificate);
    CHECK(check.accepted());
    CHECK(check.verdict == "PROVED");
    CHECK(check.group == std::vector<std::uint64_t>{3, 3});
    fs::remove_all(dir);
}

TEST_CASE("verify: when the certificate cannot be written the decided verdict is still reported, then exit 2") {
    cli::VerifyOptions o = options("7", "order4");
    o.certificate = "/nonexistent-cogo-dir/c.json";
    std::ostringstream out;
    CHECK(cli::run_verify(o, out) == cli::exit_usage);
    CHECK(contains(out.str(), "REFUTED"));
    CHECK(contains(out.str(), "certificate NOT written: cannot write /nonexistent-cogo-dir/c.json"));
    CHECK_FALSE(contains(out.str(), "certificate written to"));
    const nlohmann::json j = run_json(o, cli::exit_usage);
    CHECK(j.at("verdict") == "REFUTED");
    CHECK(j.at("certificate").is_null());
    CHECK(contains(j.at("certificate_error").get<std::string>(), "/nonexistent-cogo-dir"));
}

TEST_CASE("verify: a file write error names its reason (errno text)") {
    cli::VerifyOptions o = options("5", "F6");
    o.certificate = (fs::temp_directory_path() / std::string(300, 'c')).string();  // longer than NAME_MAX
    std::ostringstream out;
    CHECK(cli::run_verify(o, out) == cli::exit_usage);
    CHECK(contains(out.str(), "PROVED"));
    CHECK(contains(out.str(), ": File name too long"));
}

TEST_CASE("verify on the command line: conflicting or out-of-range group options are refused") {
    const auto both = cogo::test::run_cogo({"verify", "--d", "7", "--group", "9", "--solution", "F6"});
    CHECK(both.code == 2);
    CHECK(contains(both.err, "excludes"));
    const auto huge = cogo::test::run_cogo({"verify", "--d", "1234567890", "--solution", "F6"});
    CHECK(huge.code == 2);
    CHECK(contains(huge.err, "too large"));
    CHECK(contains(huge.err, "4194304"));
    const auto neg = cogo::test::run_cogo({"verify", "--d", "7", "--solution", "F46", "--k0", "-1"});
    CHECK(neg.code == 2);
    CHECK_FALSE(contains(neg.err + neg.out, "18446744073709551615"));
}

TEST_CASE("write_certificate: written, or the reason and its exit code; it never throws the two kinds it maps") {
    const fs::path path = fs::temp_directory_path() / ("cogo_write_certificate_" + std::to_string(::getpid()) + ".txt");
    fs::remove(path);
    const cli::CertificateWrite ok = cli::write_certificate(path.string(), [] { return std::string("certificate\n"); });
    CHECK(ok.error.empty());
    CHECK(ok.code == cli::exit_ok);
    CHECK(cogo::testing::read_file(path) == "certificate\n");
    fs::remove(path);
    const cli::CertificateWrite limit =
        cli::write_certificate(path.string(), []() -> std::string { throw ResourceLimit("too many terms"); });
    CHECK(limit.error == "too many terms");
    CHECK(limit.code == cli::exit_unknown);
    CHECK_FALSE(fs::exists(path));
    const cli::CertificateWrite bad =
        cli::write_certificate(path.string(), []() -> std::string { throw InvalidInput("bad element"); });
    CHECK(bad.error == "bad element");
    CHECK(bad.code == cli::exit_usage);
    CHECK_FALSE(fs::exists(path));
    // a folder that does not exist: the write itself fails
    const cli::CertificateWrite missing =
        cli::write_certificate((path / "no" / "such" / "file").string(), [] { return std::string("x"); });
    CHECK_FALSE(missing.error.empty());
    CHECK(missing.code == cli::exit_usage);  // no such folder: bad input
}
