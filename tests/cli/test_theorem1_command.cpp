// Tests for src/cli/theorem1_command.hpp: the report of `cogo theorem1`, its exit code, and that the seed a
// user types is the seed used (exactly, over the whole 64-bit range).
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "algebra/direct_loss.hpp"
#include "cli/cogo_process.hpp"
#include "cli/exit_codes.hpp"
#include "cli/theorem1_command.hpp"
#include "algebra/random_weights.hpp"
#include "group/abelian_group.hpp"

using namespace cogo;

namespace {

nlohmann::json run_json(const cli::Theorem1Options& options, int expected_code = cli::exit_ok) {
    cli::Theorem1Options o = options;
    o.json = true;
    std::ostringstream out;
    CHECK(cli::run_theorem1(o, out) == expected_code);
    return nlohmann::json::parse(out.str());
}

/// The direct loss of the network the seed draws, computed here from the library's pieces.
std::string direct_loss_of(const std::string& group_spec, std::size_t width, std::uint64_t seed, bool zero_mean) {
    const AbelianGroup group = AbelianGroup::parse(group_spec);
    std::mt19937_64 rng(seed);
    return direct_loss(group, random_rational_weights(rng, group, width, zero_mean)).to_string();
}

}  // namespace

TEST_CASE("theorem1: the Fourier formula equals the direct loss, exit 0, on cyclic and product groups") {
    for (const char* group : {"5", "2x4", "3x3"}) {
        for (const bool zero_mean : {false, true}) {
            CAPTURE(group);
            CAPTURE(zero_mean);
            cli::Theorem1Options o;
            o.group = group;
            o.width = 2;
            o.seed = 7;
            o.zero_mean = zero_mean;
            const nlohmann::json j = run_json(o);
            CHECK(j.at("verdict") == "PROVED");
            CHECK(j.at("group") == AbelianGroup::parse(group).spec());
            CHECK(j.at("direct_loss") == j.at("fourier_loss_general"));
            CHECK(j.at("direct_loss") == direct_loss_of(group, 2, 7, zero_mean));
            CHECK(j.at("dc_inputs") == !zero_mean);
            if (zero_mean) CHECK(j.at("fourier_loss_zero_mean") == j.at("direct_loss"));
            else CHECK(j.at("fourier_loss_zero_mean").is_null());
        }
    }
}

TEST_CASE("theorem1: the text report names the group, the seed and the verdict") {
    cli::Theorem1Options o;
    o.group = "7";
    o.seed = 3;
    std::ostringstream out;
    CHECK(cli::run_theorem1(o, out) == cli::exit_ok);
    CHECK(out.str().find("Theorem 1 (L2 loss decoupling) on Z_7") != std::string::npos);
    CHECK(out.str().find("(seed 3)") != std::string::npos);
    CHECK(out.str().find("PROVED: the formulas agree exactly") != std::string::npos);
    CHECK(out.str().find(direct_loss_of("7", 3, 3, false)) != std::string::npos);
}

TEST_CASE("theorem1 on the command line: the seed is exact over 0..2^64-1, anything else is refused") {
    const auto max = cogo::test::run_cogo({"theorem1", "--d", "5", "--seed", "18446744073709551615", "--json"});
    REQUIRE(max.code == 0);
    const nlohmann::json j = nlohmann::json::parse(max.out);
    CHECK(j.at("seed").get<std::uint64_t>() == 18446744073709551615ULL);
    CHECK(j.at("direct_loss") == direct_loss_of("5", 3, 18446744073709551615ULL, false));
    // leading zeros are decimal, not octal: 010 is seed 10
    const auto ten = cogo::test::run_cogo({"theorem1", "--d", "5", "--seed", "010", "--json"});
    REQUIRE(ten.code == 0);
    CHECK(nlohmann::json::parse(ten.out).at("seed") == 10);
    CHECK(nlohmann::json::parse(ten.out).at("direct_loss") == direct_loss_of("5", 3, 10, false));
    for (const char* bad : {"-1", "18446744073709551616", "1e3", "0x10", "", "1.5"}) {
        CAPTURE(bad);
        const auto run = cogo::test::run_cogo({"theorem1", "--d", "5", "--seed", bad});
        CHECK(run.code == 2);
        CHECK(run.err.find("--seed") != std::string::npos);
    }
    CHECK(cogo::test::run_cogo({"theorem1", "--d", "5", "--width", "0"}).code == 2);
    CHECK(cogo::test::run_cogo({"theorem1", "--d", "5", "--width", "65"}).code == 2);
    CHECK(cogo::test::run_cogo({"theorem1", "--d", "5", "--group", "7"}).code == 2);
}
