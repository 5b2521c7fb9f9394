/// \file test_search_command.cpp
/// `cogo search`: bad input is refused; a known small optimum is found, rounded, verified and certified
/// (the certificate re-checked from disk by the independent checker); an impossible width stays UNKNOWN.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_codes.hpp"
#include "cli/search_command.hpp"
#include "support/error.hpp"
#include "verify/certificate_checker.hpp"

#include <nlohmann/json.hpp>

using namespace cogo::cli;

namespace {

/// A search on Z_3 with DC inputs from the given seeds (width 3 and seed 7 find the 3-node optimum).
SearchCommandOptions z3_dc(std::size_t width, const std::string& seeds, std::size_t iterations) {
    SearchCommandOptions o;
    o.group = "3";
    o.width = width;
    o.dc = true;
    o.seeds = seeds;
    o.iterations = iterations;
    return o;
}

}  // namespace

TEST_CASE("search refuses bad seeds and widths") {
    std::ostringstream out;
    SearchCommandOptions o;
    o.seeds = "5-2";
    CHECK_THROWS_AS((void)run_search(o, out), cogo::InvalidInput);
    o.seeds = "1,x";
    CHECK_THROWS_AS((void)run_search(o, out), cogo::InvalidInput);
    o.seeds = "0-5000";
    CHECK_THROWS_AS((void)run_search(o, out), cogo::InvalidInput);
    o.seeds = "99999999999999999999999";
    CHECK_THROWS_AS((void)run_search(o, out), cogo::InvalidInput);
    o.seeds = "1";
    o.group = "17";
    CHECK_THROWS_AS((void)run_search(o, out), cogo::InvalidInput);
}

TEST_CASE("search finds, rounds and certifies the 3-node DC network of Z_3; the certificate is accepted") {
    const std::string path = "test_search_command_z3.json";
    std::remove(path.c_str());
    std::ostringstream out;
    SearchCommandOptions o = z3_dc(3, "7", 5000);
    o.certificate = path;
    const int code = run_search(o, out);
    INFO(out.str());
    REQUIRE(code == exit_ok);
    CHECK(out.str().find("PROVED: seed 7 rounds to an exact network of order 3") != std::string::npos);
    // the written file is re-checked by the independent checker from disk
    const cogo::CertificateCheck check = cogo::check_certificate_file(path);
    CHECK(check.accepted());
    CHECK(check.verdict == "PROVED");
    CHECK(check.group == std::vector<std::uint64_t>{3});
    std::remove(path.c_str());
}

TEST_CASE("a width that cannot reach zero loss is reported UNKNOWN, never as a solution") {
    // width 2 on Z_3 has no zero-loss network (proofs/min_width_bound.cpp: q >= n)
    std::ostringstream out;
    const SearchCommandOptions o = z3_dc(2, "1-3", 300);
    CHECK(run_search(o, out) == exit_unknown);
    CHECK(out.str().find("UNKNOWN") != std::string::npos);
    CHECK(out.str().find("PROVED") == std::string::npos);
}

TEST_CASE("--candidates writes the best runs' weights, whose loss matches the reported one") {
    const std::string path = "test_search_command_candidates.json";
    std::remove(path.c_str());
    std::ostringstream out;
    SearchCommandOptions o = z3_dc(3, "7", 5000);
    o.refine = 1;
    o.candidates = path;
    (void)run_search(o, out);
    std::ifstream in(path);
    REQUIRE(in.good());
    const nlohmann::json c = nlohmann::json::parse(in);
    CHECK(c["format"] == "cogo-search-candidates");
    REQUIRE(c["candidates"].size() == 1);
    const auto& cand = c["candidates"][0];
    REQUIRE(cand["W_a"].size() == 3);
    REQUIRE(cand["V"].size() == 3);
    // the all-pairs loss recomputed here from the written weights (brute force, independent of the search code)
    double total = 0;
    for (int x = 0; x < 3; ++x)
        for (int y = 0; y < 3; ++y) {
            double o_m[3], mean = 0;
            for (int m = 0; m < 3; ++m) {
                o_m[m] = 0;
                for (int j = 0; j < 3; ++j) {
                    const double h = cand["W_a"][j][x].get<double>() + cand["W_b"][j][y].get<double>();
                    o_m[m] += cand["V"][m][j].get<double>() * h * h;
                }
                mean += o_m[m] / 3;
            }
            for (int m = 0; m < 3; ++m) {
                const double e = (m == (x + y) % 3 ? 1.0 : 0.0) - 1.0 / 3;
                total += (o_m[m] - mean - e) * (o_m[m] - mean - e);
            }
        }
    CHECK(total / 9 < 1e-20);
    std::remove(path.c_str());
}

TEST_CASE("the number-field path runs on what pinning leaves, reports the step that failed, and writes nothing") {
    // Z_3, zero-mean, width 6, seed 5: pinning fixes 9 of 12 input entries to simple values; the number-field
    // path refines the other 3 (an isolated point: no slice needed) to ~970 bits, but they satisfy no integer
    // polynomial of degree <= 16 and height < 2^40, so the run stays a numerical candidate (exit 3)
    const std::string path = "test_search_command_nf.json";
    std::remove(path.c_str());
    std::ostringstream out;
    SearchCommandOptions o;
    o.group = "3";
    o.width = 6;
    o.seeds = "5";
    o.iterations = 2000;
    o.refine = 1;
    o.certificate = path;
    CHECK(run_search(o, out) == exit_unknown);
    INFO(out.str());
    CHECK(out.str().find("seed 5: number field: 15 input entries cyclotomic, 3 free") != std::string::npos);
    CHECK(out.str().find("seed 5: refine: 1024 bits, last step 2^-") != std::string::npos);
    CHECK(out.str().find("seed 5: number-field path: recognition: ") != std::string::npos);
    CHECK(out.str().find("PROVED") == std::string::npos);
    CHECK_FALSE(std::ifstream(path).good());  // no certificate without a proof
    // --no-number-field: the path is not tried
    std::ostringstream out2;
    o.number_field = false;
    CHECK(run_search(o, out2) == exit_unknown);
    CHECK(out2.str().find("number field") == std::string::npos);
}
