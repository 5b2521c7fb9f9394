// Tests of `cogo kills` (cli/kills_command) and construct/kill_table.hpp: the paper's table reproduced
// (expected kill sets typed from docs/theory.md section 5, not from the code), the composition lemma on
// products, the formats, bad options.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/kills_command.hpp"
#include "construct/kill_table.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/symbolic.hpp"
#include "support/error.hpp"

using namespace cogo;

namespace {

std::set<std::string> names_of(const std::vector<BlockPotential>& ps) {
    std::set<std::string> out;
    for (BlockPotential p : ps) out.insert(block_potential_name(p));
    return out;
}

nlohmann::json run_json(cli::KillsOptions o) {
    o.json = true;
    std::ostringstream out;
    REQUIRE(cli::run_kills(o, out) == 0);
    return nlohmann::json::parse(out.str());
}

}  // namespace

TEST_CASE("the paper's table, for generic parameters: kill sets as docs/theory.md section 5 states them") {
    const auto rows = paper_kill_table<Symbolic>(Symbolic::unit_modulus("nu"), Symbolic::unit_modulus("xi"), Symbolic::unit_modulus("alpha"),
                                                 Symbolic::unit_modulus("beta"), Symbolic::complex_variable("a"));
    const std::set<std::string> R_c = {"a'bc", "ab'c", "a'b'c"}, R_n = {"|a|^2c", "|b|^2c"},
                                R_star_plus = {"a^2c", "b^2c"}, R_star_minus = {"a'^2c", "b'^2c"};
    auto join = [](std::initializer_list<std::set<std::string>> sets) {
        std::set<std::string> out;
        for (const auto& s : sets) out.insert(s.begin(), s.end());
        return out;
    };
    const std::set<std::string> everything_but_abc = join({R_c, R_n, R_star_plus, R_star_minus});
    // z_xi kills abc' = conj(a'b'c); z_{syn,ab} kills abc' and R_n; z_{nu=i} kills a'bc, ab'c and R_*.
    const std::vector<std::pair<std::string, std::set<std::string>>> expected = {
        {"z_syn", join({R_c, R_n, R_star_minus})},
        {"z_nu", R_star_plus},
        {"z_{nu=i}", join({{"a'bc", "ab'c"}, R_star_plus, R_star_minus})},
        {"z_xi (s = +1)", {"a'b'c"}},
        {"z_xi (s = -1)", {"a'b'c"}},
        {"z_{syn,ab}", join({{"a'b'c"}, R_n})},
        {"z_n", R_n},
        {"z_nu * z_syn", everything_but_abc},
        {"z_{nu=i} * z_{syn,ab}", everything_but_abc},
        {"z_{nu=i} * z_xi (s = +1)", join({R_c, R_star_plus, R_star_minus})},
        {"z_n * z_{nu=i} * z_xi (s = +1)", everything_but_abc},
        {"C_7(1, 3)", everything_but_abc},
    };
    REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CAPTURE(rows[i].name);
        CHECK(rows[i].name == expected[i].first);
        CHECK(names_of(rows[i].killed) == expected[i].second);
        CHECK_FALSE(rows[i].kills(BlockPotential::abc));
    }
    // the leaves the table states: r_kkk = 3 for z_syn, 2 for the order-2 generators, 4 * (1 + i) bias for z_nu=i z_xi
    CHECK((rows[0].values[BlockPotential::abc] - Symbolic(3)).is_zero());
    CHECK((rows[1].values[BlockPotential::abc] - Symbolic(2)).is_zero());
    CHECK((rows[9].values.bias() - Symbolic(4) * (Symbolic(1) + Symbolic::zeta(4, 1))).is_zero());
}

TEST_CASE("composition lemma: K(z1 z2) = K(z1) u K(z2) and p(z1 z2) = p(z1) p(z2), computed on products") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const Element<Cyclotomic> factors[] = {z_syn<Cyclotomic>(g, 2), z_nu<Cyclotomic>(g, 2, Cyclotomic::zeta(5, 1)),
                                           z_xi<Cyclotomic>(g, 2, Cyclotomic::zeta(8, 3), -1), z_n<Cyclotomic>(g, 2, Cyclotomic(3)),
                                           z_syn_ab<Cyclotomic>(g, 2, Cyclotomic::zeta(4, 1), Cyclotomic::zeta(7, 2))};
    for (const auto& z1 : factors)
        for (const auto& z2 : factors) {
            const auto c = composition_check(z1, z2, 2);
            CHECK(c.multiplicative);
            CHECK(c.union_of_kills);
            std::set<std::string> expected = names_of(c.first.killed);
            const auto second = names_of(c.second.killed);
            expected.insert(second.begin(), second.end());
            CHECK(names_of(c.product.killed) == expected);
        }
}

TEST_CASE("cogo kills on an element: z_F6 kills all nine at every frequency pair; json and latex; bad options") {
    cli::KillsOptions o;
    o.selection.group = "11";
    o.selection.solution = "F6";
    const nlohmann::json j = run_json(o);
    REQUIRE(j["rows"].size() == 5);
    for (const auto& row : j["rows"]) {
        CHECK(row["kills"].size() == 9);
        CHECK(row["values"]["abc"] == "1");
        CHECK(row["bias_killed"] == true);
    }
    o.selection.solution.clear();
    o.selection.expr = "nu(1/4)@1";
    o.times = "syn@1";
    const nlohmann::json c = run_json(o);
    CHECK(c["composition_lemma"] == true);
    REQUIRE(c["composition"].size() == 1);  // only k = 1 carries entries
    CHECK(c["composition"][0]["product"]["kills"].size() == 9);

    o.format = "latex";
    std::ostringstream latex;
    CHECK(cli::run_kills(o, latex) == 0);
    CHECK(latex.str().find("\\begin{tabular}") != std::string::npos);
    CHECK(latex.str().find("composition lemma: holds") != std::string::npos);

    o.format = "html";
    std::ostringstream sink;
    CHECK_THROWS_AS((void)cli::run_kills(o, sink), InvalidInput);
    cli::KillsOptions p;
    p.paper = true;
    p.selection.solution = "F6";
    CHECK_THROWS_AS((void)cli::run_kills(p, sink), InvalidInput);
    p.selection.solution.clear();
    p.format = "latex";
    std::ostringstream paper;
    CHECK(cli::run_kills(p, paper) == 0);
    CHECK(paper.str().find("C\\_7(1, 3)") != std::string::npos);
}

TEST_CASE("cogo kills: the cancel / debias / real-block expressions give the named constructions' tables") {
    auto rows = [](cli::KillsOptions o) { return run_json(o)["rows"]; };
    struct Case {
        const char* group;
        const char* solution;
        const char* expr;
    };
    for (const Case& c : {Case{"7", "F46", "cancel(sum(nui * xi(1/8), except 1) / 4, (nu(1/3) * syn)@1 / 6)"},
                          Case{"5", "min", "debias(sum(nui * xi(1/8)) / 4)"},
                          Case{"6", "min", "debias(pairsum(nui * xi(1/8)) / 4 + realsum(real1), 3)"},
                          Case{"2x4", "F6R", "pairsum(nu(1/3) * syn) / 6 + realsum(real2)"}}) {
        CAPTURE(c.expr);
        cli::KillsOptions named;
        named.selection.group = c.group;
        named.selection.solution = c.solution;
        cli::KillsOptions expr;
        expr.selection.group = c.group;
        expr.selection.expr = c.expr;
        const nlohmann::json a = rows(named), b = rows(expr);
        CHECK(!a.empty());
        CHECK(a == b);
    }
    // z_F4/6 with symbols: per block the order-4 ones keep their bias 4(1 + i)/4 (it is cancelled across
    // frequencies, which a per-frequency table does not show), the order-6 block kills all nine
    cli::KillsOptions s;
    s.selection.group = "5";
    s.selection.expr = "cancel((nui * xi(x))@2 / 4, (nu(t) * syn)@1 / 6)";
    s.symbols.unit_modulus = {"x", "t"};
    const nlohmann::json j = run_json(s);
    REQUIRE(j["rows"].size() == 2);
    CHECK(j["rows"][0]["kills"].size() == 9);
    CHECK(j["rows"][1]["kills"].size() == 7);
    CHECK(j["rows"][1]["bias_killed"] == false);
}
