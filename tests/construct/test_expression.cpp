// Tests for src/construct/expression.hpp: ring expressions evaluate to the catalogue's elements.
#include <doctest/doctest.h>
#include <algorithm>
#include <numeric>

#include "algebra/transforms.hpp"
#include "construct/element_cost.hpp"
#include "construct/expression.hpp"
#include "construct/families.hpp"
#include "construct/global_solutions.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"

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
        CHECK_THROWS_AS((void)evaluate_expression(g, bad), InvalidInput);
    }
    CHECK_THROWS_AS((void)evaluate_expression(AbelianGroup::cyclic(8), "sum(syn)"), InvalidInput);  // even order: k = 4 = -4
}

namespace {
/// z with its c-row scaled by the rational given as text (an independent statement of "s * z").
Element<Cyclotomic> scaled(const Element<Cyclotomic>& z, const char* s) { return scale_output(z, Cyclotomic::rational(s)); }

/// "t + t + ... + t" (count terms).
std::string repeated_sum(const std::string& t, std::size_t count) {
    std::string s = t;
    for (std::size_t i = 1; i < count; ++i) s += " + " + t;
    return s;
}
}  // namespace

TEST_CASE("numbers in expressions are exact: products of literals never wrap") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const Element<Cyclotomic> f = f6(g, turns("1/3"));
    // 65536^4 = 2^64 (= 18446744073709551616, written out independently); the old code wrapped it to 0
    const Element<Cyclotomic> z =
        evaluate_expression(g, "65536*65536*65536*65536*sum(nu(1/3)*syn)/6 + sum(nu(1/3)*syn)/6");
    CHECK(equal_up_to_node_permutation(z, scaled(f, "18446744073709551616") + f));
    CHECK_FALSE(equal_up_to_node_permutation(z, f + f));
    // F = 3*5*17*257*641*65537*6700417 = 2^64 - 1, so F*F = 1 mod 2^64 (the old code's z_F6); exactly:
    const std::string F = "3*5*17*257*641*65537*6700417";
    const Element<Cyclotomic> zf = evaluate_expression(g, F + "*" + F + "*sum(nu(1/3)*syn)/6");
    CHECK(equal_up_to_node_permutation(zf, scaled(f, "340282366920938463426481119284349108225")));
    CHECK_FALSE(equal_up_to_node_permutation(zf, f));
    // powers: 10^24 is 10^24, not 2003764205206896640 (= 10^24 mod 2^64)
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "10^24 * syn@1"),
                                       scaled(z_syn<Cyclotomic>(g, 1), "1000000000000000000000000")));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "(2^3)^2 * syn@1"), scaled(z_syn<Cyclotomic>(g, 1), "64")));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "syn@1 / 2^3"), scaled(z_syn<Cyclotomic>(g, 1), "1/8")));
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "syn@1 / 2^3 / 1^99999999999999999999"),
                                       scaled(z_syn<Cyclotomic>(g, 1), "1/8")));
    CHECK_THROWS_AS((void)evaluate_expression(g, "2^3^2 * syn@1"), InvalidInput);  // ambiguous: refused
    CHECK_THROWS_AS((void)evaluate_expression(g, "syn@1 / 0^5"), InvalidInput);
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "(2/6)^0 * 6/4 * syn@1"), scaled(z_syn<Cyclotomic>(g, 1), "3/2")));
    // a 25-digit literal and divisor
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "1234567890123456789012345 * syn@1 / 5000000000000000000000000"),
                                       scaled(z_syn<Cyclotomic>(g, 1), "246913578024691357802469/1000000000000000000000000")));
    // element powers are semi-ring powers
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "(syn@1)^2"), z_syn<Cyclotomic>(g, 1) * z_syn<Cyclotomic>(g, 1)));
}

TEST_CASE("numbers, frequencies and exponents beyond the bounds are refused, not wrapped") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const std::string huge(30000, '9');
    for (const std::string& bad : std::vector<std::string>{"2^70000 * syn@1", "syn@1 / 2^70000", huge + " * syn@1", "syn@1 / " + huge,
                                  "2^65536 * 2^65536 * syn@1", "syn@18446744073709551617", "syn@18446744073709551616",
                                  "syn@" + huge, "(syn@1)^65", "(syn@1)^0", "(syn@1)^18446744073709551617", "2 ^ syn@1"}) {
        CAPTURE(bad.substr(0, 60));
        CHECK_THROWS_AS((void)evaluate_expression(g, bad), InvalidInput);
    }
    // (-1)-like trivial bases take any exponent; 1^huge = 1
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, "1^" + huge.substr(0, 100) + " * syn@1"), z_syn<Cyclotomic>(g, 1)));
}

TEST_CASE("expression parsing is bounded: deep nesting is refused, flat sums are n-ary") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    // 10,000 nested parentheses (used to overflow the stack at about 8,500)
    CHECK_THROWS_AS((void)evaluate_expression(g, std::string(10000, '(') + "syn@1" + std::string(10000, ')')), InvalidInput);
    CHECK_THROWS_AS((void)evaluate_expression(g, std::string(100000, '(')), InvalidInput);
    std::string conj_chain;
    for (int i = 0; i < 5000; ++i) conj_chain += "conj(";
    CHECK_THROWS_AS((void)evaluate_expression(g, conj_chain + "syn@1" + std::string(5000, ')')), InvalidInput);
    std::string postfix = "syn";
    for (int i = 0; i < 5000; ++i) postfix += "@1";
    CHECK_THROWS_AS((void)evaluate_expression(g, postfix), InvalidInput);
    // moderate nesting still works
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, std::string(100, '(') + "syn@1" + std::string(100, ')')),
                                       z_syn<Cyclotomic>(g, 1)));
    // a flat sum of 20,000 terms (used to overflow the stack) is evaluated: 3 nodes per term
    const Element<Cyclotomic> big = evaluate_expression(g, repeated_sum("syn@1", 20000));
    CHECK(big.order() == 60000);
    CHECK(big.node(59999).entry(Part::a, 1) == Cyclotomic::zeta(3, 2));  // the last term's third node (w', w', w')
    // and a flat product of numbers
    std::string twos = "2";
    for (int i = 1; i < 1000; ++i) twos += "*2";
    CHECK(equal_up_to_node_permutation(evaluate_expression(g, twos + " * syn@1 / 2^1000"), z_syn<Cyclotomic>(g, 1)));
    // too long
    CHECK_THROWS_AS((void)evaluate_expression(g, std::string(max_expression_length + 1, ' ') + "syn@1"), InvalidInput);
}

TEST_CASE("expression evaluation is bounded by the resource limits before each step") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    ResourceLimits tight;
    tight.max_terms = 1000;
    // a product of ten z_syn blocks would have 3^10 = 59049 nodes
    std::string product = "syn@1";
    for (int i = 1; i < 10; ++i) product += " * syn@1";
    CHECK_THROWS_AS((void)evaluate_expression(g, product, tight), ResourceLimit);
    CHECK_THROWS_AS((void)evaluate_expression(g, "(syn@1)^10", tight), ResourceLimit);
    CHECK_NOTHROW((void)evaluate_expression(g, "(syn@1)^2", tight));
    // a field of degree 480,000 (nu = 1/349525: Q(zeta_1048575)) is refused before it is built
    CHECK_THROWS_AS((void)evaluate_expression(g, "sum(nu(1/349525) * syn) / 6", tight), ResourceLimit);
    // beyond the largest field: FieldTooLarge, a ResourceLimit
    CHECK_THROWS_AS((void)evaluate_expression(g, "nu(1/2000000)@1"), FieldTooLarge);
    CHECK_THROWS_AS((void)evaluate_expression(g, "nu(1/18446744073709551615)@1"), FieldTooLarge);
    // memory
    ResourceLimits small_memory;
    small_memory.max_memory = 100'000;
    CHECK_THROWS_AS((void)evaluate_expression(g, repeated_sum("syn@1", 1000), small_memory), ResourceLimit);
}

TEST_CASE("the products of one expression share one --max-terms budget") {
    // sum(nui * syn * syn) on Z_7 multiplies twice at each of the 3 frequency pairs. The budget each product
    // is charged (element_cost.hpp: q1 q2 nodes, min(q2 E1, q1 E2) entries, build_terms) is computed here
    // from the factors themselves; the whole evaluation needs their sum, which is more than any one product.
    const AbelianGroup g = AbelianGroup::cyclic(7);
    std::uint64_t total = 0, largest = 0;
    for (const std::size_t k : pair_representatives(g)) {
        const ElementCost a = element_cost(z_nu_i<Cyclotomic>(g, k)), s = element_cost(z_syn<Cyclotomic>(g, k));
        const ElementCost p1 = make_cost(a.nodes * s.nodes, std::min(s.nodes * a.entries, a.nodes * s.entries),
                                         std::lcm(a.field_order, s.field_order));
        const ElementCost first = element_cost(z_nu_i<Cyclotomic>(g, k) * z_syn<Cyclotomic>(g, k));
        const ElementCost p2 = make_cost(first.nodes * s.nodes, std::min(s.nodes * first.entries, first.nodes * s.entries),
                                         std::lcm(first.field_order, s.field_order));
        total += p1.build_terms() + p2.build_terms();
        largest = std::max({largest, p1.build_terms(), p2.build_terms()});
    }
    REQUIRE(total > largest);
    ResourceLimits limits;
    limits.max_terms = total;  // enough for all of them together
    CHECK(evaluate_expression(g, "sum(nui * syn * syn)", limits).order() == 18 * 3);
    limits.max_terms = total - 1;  // every single product fits, all of them together do not
    REQUIRE(limits.max_terms >= largest);
    CHECK_THROWS_AS((void)evaluate_expression(g, "sum(nui * syn * syn)", limits), ResourceLimit);
}
