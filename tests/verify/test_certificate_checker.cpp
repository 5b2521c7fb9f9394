// Tests for src/verify/certificate_checker: hand-written certificates (exact values computed by hand, no
// cogo algebra code), accepted when true and rejected, with a precise reason, when tampered with.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "support/error.hpp"
#include "verify/certificate_checker.hpp"

using cogo::check_certificate;
using json = nlohmann::json;

namespace {

// ---- a tiny test-local writer ------------------------------------------------------------------

/// A number of Q(zeta_N) from its coefficient strings.
json num(std::vector<std::string> coefficients) { return json(coefficients); }

/// sign * zeta^e / den, written unreduced as e zeros followed by one coefficient.
json mono(int sign, unsigned e, const std::string& den = "1") {
    std::vector<std::string> c(e, "0");
    c.push_back(std::string(sign < 0 ? "-" : "") + "1" + (den == "1" ? "" : "/" + den));
    return json(c);
}

json cond(unsigned k, unsigned k1, unsigned k2, json value, int target) {
    return {{"k", k}, {"k1", k1}, {"k2", k2}, {"value", std::move(value)}, {"target", target}};
}

json cex(unsigned k, unsigned k1, unsigned k2, const std::string& kind, json value, int target) {
    return {{"k", k}, {"k1", k1}, {"k2", k2}, {"kind", kind}, {"value", std::move(value)}, {"target", target}};
}

json certificate(std::vector<unsigned> group, unsigned field, json nodes, json conditions, const std::string& verdict,
                 json loss, json counterexample) {
    json c;
    c["format"] = "cogo-certificate";
    c["version"] = 1;
    c["statement"] = "test certificate";
    c["group"] = group;
    c["field"] = field;
    c["element"] = {{"order", nodes.size()}, {"nodes", std::move(nodes)}};
    c["conditions"] = std::move(conditions);
    c["verdict"] = verdict;
    c["loss"] = std::move(loss);
    c["counterexample"] = std::move(counterexample);
    return c;
}

cogo::CertificateCheck check(const json& c) { return check_certificate(c.dump()); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

__extension__ using UInt128 = unsigned __int128;  // a GCC/Clang extension, exact for p^2 with p < 2^62

std::string to_string_u128(UInt128 x) {
    if (x == 0) return "0";
    std::string s;
    while (x > 0) {
        s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(x % 10)));
        x /= 10;
    }
    return s;
}

/// Index of condition (k, k1, k2) in a certificate's list.
std::size_t index_of(const json& c, unsigned k, unsigned k1, unsigned k2) {
    const json& list = c["conditions"];
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i]["k"] == k && list[i]["k1"] == k1 && list[i]["k2"] == k2) return i;
    FAIL("condition not found");
    return 0;
}

// ---- certificate 1: Z_3, one node, all entries 1 at frequencies 1, 2 (REFUTED) ------------------
// Hand computation (k = 1; k = 2 symmetric): r_{k1,k2,1} = 1 for k1, k2 in {1,2};
// A_1[m] = sum_k' a[k'] a[m-k'] = (2, 1, 1) for m = (0, 1, 2), B_1 likewise. Hence
// T_1(0,0) = 2, T_1(0,m) = T_1(m,0) = 1/2, T_1(k1,k2) = 1 (k1, k2 != 0).
// Loss: per k: 4 + 4 * 1/4 + 3 * 1 = 8; l = 16/3. First failing condition: (1,0,0), the bias.
json refuted_z3() {
    const json row = json::array({json::array({1, num({"1"})}), json::array({2, num({"1"})})});
    json nodes = json::array({{{"a", row}, {"b", row}, {"c", row}}});
    json conds = json::array();
    for (unsigned k : {1u, 2u})
        for (unsigned k1 = 0; k1 < 3; ++k1)
            for (unsigned k2 = 0; k2 < 3; ++k2) {
                std::string v;
                if (k1 == 0 && k2 == 0) v = "2";
                else if (k1 == 0 || k2 == 0) v = "1/2";
                else v = "1";
                conds.push_back(cond(k, k1, k2, num({v}), (k1 == k && k2 == k) ? 1 : 0));
            }
    return certificate({3}, 3, nodes, conds, "REFUTED", num({"16/3"}), cex(1, 0, 0, "bias", num({"2"}), 0));
}

// ---- certificate 2: Z_3, z_nu * z_syn / 6 with nu = w = zeta_3 (PROVED) ----------------------------
// z_syn nodes u^i, u = (w,w,w); z_nu nodes (1,1,1), (w,-w,-w) (nu'^2 = w^4 = w). Node (i,l) at k = 1:
// a = w^(i+l), b = (-1)^l w^(i+l), c = (-1)^l w^(i+l) / 6; at k = 2 the conjugates (w^-e = w^(2e mod 3)).
// Every T_k(k1,k2) equals its target (e.g. r_111 = sum w^(3(i+l)) / 6 = 1, r_221 = sum_i w^-i ... = 0),
// so all 18 triples of {1,2} x Z_3 x Z_3 are listed with value = target and the loss is 0.
json f6_entry(int sign, unsigned e, const std::string& den, bool reduced) {
    e %= 3;
    if (!reduced || e < 2) return mono(sign, e, den);
    // w^2 = -1 - w
    const std::string c = std::string(sign < 0 ? "" : "-") + "1" + (den == "1" ? "" : "/" + den);
    return num({c, c});
}

json proved_f6_z3(bool reduced = false) {
    json nodes = json::array();
    for (unsigned i = 0; i < 3; ++i)
        for (unsigned l = 0; l < 2; ++l) {
            const int s = l == 0 ? 1 : -1;
            const unsigned e = i + l, ec = 2 * (i + l);  // conjugate exponent
            auto row = [&](int sign, const std::string& den) {
                return json::array({json::array({1, f6_entry(sign, e, den, reduced)}),
                                    json::array({2, f6_entry(sign, ec, den, reduced)})});
            };
            nodes.push_back({{"a", row(1, "1")}, {"b", row(s, "1")}, {"c", row(s, "6")}});
        }
    json conds = json::array();
    for (unsigned k : {1u, 2u})
        for (unsigned k1 = 0; k1 < 3; ++k1)
            for (unsigned k2 = 0; k2 < 3; ++k2) {
                const int t = (k1 == k && k2 == k) ? 1 : 0;
                conds.push_back(cond(k, k1, k2, t ? num({"1"}) : num({}), t));
            }
    return certificate({3}, 3, nodes, conds, "PROVED", num({}), nullptr);
}

// ---- certificate 3: Z_2, nodes (1,1,s/2), (1,-1,-s/2) at k = 1 -----------------------------------
// T_1(1,1) = s/2 + s/2 = s; T_1(0,0) = (1/2)(A + B) with A = B = s/2 - s/2 = 0. Required: (1,0,0), (1,1,1).
json z2_pair(const std::string& s_half, const std::string& minus_s_half, const std::string& value11,
             const std::string& verdict, json loss, json counterexample, unsigned field = 1) {
    auto row = [](const std::string& v) { return json::array({json::array({1, num({v})})}); };
    json nodes = json::array({{{"a", row("1")}, {"b", row("1")}, {"c", row(s_half)}},
                              {{"a", row("1")}, {"b", row("-1")}, {"c", row(minus_s_half)}}});
    json conds = json::array({cond(1, 0, 0, num({}), 0), cond(1, 1, 1, num({value11}), 1)});
    return certificate({2}, field, nodes, conds, verdict, std::move(loss), std::move(counterexample));
}

// ---- certificate 4: Z_2 x Z_3 (flat index 3 x1 + x2), one node a[4] = b[5] = c[4] = 1 ------------
// 4 = (1,1), 5 = (1,2): 4 + 4 = (0,2) = 2, 5 + 5 = (0,1) = 1 (NOT (4+4) mod 6 / (5+5) mod 6 = 2 / 4).
// T_4(4,5) = 1, T_4(2,0) = A_4[2]/2 = 1/2, T_4(0,1) = 1/2, every T_k(k,k,k) = 0.
// Loss = (1/6)(5 * 1 + 1 + 2 * 1/4) = 13/12. First failing: (1,1,1).
json refuted_z2xz3() {
    auto one = [](unsigned k) { return json::array({json::array({k, num({"1"})})}); };
    json nodes = json::array({{{"a", one(4)}, {"b", one(5)}, {"c", one(4)}}});
    json conds = json::array({cond(1, 1, 1, num({}), 1), cond(2, 2, 2, num({}), 1), cond(3, 3, 3, num({}), 1),
                              cond(4, 0, 1, num({"1/2"}), 0), cond(4, 2, 0, num({"1/2"}), 0),
                              cond(4, 4, 4, num({}), 1), cond(4, 4, 5, num({"1"}), 0), cond(5, 5, 5, num({}), 1)});
    return certificate({2, 3}, 1, nodes, conds, "REFUTED", num({"13/12"}), cex(1, 1, 1, "one", num({}), 1));
}

}  // namespace

// ================================================================================================

TEST_CASE("certificate checker: correct hand-made certificates are accepted") {
    SUBCASE("Z_3 one node, REFUTED at the bias") {
        const auto r = check(refuted_z3());
        CHECK_MESSAGE(r.accepted(), r.reason);
        CHECK(r.verdict == "REFUTED");
        CHECK(r.conditions == 18);
        CHECK(r.primes >= 1);
    }
    SUBCASE("Z_3 z_nu * z_syn / 6, PROVED (unreduced and reduced coefficient arrays)") {
        for (bool reduced : {false, true}) {
            const auto r = check(proved_f6_z3(reduced));
            CHECK_MESSAGE(r.accepted(), r.reason);
            CHECK(r.verdict == "PROVED");
            CHECK(r.conditions == 18);
        }
    }
    SUBCASE("Z_2 two-node block, PROVED, field 1 and 2") {
        for (unsigned field : {1u, 2u}) {
            const auto r = check(z2_pair("1/2", "-1/2", "1", "PROVED", num({}), nullptr, field));
            CHECK_MESSAGE(r.accepted(), r.reason);
        }
    }
    SUBCASE("Z_2 x Z_3 mixed radix, REFUTED") {
        const auto r = check(refuted_z2xz3());
        CHECK_MESSAGE(r.accepted(), r.reason);
        CHECK(r.conditions == 8);
    }
    SUBCASE("a value written in another representation of the same element of Q(zeta_3)") {
        json c = proved_f6_z3();
        c["conditions"][index_of(c, 1, 1, 2)]["value"] = num({"1", "1", "1"});       // 1 + w + w^2 = 0
        c["conditions"][index_of(c, 1, 1, 1)]["value"] = num({"0", "0", "0", "1"});  // w^3 = 1
        const auto r = check(c);
        CHECK_MESSAGE(r.accepted(), r.reason);
    }
    SUBCASE("unreduced fractions and leading zeros are read exactly") {
        json c = refuted_z3();
        c["loss"] = num({"0", "0", "0", "032/6"});  // (16/3) w^3 = 16/3
        c["conditions"][index_of(c, 1, 0, 1)]["value"] = num({"2/4"});
        const auto r = check(c);
        CHECK_MESSAGE(r.accepted(), r.reason);
    }
    SUBCASE("nodes without outputs at k != 0 contribute nothing") {
        json c = proved_f6_z3();
        c["element"]["nodes"].push_back({{"a", json::array({json::array({1, num({"5"})})})},
                                         {"b", json::array({json::array({0, num({"1"})}), json::array({2, num({"-1"})})})},
                                         {"c", json::array()}});
        c["element"]["nodes"].push_back({{"a", json::array({json::array({2, num({"3"})})})},
                                         {"b", json::array()},
                                         {"c", json::array({json::array({0, num({"7"})})})}});
        c["element"]["order"] = 8;
        const auto r = check(c);
        CHECK_MESSAGE(r.accepted(), r.reason);
    }
    SUBCASE("extra listed conditions with value 0 are allowed") {
        json c = z2_pair("1/2", "-1/2", "1", "PROVED", num({}), nullptr);
        c["conditions"].insert(c["conditions"].begin() + 1, cond(1, 0, 1, num({}), 0));
        const auto r = check(c);
        CHECK_MESSAGE(r.accepted(), r.reason);
    }
}

TEST_CASE("certificate checker: false claims are rejected with a precise reason") {
    SUBCASE("a changed node entry") {
        json c = proved_f6_z3();
        c["element"]["nodes"][0]["a"][0][1] = num({"2"});
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(contains(r.reason, "claimed value differs from T_k(k1,k2)"));
    }
    SUBCASE("a changed c-row entry") {
        json c = proved_f6_z3();
        c["element"]["nodes"][5]["c"][1][1] = mono(1, 0, "6");
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(contains(r.reason, "claimed value differs"));
    }
    SUBCASE("a changed condition value") {
        json c = refuted_z3();
        c["conditions"][index_of(c, 2, 1, 0)]["value"] = num({"1/3"});
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "condition (k=2, k1=1, k2=0): claimed value differs from T_k(k1,k2)");
    }
    SUBCASE("a non-zero value in a non-reduced form that is not 0 in Q(zeta_3)") {
        json c = proved_f6_z3();
        c["conditions"][index_of(c, 1, 2, 1)]["value"] = num({"1", "1"});  // 1 + w = -w^2 != 0
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "condition (k=1, k1=2, k2=1): claimed value differs from T_k(k1,k2)");
    }
    SUBCASE("a removed condition") {
        json c = proved_f6_z3();
        c["conditions"].erase(index_of(c, 2, 0, 1));
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "missing condition (k=2, k1=0, k2=1)");
    }
    SUBCASE("a removed 1-set condition (k,k,k) whose value is 0") {
        json c = refuted_z2xz3();
        c["conditions"].erase(index_of(c, 3, 3, 3));
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "missing condition (k=3, k1=3, k2=3)");
    }
    SUBCASE("group arithmetic: the cyclic-Z_6 DC triple instead of the Z_2 x Z_3 one") {
        json c = refuted_z2xz3();
        c["conditions"][index_of(c, 4, 0, 1)]["k2"] = 4;  // (4,0,4) sorts before (4,2,0) too
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "missing condition (k=4, k1=0, k2=1)");
    }
    SUBCASE("a wrong target") {
        json c = refuted_z3();
        c["conditions"][index_of(c, 1, 1, 2)]["target"] = 1;
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(contains(r.reason, "condition (k=1, k1=1, k2=2): target is 1, must be 0"));
    }
    SUBCASE("verdict PROVED on a refutable element") {
        json c = refuted_z3();
        c["verdict"] = "PROVED";
        c["counterexample"] = nullptr;
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "verdict PROVED but condition (k=1, k1=0, k2=0) differs from its target");
    }
    SUBCASE("verdict REFUTED on a global optimum") {
        json c = proved_f6_z3();
        c["verdict"] = "REFUTED";
        c["counterexample"] = cex(1, 1, 1, "one", num({"1"}), 1);
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "verdict REFUTED but counterexample (k=1, k1=1, k2=1) equals its target");
        c["counterexample"] = nullptr;
        CHECK(contains(check(c).reason, "counterexample is not an object"));
    }
    SUBCASE("an unknown verdict") {
        json c = proved_f6_z3();
        c["verdict"] = "UNKNOWN";
        CHECK(contains(check(c).reason, "verdict must be"));
    }
    SUBCASE("PROVED with a counterexample") {
        json c = proved_f6_z3();
        c["counterexample"] = cex(1, 1, 1, "one", num({"1"}), 1);
        CHECK(check(c).reason == "verdict PROVED but counterexample is not null");
    }
    SUBCASE("a wrong loss") {
        for (const json& loss : {num({"5"}), num({}), num({"16/3", "1"}), num({"0", "0", "16/3"})}) {
            json c = refuted_z3();
            c["loss"] = loss;
            const auto r = check(c);
            CHECK_FALSE(r.accepted());
            CHECK(r.reason == "loss differs from (1/n) sum |value - target|^2");
        }
        json c = proved_f6_z3();
        c["loss"] = num({"1/1000000000000"});
        CHECK(check(c).reason == "loss differs from (1/n) sum |value - target|^2");
    }
    SUBCASE("a loss that is right only when |x|^2 is taken without conjugation") {
        // Z_3, one node a[1] = b[1] = 1, c[1] = w: T_1(1,1) = w (target 1), T_1(2,0) = T_1(0,2) = w/2.
        // |w - 1|^2 = 3, |w/2|^2 = 1/4; T_2(2,2) = 0 (target 1). l = (1/3)(3 + 1/2 + 1) = 3/2.
        // Without conjugation: (w-1)^2 + 2 (w/2)^2 + 1 = w^2 - 2w + 1 + w^2/2 + 1 = 2 - 2w + (3/2) w^2.
        auto row = [](json v) { return json::array({json::array({1, std::move(v)})}); };
        json nodes = json::array({{{"a", row(num({"1"}))}, {"b", row(num({"1"}))}, {"c", row(mono(1, 1))}}});
        json conds = json::array({cond(1, 0, 2, mono(1, 1, "2"), 0), cond(1, 1, 1, mono(1, 1), 1),
                                  cond(1, 2, 0, mono(1, 1, "2"), 0), cond(2, 2, 2, num({}), 1)});
        json good = certificate({3}, 3, nodes, conds, "REFUTED", num({"3/2"}), cex(1, 0, 2, "dc-b", mono(1, 1, "2"), 0));
        const auto r = check(good);
        CHECK_MESSAGE(r.accepted(), r.reason);
        json bad = good;
        bad["loss"] = num({"2/3", "-2/3", "1/2"});  // (1/3)(2 - 2w + (3/2) w^2)
        CHECK(check(bad).reason == "loss differs from (1/n) sum |value - target|^2");
    }
    SUBCASE("a wrong counterexample") {
        json c = refuted_z3();
        c["counterexample"] = cex(1, 1, 2, "r", num({"1"}), 0);
        CHECK(check(c).reason ==
              "counterexample (k=1, k1=1, k2=2) is not the first failing condition: (k=1, k1=0, k2=0) differs "
              "from its target");
        c["counterexample"] = cex(1, 0, 0, "r", num({"2"}), 0);
        CHECK(contains(check(c).reason, "kind must be \"bias\""));
        c["counterexample"] = cex(1, 0, 0, "bias", num({"3"}), 0);
        CHECK(check(c).reason ==
              "counterexample (k=1, k1=0, k2=0): its value differs from the listed condition's value");
        c["counterexample"] = cex(1, 0, 0, "bias", num({"2"}), 1);
        CHECK(contains(check(c).reason, "target differs"));
        c["counterexample"] = cex(2, 1, 0, "dc-a", num({"1/2"}), 0);
        CHECK(contains(check(c).reason, "is not the first failing condition"));
        json d = refuted_z2xz3();
        d["counterexample"] = cex(1, 1, 2, "r", num({}), 0);
        CHECK(check(d).reason == "counterexample (k=1, k1=1, k2=2) is not a listed condition");
        json e = refuted_z2xz3();
        e["counterexample"] = cex(1, 1, 1, "one", num({"1/2"}), 1);
        CHECK(contains(check(e).reason, "its value differs"));
    }
    SUBCASE("counterexample kinds are checked for every kind") {
        json c = refuted_z2xz3();
        c["counterexample"] = cex(1, 1, 1, "r", num({}), 1);
        CHECK(contains(check(c).reason, "kind must be \"one\""));
    }
}

TEST_CASE("certificate checker: the modular bound matters") {
    // Z_2 pair with c scaled by s = 1 + p, p the checker's first prime for N = 1: T_1(1,1) = 1 + p,
    // which equals its target 1 modulo p but not exactly. A checker using only p would accept PROVED.
    const std::uint64_t p = cogo::certificate_checker_prime(1, 0);
    const UInt128 s = static_cast<UInt128>(p) + 1;
    const std::string s_str = to_string_u128(s);
    const std::string half = s_str + "/2", minus_half = "-" + s_str + "/2";
    SUBCASE("verdict PROVED although value = target only modulo the first prime") {
        const auto r = check(z2_pair(half, minus_half, s_str, "PROVED", num({}), nullptr));
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "verdict PROVED but condition (k=1, k1=1, k2=1) differs from its target");
        CHECK(r.primes >= 2);
    }
    SUBCASE("the true REFUTED certificate for the same element is accepted") {
        const std::string loss = to_string_u128(static_cast<UInt128>(p) * p) + "/2";  // (1/2) p^2
        const auto r = check(z2_pair(half, minus_half, s_str, "REFUTED", num({loss}),
                                     cex(1, 1, 1, "one", num({s_str}), 1)));
        CHECK_MESSAGE(r.accepted(), r.reason);
        CHECK(r.primes >= 2);
    }
    SUBCASE("a claimed value that equals T only modulo the first prime") {
        // Unscaled pair: T_1(1,1) = 1, claimed 1 + p (consistent verdict, counterexample and loss).
        const std::string loss = to_string_u128(static_cast<UInt128>(p) * p) + "/2";
        const auto r = check(z2_pair("1/2", "-1/2", s_str, "REFUTED", num({loss}),
                                     cex(1, 1, 1, "one", num({s_str}), 1)));
        CHECK_FALSE(r.accepted());
        CHECK(r.reason == "condition (k=1, k1=1, k2=1): claimed value differs from T_k(k1,k2)");
    }
    SUBCASE("a denominator divisible by the first prime is handled (the prime is skipped)") {
        // c = (1/2, -1/2) written as (p/(2p), -p/(2p)).
        const std::string ps = std::to_string(p), twop = to_string_u128(static_cast<UInt128>(p) * 2);
        const auto r = check(z2_pair(ps + "/" + twop, "-" + ps + "/" + twop, "1", "PROVED", num({}), nullptr));
        CHECK_MESSAGE(r.accepted(), r.reason);
    }
    SUBCASE("the prime sequence") {
        for (std::uint64_t n : {1ULL, 3ULL, 12ULL, 1001ULL}) {
            const std::uint64_t q0 = cogo::certificate_checker_prime(n, 0), q1 = cogo::certificate_checker_prime(n, 1);
            CHECK(q0 > (std::uint64_t{1} << 61));
            CHECK(q1 > q0);
            CHECK(q0 % n == 1 % n);
            CHECK(q1 % n == 1 % n);
        }
        CHECK_THROWS_AS(cogo::certificate_checker_prime(0, 0), cogo::InvalidInput);
    }
}

TEST_CASE("certificate checker: format violations are rejected") {
    auto rejected_with = [](const json& c, const std::string& part) {
        const auto r = check(c);
        CHECK_FALSE(r.accepted());
        CHECK_MESSAGE(contains(r.reason, part), r.reason);
    };
    SUBCASE("malformed numbers") {
        for (const json& bad : {num({"1/0"}), num({"abc"}), num({"1.5"}), num({"+1"}), num({" 1"}), num({"1/-2"}),
                                num({"-"}), num({""}), num({"1/"}), num({"1/2/3"}), num({"0x10"})}) {
            json c = refuted_z3();
            c["conditions"][0]["value"] = bad;
            rejected_with(c, "malformed rational coefficient");
        }
        json c = refuted_z3();
        c["conditions"][0]["value"] = json::array({2});
        rejected_with(c, "malformed rational coefficient");
        c["conditions"][0]["value"] = "2";
        rejected_with(c, "must be an array of rational strings");
        json d = proved_f6_z3();
        d["element"]["nodes"][1]["b"][0][1] = num({"1e3"});
        rejected_with(d, "node 1 row b at k=1: malformed rational coefficient");
        json e = proved_f6_z3();
        e["loss"] = nullptr;
        rejected_with(e, "loss: a number must be an array");
    }
    SUBCASE("frequencies out of range") {
        json c = proved_f6_z3();
        c["element"]["nodes"][0]["a"][1][0] = 3;
        rejected_with(c, "node 0 row a: frequency 3 out of range (n = 3)");
        json d = refuted_z3();
        d["conditions"].push_back(cond(3, 1, 1, num({}), 0));
        rejected_with(d, "frequency 3 out of range");
        json e = refuted_z3();
        e["conditions"][17]["k2"] = -1;
        rejected_with(e, "expected a non-negative integer");
        json f = refuted_z3();
        f["conditions"].insert(f["conditions"].begin(), cond(0, 0, 0, num({}), 0));
        rejected_with(f, "output frequency k must be non-zero");
        json g = refuted_z3();
        g["counterexample"]["k1"] = 7;
        rejected_with(g, "counterexample k1: frequency 7 out of range");
    }
    SUBCASE("ordering of rows and conditions") {
        json c = proved_f6_z3();
        std::swap(c["element"]["nodes"][2]["c"][0], c["element"]["nodes"][2]["c"][1]);
        rejected_with(c, "strictly increasing");
        json d = proved_f6_z3();
        std::swap(d["conditions"][3], d["conditions"][4]);
        rejected_with(d, "must be ordered");
        json e = proved_f6_z3();
        e["conditions"].insert(e["conditions"].begin() + 3, e["conditions"][3]);
        rejected_with(e, "without repetition");
    }
    SUBCASE("header fields") {
        json c = proved_f6_z3();
        c["format"] = "cogo-certificat";
        rejected_with(c, "format tag");
        c = proved_f6_z3();
        c["version"] = 2;
        rejected_with(c, "unsupported certificate version");
        c = proved_f6_z3();
        c.erase("conditions");
        rejected_with(c, "missing \"conditions\"");
        c = proved_f6_z3();
        c["group"] = json::array({3, 1});
        rejected_with(c, "every factor must be >= 2");
        c = proved_f6_z3();
        c["field"] = 0;
        rejected_with(c, "N must be >= 1");
        c = proved_f6_z3();
        c["element"]["order"] = 5;
        rejected_with(c, "element.order = 5 but there are 6 nodes");
        c = proved_f6_z3();
        c["element"]["nodes"][0].erase("c");
        rejected_with(c, "node 0: missing \"c\"");
        c = proved_f6_z3();
        c["conditions"][0]["target"] = 2;
        rejected_with(c, "target must be 0 or 1");
        c = proved_f6_z3();
        c["statement"] = 3;
        rejected_with(c, "\"statement\" must be a string");
        rejected_with(json::array({1, 2}), "must be a JSON object");
    }
    SUBCASE("a field beyond the checker's limit is a resource limit, not a verdict") {
        json c = proved_f6_z3();
        c["field"] = (std::uint64_t{1} << 33);
        const auto r = check(c);
        CHECK(r.status == cogo::CheckStatus::limit);
        CHECK_FALSE(r.accepted());
        CHECK(r.certified == cogo::Verdict::unknown);
        CHECK_MESSAGE(contains(r.reason, "exceeds 2^32"), r.reason);
    }
    SUBCASE("the field matters: zeta_3 entries read in Q(zeta_6) are different numbers") {
        json c = proved_f6_z3();
        c["field"] = 6;
        CHECK_FALSE(check(c).accepted());
    }
}

TEST_CASE("certificate checker: unreadable input throws InvalidInput") {
    CHECK_THROWS_AS(check_certificate("{\"format\": "), cogo::InvalidInput);
    CHECK_THROWS_AS(check_certificate("not json"), cogo::InvalidInput);
    CHECK_THROWS_AS(cogo::check_certificate_file("/nonexistent/certificate.json"), cogo::InvalidInput);
    const std::string path = "/tmp/cogo_test_certificate_checker.json";
    {
        std::ofstream out(path);
        out << proved_f6_z3().dump(2);
    }
    const auto r = cogo::check_certificate_file(path);
    CHECK_MESSAGE(r.accepted(), r.reason);
    std::remove(path.c_str());
}

TEST_CASE("certificate checker: the size of numbers and the work are bounded before the arithmetic") {
    // 10^50000 / (6 * 10^50000) = 1/6 unreduced (50,001 digits) used to hold the checker for minutes
    const std::string big = "1" + std::string(50000, '0');
    json c = proved_f6_z3();
    c["element"]["nodes"][0]["c"][0][1] = num({big + "/6" + std::string(50000, '0')});
    const auto r = check(c);
    CHECK_FALSE(r.accepted());
    CHECK_MESSAGE(contains(r.reason, "node 0 row c at k=1: rational coefficient with more than 10000 digits"), r.reason);
    CHECK(r.primes == 0);
    // 10,000 digits are still read (and this number is simply wrong: rejected by the arithmetic)
    json d = proved_f6_z3();
    d["element"]["nodes"][0]["c"][0][1] = num({"-" + std::string(10000, '7')});
    const auto rd = check(d);
    CHECK_FALSE(rd.accepted());
    CHECK_MESSAGE(contains(rd.reason, "claimed value differs"), rd.reason);
    // more work than the bound is a resource limit, not a verdict (checked before the first prime)
    cogo::CertificateLimits tight;
    tight.max_work = 10;
    const auto limited = check_certificate(proved_f6_z3().dump(), tight);
    CHECK(limited.status == cogo::CheckStatus::limit);
    CHECK(limited.primes == 0);
    const auto full = check_certificate(proved_f6_z3().dump());
    CHECK(full.accepted());
    CHECK(full.certified == cogo::Verdict::proved);
    tight = {};
    tight.max_digits = 5;
    json e = proved_f6_z3();
    e["conditions"][0]["value"] = num({"123456/123456"});
    CHECK_FALSE(check_certificate(e.dump(), tight).accepted());
    e["conditions"][0]["value"] = num({"12345/12345"});
    CHECK_FALSE(contains(check_certificate(e.dump(), tight).reason, "digits"));
}
