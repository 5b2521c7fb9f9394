// Resource limits of `cogo verify` / `cogo construct` (cli/limit_options.hpp, support/resource_limits.hpp):
// exact parsing of --max-terms / --max-memory, every phase refused BEFORE it runs when its estimate exceeds
// a limit (exit 3), and the exit-code contract of the reproductions (bad input 2, limits 3, never 4).
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "cli/construct_command.hpp"
#include "cli/limit_options.hpp"
#include "construct/element_cost.hpp"
#include "cli/verify_command.hpp"
#include "support/error.hpp"

using namespace cogo;
namespace fs = std::filesystem;

namespace {

cli::SolutionOptions solution(const std::string& group, const std::string& name) {
    cli::SolutionOptions o;
    o.group = group;
    o.solution = name;
    return o;
}

/// Exit status of `cogo ARGS` (stdout and stderr discarded).
int cogo_exit(const std::string& args) {
    const char* exe = std::getenv("COGO_EXE");
    REQUIRE_MESSAGE(exe != nullptr, "COGO_EXE must name the cogo executable (set by meson)");
    const int status = std::system((std::string("'") + exe + "' " + args + " > /dev/null 2>&1").c_str());
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("--max-terms and --max-memory are parsed exactly; -1 is refused, not unlimited") {
    CHECK(cli::parse_terms_limit("0") == 0);
    CHECK(cli::parse_terms_limit("400000000") == 400'000'000);
    CHECK(cli::parse_terms_limit("18446744073709551614") == 18446744073709551614ULL);
    CHECK(cli::parse_terms_limit("unlimited") == ResourceLimits::unlimited);
    for (const char* bad : {"-1", "", "+5", "1e9", "1.5", "10 ", " 10", "18446744073709551615", "18446744073709551616",
                            "99999999999999999999999", "0x10", "unlimite", "5k"}) {
        CAPTURE(std::string(bad));
        CHECK_THROWS_AS(static_cast<void>(cli::parse_terms_limit(bad)), InvalidInput);
    }
    CHECK(cli::parse_memory_limit("1000") == 1000);
    CHECK(cli::parse_memory_limit("512M") == (std::uint64_t{512} << 20));
    CHECK(cli::parse_memory_limit("4G") == (std::uint64_t{4} << 30));
    CHECK(cli::parse_memory_limit("2k") == 2048);
    CHECK(cli::parse_memory_limit("1T") == (std::uint64_t{1} << 40));
    CHECK(cli::parse_memory_limit("unlimited") == ResourceLimits::unlimited);
    for (const char* bad : {"-1", "-1G", "", "G", "1.5G", "4GB", "16777216T", "18446744073709551615", "1 G"}) {
        CAPTURE(std::string(bad));
        CHECK_THROWS_AS(static_cast<void>(cli::parse_memory_limit(bad)), InvalidInput);
    }
}

TEST_CASE("building an element is refused before it starts when its estimate exceeds the limits") {
    ResourceLimits tight;
    tight.max_terms = 10;
    // z_F6 with nu = 1/349525 lives in Q(zeta_1048575), degree 480,000: refused under --max-terms 10
    cli::SolutionOptions f6 = solution("7", "F6");
    f6.nu = "1/349525";
    CHECK_THROWS_AS(static_cast<void>(cli::select_element(f6, tight)), ResourceLimit);
    // and under the default limits too: building it is products in a field of degree 480,000, each about
    // 480,000 x 19 coefficient operations (build_terms), so its 195 entries at most come to about 1.8e9
    // terms (it used to be built, 14 s, before the verification's estimate refused it)
    CHECK_THROWS_AS(static_cast<void>(cli::select_element(f6)), ResourceLimit);
    ElementCost c = make_cost(22, 195, 1048575);
    CHECK(c.field_degree == 480000);
    CHECK(c.build_terms() == std::uint64_t{195} * 480000 * 19);
    // Z_4194303: 12.6 million nodes, refused with --max-terms 1000 and with the default memory limit alike
    ResourceLimits thousand;
    thousand.max_terms = 1000;
    CHECK_THROWS_AS(static_cast<void>(cli::select_element(solution("4194303", "F6"), thousand)), ResourceLimit);
    CHECK_THROWS_AS(static_cast<void>(cli::select_element(solution("4194303", "F6"))), ResourceLimit);
    // z_M on Z_101: 10,201 nodes of 300 entries in Q(zeta_101) (about 2.8 GB): refused by the default memory limit
    CHECK_THROWS_AS(static_cast<void>(cli::select_element(solution("101", "M"))), ResourceLimit);
    // a turn needing a field beyond the largest built: FieldTooLarge (a ResourceLimit, exit 3)
    cli::SolutionOptions beyond = solution("7", "F6");
    beyond.nu = "1/2000003";
    CHECK_THROWS_AS(static_cast<void>(cli::select_element(beyond)), FieldTooLarge);
    // --expr takes the limits too
    cli::SolutionOptions expr;
    expr.group = "7";
    expr.expr = "sum(nu(1/349525) * syn) / 6";
    CHECK_THROWS_AS(static_cast<void>(cli::select_element(expr, tight)), ResourceLimit);
    // the documented examples fit the defaults
    CHECK(cli::select_element(solution("23", "M")).z.order() == 529);
    CHECK(cli::select_element(solution("127", "F46")).z.order() == 254);
}

TEST_CASE("verification beyond the limits is UNKNOWN (exit 3) before any condition is computed") {
    // z_M on Z_23: building it takes 34,914 entries x phi(23) = 22 x bit_width(22) = 5 terms (3,840,540),
    // verifying it at least 529 x 22 x 3 x 22^2 = 16,897,992 scalar products x 22 (371,755,824 terms): over
    // five million, refused
    cli::VerifyOptions o;
    o.selection = solution("23", "M");
    o.limits.max_terms = 5'000'000;
    std::ostringstream out;
    CHECK(cli::run_verify(o, out) == 3);
    CHECK_MESSAGE(out.str().find("UNKNOWN: verifying (") != std::string::npos, out.str());
    CHECK(out.str().find("scalar products in Q(zeta_23), degree 22) would take about 371,") != std::string::npos);
    CHECK(out.str().find("coefficient terms, more than --max-terms 5,000,000") != std::string::npos);
    // and the build estimate itself refuses below it
    o.limits.max_terms = 3'840'539;
    CHECK_THROWS_AS(static_cast<void>(cli::run_verify(o, out)), ResourceLimit);
    // z_F6 on Z_7: about 30 KB to build, about 190 KB of conditions to verify
    cli::VerifyOptions m;
    m.selection = solution("7", "F6");
    m.limits.max_memory = 100'000;
    std::ostringstream out2;
    CHECK(cli::run_verify(m, out2) == 3);
    CHECK_MESSAGE(out2.str().find("more than --max-memory") != std::string::npos, out2.str());
    // z_M on Z_23 (over 20 s of exact arithmetic) is UNKNOWN under the default limits, at once
    cli::VerifyOptions m23;
    m23.selection = solution("23", "M");
    std::ostringstream out4;
    CHECK(cli::run_verify(m23, out4) == 3);
    CHECK(out4.str().find("more than --max-terms 100,000,000") != std::string::npos);
    // within the limits: decided
    cli::VerifyOptions ok;
    ok.selection = solution("7", "F6");
    std::ostringstream out3;
    CHECK(cli::run_verify(ok, out3) == 0);
}

TEST_CASE("construct is bounded too and writes nothing when refused") {
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-limits-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    cli::ConstructOptions o;
    o.selection = solution("23", "M");
    o.out = dir.string();
    o.limits.max_terms = 1000;
    std::ostringstream out;
    CHECK_THROWS_AS(static_cast<void>(cli::run_construct(o, out)), ResourceLimit);
    CHECK_FALSE(fs::exists(dir));
    o.selection = solution("101", "M");
    o.limits = {};
    CHECK_THROWS_AS(static_cast<void>(cli::run_construct(o, out)), ResourceLimit);
    CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("exit codes of the reproductions: bad input 2, limits 3, never 4") {
    // false PROVED from wrapped integers: now REFUTED (exit 1)
    CHECK(cogo_exit("verify --d 7 --expr '65536*65536*65536*65536*sum(nu(1/3)*syn)/6 + sum(nu(1/3)*syn)/6'") == 1);
    const std::string F = "3*5*17*257*641*65537*6700417";
    CHECK(cogo_exit("verify --d 7 --expr '" + F + "*" + F + "*sum(nu(1/3)*syn)/6'") == 1);
    CHECK(cogo_exit("verify --d 7 --expr 'sum(nu(1/3)*syn)/6'") == 0);
    // limits
    CHECK(cogo_exit("verify --d 7 --solution F6 --max-terms -1") == 2);
    CHECK(cogo_exit("verify --d 7 --solution F6 --max-terms unlimited") == 0);
    CHECK(cogo_exit("verify --d 7 --solution F6 --max-memory -5") == 2);
    CHECK(cogo_exit("verify --d 7 --solution F6 --nu 1/349525 --max-terms 10") == 3);
    CHECK(cogo_exit("verify --d 4194303 --solution F6 --max-terms 1000") == 3);
    CHECK(cogo_exit("verify --d 7 --solution F6 --nu 1/2000003") == 3);
    CHECK(cogo_exit("construct --d 23 --solution M --max-terms 1000 --out /nonexistent-cogo-dir/x") == 3);
    CHECK(cogo_exit("verify --d 7 --solution F46 --k0 -1") == 2);
    CHECK(cogo_exit("verify --d 7 --solution F46 --k0 99999999999999999999") == 2);
    CHECK(cogo_exit("verify --d 7 --solution F46 --k0 2") == 0);
    // bounded parsing
    CHECK(cogo_exit("verify --d 7 --expr \"$(printf '%.0s(' $(seq 10000))syn@1$(printf '%.0s)' $(seq 10000))\"") == 2);
    CHECK(cogo_exit("verify --d 7 --expr 'syn@1 / 2^70000'") == 2);
}
