// Tests for src/verify/verification_cost.hpp: the estimate agrees with what the verification does (its
// products are verify.hpp's work_estimate, its field the one the element lives in), is computed before
// anything is verified, and names the limit it exceeds.
#include <doctest/doctest.h>

#include <string>

#include "algebra/semiring.hpp"
#include "construct/global_solutions.hpp"
#include "scalar/cyclotomic.hpp"
#include "support/resource_limits.hpp"
#include "verify/verification_cost.hpp"
#include "verify/verify.hpp"

using namespace cogo;

TEST_CASE("verification_cost: products are the verifier's work, terms products x phi(N)") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const auto one = one_element<Cyclotomic>(g);  // rational entries: Q(zeta_1)
    const VerificationCost c1 = verification_cost(one);
    CHECK(c1.products == work_estimate(one));
    CHECK(c1.products == 7 * (49 + 49 + 49));
    CHECK(c1.field_order == 1);
    CHECK(c1.field_degree == 1);
    CHECK(c1.terms() == c1.products);
    CHECK(c1.conditions <= (7 - 1) * 7 * 7 + (7 - 1));

    const auto z = f6<Cyclotomic>(g);  // nu = 1/3 turn: entries beyond the rationals
    const VerificationCost c = verification_cost(z);
    CHECK(c.products == work_estimate(z));
    CHECK(c.field_order > 1);
    std::uint64_t phi = 0;  // Euler's phi, counted here
    for (std::uint64_t i = 1; i <= c.field_order; ++i) {
        std::uint64_t a = i, b = c.field_order;
        while (b) a %= b, std::swap(a, b);
        phi += a == 1;
    }
    CHECK(c.field_degree == phi);
    CHECK(c.terms() == c.products * phi);
    CHECK(c.bytes() > 0);
}

TEST_CASE("exceeded_limit: empty within the limits, else names the estimate and the limit") {
    const auto z = f6<Cyclotomic>(AbelianGroup::cyclic(7));
    const VerificationCost c = verification_cost(z);
    CHECK(exceeded_limit(c, ResourceLimits{}).empty());
    ResourceLimits exact{c.terms(), c.bytes()};  // exactly at the estimate: allowed
    CHECK(exceeded_limit(c, exact).empty());
    ResourceLimits terms{c.terms() - 1, ResourceLimits::unlimited};
    const std::string t = exceeded_limit(c, terms);
    CHECK_MESSAGE(t.find("--max-terms") != std::string::npos, t);
    CHECK_MESSAGE(t.find(std::to_string(c.products) + " scalar products") != std::string::npos, t);
    ResourceLimits memory{ResourceLimits::unlimited, c.bytes() - 1};
    const std::string m = exceeded_limit(c, memory);
    CHECK_MESSAGE(m.find("--max-memory") != std::string::npos, m);
    // saturated estimates never pass a finite limit
    VerificationCost huge = c;
    huge.products = ResourceLimits::unlimited;
    CHECK(huge.terms() == ResourceLimits::unlimited);
    CHECK_FALSE(exceeded_limit(huge, ResourceLimits{}).empty());
}
