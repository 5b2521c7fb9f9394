// Tests for src/verify/residual_ideal.hpp: the common zeros of residuals in several parameters. Each case's
// answer is worked out by hand in its comment (a constant, an inconsistent system, Phi_N, x != 0 for unit
// parameters, denominators, real parameters whose complex zeros stay undecided, the limits).
#include <doctest/doctest.h>

#include <vector>

#include "scalar/symbolic.hpp"
#include "verify/residual_ideal.hpp"

using namespace cogo;

namespace {
const Symbolic t = Symbolic::unit_modulus("t");
const Symbolic s = Symbolic::unit_modulus("s");
const Symbolic r = Symbolic::real_variable("r");
const ExpressionSymbols ts{{"t", "s"}, {}};
const ExpressionSymbols tr{{"t"}, {"r"}};

CommonZeros::Status status(const std::vector<Symbolic>& values, const ExpressionSymbols& symbols) {
    return decide_common_zeros(values, symbols).status;
}
}  // namespace

TEST_CASE("a non-zero constant residual refutes every parameter value") {
    const CommonZeros c = decide_common_zeros({t - s, Symbolic::rational(1, 5), t * s}, ts);
    CHECK(c.refuted());
    REQUIRE(c.constant);
    CHECK(*c.constant == 1);
    // a constant in Q(zeta_8): 1 + i
    CHECK(decide_common_zeros({Symbolic(1) + Symbolic::zeta(4)}, ts).constant == std::size_t{0});
    // a residual that only looks parametric: t * conj(t) - 2 = 1 - 2 = -1 for a unit t
    CHECK(decide_common_zeros({t * t.conj() - Symbolic(2)}, ts).constant == std::size_t{0});
}

TEST_CASE("residuals without a common complex zero: the Groebner basis is {1}") {
    // t = s and t = s - 1 at once
    CHECK(status({t - s, t - s + Symbolic(1)}, ts) == CommonZeros::Status::none);
    // t^2 = 1, s^2 = 1 give t s = +-1, never 2
    CHECK(status({t * t - Symbolic(1), s * s - Symbolic(1), t * s - Symbolic(2)}, ts) == CommonZeros::Status::none);
    // a unit parameter is never 0: t s = 0 has no admissible zero
    CHECK(status({t * s}, ts) == CommonZeros::Status::none);
    // over Q(zeta_3): t = zeta_3 and t = zeta_3^2 are different numbers (needs Phi_3)
    CHECK(status({t - Symbolic::zeta(3), t - Symbolic::zeta(3, 2), s - Symbolic(1)}, ts) == CommonZeros::Status::none);
    // a Laurent residual: 1/t - 1 and t - 2 (t = 1 and t = 2)
    CHECK(status({t.conj() - Symbolic(1), t - Symbolic(2)}, ts) == CommonZeros::Status::none);
    // a real parameter in a denominator: 1/r - 1 = 0 forces r = 1, contradicting r = 2
    CHECK(status({Symbolic(1) / r - Symbolic(1), r - Symbolic(2)}, tr) == CommonZeros::Status::none);
}

TEST_CASE("residuals with common complex zeros are not refuted (whether a zero is admissible stays undecided)") {
    // t = s = 1 works
    CHECK(status({t - s, t * s - Symbolic(1)}, ts) == CommonZeros::Status::complex_zeros);
    // zeta_3 is a root of t^2 + t + 1 (mutation of the Phi_3 case above)
    CHECK(status({t - Symbolic::zeta(3), t * t + t + Symbolic(1), s - Symbolic(1)}, ts) == CommonZeros::Status::complex_zeros);
    // r^2 + 1 = 0 has the complex zeros +-i but no real one: not decided here, so not a refutation
    CHECK(status({r * r + Symbolic(1), t - Symbolic(1)}, tr) == CommonZeros::Status::complex_zeros);
    // |t| = 1 with t = 2 is impossible, but t = 2 is a complex zero: not a refutation either
    CHECK(status({t - Symbolic(2), s - Symbolic(1)}, ts) == CommonZeros::Status::complex_zeros);
}

TEST_CASE("beyond the limits the answer is undecided, never a refutation") {
    GroebnerLimits tiny;
    tiny.max_basis = 1;
    const CommonZeros c = decide_common_zeros({t * t - s, s * s - t * Symbolic(3), t * s - Symbolic(5)}, ts, tiny);
    CHECK(c.status == CommonZeros::Status::undecided);
    CHECK_FALSE(c.refuted());
}
