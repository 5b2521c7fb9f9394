// Tests for src/construct/bias_cancellation.hpp and the expression language's bias operators and
// real-frequency atoms (construct/expression.hpp): cancel(Z, B) spells z_F4/6, debias(Z, k0) the bias node of
// --solution min, real1 / real2 the real-frequency blocks; each equals the named construction exactly (up to
// node order), numerically and with symbols, and is PROVED; perturbations are not.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "algebra/transforms.hpp"
#include "construct/any_group_solutions.hpp"
#include "construct/bias_cancellation.hpp"
#include "construct/expression.hpp"
#include "construct/global_solutions.hpp"
#include "construct/real_frequency.hpp"
#include "construct/symbolic_expression.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "support/error.hpp"
#include "verify/symbolic_residuals.hpp"
#include "verify/verify.hpp"

using namespace cogo;
using C = cogo::Cyclotomic;

namespace {

C turn_of(const char* text) { return turn_value<C>(parse_turn(text)); }

bool proved(const Element<C>& z) {
    const auto result = verify_global_optimum(z);
    return result.verdict == Verdict::proved && result.loss && result.loss->is_zero();
}

bool refused(const AbelianGroup& g, const std::string& text, const std::string& part) {
    try {
        (void)evaluate_expression(g, text);
    } catch (const InvalidInput& e) {
        const bool found = std::string(e.what()).find(part) != std::string::npos;
        if (!found) MESSAGE(e.what());
        return found;
    }
    MESSAGE("accepted: " << text);
    return false;
}

/// The z_F4/6 expression with the order-6 block at k0 (a pair representative).
std::string f46_text(const std::string& nu, const std::string& xi, int s, std::size_t k0) {
    return "cancel(sum(nui * xi(" + xi + ", " + std::to_string(s) + "), except " + std::to_string(k0) + ") / 4, (nu(" +
           nu + ") * syn)@" + std::to_string(k0) + " / 6)";
}

}  // namespace

TEST_CASE("cancel(Z, B) spells z_F4/6 exactly: every odd group tried, several nu, xi, s and k0") {
    for (const std::string spec : {"3", "5", "7", "9", "15", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::vector<std::size_t> reps = pair_representatives(g);
        for (const auto& [nu, xi, s] : {std::tuple{"1/3", "1/8", 1}, std::tuple{"1/8", "-1/5", -1}, std::tuple{"2/7", "0", 1}}) {
            for (std::size_t k0 : {reps.front(), reps.back()}) {
                CAPTURE(spec);
                CAPTURE(nu);
                CAPTURE(xi);
                CAPTURE(s);
                CAPTURE(k0);
                if (reps.size() == 1 && k0 != reps.front()) continue;
                const Element<C> named = f46<C>(g, turn_of(nu), {turn_of(xi)}, {s}, k0);
                // (Z_3 has one pair: the sum 'except 1' is empty, the element 0, and z_F4/6 the order-6 block alone)
                const Element<C> z = evaluate_expression(g, f46_text(nu, xi, s, k0));
                CHECK(z.order() == (reps.size() == 1 ? 6 : 2 * g.order()));
                CHECK(equal_up_to_node_permutation(z, named));
                CHECK(proved(z));
                // the function directly
                std::vector<Element<C>> blocks4;
                for (std::size_t t = 0, i = 0; i < reps.size(); ++i)
                    if (reps[i] != k0) blocks4.push_back(nui_xi_block<C>(g, reps[i], turn_of(xi), s)), ++t;
                CHECK(equal_up_to_node_permutation(
                    cancel_biases_on(sum_of(g, blocks4), nu_syn_block<C>(g, k0, turn_of(nu))), named));
            }
        }
    }
}

TEST_CASE("cancel(Z, B): the outputs are -T_k(0,0)(Z) / D_k(B) on every node of B, where B has no output") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const Element<C> z = evaluate_expression(g, "cancel((nui * xi(1/8))@2 / 4, (nu(1/3) * syn)@1 / 6)");
    REQUIRE(z.order() == 10);
    // the order-4 block at 2 has bias 1 + i (global_solutions.hpp); the six unit-input nodes of z_nu z_syn
    // have D = sum (|a|^2 + |b|^2) = 12 at unit outputs, so lambda_2 = -(1 + i)/12 and lambda_3 = -(1 - i)/12
    const C i = C::zeta(4);
    std::size_t carriers = 0;
    for (const Node<C>& n : z.nodes()) {
        if (find_entry(n.a, 1) == nullptr) continue;
        ++carriers;
        REQUIRE(find_entry(n.c, 2) != nullptr);
        CHECK(*find_entry(n.c, 2) == -(C(1) + i) * C::rational(1, 12));
        CHECK(*find_entry(n.c, 3) == -(C(1) - i) * C::rational(1, 12));
    }
    CHECK(carriers == 6);
    // mutation: a wrong normalisation of the order-4 block leaves a bias the carrier cancels, but then r_kkk != 1
    CHECK_FALSE(proved(evaluate_expression(g, "cancel((nui * xi(1/8))@2 / 5, (nu(1/3) * syn)@1 / 6)")));
    // a carrier whose input sums do not vanish (the order-4 block itself): its new outputs create other
    // potentials, and the result is refuted, not proved
    CHECK_FALSE(proved(evaluate_expression(g, "cancel((nui * xi(1/8))@2 / 4, (nui * xi(1/8))@1 / 4)")));
    // without the cancellation the all-order-4 element is refuted at the bias
    CHECK_FALSE(proved(evaluate_expression(g, "(nui * xi(1/8))@2 / 4 + (nu(1/3) * syn)@1 / 6")));
    // a carrier without inputs cannot carry anything
    Node<C> dead;
    dead.c.emplace_back(1, C(1));
    CHECK_THROWS_AS((void)cancel_biases_on(evaluate_expression(g, "(nui * xi(1/8))@2 / 4"), Element<C>(g, {dead})),
                    InvalidInput);
}

TEST_CASE("cancel with symbols: z_F4/6 for every unit nu and xi is PROVED, and substitutes to the numeric one") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const ExpressionSymbols ts{{"t", "s"}, {}};
    const std::string text = "cancel(sum(nui * xi(t, -1), except 2) / 4, (nu(s) * syn)@2 / 6)";
    const Element<Symbolic> z = evaluate_symbolic_expression(g, text, ts);
    const SymbolicVerification v = verify_symbolic(z, ts);
    CHECK(v.result.verdict == Verdict::proved);
    CHECK(v.residuals.empty());
    // t = zeta_5, s = zeta_8 gives the named construction (compared after substitution, node for node)
    const Element<C> named = f46<C>(g, C::zeta(8), {C::zeta(5)}, {-1}, 2);
    const Element<C> numeric = map_values<C>(z, [](const Symbolic& x) {
        const Symbolic v = x.substitute("t", Symbolic::zeta(5)).substitute("s", Symbolic::zeta(8));
        return *v.to_cyclotomic();
    });
    CHECK(equal_up_to_node_permutation(numeric, named));
}

TEST_CASE("debias(Z, k0) is --solution min; pairsum / realsum with real1, real2 are min and F6R on even groups") {
    // odd order: the DC bias node (k0 = 0)
    for (unsigned long d : {3UL, 5UL, 9UL}) {
        const AbelianGroup g = AbelianGroup::cyclic(d);
        const Element<C> z = evaluate_expression(g, "debias(sum(nui * xi(1/8)) / 4)");
        CHECK(equal_up_to_node_permutation(z, minimal_solution<C>(g)));
        CHECK(z.order() == 2 * d - 1);
        CHECK(proved(z));
        CHECK(equal_up_to_node_permutation(evaluate_expression(g, "debias(sum(nui * xi(1/8)) / 4, 0)"), z));
    }
    // even order: the bias node at the first real frequency, the real blocks at every real frequency
    for (const std::string spec : {"2", "4", "2x2", "6", "2x4", "12", "2x3x4"}) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t k0 = real_frequencies(g).front();
        const std::string pairs = pair_representatives(g).empty() ? "" : "pairsum(nui * xi(1/8)) / 4 + ";
        const Element<C> min = evaluate_expression(g, "debias(" + pairs + "realsum(real1), " + std::to_string(k0) + ")");
        CHECK(equal_up_to_node_permutation(min, minimal_solution<C>(g)));
        CHECK(proved(min));
        const std::string pairs6 = pair_representatives(g).empty() ? "" : "pairsum(nu(1/3) * syn) / 6 + ";
        const Element<C> f6r = evaluate_expression(g, pairs6 + "realsum(real2)");
        CHECK(equal_up_to_node_permutation(f6r, f6_real<C>(g, {turn_of("1/3")})));
        CHECK(proved(f6r));
        // the least-biased node in another gauge, and the pair in another scale, are global solutions too
        CHECK(proved(evaluate_expression(g, "debias(" + pairs + "realsum(real1(3/2, -1)), " + std::to_string(k0) + ")")));
        CHECK(proved(evaluate_expression(g, pairs6 + "realsum(real2(-5))")));
        // mutation: the real block without the bias node is refuted
        CHECK_FALSE(proved(evaluate_expression(g, pairs6 + "realsum(real1)")));
    }
}

TEST_CASE("real1(R, S) is the node (R, S R, S / R^2): r_kkk = 1, bias S; real2(R) has bias 0") {
    const AbelianGroup g = AbelianGroup::cyclic(6);
    const Element<C> n = evaluate_expression(g, "real1(2, -1)@3");
    REQUIRE(n.order() == 1);
    CHECK(*find_entry(n.nodes()[0].a, 3) == C(2));
    CHECK(*find_entry(n.nodes()[0].b, 3) == C(-2));
    CHECK(*find_entry(n.nodes()[0].c, 3) == C::rational(-1, 4));
    // bias (a^2 + b^2) c / 2 = (4 + 4) (-1/4) / 2 = -1
    const FourierRow<C> bias = output_biases(n);
    REQUIRE(bias.size() == 1);
    CHECK(bias[0].second == C(-1));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "real1@3"), real_identity_block<C>(g, 3)));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "real2@3"), real_pair_block<C>(g, 3)));
    CHECK(output_biases(evaluate_expression(g, "real2(7/3)@3")).empty());
    CHECK(refused(g, "real1@1", "needs a real frequency"));
    CHECK(refused(g, "real2(0)@3", "must be non-zero"));
    CHECK(refused(g, "real1(1, 2)@3", "sign of real1"));
    CHECK(refused(g, "real2(1, 1)@3", "takes 0-1 arguments"));
    CHECK(refused(g, "debias(real1@3, 1)", "2 k0 = 0"));
    CHECK(refused(g, "pairsum(syn, except 3) / 3", "k != -k"));
    CHECK(refused(g, "pairsum(syn, except 9) / 3", "is not a frequency"));
    CHECK(refused(g, "pairsum(syn, expect 1) / 3", "except K"));
    CHECK(refused(g, "sum(syn) / 3", "pairsum(...) + realsum(...)"));
    // the empty sum is the element 0 (no nodes): realsum on an odd order, a sum without its only pair
    CHECK(evaluate_expression(AbelianGroup::cyclic(5), "realsum(real1)").order() == 0);
    CHECK(evaluate_expression(AbelianGroup::cyclic(3), "sum(syn, except 2) + syn@1").order() == 3);
    CHECK(refused(g, "cancel(real1@3)", "expected ','"));
}

TEST_CASE("real1, real2 and debias with a real symbol: PROVED for every value, substitution gives the numeric element") {
    const AbelianGroup g = AbelianGroup::parse("2x4");
    const ExpressionSymbols r{{}, {"r"}};
    const std::string text = "debias(pairsum(nui * xi(1/8)) / 4 + realsum(real1(r, -1)), 2)";
    const Element<Symbolic> z = evaluate_symbolic_expression(g, text, r);
    const SymbolicVerification v = verify_symbolic(z, r);
    CHECK(v.result.verdict == Verdict::proved);
    const Element<C> at = map_values<C>(z, [](const Symbolic& x) { return *x.substitute("r", Symbolic::rational(3, 5)).to_cyclotomic(); });
    CHECK(equal_up_to_node_permutation(at, evaluate_expression(g, "debias(pairsum(nui * xi(1/8)) / 4 + realsum(real1(3/5, -1)), 2)")));
    const Element<Symbolic> pair = evaluate_symbolic_expression(g, "pairsum(nu(1/3) * syn) / 6 + realsum(real2(r))", r);
    CHECK(verify_symbolic(pair, r).result.verdict == Verdict::proved);
    // mutation: one real node without the bias node leaves residual biases (for every r: CONDITIONAL at best)
    const Element<Symbolic> bad = evaluate_symbolic_expression(g, "pairsum(nu(1/3) * syn) / 6 + realsum(real1(r))", r);
    CHECK_FALSE(verify_symbolic(bad, r).residuals.empty());
}

TEST_CASE("more named constructions as expressions; the bias operators are bounded by --max-terms") {
    const AbelianGroup z9 = AbelianGroup::cyclic(9);
    CHECK(equal_up_to_node_permutation(evaluate_expression(z9, "syndc(1)@3 + sum(nu(1/3) * syn, except 3) / 6"),
                                       syn_dc_solution<C>(z9, C(1), {turn_of("1/3")})));
    // computing the biases of a large Z counts against the budget: refused, not run
    ResourceLimits tight;
    tight.max_terms = 5000;  // the products of the order-4 blocks take about 2,000; their biases about 5,000 more
    const AbelianGroup g = AbelianGroup::cyclic(31);
    CHECK_NOTHROW((void)evaluate_expression(g, "sum(nui * xi(1/8)) / 4", tight));
    CHECK_THROWS_AS((void)evaluate_expression(g, "debias(sum(nui * xi(1/8)) / 4)", tight), ResourceLimit);
    CHECK_THROWS_AS((void)evaluate_expression(g, "cancel(sum(nui * xi(1/8), except 1) / 4, (nu(1/3) * syn)@1 / 6)", tight),
                    ResourceLimit);
}
