// Tests for src/verify/verify.hpp on elements that are not the paper's constructions (those are tested in
// test_global_verification.cpp): verdicts, counterexamples, loss, the resource limit.
#include <doctest/doctest.h>

#include "algebra/loss.hpp"
#include "algebra/semiring.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random_element.hpp"
#include "verify/verify.hpp"

using namespace cogo;

TEST_CASE("the zero network is REFUTED at the first 1-set condition, with loss (n-1)/n") {
    for (const char* spec : {"3", "5", "2x4"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const auto result = verify_global_optimum(zero_element<Cyclotomic>(g));
        CHECK(result.verdict == Verdict::refuted);
        REQUIRE(result.counterexample);
        const auto& c = result.conditions[*result.counterexample];
        CHECK(c.kind() == ConditionKind::one);
        CHECK(c.k == 1);
        CHECK(c.value.is_zero());
        CHECK(result.failing == g.order() - 1);
        const long n = static_cast<long>(g.order());
        CHECK(*result.loss == Cyclotomic::rational(n - 1, n));
    }
}

TEST_CASE("random networks: REFUTED, and the reported loss equals Theorem 1's loss") {
    auto rng = cogo::testing::rng(51);
    for (const char* spec : {"3", "4", "5", "7", "2x4", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const auto z = cogo::testing::random_element(rng, g, cogo::testing::ElementShape{});
        const auto result = verify_global_optimum(z);
        CHECK(result.verdict == Verdict::refuted);
        CHECK(*result.loss == loss_fourier(z));
        CHECK(result.failing > 0);
        REQUIRE(result.counterexample);
        CHECK_FALSE(result.conditions[*result.counterexample].defect().is_zero());
        for (std::size_t i = 0; i < *result.counterexample; ++i) CHECK(result.conditions[i].defect().is_zero());
    }
}

TEST_CASE("beyond the work limit the verdict is UNKNOWN with a reason, and nothing is decided") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const auto one = one_element<Cyclotomic>(g);
    CHECK(work_estimate(one) == 7 * (49 + 49 + 49));
    VerifyLimits limits;
    limits.max_terms = 100;
    const auto result = verify_global_optimum(one, limits);
    CHECK(result.verdict == Verdict::unknown);
    CHECK(result.conditions.empty());
    CHECK_FALSE(result.loss.has_value());
    CHECK(result.reason.find("exceeds the limit") != std::string::npos);
    CHECK(result.unknown_reason == UnknownReason::work_limit);
    CHECK(std::string(unknown_reason_name(result.unknown_reason)) == "work limit");
    // within the limit: decided, and no reason
    limits.max_terms = 7 * (49 + 49 + 49);
    const auto decided = verify_global_optimum(one, limits);
    CHECK(decided.verdict != Verdict::unknown);
    CHECK(decided.unknown_reason == UnknownReason::none);
    CHECK(decided.reason.empty());
}
