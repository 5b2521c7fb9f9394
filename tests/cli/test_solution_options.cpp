// Tests of cli/solution_options: the named constructions beyond the paper's table (cyclic, order8, syn-dc)
// selected by name, verified exactly, and their malformed parameters refused.
#include <doctest/doctest.h>

#include <string>

#include "cli/solution_options.hpp"
#include "support/error.hpp"
#include "verify/verify.hpp"

using namespace cogo;
using cogo::cli::SolutionOptions;

namespace {

SolutionOptions named(const std::string& group, const std::string& name) {
    SolutionOptions o;
    o.group = group;
    o.solution = name;
    return o;
}

Verdict verdict_of(const SolutionOptions& o) { return verify_global_optimum(cli::select_element(o).z).verdict; }

}  // namespace

TEST_CASE("cyclic: the default C_7(1, 3) is PROVED, a pair failing the condition is REFUTED, bad input refused") {
    SolutionOptions o = named("11", "cyclic");
    CHECK(verdict_of(o) == Verdict::proved);
    CHECK(cli::select_element(o).z.order() == 7 * 5);
    o.q = 8;
    o.pairs = "1:3,0:1";  // 0:1 has a'bc exponent 0
    CHECK(verdict_of(o) == Verdict::refuted);
    CHECK(cli::select_element(o).description.find("0:1 fail") != std::string::npos);
    for (const char* bad : {"1", "1:", ":3", "1:3,", "a:b", "1:99999999999", "1:3:4"}) {
        o.pairs = bad;
        CAPTURE(bad);
        CHECK_THROWS_AS((void)cli::select_element(o), InvalidInput);
    }
    o.pairs = "1:3";
    o.q = 0;
    CHECK_THROWS_AS((void)cli::select_element(o), InvalidInput);
    CHECK_THROWS_AS((void)cli::select_element(named("12", "cyclic")), InvalidInput);  // even order
}

TEST_CASE("order8: PROVED for real and complex a; a zero or malformed a refused") {
    SolutionOptions o = named("7", "order8");
    CHECK(verdict_of(o) == Verdict::proved);
    o.a = "2@1/5,-1/3@3/7";
    o.xi = "1/8,1/5";
    o.sign = "1,-1";
    CHECK(verdict_of(o) == Verdict::proved);
    for (const char* bad : {"0", "0@1/3", "2@", "x", "2@1/0", ""}) {
        o.a = bad;
        CAPTURE(bad);
        CHECK_THROWS_AS((void)cli::select_element(o), InvalidInput);
    }
}

TEST_CASE("syn-dc: Z_3, Z_9, Z_3 x Z_3 PROVED; groups without an order-3 frequency and alpha = 0 refused") {
    for (const char* g : {"3", "9", "3x3", "15"}) {
        CAPTURE(g);
        CHECK(verdict_of(named(g, "syn-dc")) == Verdict::proved);
    }
    SolutionOptions o = named("3", "syn-dc");
    CHECK(cli::select_element(o).z.order() == 3);
    o.dc_alpha = "-7/2";
    CHECK(verdict_of(o) == Verdict::proved);
    o.dc_alpha = "0";
    CHECK_THROWS_AS((void)cli::select_element(o), InvalidInput);
    CHECK_THROWS_AS((void)cli::select_element(named("5", "syn-dc")), InvalidInput);
    CHECK_THROWS_AS((void)cli::select_element(named("6", "syn-dc")), InvalidInput);
}
