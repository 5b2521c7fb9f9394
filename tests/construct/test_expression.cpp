// Tests for src/construct/expression.hpp: ring expressions evaluate to the catalogue's elements.
#include <doctest/doctest.h>

#include "algebra/transforms.hpp"
#include "construct/expression.hpp"
#include "construct/global_solutions.hpp"
#include "construct/turn.hpp"

using namespace cogo;

namespace {
std::vector<Cyclotomic> turns(const char* s) { return turn_values<Cyclotomic>(parse_turns(s)); }
}  // namespace

TEST_CASE("expressions reproduce the named constructions exactly (up to node order)") {
    for (unsigned long d : {3UL, 7UL, 11UL}) {
        const AbelianGroup g = AbelianGroup::cyclic(d);
        CHECK(equal_up_to_node_permutation(evaluate_expression(g, "sum(nu(1/3) * syn) / 6"), f6(g, turns("1/3"))));
        CHECK(equal_up_to_node_permutation(evaluate_expression(g, " sum ( nu( -1/4 )*syn )/6 "), f6(g, turns("-1/4"))));
        CHECK(equal_up_to_node_permutation(evaluate_expression(g, "sum(nui * synab(1/4, 1/8)) / 6"),
                                           nui_synab(g, turns("1/4"), turns("1/8"))));
        CHECK(equal_up_to_node_permutation(evaluate_expression(g, "sum(nui * xi(1/8, -1)) / 4"),
                                           order4(g, turns("1/8"), {-1})));
        // an integer factor scales the c-row: 2 * x / 12 = x / 6
        CHECK(equal_up_to_node_permutation(evaluate_expression(g, "2 * sum(nu(1/3) * syn) / 12"), f6(g, turns("1/3"))));
        CHECK_FALSE(equal_up_to_node_permutation(evaluate_expression(g, "sum(nu(1/3) * syn) / 5"), f6(g, turns("1/3"))));
    }
}

TEST_CASE("@k, conj, one and u atoms") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "(nu(1/3) * syn)@2 / 6"), nu_syn_block(g, 2, turns("1/3").front())));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "conj(nu(1/3))@1"), conjugate(z_nu(g, 1, turns("1/3").front()))));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "(one * syn)@3"), z_syn<Cyclotomic>(g, 3)));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "u(0, 1/3, -1/3)@1"),
                                       single_node(g, 1, Cyclotomic(1), Cyclotomic::zeta(3), Cyclotomic::zeta(3, -1))));
    CHECK(evaluate_expression(g, "sum(syn) + syn@1").order() == 3 * 3 + 3);
}

TEST_CASE("malformed expressions are clear errors") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    for (const char* bad : {"", "syn", "sum(syn", "sum(syn))", "nu", "nu(1/3, 1/4)@1", "foo@1", "syn@0", "syn@7",
                            "syn@1 / 0", "2 + syn@1", "3", "xi(1/8, 2)@1", "nu(x)@1", "syn@1 +", "(syn@1"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(evaluate_expression(g, bad), InvalidInput);
    }
    CHECK_THROWS_AS(evaluate_expression(AbelianGroup::cyclic(8), "sum(syn)"), InvalidInput);  // even order: k = 4 = -4
}
