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
