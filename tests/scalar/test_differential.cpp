// A standing differential comparison of the two exact scalars (as mp++ compares against GMP): random
// expression trees evaluated in Cyclotomic and in Symbolic must agree exactly. Both zero-test paths of
// Symbolic are forced: trees without division stay Laurent polynomials (the fast path); division by a
// sum takes GiNaC's numer_denom (the rational-function path). A second test evaluates trees with a unit
// parameter u in Symbolic, substitutes u = zeta_M^j, and compares with Cyclotomic at u = zeta_M^j.
#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <random>
#include <string>

#include "harness/random.hpp"
#include "harness/scalar_generators.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/symbolic.hpp"
#include "support/error.hpp"

using cogo::Cyclotomic;
using cogo::Symbolic;
namespace ct = cogo::testing;

namespace {

/// One value in both models, with the expression that produced it (printed on failure).
struct Both {
    Cyclotomic c;
    Symbolic s;
    std::string text;
};

/// A random tree of the given depth over constants (and u, evaluated as `u_value` in Cyclotomic, if
/// with_u). allow_division: quotients by non-zero sums (rational path).
Both random_tree(std::mt19937_64& g, int depth, bool allow_division, const std::optional<Cyclotomic>& u_value) {
    if (depth == 0 || ct::uniform(g, 0, 4) == 0) {
        if (u_value && ct::uniform(g, 0, 2) == 0) return {*u_value, Symbolic::unit_modulus("u_diff"), "u"};
        const Cyclotomic c = ct::edge_cyclotomic(g);
        return {c, Symbolic::from_cyclotomic(c), "(" + c.to_string() + ")"};
    }
    const Both a = random_tree(g, depth - 1, allow_division, u_value);
    const Both b = random_tree(g, depth - 1, allow_division, u_value);
    switch (ct::uniform(g, 0, allow_division ? 5 : 4)) {
        case 0: return {a.c + b.c, a.s + b.s, "(" + a.text + " + " + b.text + ")"};
        case 1: return {a.c - b.c, a.s - b.s, "(" + a.text + " - " + b.text + ")"};
        case 2: return {a.c * b.c, a.s * b.s, "(" + a.text + " * " + b.text + ")"};
        case 3: return {a.c.conj(), a.s.conj(), "conj" + a.text};
        case 4: return {-a.c, -a.s, "-" + a.text};
        default: {
            // a / (b + 1 + b'): a sum in the denominator; skip a zero divisor (decided in Cyclotomic)
            const Cyclotomic dc = b.c + Cyclotomic(1) + Cyclotomic::zeta(3);
            if (dc.is_zero()) return a;
            const Symbolic ds = b.s + Symbolic(1) + Symbolic::zeta(3);
            return {a.c / dc, a.s / ds, "(" + a.text + " / (" + b.text + " + 1 + z3))"};
        }
    }
}

void compare(const Both& x) {
    INFO("expression: " << x.text);
    INFO("Cyclotomic: " << x.c.to_string());
    const auto back = x.s.to_cyclotomic();
    REQUIRE_MESSAGE(back.has_value(), "Symbolic: " << x.s.to_string());
    CHECK_MESSAGE(*back == x.c, "Symbolic: " << x.s.to_string());
    CHECK((x.s - Symbolic::from_cyclotomic(x.c)).is_zero());
    CHECK(x.s.is_zero() == x.c.is_zero());
    CHECK((x.s - x.s).is_zero());
}

}  // namespace

TEST_CASE("differential: constant trees, Laurent path (no division)") {
    auto g = ct::rng(0xD1FF01);
    for (int i = 0; i < ct::cases(150); ++i) compare(random_tree(g, 3, false, std::nullopt));
}

TEST_CASE("differential: constant trees with quotients by sums (rational-function path)") {
    auto g = ct::rng(0xD1FF02);
    for (int i = 0; i < ct::cases(80); ++i) compare(random_tree(g, 3, true, std::nullopt));
}

TEST_CASE("differential: trees in a unit parameter u, substituted u = zeta_M^j") {
    auto g = ct::rng(0xD1FF03);
    for (int i = 0; i < ct::cases(60); ++i) {
        const unsigned long M = ct::random_order(g);
        const long j = ct::uniform(g, 0, static_cast<long>(M) - 1);
        const Cyclotomic u = Cyclotomic::zeta(M, j);
        Both x = random_tree(g, 3, ct::uniform(g, 0, 1) == 1, u);
        INFO("u = zeta_" << M << "^" << j);
        try {
            x.s = x.s.substitute("u_diff", Symbolic::zeta(M, j));
        } catch (const cogo::DivisionByZero&) {
            FAIL("substitute refused a non-zero value: " << x.text);
        }
        compare(x);
    }
}
