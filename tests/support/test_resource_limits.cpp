// Tests for src/support/resource_limits.hpp: the defaults the README states, and cost arithmetic that
// saturates at `unlimited` instead of wrapping (a wrapped estimate would let a huge phase pass a limit).
#include <doctest/doctest.h>

#include <cstdint>

#include "support/resource_limits.hpp"

using cogo::ResourceLimits;
using cogo::saturating_add;
using cogo::saturating_mul;

TEST_CASE("resource limits: the documented defaults, unlimited is the largest value") {
    const ResourceLimits limits;
    CHECK(limits.max_terms == 100'000'000);
    CHECK(limits.max_memory == std::uint64_t{2} * 1024 * 1024 * 1024);
    CHECK(ResourceLimits::unlimited == UINT64_MAX);
}

TEST_CASE("saturating_mul and saturating_add: exact below the top, unlimited at and beyond it") {
    constexpr std::uint64_t top = ResourceLimits::unlimited;
    static_assert(saturating_mul(3, 5) == 15);  // usable in constant expressions
    CHECK(saturating_mul(0, top) == 0);
    CHECK(saturating_mul(top, 0) == 0);
    CHECK(saturating_mul(1, top) == top);
    CHECK(saturating_mul(std::uint64_t{1} << 32, (std::uint64_t{1} << 32) - 1) == (std::uint64_t{1} << 32) * ((std::uint64_t{1} << 32) - 1));
    CHECK(saturating_mul(std::uint64_t{1} << 32, std::uint64_t{1} << 32) == top);  // 2^64 would wrap to 0
    CHECK(saturating_mul(top / 2, 2) == top - 1);
    CHECK(saturating_mul(top / 2 + 1, 2) == top);
    CHECK(saturating_add(top - 1, 1) == top);
    CHECK(saturating_add(top, 1) == top);  // would wrap to 0
    CHECK(saturating_add(top - 5, 4) == top - 1);
    CHECK(saturating_add(0, 0) == 0);
    // an estimate built from saturated parts stays saturated
    CHECK(saturating_add(saturating_mul(top, 7), 3) == top);
}
