// Tests for src/group/isomorphism_types.hpp: one invariant-factor list per isomorphism type.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "group/isomorphism_types.hpp"

using namespace cogo;

namespace {

/// p(e), the number of partitions of e, by the plain recurrence over the largest part.
unsigned long partitions(unsigned long e, unsigned long largest) {
    if (e == 0) return 1;
    unsigned long count = 0;
    for (unsigned long part = 1; part <= std::min(e, largest); ++part) count += partitions(e - part, part);
    return count;
}

/// The number of Abelian groups of order n: prod over p^e || n of p(e) (an independent count).
unsigned long expected_count(unsigned long n) {
    unsigned long count = 1;
    for (unsigned long p = 2; n > 1; ++p) {
        unsigned long e = 0;
        while (n % p == 0) n /= p, ++e;
        count *= partitions(e, e);
    }
    return count;
}

/// Orders of the elements of the group, as a multiset: an isomorphism invariant computed by brute force.
std::map<std::size_t, std::size_t> element_order_counts(const AbelianGroup& g) {
    std::map<std::size_t, std::size_t> counts;
    for (std::size_t x = 0; x < g.order(); ++x) {
        std::size_t order = 1, y = x;
        while (y != 0) y = g.add(y, x), ++order;
        ++counts[order];
    }
    return counts;
}

}  // namespace

TEST_CASE("the number of types is prod p(e) over the prime powers, for every order 2..64") {
    // OEIS A000688 for n = 1..64, written out as a second, independent reference
    const unsigned long a000688[] = {1, 1, 1, 2, 1, 1, 1, 3, 2, 1, 1, 2, 1, 1, 1, 5, 1, 2, 1, 2, 1, 1,
                                     1, 3, 2, 1, 3, 2, 1, 1, 1, 7, 1, 1, 1, 4, 1, 1, 1, 3, 1, 1, 1, 2,
                                     2, 1, 1, 5, 2, 2, 1, 2, 1, 3, 1, 3, 1, 1, 1, 2, 1, 1, 2, 11};
    std::size_t total = 0;
    for (unsigned long n = 2; n <= 64; ++n) {
        CAPTURE(n);
        const auto types = abelian_invariant_factors(n);
        CHECK(types.size() == expected_count(n));
        CHECK(types.size() == a000688[n - 1]);
        total += types.size();
    }
    CHECK(total == 116);  // sum of A000688 over 2..64
}

TEST_CASE("each list is an invariant-factor chain of product n, cyclic first, types pairwise non-isomorphic") {
    for (unsigned long n = 2; n <= 64; ++n) {
        CAPTURE(n);
        const auto types = abelian_invariant_factors(n);
        REQUIRE_FALSE(types.empty());
        CHECK(types.front() == std::vector<unsigned long>{n});
        std::set<std::map<std::size_t, std::size_t>> invariants;
        for (const auto& factors : types) {
            unsigned long product = 1;
            for (std::size_t i = 0; i < factors.size(); ++i) {
                CHECK(factors[i] >= 2);
                if (i > 0) CHECK(factors[i] % factors[i - 1] == 0);
                product *= factors[i];
            }
            CHECK(product == n);
            invariants.insert(element_order_counts(AbelianGroup(factors)));
        }
        // distinct element-order statistics: no two listed groups are isomorphic
        CHECK(invariants.size() == types.size());
    }
    CHECK(abelian_groups_of_order(8).size() == 3);
    CHECK_THROWS_AS(abelian_invariant_factors(1), InvalidInput);
}
