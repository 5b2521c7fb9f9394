// Tests for src/verify/verdict.hpp: the names of verdicts, check outcomes and UNKNOWN reasons, and the
// typed outcome of a certificate check (a default outcome is a rejection; accepting and failing set the
// certified verdict consistently).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "verify/verdict.hpp"

using namespace cogo;

TEST_CASE("verdict and check-status names") {
    CHECK(std::string(verdict_name(Verdict::proved)) == "PROVED");
    CHECK(std::string(verdict_name(Verdict::refuted)) == "REFUTED");
    CHECK(std::string(verdict_name(Verdict::unknown)) == "UNKNOWN");
    CHECK(std::string(check_status_name(CheckStatus::accepted)) == "ACCEPTED");
    CHECK(std::string(check_status_name(CheckStatus::rejected)) == "REJECTED");
    CHECK(std::string(check_status_name(CheckStatus::limit)) == "LIMIT");
}

TEST_CASE("CheckOutcome: rejected by default; accept and fail keep status, verdict and reason consistent") {
    CheckOutcome c;
    CHECK(c.status == CheckStatus::rejected);
    CHECK_FALSE(c.accepted());
    CHECK(c.certified == Verdict::unknown);
    c.fail(CheckStatus::rejected, "claimed value differs");
    c.accept(Verdict::proved);
    CHECK(c.accepted());
    CHECK(c.certified == Verdict::proved);
    CHECK(c.reason.empty());  // an acceptance carries no stale reason
    c.fail(CheckStatus::limit, "field N = 2^33 exceeds 2^32");
    CHECK_FALSE(c.accepted());
    CHECK(c.status == CheckStatus::limit);
    CHECK(c.certified == Verdict::unknown);  // nothing certified once it failed
    CHECK(c.reason == "field N = 2^33 exceeds 2^32");
}

TEST_CASE("UnknownReason: every reason has its own text; exactly the work, memory and field limits are resource limits") {
    using R = UnknownReason;
    const R all[] = {R::none, R::work_limit, R::memory_limit, R::field_too_large, R::not_recognised, R::needs_number_field,
                     R::not_rounded, R::not_accounted, R::condition_fails, R::not_decided};
    std::set<std::string> texts;
    for (const R r : all) {
        CHECK(texts.insert(unknown_reason_name(r)).second);
        CHECK(is_resource_limit(r) == (r == R::work_limit || r == R::memory_limit || r == R::field_too_large));
    }
    CHECK(std::string(unknown_reason_name(R::none)) == "none");
    CHECK(std::string(unknown_reason_name(R::field_too_large)) == "field too large");
    CHECK(std::string(unknown_reason_name(R::needs_number_field)) == "needs a number field");
}
