// Tests of evaluate_symbolic_expression (construct/symbolic_expression.hpp): the same evaluator as the exact
// one (same element with no symbols; a symbol substituted by a root of unity gives the element of that
// turn, computed by the Cyclotomic path), symbols as scalar factors, and every refusal of a bad declaration
// or use (undeclared, as a frequency, exponent or divisor, a real symbol as a turn, built-in clashes).
#include <doctest/doctest.h>

#include <string>

#include "construct/expression.hpp"
#include "construct/symbolic_expression.hpp"
#include "support/error.hpp"

using namespace cogo;

namespace {

/// True iff every entry of s, with `name` replaced by `value`, equals the entry of c (same node order).
bool same_after_substitution(const Element<Symbolic>& s, const Element<Cyclotomic>& c, const std::string& name,
                             const Symbolic& value) {
    if (s.order() != c.order()) return false;
    for (std::size_t j = 0; j < s.order(); ++j)
        for (Part p : all_parts)
            for (std::size_t k = 0; k < s.group().order(); ++k) {
                Symbolic v = s.nodes()[j].entry(p, k);
                if (!name.empty()) v = v.substitute(name, value);
                if (!(v - Symbolic::from_cyclotomic(c.nodes()[j].entry(p, k))).is_zero()) return false;
            }
    return true;
}

std::string message_of(const AbelianGroup& g, const std::string& text, const ExpressionSymbols& symbols) {
    try {
        (void)evaluate_symbolic_expression(g, text, symbols);
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "(accepted)";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("without symbols the symbolic evaluator gives the exact evaluator's element") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    for (const std::string text : {"sum(nu(1/3) * syn) / 6", "sum(nui * synab(0, 1/4)) / 6",
                                   "(nui * xi(1/8, -1))@2 / 4 + sum(nu(1/4) * syn)/6", "conj(u(1/5, 2/5, 0)@3)^2"})
        CHECK_MESSAGE(same_after_substitution(evaluate_symbolic_expression(g, text, {}), evaluate_expression(g, text), "",
                                              Symbolic()),
                      text);
}

TEST_CASE("a unit symbol as a turn argument: substituting a root of unity gives the element of that turn") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const ExpressionSymbols t{{"t"}, {}};
    const Element<Symbolic> z = evaluate_symbolic_expression(g, "sum(nu(t) * syn) / 6", t);
    CHECK(same_after_substitution(z, evaluate_expression(g, "sum(nu(1/4) * syn) / 6"), "t", Symbolic::zeta(4, 1)));
    CHECK(same_after_substitution(z, evaluate_expression(g, "sum(nu(2/7) * syn) / 6"), "t", Symbolic::zeta(7, 2)));
    // xi with a sign, synab with a symbol and a turn
    const Element<Symbolic> x = evaluate_symbolic_expression(g, "(nui * xi(t, -1) * synab(t, 1/8))@2", t);
    CHECK(same_after_substitution(x, evaluate_expression(g, "(nui * xi(1/3, -1) * synab(1/3, 1/8))@2"), "t",
                                  Symbolic::zeta(3, 1)));
}

TEST_CASE("symbols as scalar factors: t * z scales the c-row, powers and conj of a unit symbol") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const ExpressionSymbols s{{"t"}, {"r"}};
    const Element<Symbolic> z = evaluate_symbolic_expression(g, "r * t^2 * conj(t) * syn@1 / 3", s);
    const Element<Symbolic> base = evaluate_symbolic_expression(g, "syn@1", {});
    const Symbolic factor = Symbolic::real_variable("r") * Symbolic::unit_modulus("t") * Symbolic::rational(1, 3);  // t^2 / t
    REQUIRE(z.order() == base.order());
    for (std::size_t j = 0; j < z.order(); ++j)
        for (std::size_t k = 0; k < 5; ++k) {
            CHECK((z.nodes()[j].entry(Part::a, k) - base.nodes()[j].entry(Part::a, k)).is_zero());
            CHECK((z.nodes()[j].entry(Part::c, k) - factor * base.nodes()[j].entry(Part::c, k)).is_zero());
        }
}

TEST_CASE("bad symbol declarations and uses are refused with the reason") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const ExpressionSymbols t{{"t"}, {}}, r{{}, {"r"}};
    CHECK(contains(message_of(g, "sum(nu(s) * syn)", t), "'s' is neither a turn p/q nor a declared symbol"));
    CHECK(contains(message_of(g, "s * syn@1", t), "unknown name 's'"));
    CHECK(contains(message_of(g, "syn@t", t), "the symbol 't' cannot be a frequency"));
    CHECK(contains(message_of(g, "syn@1^t", t), "the symbol 't' cannot be an exponent"));
    CHECK(contains(message_of(g, "syn@1 / t", t), "the symbol 't' cannot be a divisor"));
    CHECK(contains(message_of(g, "syn@1 / 2^t", t), "the symbol 't' cannot be an exponent"));
    CHECK(contains(message_of(g, "nu(r)@1", r), "'r' is a real symbol; a turn argument needs a unit-modulus symbol"));
    CHECK(contains(message_of(g, "xi(t, t)@1", t), "the sign of xi must be 1 or -1"));
    CHECK(contains(message_of(g, "t^65 * syn@1", t), "a parameter power t^n needs 0 <= n <= 64"));
    CHECK(contains(message_of(g, "t + syn@1", t), "'+' adds elements"));
    CHECK(contains(message_of(g, "syn@1", {{"nu"}, {}}), "clashes with the built-in name 'nu'"));
    CHECK(contains(message_of(g, "syn@1", {{"sum"}, {}}), "clashes with the built-in name 'sum'"));
    CHECK(contains(message_of(g, "syn@1", {{"zeta"}, {}}), "reserved"));
    CHECK(contains(message_of(g, "syn@1", {{"t"}, {"t"}}), "declared twice"));
    CHECK(contains(message_of(g, "syn@1", {{"1t"}, {}}), "a name is a letter"));
    CHECK(contains(message_of(g, "syn@1", {{"a'"}, {}}), "a name is a letter"));
    // the exact evaluator has no symbols at all
    CHECK_THROWS_AS((void)evaluate_expression(g, "sum(nu(t) * syn)"), InvalidInput);
}

TEST_CASE("the limits of the exact parser hold for the symbolic one") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const ExpressionSymbols t{{"t"}, {}};
    std::string deep;
    for (int i = 0; i < 201; ++i) deep += "(";
    CHECK(contains(message_of(g, deep + "syn@1", t), "nesting deeper than 200"));
    CHECK_THROWS_AS((void)evaluate_symbolic_expression(g, std::string(max_expression_length + 1, ' '), t), InvalidInput);
    ResourceLimits tiny;
    tiny.max_terms = 10;
    CHECK_THROWS_AS((void)evaluate_symbolic_expression(g, "sum(nu(t) * syn) / 6", t, tiny), ResourceLimit);
}
