// Tests of dynamics/zero_loss_path.hpp and `cogo path`: the path's end points, the symbolic-t verdict
// against Cyclotomic verifications at rational t (two independent arithmetics), the hypotheses, mutations,
// certificates re-checked by the independent checker.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/path_command.hpp"
#include "construct/expression.hpp"
#include "dynamics/zero_loss_path.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/symbolic.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/verify.hpp"

using namespace cogo;

namespace {

Element<Symbolic> to_symbolic(const Element<Cyclotomic>& e) {
    return map_values<Symbolic>(e, [](const Cyclotomic& c) { return Symbolic::from_cyclotomic(c); });
}

/// Every supported potential of a equals that of b (missing keys count as 0).
bool same_potentials(const Element<Cyclotomic>& a, const Element<Cyclotomic>& b) {
    auto ra = supported_potentials(a), rb = supported_potentials(b);
    for (const auto& [k, v] : ra) {
        const auto it = rb.find(k);
        if (!(v - (it == rb.end() ? Cyclotomic() : it->second)).is_zero()) return false;
    }
    for (const auto& [k, v] : rb)
        if (!ra.count(k) && !v.is_zero()) return false;
    return true;
}

}  // namespace

TEST_CASE("end points: z(0) has the potentials of y * z', z(1) those of z'") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const auto y = evaluate_expression(g, "sum(nu(1/5)*syn)/6"), zp = evaluate_expression(g, "sum(nu(1/3)*syn)/6");
    CHECK(same_potentials(zero_loss_path(y, zp, Cyclotomic(0)), y * zp));
    CHECK(same_potentials(zero_loss_path(y, zp, Cyclotomic(1)), zp));
    CHECK(zero_loss_path(y, zp, Cyclotomic(0)).order() == (y.order() + 1) * zp.order());
}

TEST_CASE("the loss along the path, symbolic t, agrees with exact verifications at rational t") {
    struct Case {
        const char* group;
        const char* y;
        const char* z;
        bool zero;
    };
    const Case cases[] = {{"7", "sum(syn)/3", "sum(nu(1/3)*syn)/6", true},
                          {"5", "sum(nu(1/5)*syn)/6", "sum(nui*synab(1/4,1/8))/6", true},
                          {"3x3", "sum(syn)/3", "sum(nu(1/4)*syn)/6", true},
                          {"7", "sum(syn)/2", "sum(nu(1/3)*syn)/6", false},     // r_kkk(y) = 3/2
                          {"5", "sum(syn)/3", "sum(nui*xi(1/8))/4", false}};    // z' not global
    const Symbolic t = Symbolic::real_variable("t");
    for (const Case& c : cases) {
        const AbelianGroup g = AbelianGroup::parse(c.group);
        CAPTURE(c.group);
        CAPTURE(c.y);
        CAPTURE(c.z);
        const auto y = evaluate_expression(g, c.y), zp = evaluate_expression(g, c.z);
        const auto symbolic = verify_global_optimum(zero_loss_path(to_symbolic(y), to_symbolic(zp), t));
        REQUIRE(symbolic.loss);
        CHECK((symbolic.verdict == Verdict::proved) == c.zero);
        for (long num : {0L, 1L, 2L, 5L, 7L}) {
            const Cyclotomic tc = Cyclotomic::rational(num, 7);
            const auto exact = verify_global_optimum(zero_loss_path(y, zp, tc));
            REQUIRE(exact.loss);
            const Symbolic at = symbolic.loss->substitute("t", Symbolic::rational(num, 7));
            CHECK((at - Symbolic::from_cyclotomic(*exact.loss)).is_zero());
        }
    }
}

TEST_CASE("the lemma's hypotheses: sufficient form of z' and r_kkk(y) = 1") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    CHECK_FALSE(sufficient_form_violation(evaluate_expression(g, "sum(nu(1/3)*syn)/6")).has_value());
    CHECK(sufficient_form_violation(evaluate_expression(g, "sum(nui*xi(1/8))/4")).has_value());      // bias terms
    CHECK(sufficient_form_violation(evaluate_expression(g, "sum(nu(1/3)*syn)/5")).has_value());      // r_kkk = 6/5
    CHECK_FALSE(unit_r_kkk_violation(evaluate_expression(g, "sum(syn)/3")).has_value());
    CHECK(unit_r_kkk_violation(evaluate_expression(g, "(syn@1 + syn@2)/3")).has_value());            // k = 3 missing
    // mutation: one c-entry of z' changed breaks both the sufficient form and the path
    auto zp = evaluate_expression(g, "sum(nu(1/3)*syn)/6");
    std::vector<Node<Cyclotomic>> nodes = zp.nodes();
    nodes[4].c.front().second = nodes[4].c.front().second + Cyclotomic::rational(1, 100);
    const Element<Cyclotomic> bad(g, std::move(nodes));
    CHECK(sufficient_form_violation(bad).has_value());
    const auto r = verify_global_optimum(zero_loss_path(to_symbolic(evaluate_expression(g, "sum(syn)/3")), to_symbolic(bad),
                                                        Symbolic::real_variable("t")));
    CHECK(r.verdict == Verdict::refuted);
}

TEST_CASE("cogo path: exit codes, JSON, and certificates the independent checker accepts") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "cogo_test_path";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    cli::PathOptions o;
    o.group = "7";
    o.y = "sum(syn)/3";
    o.z_prime = "sum(nu(1/3)*syn)/6";
    o.certificate = (dir / "p").string();
    std::ostringstream out;
    CHECK(cli::run_path(o, out) == 0);
    CHECK(out.str().find("PROVED: the loss is identically 0") != std::string::npos);
    for (const char* f : {"p.t1_3.json", "p.t2_3.json"}) {
        const auto check = check_certificate_file((dir / f).string());
        CHECK(check.accepted());
        CHECK(check.verdict == "PROVED");
    }
    o.certificate.clear();
    o.json = true;
    o.y = "sum(syn)/2";
    std::ostringstream js;
    CHECK(cli::run_path(o, js) == 1);
    const auto j = nlohmann::json::parse(js.str());
    CHECK(j["verdict"] == "REFUTED");
    CHECK(j["y_unit_r_kkk"] == false);
    o.max_terms = 10;
    std::ostringstream limited;
    CHECK(cli::run_path(o, limited) == 3);
    o.group.clear();
    CHECK_THROWS_AS((void)cli::run_path(o, limited), InvalidInput);
    std::filesystem::remove_all(dir);
}

TEST_CASE("cogo path with z' = z_F4/6, whose bias cancels across frequencies (cancel(...) expression)") {
    // Derivation (docs/theory.md sections 4-6). Conditions are linear in the potentials and potentials add over
    // node concatenation, and z(t) = y_t * z' = (1 - t) (y * z') + t z' (c-rows scaled). So the path is
    // identically optimal iff y * z' is (z' = z_F4/6 is), sufficient form or not; and a condition of z(t) is
    // (1 - t) times that of y * z'. In y * z' a node of y at k1 times a node of z' at k0 != k1 has no input
    // entries (a, b rows at k1 and at k0 do not meet), so the order-6 block's cross-frequency outputs die:
    // y * z' = sum_k y@k * (z'@k) without the bias cancellation.
    //  * y = sum(syn)/3: z_syn kills R_n (sum |a|^2 c = 1 + w + w' = 0), so every bias of y * z' is 0; with
    //    z_syn (R_c, R_*^-) and z_nu_i z_xi (R_c, R_*) or z_nu z_syn, every potential but r_kkk = 1 * 1 dies:
    //    y * z' is global and the path is PROVED for all t.
    //  * y = sum(nui)/2: r_kkk = (1 + i (-i) 1) / 2 = 1, |a|^2c = |b|^2c = (1 + 1)/2 = 1; at an order-4 k the
    //    block z_nu_i z_xi / 4 has |a|^2c = |b|^2c = (1 + i)/2 (xi = 1/8 turn, s = 1), so T_k(0,0)(y * z') =
    //    1 * (1 + i)/2 + 1 * (1 + i)/2 = 1 + i and along the path (1 - t)(1 + i) at k, (1 - t)(1 - i) at -k.
    //    Nothing else fails (z_nu_i z_nu_i z_xi kills R_c, R_*; at k0, z_syn kills R_n). The loss is the sum
    //    of |T_k(0,0)|^2 over the 2 ((n-1)/2 - 1) output frequencies of order-4 blocks, over n:
    //    Z_5: 2 * 2 (1 - t)^2 / 5 = 4 (1 - t)^2 / 5;  Z_7: 4 * 2 (1 - t)^2 / 7 = 8 (1 - t)^2 / 7.
    const std::string f46 = "cancel(sum(nui * xi(1/8), except 1) / 4, (nu(1/3) * syn)@1 / 6)";
    const Symbolic t = Symbolic::real_variable("t");
    const Symbolic i = Symbolic::zeta(4);
    for (const auto& [d, order4_frequencies] : {std::pair{5, 2}, std::pair{7, 4}}) {
        CAPTURE(d);
        const AbelianGroup g = AbelianGroup::cyclic(static_cast<unsigned long>(d));
        cli::PathOptions o;
        o.group = std::to_string(d);
        o.z_prime = f46;
        o.json = true;
        o.y = "sum(syn)/3";
        std::ostringstream proved;
        CHECK(cli::run_path(o, proved) == 0);
        const auto p = nlohmann::json::parse(proved.str());
        CHECK(p["verdict"] == "PROVED");
        CHECK(p["z_prime_sufficient_form"] == false);  // the cross-frequency outputs are not in the sufficient form
        CHECK(p["path_residuals"].empty());

        o.y = "sum(nui)/2";
        std::ostringstream refuted;
        CHECK(cli::run_path(o, refuted) == 1);
        const auto r = nlohmann::json::parse(refuted.str());
        CHECK(r["verdict"] == "REFUTED");
        CHECK(r["z_prime_global"] == "PROVED");
        CHECK(r["z_global"] == "REFUTED");
        CHECK(r["path_residuals"].size() == static_cast<std::size_t>(order4_frequencies));
        // the exact loss along the path, compared as Symbolic values
        const Element<Symbolic> path = zero_loss_path(to_symbolic(evaluate_expression(g, o.y)),
                                                      to_symbolic(evaluate_expression(g, f46)), t);
        const auto v = verify_global_optimum(path);
        REQUIRE(v.loss);
        const Symbolic expected = Symbolic(2 * order4_frequencies) * (Symbolic(1) - t) * (Symbolic(1) - t) *
                                  Symbolic::rational(1, d);
        CHECK((*v.loss - expected).is_zero());
        // every failing condition is a bias, (1 - t)(1 +- i)
        std::size_t biases = 0;
        for (const auto& c : v.conditions) {
            if (c.defect().is_zero()) continue;
            CHECK(c.kind() == ConditionKind::bias);
            const Symbolic plus = (Symbolic(1) - t) * (Symbolic(1) + i), minus = (Symbolic(1) - t) * (Symbolic(1) - i);
            CHECK(((c.defect() - plus).is_zero() || (c.defect() - minus).is_zero()));
            ++biases;
        }
        CHECK(biases == static_cast<std::size_t>(order4_frequencies));
    }
}
