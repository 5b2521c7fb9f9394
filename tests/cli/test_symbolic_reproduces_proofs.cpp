// The statements proofs/*.cpp prove about the families, restated as `cogo kills` / `cogo verify --expr
// ... --symbol ...` queries, each asserting that the tool reproduces the statement: the exact kill set and
// the values left (for ALL parameter values), PROVED for all parameter values, the exact residual
// conditions and their solution sets, and the negative side (a value outside the condition is REFUTED, a
// wrong claim is not reproduced). Every expected answer is typed from the mathematics of docs/theory.md
// sections 4, 5 and 5b (the values below are worked out by hand in the comments), never from the tool's
// output. The mapping statement -> query is listed in proofs/README.md ("The statements as cogo queries").
// Gaps (what the expression language cannot state) are listed there too.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <ginac/ginac.h>
#include <nlohmann/json.hpp>

#include "cli/cogo_process.hpp"
#include "cli/kills_command.hpp"
#include "scalar/symbolic.hpp"

using cogo::Symbolic;
using cogo::test::run_cogo;

namespace {

using Names = std::set<std::string>;

const Names R_c = {"a'bc", "ab'c", "a'b'c"}, R_n = {"|a|^2c", "|b|^2c"}, R_star_plus = {"a^2c", "b^2c"},
            R_star_minus = {"a'^2c", "b'^2c"};
const Names all_ten = {"abc", "a'bc", "ab'c", "a'b'c", "|a|^2c", "|b|^2c", "a^2c", "b^2c", "a'^2c", "b'^2c"};

Names join(std::initializer_list<Names> sets) {
    Names out;
    for (const auto& s : sets) out.insert(s.begin(), s.end());
    return out;
}
Names intersection(const Names& x, const Names& y) {
    Names out;
    for (const auto& s : x)
        if (y.count(s) != 0) out.insert(s);
    return out;
}
const Names nine = join({R_c, R_n, R_star_plus, R_star_minus});  // everything but abc

Names as_names(const nlohmann::json& array) {
    Names out;
    for (const auto& s : array) out.insert(s.get<std::string>());
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ",") + n;
    return s;
}

/// `cogo CMD --d GROUP --expr EXPR [--symbol ...] [--real-symbol ...] EXTRA... --json`, parsed.
nlohmann::json query(const std::string& command, const std::string& group, const std::string& expr,
                     const std::vector<std::string>& units, const std::vector<std::string>& reals, int expected_code,
                     const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {command, "--group", group, "--expr", expr};
    if (!units.empty()) args.insert(args.end(), {"--symbol", joined(units)});
    if (!reals.empty()) args.insert(args.end(), {"--real-symbol", joined(reals)});
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("--json");
    const auto run = run_cogo(args);
    INFO("cogo " << command << " --group " << group << " --expr '" << expr << "'");
    REQUIRE_MESSAGE(run.code == expected_code, run.err);
    return nlohmann::json::parse(run.out);
}

/// The row of frequency k of a kill table.
nlohmann::json row_at(const nlohmann::json& table, std::size_t k) {
    for (const auto& row : table["rows"])
        if (row["k"] == k) return row;
    FAIL("no row at k = " << k);
    return {};
}

std::string text(const Symbolic& s) { return s.to_string(); }

/// True iff the printed value `got` is the exact value `expected`: both texts are read by GiNaC's parser (every
/// name a symbol: parameters and zeta_N) and their difference is the zero rational function. Both sides are
/// canonical (reduced modulo Phi_N), so this is an exact comparison that does not depend on the order in which
/// GiNaC prints terms (which follows symbol creation order, different in the tool's process).
bool same_value(const nlohmann::json& got, const Symbolic& expected) {
    GiNaC::parser reader;
    return (reader(got.get<std::string>()) - reader(expected.to_string())).normal().is_zero();
}

const Symbolic I = Symbolic::zeta(4, 1);

/// One kill-table statement: the element at k, its kill set, and some of the values it leaves.
struct KillCase {
    const char* proof;
    const char* statement;
    std::string expr;  // with "@K" standing for the frequency
    std::vector<std::string> units, reals;
    Names kills;
    std::map<std::string, Symbolic> values;  // named potential (or "bias") -> exact value
};

std::string at(std::string expr, std::size_t k) {
    const std::string key = "@K";
    for (std::size_t p = expr.find(key); p != std::string::npos; p = expr.find(key, p))
        expr.replace(p, key.size(), "@" + std::to_string(k));
    return expr;
}

void check_kill_case(const KillCase& c, const std::string& group, std::size_t k) {
    const std::string expr = at(c.expr, k);
    CAPTURE(c.proof);
    CAPTURE(c.statement);
    CAPTURE(group);
    CAPTURE(expr);
    const auto row = row_at(query("kills", group, expr, c.units, c.reals, 0), k);
    CHECK(as_names(row["kills"]) == c.kills);
    for (const auto& [name, value] : c.values) {
        CAPTURE(name);
        const auto& got = name == "bias" ? row["bias"] : row["values"][name];
        CHECK_MESSAGE(same_value(got, value), got.get<std::string>() << " is not " << text(value));
    }
    // for these families the bias |a|^2c + |b|^2c vanishes exactly when both terms do
    CHECK(row["bias_killed"] == (c.kills.count("|a|^2c") != 0 && c.kills.count("|b|^2c") != 0));
}

}  // namespace

TEST_CASE("families.cpp (1)-(3), more_families.cpp (2): exact kill sets and values for ALL parameter values") {
    const Symbolic t = Symbolic::unit_modulus("t"), x = Symbolic::unit_modulus("x");
    const Symbolic ti = t.inverse(), s_plus = I, s_minus = -I;  // s i for s = +1, -1
    // z_nu(t) = (1,1,1), (t, -t, -t^-2): abc = 1 + 1, a'bc = ab'c = 1 + t^-1 (-t)(-t^-2) = 1 + t^-2,
    // a'b'c = 1 + t^-4, |a|^2c = |b|^2c = 1 - t^-2, a^2c = b^2c = 1 - 1 = 0, a'^2c = b'^2c = 1 - t^-4.
    // z_xi(x, s) = (1,1,1), (x, -s i x^-1, s i), sigma = s i, sigma^2 = -1: abc = 1 - sigma^2 = 2,
    // a'b'c = 1 + sigma^2 = 0, |a|^2c = |b|^2c = 1 + sigma, a^2c = 1 + sigma x^2, b^2c = 1 - sigma x^-2.
    // z_{syn,ab}: every node has a b c = 1, so abc = 3; a'b'c = 1 + w' + w = 0, |a|^2c = |b|^2c = 1 + w + w' = 0.
    const std::vector<KillCase> cases = {
        {"families", "z_syn kills R_c, R_n, R_*^- and leaves abc = a^2c = b^2c = 3", "syn@K", {}, {},
         join({R_c, R_n, R_star_minus}), {{"abc", 3}, {"a^2c", 3}, {"b^2c", 3}}},
        {"families", "z_nu kills exactly a^2c, b^2c (abc = 2)", "nu(t)@K", {"t"}, {}, R_star_plus,
         {{"abc", 2}, {"a'bc", 1 + ti * ti}, {"ab'c", 1 + ti * ti}, {"a'b'c", 1 + ti * ti * ti * ti},
          {"|a|^2c", 1 - ti * ti}, {"a'^2c", 1 - ti * ti * ti * ti}}},
        {"families", "z_nu=i kills a'bc, ab'c, R_*; abc = a'b'c = |a|^2c = |b|^2c = 2", "nui@K", {}, {},
         join({{"a'bc", "ab'c"}, R_star_plus, R_star_minus}), {{"abc", 2}, {"a'b'c", 2}, {"|a|^2c", 2}, {"|b|^2c", 2}}},
        {"families", "z_nu at nu = i equals z_nu=i", "nu(1/4)@K", {}, {}, join({{"a'bc", "ab'c"}, R_star_plus, R_star_minus}),
         {{"abc", 2}, {"a'b'c", 2}, {"|a|^2c", 2}}},
        {"families", "z_xi (s = +1) kills exactly a'b'c for generic xi (abc = 2)", "xi(x)@K", {"x"}, {}, {"a'b'c"},
         {{"abc", 2}, {"|a|^2c", 1 + s_plus}, {"a^2c", 1 + s_plus * x * x}, {"bias", 2 + 2 * s_plus}}},
        {"families", "z_xi (s = -1) kills exactly a'b'c for generic xi", "xi(x, -1)@K", {"x"}, {}, {"a'b'c"},
         {{"abc", 2}, {"|a|^2c", 1 + s_minus}, {"b^2c", 1 - s_minus * x.inverse() * x.inverse()}}},
        {"families", "z_xi also kills a^2c, b^2c at xi = zeta_8 (xi^2 = i, s = +1)", "xi(1/8)@K", {}, {},
         {"a'b'c", "a^2c", "b^2c"}, {{"abc", 2}}},
        {"families", "z_xi also kills a^2c, b^2c at xi = zeta_8^-1 (xi^2 = -i, s = -1)", "xi(7/8, -1)@K", {}, {},
         {"a'b'c", "a^2c", "b^2c"}, {{"abc", 2}}},
        // a'^2c = 1 + sigma x^-2 and b'^2c = 1 - sigma x^2 vanish iff x^2 = -sigma: the other square root kills R_*^-
        {"families", "negative: xi = zeta_8^3 (xi^2 = -i) with s = +1 does not kill a^2c, b^2c (it kills R_*^-)",
         "xi(3/8)@K", {}, {}, join({{"a'b'c"}, R_star_minus}), {{"a^2c", 2}, {"b^2c", 2}}},  // 1 + i (-i) = 2
        {"families", "z_syn_ab kills exactly a'b'c, |a|^2c, |b|^2c (abc = 3)", "synab(al, be)@K", {"al", "be"}, {},
         join({{"a'b'c"}, R_n}), {{"abc", 3}}},
        {"families", "z_nu z_syn: abc = 6, the other nine 0, for all nu", "(nu(t) * syn)@K", {"t"}, {}, nine, {{"abc", 6}}},
        {"families", "z_nu=i z_syn_ab: abc = 6, the other nine 0, for all alpha, beta", "(nui * synab(al, be))@K",
         {"al", "be"}, {}, nine, {{"abc", 6}}},
        {"families", "z_nu=i z_xi (s = +1): abc = 4, R_c and R_* killed, |a|^2c = |b|^2c = 2(1 + i), bias 4(1 + i)",
         "(nui * xi(x))@K", {"x"}, {}, join({R_c, R_star_plus, R_star_minus}),
         {{"abc", 4}, {"|a|^2c", 2 + 2 * s_plus}, {"|b|^2c", 2 + 2 * s_plus}, {"bias", 4 + 4 * s_plus}}},
        {"families", "z_nu=i z_xi (s = -1): bias 4(1 - i)", "(nui * xi(x, -1))@K", {"x"}, {},
         join({R_c, R_star_plus, R_star_minus}), {{"abc", 4}, {"bias", 4 + 4 * s_minus}}},
        // z_n(a) = (1,1,1), (a, -a', -1/|a|^2), a = r t: abc = 1 + a (-a') (-1/|a|^2) = 2, |a|^2c = 1 - |a|^2/|a|^2 = 0
        {"more_families", "z_n(a) kills exactly |a|^2c, |b|^2c for every complex a = r t != 0 (abc = 2)", "zn(r, t)@K",
         {"t"}, {"r"}, R_n, {{"abc", 2}}},
        {"more_families", "z_n z_nu=i z_xi (order 8): abc = 8, the other nine 0, for all a, xi (s = +1)",
         "(zn(r, t) * nui * xi(x))@K", {"t", "x"}, {"r"}, nine, {{"abc", 8}}},
        {"more_families", "z_n z_nu=i z_xi (order 8, s = -1)", "(zn(r, t) * nui * xi(x, -1))@K", {"t", "x"}, {"r"}, nine,
         {{"abc", 8}}},
        {"more_families", "C_7(1, 3) = sum_{i<7} u^i, u = (zeta_7, zeta_7^3, zeta_7^3): abc = 7, the other nine 0",
         "(one + u(1/7, 3/7, 3/7) + u(1/7, 3/7, 3/7)^2 + u(1/7, 3/7, 3/7)^3 + u(1/7, 3/7, 3/7)^4 + u(1/7, 3/7, 3/7)^5 + "
         "u(1/7, 3/7, 3/7)^6)@K",
         {}, {}, nine, {{"abc", 7}}},
    };
    // the value comparison can fail: a sign or an exponent off is not the same value
    CHECK(same_value(nlohmann::json("1+t^(-2)"), 1 + ti * ti));
    CHECK_FALSE(same_value(nlohmann::json("1-t^(-2)"), 1 + ti * ti));
    CHECK_FALSE(same_value(nlohmann::json("1+t^(-4)"), 1 + ti * ti));
    // families.cpp checks at k = 1 of Z_5 and k = 3 of Z_7 (the values depend only on the entries at +-k)
    for (const auto& c : cases) {
        check_kill_case(c, "5", 1);
        check_kill_case(c, "7", 3);
    }
}

TEST_CASE("families.cpp (1): the kill conditions of z_nu and z_xi, solved exactly for one parameter") {
    // z_xi (s = +1): a^2c = 1 + i x^2 vanishes iff x^2 = i, i.e. x = zeta_8 or zeta_8^5; as a global
    // statement: sum(z_syn z_xi(x)) / 6 is optimal iff x^2 = i (z_syn leaves a^2c, b^2c, z_xi kills them
    // exactly then, and z_xi kills R_* ^- only through z_syn); for s = -1 iff x^2 = -i (zeta_8^3, zeta_8^7)
    for (const auto& [expr, roots] : std::vector<std::pair<std::string, std::set<std::pair<int, int>>>>{
             {"sum(syn * xi(x)) / 6", {{8, 1}, {8, 5}}}, {"sum(syn * xi(x, -1)) / 6", {{8, 3}, {8, 7}}}}) {
        CAPTURE(expr);
        const auto j = query("verify", "7", expr, {"x"}, {}, 1);
        CHECK(j["verdict"] == "CONDITIONAL");
        REQUIRE(j["solution"].is_object());
        CHECK(j["solution"]["complete"] == true);
        std::set<std::pair<int, int>> got;
        for (const auto& r : j["solution"]["roots"]) got.insert({r["order"].get<int>(), r["power"].get<int>()});
        CHECK(got == roots);
        for (const auto& r : j["residuals"]) CHECK((r["kind"] == "dc-a" || r["kind"] == "dc-b"));
    }
    // the negative side: a value inside the solution set is PROVED, one outside REFUTED
    CHECK(query("verify", "7", "sum(syn * xi(1/8)) / 6", {}, {}, 0)["verdict"] == "PROVED");
    CHECK(query("verify", "7", "sum(syn * xi(5/8)) / 6", {}, {}, 0)["verdict"] == "PROVED");
    CHECK(query("verify", "7", "sum(syn * xi(3/8)) / 6", {}, {}, 1)["verdict"] == "REFUTED");
    CHECK(query("verify", "7", "sum(syn * xi(1/4)) / 6", {}, {}, 1)["verdict"] == "REFUTED");
    // z_nu's left potentials: a'bc = 1 + t^-2 vanishes iff t^2 = -1, the z_nu=i value
    const auto row = row_at(query("kills", "7", "nu(t)@1", {"t"}, {}, 0), 1);
    CHECK(row["kill_conditions"]["a'bc"].get<std::string>().find("t^2 = -1") != std::string::npos);
}

TEST_CASE("composition.cpp, homomorphism.cpp: p(z1 z2) = p(z1) p(z2), K(z1 z2) = K(z1) u K(z2), K(z1+z2) = K(z1) n K(z2)") {
    struct Factor {
        std::string expr;
        std::vector<std::string> units;
        Names kills;  // docs/theory.md section 5 table
    };
    const std::vector<Factor> factors = {
        {"syn@1", {}, join({R_c, R_n, R_star_minus})},
        {"nu(t)@1", {"t"}, R_star_plus},
        {"nui@1", {}, join({{"a'bc", "ab'c"}, R_star_plus, R_star_minus})},
        {"xi(x)@1", {"x"}, {"a'b'c"}},
        {"synab(al, be)@1", {"al", "be"}, join({{"a'b'c"}, R_n})},
    };
    for (const auto& f1 : factors)
        for (const auto& f2 : factors) {
            std::vector<std::string> units = f1.units;
            for (const auto& u : f2.units)
                if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
            CAPTURE(f1.expr);
            CAPTURE(f2.expr);
            const auto j = query("kills", "7", f1.expr, units, {}, 0, {"--times", f2.expr});
            CHECK(j["composition_lemma"] == true);
            REQUIRE(j["composition"].size() == 1);
            const auto& c = j["composition"][0];
            CHECK(c["multiplicative"] == true);
            CHECK(c["kills_union"] == true);
            Names product = f1.kills;
            product.insert(f2.kills.begin(), f2.kills.end());
            CHECK(as_names(c["product"]["kills"]) == product);
            // the sum: for these families no accidental cancellation, so exactly the intersection
            if (f1.expr != f2.expr) {
                const auto sum = row_at(query("kills", "7", f1.expr + " + " + f2.expr, units, {}, 0), 1);
                CHECK(as_names(sum["kills"]) == intersection(f1.kills, f2.kills));
            }
        }
}

TEST_CASE("families.cpp (4), odd_d_optima.cpp, min_width_bound.cpp (C): z_F6 and sum z_nu=i z_syn_ab / 6 for every odd d") {
    // independent parameters per frequency (families.cpp (4)): Z_5 and Z_7
    CHECK(query("verify", "5", "(nu(t1) * syn)@1 / 6 + (nu(t2) * syn)@2 / 6", {"t1", "t2"}, {}, 0)["verdict"] == "PROVED");
    CHECK(query("verify", "7", "(nu(t1) * syn)@1 / 6 + (nu(t2) * syn)@2 / 6 + (nu(t3) * syn)@3 / 6", {"t1", "t2", "t3"}, {},
                0)["verdict"] == "PROVED");
    CHECK(query("verify", "5", "(nui * synab(a1, b1))@1 / 6 + (nui * synab(a2, b2))@2 / 6", {"a1", "b1", "a2", "b2"}, {},
                0)["verdict"] == "PROVED");
    // "every odd d" (odd_d_optima.cpp): as queries, every odd d up to 21 (so 3 | d at 3, 9, 15, 21) and the
    // non-cyclic odd groups 3x3 and 3x5, one shared parameter per family; z_F6 on Z_3 has 6 nodes, the
    // minimum width of a zero-mean network on Z_3 (min_width_bound.cpp (C))
    std::vector<std::string> groups;
    for (int d = 3; d <= 21; d += 2) groups.push_back(std::to_string(d));
    groups.insert(groups.end(), {"3x3", "3x5"});
    for (const auto& g : groups) {
        CAPTURE(g);
        const auto f6 = query("verify", g, "sum(nu(t) * syn) / 6", {"t"}, {}, 0);
        CHECK(f6["verdict"] == "PROVED");
        CHECK(f6["failing"] == 0);
        const auto ab = query("verify", g, "sum(nui * synab(al, be)) / 6", {"al", "be"}, {}, 0);
        CHECK(ab["verdict"] == "PROVED");
    }
    CHECK(query("verify", "3", "sum(nu(t) * syn) / 6", {"t"}, {}, 0)["order"] == 6);
    // a wrong claim is not reproduced: with the c-row divided by 5 instead of 6, r_kkk = 6/5 for every t
    const auto wrong = query("verify", "5", "sum(nu(t) * syn) / 5", {"t"}, {}, 1);
    CHECK(wrong["verdict"] == "REFUTED");
    for (const auto& r : wrong["residuals"]) {
        CHECK(r["kind"] == "one");
        CHECK(same_value(r["residual"], Symbolic::rational(1, 5)));
    }
}

TEST_CASE("families.cpp (4), should_fail_order4_*: the all-order-4 element fails exactly at the n-1 biases, 1 +- s i") {
    // bias condition T_k(0,0) = sum (|a|^2 + |b|^2) c of the block / 4 = 4(1 + s i)/4 at k, conjugate at -k
    for (int d = 3; d <= 15; d += 2)
        for (int s : {1, -1}) {
            CAPTURE(d);
            CAPTURE(s);
            const auto j = query("verify", std::to_string(d), s == 1 ? "sum(nui * xi(x)) / 4" : "sum(nui * xi(x, -1)) / 4",
                                 {"x"}, {}, 1);
            CHECK(j["verdict"] == "REFUTED");
            REQUIRE(j["residuals"].size() == static_cast<std::size_t>(d - 1));
            std::set<int> ks;
            for (const auto& r : j["residuals"]) {
                CHECK(r["kind"] == "bias");
                CHECK(r["k1"] == 0);
                CHECK(r["k2"] == 0);
                const int k = r["k"].get<int>();
                ks.insert(k);
                const Symbolic expected = 1 + (2 * k < d ? s : -s) * I;  // 1 + s i at k = 1..(d-1)/2, 1 - s i at -k
                CHECK_MESSAGE(same_value(r["residual"], expected), r["residual"]);
            }
            CHECK(ks.size() == static_cast<std::size_t>(d - 1));
        }
    // the exact loss 2(n-1)/n of the all-order-4 element (families.cpp (4)) and z_F4/6 through the named
    // constructions (z_F4/6 with symbols: the next test case)
    const auto order4 = run_cogo({"verify", "--d", "5", "--solution", "order4", "--json"});
    CHECK(order4.code == 1);
    CHECK(nlohmann::json::parse(order4.out)["loss"] == "8/5");
    const auto f46 = run_cogo({"verify", "--d", "7", "--solution", "F46", "--json"});
    CHECK(f46.code == 0);
    CHECK(nlohmann::json::parse(f46.out)["verdict"] == "PROVED");
}

TEST_CASE("more_families.cpp (1): the cyclic family C_q(alpha, beta) kills exactly the potentials with e_p != 0 mod q") {
    // docs/theory.md 5b: p(C_q) = sum_{i<q} zeta_q^{e_p i} = q [e_p = 0 mod q], with the exponents
    // abc 0, a'bc -2al, ab'c -2be, a'b'c 2ga, |a|^2c = |b|^2c ga, a^2c al-be, b^2c be-al, a'^2c ga-2al,
    // b'^2c ga-2be (ga = -al-be). Every (alpha, beta) for q = 1..16, at k = 1 of Z_7, in process.
    const std::vector<std::size_t> expected_counts = {0, 0, 0, 0, 0, 4, 12, 16, 36, 24, 60, 64, 96, 84, 144, 136};
    for (long q = 1; q <= 16; ++q) {
        std::size_t solutions = 0;
        for (long al = 0; al < q; ++al)
            for (long be = 0; be < q; ++be) {
                const long ga = ((-al - be) % q + q) % q;
                const std::map<std::string, long> exponent = {
                    {"abc", 0},          {"a'bc", -2 * al},   {"ab'c", -2 * be},       {"a'b'c", 2 * ga},
                    {"|a|^2c", ga},      {"|b|^2c", ga},      {"a^2c", al - be},       {"b^2c", be - al},
                    {"a'^2c", ga - 2 * al}, {"b'^2c", ga - 2 * be}};
                Names expected;
                for (const auto& [p, e] : exponent)
                    if (e % q != 0) expected.insert(p);
                const std::string u = "u(" + std::to_string(al) + "/" + std::to_string(q) + ", " + std::to_string(be) + "/" +
                                      std::to_string(q) + ", " + std::to_string(ga) + "/" + std::to_string(q) + ")";
                std::string expr = "one";
                for (long i = 1; i < q; ++i) expr += " + " + u + (i > 1 ? "^" + std::to_string(i) : "");
                cogo::cli::KillsOptions o;
                o.selection.group = "7";
                o.selection.expr = "(" + expr + ")@1";
                o.json = true;
                std::ostringstream out;
                REQUIRE(cogo::cli::run_kills(o, out) == 0);
                const auto row = row_at(nlohmann::json::parse(out.str()), 1);
                CAPTURE(o.selection.expr);
                CHECK(as_names(row["kills"]) == expected);
                CHECK(row["values"]["abc"] == std::to_string(q));
                if (expected == nine) ++solutions;
            }
        CAPTURE(q);
        CHECK(solutions == expected_counts[static_cast<std::size_t>(q - 1)]);
    }
    // global: sum C_7(1, 3) / 7 on Z_5 and Z_7; a C_6 on Z_9: (al, be) = (1, 4), ga = 1, exponents -2, -8, 2,
    // 1, 1, -3, 3, -1, -7, none 0 mod 6; a failing pair (1, 1): a^2c has al - be = 0, so a^2c = 7 is left
    const std::string c7 = "u(1/7, 3/7, 3/7)";
    std::string sum7 = "sum((one";
    for (int i = 1; i < 7; ++i) sum7 += " + " + c7 + (i > 1 ? "^" + std::to_string(i) : "");
    sum7 += ") / 7)";
    CHECK(query("verify", "5", sum7, {}, {}, 0)["verdict"] == "PROVED");
    CHECK(query("verify", "7", sum7, {}, {}, 0)["verdict"] == "PROVED");
    const std::string c6 = "u(1/6, 4/6, 1/6)";
    std::string sum6 = "sum((one";
    for (int i = 1; i < 6; ++i) sum6 += " + " + c6 + (i > 1 ? "^" + std::to_string(i) : "");
    sum6 += ") / 6)";
    CHECK(query("verify", "9", sum6, {}, {}, 0)["verdict"] == "PROVED");
    const std::string c7_fail = "u(1/7, 1/7, 5/7)";
    std::string fail7 = "sum((one";
    for (int i = 1; i < 7; ++i) fail7 += " + " + c7_fail + (i > 1 ? "^" + std::to_string(i) : "");
    fail7 += ") / 7)";
    CHECK(query("verify", "5", fail7, {}, {}, 1)["verdict"] == "REFUTED");
}

TEST_CASE("more_families.cpp (2): the order-8 product is a global optimum, with independent parameters per frequency") {
    CHECK(query("verify", "5", "(zn(r1, t1) * nui * xi(x1))@1 / 8 + (zn(r2, t2) * nui * xi(x2, -1))@2 / 8",
                {"t1", "x1", "t2", "x2"}, {"r1", "r2"}, 0)["verdict"] == "PROVED");
    CHECK(query("verify", "7", "sum(zn(r, t) * nui * xi(x)) / 8", {"t", "x"}, {"r"}, 0)["verdict"] == "PROVED");
    // it needs no bias cancellation, unlike the order-4 product it extends (REFUTED above); without z_n it fails
    CHECK(query("verify", "7", "sum(zn(r, t) * nui * xi(x)) / 8", {"t", "x"}, {"r"}, 0)["order"] == 24);
    // a rational magnitude: zn(2), as in `--solution order8 --a 2`
    CHECK(query("verify", "5", "sum(zn(2) * nui * xi(1/8)) / 8", {}, {}, 0)["verdict"] == "PROVED");
}

TEST_CASE("more_families.cpp (3), min_width_bound.cpp (B): syn_dc at 3k = 0 is a global optimum for every real alpha != 0") {
    const auto z3 = query("verify", "3", "syndc(r)@1", {}, {"r"}, 0);
    CHECK(z3["verdict"] == "PROVED");
    CHECK(z3["order"] == 3);  // the minimum width 3 of Z_3 with DC inputs
    const auto z9 = query("verify", "9", "(nu(t) * syn)@1 / 6 + (nu(t) * syn)@2 / 6 + syndc(r)@3 + (nu(t) * syn)@4 / 6", {"t"},
                          {"r"}, 0);
    CHECK(z9["verdict"] == "PROVED");
    CHECK(z9["order"] == 21);
    const auto z33 = query("verify", "3x3", "sum(syndc(r))", {}, {"r"}, 0);
    CHECK(z33["verdict"] == "PROVED");
    CHECK(z33["order"] == 12);
    CHECK(query("verify", "3", "syndc(-5/2)@1", {}, {}, 0)["verdict"] == "PROVED");
    // without the DC entries the Z_3 element is refuted: z_syn / 3 leaves a^2c = b^2c = 1 at 2k = -k
    CHECK(query("verify", "3", "syn@1 / 3", {}, {}, 1)["verdict"] == "REFUTED");
    // syn_dc needs 3k = 0; alpha = 0 and a unit alpha are refused (exit 2)
    for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"verify", "--d", "9", "--expr", "syndc(1)@1"}, "3k = 0"},
             {{"verify", "--d", "3", "--expr", "syndc(0)@1"}, "must be non-zero"},
             {{"verify", "--d", "3", "--expr", "syndc(t)@1", "--symbol", "t"}, "is a unit symbol"},
             {{"verify", "--d", "3", "--expr", "syndc(1/0)@1"}, "expected a rational"},
             {{"verify", "--d", "5", "--expr", "zn(r, 1/3)@1", "--symbol", "r"}, "is a unit symbol"},
             {{"verify", "--d", "5", "--expr", "zn(s)@1"}, "declare it with --real-symbol s"}}) {
        const auto run = run_cogo(args);
        CAPTURE(args[4]);
        CHECK(run.code == 2);
        CHECK_MESSAGE(run.err.find(message) != std::string::npos, run.err);
    }
}

TEST_CASE("minimum_order.cpp (b), (d): 4 nodes satisfy the nine non-bias conditions only with a bias; 6 nodes attain all") {
    // z_nu=i z_xi / 4: abc = 1, R_c and R_* killed, bias (4 + 4 s i) / 4 != 0 for every xi
    const auto four = row_at(query("kills", "5", "(nui * xi(x))@1 / 4", {"x"}, {}, 0), 1);
    CHECK(as_names(four["kills"]) == join({R_c, R_star_plus, R_star_minus}));
    CHECK(four["values"]["abc"] == "1");
    CHECK(four["bias_killed"] == false);
    CHECK(same_value(four["bias"], 1 + I));
    const auto six = row_at(query("kills", "5", "(nu(t) * syn)@1 / 6", {"t"}, {}, 0), 1);
    CHECK(as_names(six["kills"]) == nine);
    CHECK(six["bias_killed"] == true);
}

TEST_CASE("kills --paper --json: the partial-solution table of docs/theory.md section 5, for ALL parameter values") {
    const auto run = run_cogo({"kills", "--paper", "--json"});
    REQUIRE(run.code == 0);
    const auto j = nlohmann::json::parse(run.out);
    std::map<std::string, nlohmann::json> rows;
    for (const auto& row : j["rows"]) rows[row["name"].get<std::string>()] = row;
    const Symbolic nu = Symbolic::unit_modulus("nu"), nui = nu.inverse();
    struct Expected {
        std::string name;
        Names kills;
        std::map<std::string, Symbolic> values;
    };
    for (const Expected& e : std::vector<Expected>{
             {"z_syn", join({R_c, R_n, R_star_minus}), {{"abc", 3}, {"a^2c", 3}, {"b^2c", 3}}},
             {"z_nu", R_star_plus,
              {{"abc", 2}, {"a'bc", 1 + nui * nui}, {"a'b'c", 1 + nui * nui * nui * nui}, {"|a|^2c", 1 - nui * nui}}},
             {"z_{nu=i}", join({{"a'bc", "ab'c"}, R_star_plus, R_star_minus}),
              {{"abc", 2}, {"a'b'c", 2}, {"|a|^2c", 2}, {"|b|^2c", 2}}},
             {"z_{syn,ab}", join({{"a'b'c"}, R_n}), {{"abc", 3}}}}) {
        CAPTURE(e.name);
        REQUIRE(rows.count(e.name) == 1);
        const auto& row = rows[e.name];
        CHECK(as_names(row["kills"]) == e.kills);
        for (const auto& [p, v] : e.values) {
            CAPTURE(p);
            CHECK_MESSAGE(same_value(row["values"][p], v), row["values"][p]);
        }
        // every potential not killed has a non-zero value, every killed one is "0"
        for (const auto& p : all_ten) CHECK((row["values"][p] == "0") == (e.kills.count(p) != 0));
    }
    // text and LaTeX carry the same table
    const auto latex = run_cogo({"kills", "--paper", "--latex"});
    REQUIRE(latex.code == 0);
    CHECK(latex.out.find("\\begin{tabular}") != std::string::npos);
    CHECK(latex.out.find("z\\_\\{syn,ab\\}") != std::string::npos);
    const auto both = run_cogo({"kills", "--paper", "--json", "--latex"});
    CHECK(both.code == 2);
    CHECK(both.err.find("exclude each other") != std::string::npos);
    const auto plain = run_cogo({"kills", "--paper"});
    REQUIRE(plain.code == 0);
    CHECK(plain.out.find("z_{nu=i}:") != std::string::npos);
}

TEST_CASE("odd_d_optima.cpp: z_F4/6 (cancel) is a global optimum for ALL unit nu, xi, every s and k0 tried") {
    // the order-6 block z_nu z_syn / 6 at k0 carries lambda_k = -(1 +- s i) / 12 at every other k (its six
    // unit-input nodes have D = 12), cancelling the order-4 blocks' biases 1 +- s i
    for (const std::string d : {"5", "7", "9", "11", "3x3"}) {
        CAPTURE(d);
        CHECK(query("verify", d, "cancel(sum(nui * xi(x), except 1) / 4, (nu(t) * syn)@1 / 6)", {"x", "t"}, {}, 0)["verdict"] ==
              "PROVED");
    }
    CHECK(query("verify", "3", "cancel(sum(nui * xi(x), except 1) / 4, (nu(t) * syn)@1 / 6)", {"x", "t"}, {}, 0)["order"] == 6);
    // independent parameters per frequency, both signs, the order-6 block at the last representative
    const auto z7 = query("verify", "7", "cancel((nui * xi(x1))@1 / 4 + (nui * xi(x2, -1))@2 / 4, (nu(t) * syn)@3 / 6)",
                          {"x1", "x2", "t"}, {}, 0);
    CHECK(z7["verdict"] == "PROVED");
    CHECK(z7["order"] == 14);
    // negative: the same blocks side by side, without the cross-frequency outputs, fail at the biases 1 +- i,
    // constants: REFUTED for every parameter value (4 residuals on Z_7: k = 1, 2 and their negatives)
    const auto plain = query("verify", "7", "(nui * xi(x1))@1 / 4 + (nui * xi(x2, -1))@2 / 4 + (nu(t) * syn)@3 / 6",
                             {"x1", "x2", "t"}, {}, 1);
    CHECK(plain["verdict"] == "REFUTED");
    CHECK(plain["residuals"].size() == 4);
    for (const auto& r : plain["residuals"]) CHECK(r["kind"] == "bias");
}

TEST_CASE("real_frequency.cpp: the real blocks and the bias node, for ALL real parameters") {
    // (1) one node real1(r, s) = (r, s r, s / r^2) at a real k: T(k,k) = 1 and the bias (2 r^2)(s / r^2) / 2 = s,
    // a non-zero constant: REFUTED for every r (Z_2: the only condition left is that bias)
    const auto one = query("verify", "2", "realsum(real1(r, -1))", {}, {"r"}, 1);
    CHECK(one["verdict"] == "REFUTED");
    REQUIRE(one["residuals"].size() == 1);
    CHECK(one["residuals"][0]["kind"] == "bias");
    CHECK(one["residuals"][0]["residual"] == "-1");
    // (2) the two-node block in the scale gauge r: PROVED; (3), (4) the bias node cancels every bias: with
    // order-4 blocks and one-node real blocks (4P + R + 1 nodes), at the first real frequency
    for (const auto& [g, k0] : std::vector<std::pair<std::string, std::string>>{
             {"2", "1"}, {"4", "2"}, {"6", "3"}, {"8", "4"}, {"2x2", "1"}, {"2x4", "2"}, {"12", "6"}, {"2x6", "3"}}) {
        CAPTURE(g);
        const bool pairs = g != "2" && g != "2x2";
        const std::string p4 = pairs ? "pairsum(nui * xi(x)) / 4 + " : "", p6 = pairs ? "pairsum(nu(t) * syn) / 6 + " : "";
        const std::vector<std::string> units = pairs ? std::vector<std::string>{"x", "t"} : std::vector<std::string>{};
        CHECK(query("verify", g, p6 + "realsum(real2(r))", units, {"r"}, 0)["verdict"] == "PROVED");
        CHECK(query("verify", g, "debias(" + p4 + "realsum(real1(r, -1)), " + k0 + ")", units, {"r"}, 0)["verdict"] ==
              "PROVED");
        // without the bias node: the real block's bias s = 1 is a constant residual, REFUTED
        CHECK(query("verify", g, p6 + "realsum(real1(r))", units, {"r"}, 1)["verdict"] == "REFUTED");
    }
    // the DC-input bias node (k0 = 0) on odd groups: 2n - 1 nodes
    for (const std::string g : {"3", "5", "9", "15", "3x3"}) {
        CAPTURE(g);
        const auto j = query("verify", g, "debias(sum(nui * xi(x)) / 4)", {"x"}, {}, 0);
        CHECK(j["verdict"] == "PROVED");
        CHECK(j["order"] == 2 * (g == "3x3" ? 9 : std::stoi(g)) - 1);
    }
}
