// Tests of verify/symbolic_residuals.hpp: the residual solver on polynomials whose common zeros are known by
// hand (gcd, Bezout identity re-multiplied here, roots of unity), and the parametric verification of the
// families of proofs/families.cpp (free parameters: PROVED for all values; z_xi's R_* condition xi^2 = s i).
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "construct/families.hpp"
#include "construct/symbolic_expression.hpp"
#include "verify/symbolic_residuals.hpp"

using namespace cogo;

namespace {

const Symbolic x = Symbolic::unit_modulus("x");

Symbolic power(const Symbolic& v, int n) {
    Symbolic r(1);
    for (int i = 0; i < n; ++i) r = r * v;
    return r;
}

/// The polynomial sum p_i x^i as a Symbolic value.
Symbolic value_of(const CyclotomicPolynomial& p) {
    Symbolic r;
    for (std::size_t i = 0; i < p.size(); ++i) r = r + Symbolic::from_cyclotomic(p[i]) * power(x, static_cast<int>(i));
    return r;
}

std::set<std::pair<unsigned long, unsigned long>> roots_of(const ResidualSolution& s) {
    return {s.roots.begin(), s.roots.end()};
}

}  // namespace

TEST_CASE("the common zeros of x^4 + 1 and x^8 - 1 (times x^-3): x^4 = -1, the primitive 8th roots of unity") {
    const Symbolic inv3 = power(x.inverse(), 3);
    const std::vector<Symbolic> residuals = {power(x, 4) + 1, (power(x, 8) - 1) * inv3};
    const ResidualSolution s = solve_residuals(residuals, "x", true);
    REQUIRE(s.gcd.size() == 5);
    CHECK((value_of(s.gcd) - (power(x, 4) + 1)).is_zero());
    CHECK(s.shifts == std::vector<long>{0, 3});
    // Bezout identity and quotients, re-multiplied with the Symbolic arithmetic
    Symbolic combination;
    for (std::size_t i = 0; i < residuals.size(); ++i) {
        const Symbolic p = residuals[i] * power(x, static_cast<int>(s.shifts[i]));
        combination = combination + value_of(s.cofactors[i]) * p;
        CHECK((p - value_of(s.quotients[i]) * value_of(s.gcd)).is_zero());
    }
    CHECK((combination - value_of(s.gcd)).is_zero());
    CHECK(s.complete);
    CHECK(roots_of(s) == std::set<std::pair<unsigned long, unsigned long>>{{8, 1}, {8, 3}, {8, 5}, {8, 7}});
    CHECK(s.describe().find("x^4 = -1") != std::string::npos);
}

TEST_CASE("no common zero: a constant gcd means the conditions hold for no value") {
    const ResidualSolution s = solve_residuals({x - 1, x + 1}, "x", true);
    CHECK(s.no_solution());
    CHECK(s.holds_nowhere());
    CHECK(s.describe() == "for no value of x");
}

TEST_CASE("a double root is one solution; a root that is not a root of unity is reported as not solved") {
    // (x - i)^2 (x - 2): roots i (double) and 2 (not on the unit circle)
    const Symbolic i = Symbolic::zeta(4, 1);
    const ResidualSolution s = solve_residuals({(x - i) * (x - i) * (x - 2)}, "x", true);
    CHECK(s.distinct_roots == 2);
    CHECK(roots_of(s) == std::set<std::pair<unsigned long, unsigned long>>{{4, 1}});
    CHECK_FALSE(s.complete);
    CHECK(s.describe().find("not solved") != std::string::npos);
    // x^3 = 1 with coefficients in Q: the cube roots of unity, 1 included
    const ResidualSolution c = solve_residuals({power(x, 3) - 1}, "x", true);
    CHECK(c.complete);
    CHECK(roots_of(c) == std::set<std::pair<unsigned long, unsigned long>>{{1, 0}, {3, 1}, {3, 2}});
}

TEST_CASE("a real parameter: the root of a linear gcd, and no real solution when it is not real") {
    const Symbolic r = Symbolic::real_variable("r");
    const ResidualSolution s = solve_residuals({r * 3 - 2, (r * 3 - 2) * (r + 5)}, "r", false);
    REQUIRE(s.real_root);
    CHECK(*s.real_root == Cyclotomic::rational(2, 3));
    CHECK_FALSE(s.holds_nowhere());
    const ResidualSolution n = solve_residuals({r - Symbolic::zeta(4, 1)}, "r", false);
    CHECK(n.holds_nowhere());
}

TEST_CASE("parametric verification reproduces proofs/families.cpp: free nu, alpha, beta are optimal for all values") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const SymbolicVerification f6 =
        verify_symbolic(evaluate_symbolic_expression(g, "sum(nu(t) * syn) / 6", {{"t"}, {}}), {{"t"}, {}});
    CHECK(f6.result.verdict == Verdict::proved);
    CHECK(f6.residuals.empty());
    const ExpressionSymbols ab{{"al", "be"}, {}};
    const SymbolicVerification synab = verify_symbolic(evaluate_symbolic_expression(g, "sum(nui * synab(al, be)) / 6", ab), ab);
    CHECK(synab.result.verdict == Verdict::proved);
    // the all-order-4 element fails exactly the bias conditions T_k(0,0) = 1 +- i, for every xi
    const ExpressionSymbols xs{{"x"}, {}};
    const SymbolicVerification f4 = verify_symbolic(evaluate_symbolic_expression(g, "sum(nui * xi(x)) / 4", xs), xs);
    REQUIRE(f4.residuals.size() == 4);
    for (std::size_t i : f4.residuals) CHECK(f4.result.conditions[i].kind() == ConditionKind::bias);
    REQUIRE(f4.solution);
    CHECK(f4.solution->holds_nowhere());
}

TEST_CASE("z_xi(xi, s) kills a^2c, b^2c iff xi^2 = s i: the residuals of z_syn z_xi / 6 solved") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const ExpressionSymbols xs{{"x"}, {}};
    for (int s : {1, -1}) {
        const std::string text = "sum(syn * xi(x, " + std::to_string(s) + ")) / 6";
        const SymbolicVerification v = verify_symbolic(evaluate_symbolic_expression(g, text, xs), xs);
        REQUIRE(v.solution);
        // x^2 = s i: x = zeta_8^{1,5} (s = 1), zeta_8^{3,7} (s = -1)
        const std::set<std::pair<unsigned long, unsigned long>> expected =
            s == 1 ? std::set<std::pair<unsigned long, unsigned long>>{{8, 1}, {8, 5}}
                   : std::set<std::pair<unsigned long, unsigned long>>{{8, 3}, {8, 7}};
        CHECK(v.solution->complete);
        CHECK(roots_of(*v.solution) == expected);
        for (std::size_t i : v.residuals) {
            const ConditionKind kind = v.result.conditions[i].kind();
            CHECK((kind == ConditionKind::dc_a || kind == ConditionKind::dc_b));
        }
    }
}

TEST_CASE("regression: a rational gcd stored in a large field is solved over Q (x^2 + 1 in Q(zeta_960))") {
    const Symbolic one_960 = Symbolic::from_cyclotomic(Cyclotomic(1).lift(960));
    const ResidualSolution s = solve_residuals({x * x * one_960 + one_960}, "x", true);
    CHECK(s.complete);
    CHECK(roots_of(s) == std::set<std::pair<unsigned long, unsigned long>>{{4, 1}, {4, 3}});
}
