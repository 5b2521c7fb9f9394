// Tests for `cogo check-cert` (run_check_cert in src/cli/verify_command.hpp): the exit code follows the
// certificate's verdict (accepted PROVED 0, accepted REFUTED 1, rejected 2), and the report echoes the group
// and the statement that were checked. Certificates are written by verify and then tampered with here.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cogo_process.hpp"
#include "cli/exit_codes.hpp"
#include "cli/verify_command.hpp"
#include "support/error.hpp"
#include "verify/certificate_checker.hpp"

using namespace cogo;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Writes the certificate of `solution` on `group` into dir; returns its path.
std::string certificate(const cogo::test::TempDir& dir, const std::string& group, const std::string& solution) {
    cli::VerifyOptions o;
    o.selection.group = group;
    o.selection.solution = solution;
    o.certificate = dir / (solution + "_" + group + ".json");
    std::ostringstream out;
    (void)cli::run_verify(o, out);
    REQUIRE(fs::is_regular_file(o.certificate));
    return o.certificate;
}

void write(const std::string& path, const nlohmann::json& j) { std::ofstream(path) << j.dump(); }

}  // namespace

TEST_CASE("exit_code of a certificate check: the certified verdict decides, a rejection is bad input") {
    CertificateCheck c;
    CHECK(cli::exit_code(c) == cli::exit_usage);  // a default check is a rejection, never an acceptance
    c.accept(cogo::Verdict::proved);
    CHECK(c.accepted());
    CHECK(cli::exit_code(c) == cli::exit_ok);
    c.accept(cogo::Verdict::refuted);
    CHECK(cli::exit_code(c) == cli::exit_refuted);
    c.accept(cogo::Verdict::unknown);  // PARTIAL: no verdict on the whole claim
    CHECK(cli::exit_code(c) == cli::exit_unknown);
    c.verdict = "PROVED";  // the certificate's own string does not decide: the status does
    c.fail(cogo::CheckStatus::rejected, "claimed value differs");
    CHECK_FALSE(c.accepted());
    CHECK(c.certified == cogo::Verdict::unknown);
    CHECK(cli::exit_code(c) == cli::exit_usage);
    c.fail(cogo::CheckStatus::limit, "more than max_work");
    CHECK(cli::exit_code(c) == cli::exit_unknown);
    CHECK(std::string(cogo::check_status_name(c.status)) == "LIMIT");
}

TEST_CASE("check-cert: an accepted PROVED certificate is exit 0 and names its group and statement") {
    cogo::test::TempDir dir("check-cert-proved");
    const std::string path = certificate(dir, "7", "F6");
    std::ostringstream out;
    CHECK(cli::run_check_cert(path, false, out) == cli::exit_ok);
    CHECK(contains(out.str(), "group Z_7, verdict PROVED"));
    CHECK(contains(out.str(), "statement: l(z) = 0 for z_F6"));
    CHECK(contains(out.str(), "ACCEPTED"));

    const std::string product = certificate(dir, "3x3", "min");
    std::ostringstream out2;
    CHECK(cli::run_check_cert(product, true, out2) == cli::exit_ok);
    const nlohmann::json j = nlohmann::json::parse(out2.str());
    CHECK(j.at("accepted") == true);
    CHECK(j.at("group") == "3x3");
    CHECK(contains(j.at("statement").get<std::string>(), "Z_3 x Z_3"));
    std::ostringstream out3;
    (void)cli::run_check_cert(product, false, out3);
    CHECK(contains(out3.str(), "group Z_3 x Z_3"));
}

TEST_CASE("check-cert: an accepted REFUTED certificate is exit 1") {
    cogo::test::TempDir dir("check-cert-refuted");
    const std::string path = certificate(dir, "7", "order4");
    std::ostringstream out;
    CHECK(cli::run_check_cert(path, false, out) == cli::exit_refuted);
    CHECK(contains(out.str(), "verdict REFUTED"));
    CHECK(contains(out.str(), "ACCEPTED"));
    // the same through the executable
    CHECK(cogo::test::run_cogo({"check-cert", path}).code == 1);
}

TEST_CASE("check-cert: a tampered certificate is REJECTED, exit 2, with the reason") {
    cogo::test::TempDir dir("check-cert-tampered");
    const std::string path = certificate(dir, "7", "F6");
    nlohmann::json j = nlohmann::json::parse(cogo::test::read_text(path));

    nlohmann::json flipped = j;  // a PROVED certificate relabelled REFUTED (no counterexample)
    flipped["verdict"] = "REFUTED";
    write(dir / "flipped.json", flipped);
    std::ostringstream out;
    CHECK(cli::run_check_cert(dir / "flipped.json", false, out) == cli::exit_usage);
    CHECK(contains(out.str(), "REJECTED: "));

    nlohmann::json value = j;  // one condition's claimed value changed
    value["conditions"][0]["value"] = nlohmann::json::array({"5"});
    write(dir / "value.json", value);
    std::ostringstream out2;
    CHECK(cli::run_check_cert(dir / "value.json", false, out2) == cli::exit_usage);
    CHECK(contains(out2.str(), "REJECTED: "));
    CHECK(contains(out2.str(), "group Z_7"));  // still says what it looked at
}

TEST_CASE("check-cert: a certificate beyond the checker's bounds is LIMIT, exit 3, neither accepted nor rejected") {
    cogo::test::TempDir dir("check-cert-limit");
    const std::string path = certificate(dir, "7", "F6");
    nlohmann::json j = nlohmann::json::parse(cogo::test::read_text(path));
    j["field"] = std::uint64_t{1} << 33;  // beyond the checker's Q(zeta_2^32)
    write(dir / "huge.json", j);
    std::ostringstream out;
    CHECK(cli::run_check_cert(dir / "huge.json", false, out) == cli::exit_unknown);
    CHECK(contains(out.str(), "LIMIT: "));
    CHECK_FALSE(contains(out.str(), "ACCEPTED"));
    const auto run = cogo::test::run_cogo({"check-cert", dir / "huge.json", "--json"});
    CHECK(run.code == 3);
    const nlohmann::json report = nlohmann::json::parse(run.out);
    CHECK(report["status"] == "LIMIT");
    CHECK(report["accepted"] == false);
}

TEST_CASE("check-cert: the statement is echoed but bounded, and not part of what is checked") {
    cogo::test::TempDir dir("check-cert-statement");
    nlohmann::json j = nlohmann::json::parse(cogo::test::read_text(certificate(dir, "5", "F6")));
    j["statement"] = std::string(100000, 's');
    write(dir / "long.json", j);
    std::ostringstream out;
    CHECK(cli::run_check_cert(dir / "long.json", false, out) == cli::exit_ok);
    CHECK(out.str().size() < 2000);
    CHECK(contains(out.str(), "sss..."));
    j["statement"] = "a\x1b[2Jb\nc";  // terminal escapes and newlines are not replayed
    write(dir / "escape.json", j);
    std::ostringstream out2;
    CHECK(cli::run_check_cert(dir / "escape.json", false, out2) == cli::exit_ok);
    CHECK(contains(out2.str(), "statement: a?[2Jb?c\n"));
}

TEST_CASE("check-cert: not a certificate at all") {
    cogo::test::TempDir dir("check-cert-bad");
    std::ofstream(dir / "not.json") << "not json";
    std::ostringstream out;
    CHECK_THROWS_AS((void)cli::run_check_cert(dir / "not.json", false, out), InvalidInput);
    CHECK_THROWS_AS((void)cli::run_check_cert(dir / "missing.json", false, out), InvalidInput);
    const auto run = cogo::test::run_cogo({"check-cert", dir / "missing.json"});
    CHECK(run.code == 2);
    CHECK(contains(run.err, "missing.json"));
}
