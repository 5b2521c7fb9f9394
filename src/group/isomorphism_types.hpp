#pragma once
/// \file isomorphism_types.hpp
/// Every finite Abelian group of a given order, up to isomorphism, in invariant-factor form
/// Z_{d1} x ... x Z_{dm} with 1 < d1 | d2 | ... | dm and d1 ... dm = n (the fundamental theorem: each
/// isomorphism type has exactly one such presentation). For n = p^e the count is the number of partitions
/// of e; in general it is the product over the prime powers of n.
#include <cstddef>
#include <numeric>
#include <string>
#include <vector>

#include "group/abelian_group.hpp"
#include "support/error.hpp"

namespace cogo {

namespace detail {
inline void invariant_factor_lists(unsigned long n, unsigned long divisor_of_first, std::vector<unsigned long>& tail,
                                   std::vector<std::vector<unsigned long>>& out) {
    // Build the list from the largest factor down: `tail` holds d_{i+1} >= ..., each new factor must
    // divide the previous one (divisor_of_first) and the rest n must be a multiple of it.
    if (n == 1) {
        out.emplace_back(tail.rbegin(), tail.rend());
        return;
    }
    for (unsigned long d = 2; d <= n && d <= divisor_of_first; ++d) {
        if (divisor_of_first % d != 0 || n % d != 0) continue;
        // the remaining factors must all divide d, so n/d must divide a power of d: check by gcd stripping
        unsigned long rest = n / d, g = 0;
        while (rest > 1 && (g = std::gcd(rest, d)) > 1) rest /= g;
        if (rest != 1) continue;
        tail.push_back(d);
        invariant_factor_lists(n / d, d, tail, out);
        tail.pop_back();
    }
}
}  // namespace detail

/// The invariant-factor lists (d1 | d2 | ... | dm, product n) of all Abelian groups of order n, one per
/// isomorphism type, cyclic Z_n first when n >= 2. Throws InvalidInput if n < 2.
inline std::vector<std::vector<unsigned long>> abelian_invariant_factors(unsigned long n) {
    if (n < 2) throw InvalidInput("abelian_invariant_factors: the order must be >= 2, got " + std::to_string(n));
    std::vector<std::vector<unsigned long>> out;
    std::vector<unsigned long> tail;
    // the largest factor d_m is chosen first (n itself first: the cyclic group), then smaller ones
    for (unsigned long dm = n; dm >= 2; --dm) {
        if (n % dm != 0) continue;
        unsigned long rest = n / dm, g = 0;
        while (rest > 1 && (g = std::gcd(rest, dm)) > 1) rest /= g;
        if (rest != 1) continue;
        tail.assign(1, dm);
        detail::invariant_factor_lists(n / dm, dm, tail, out);
    }
    return out;
}

/// The Abelian groups of order n, one per isomorphism type (see abelian_invariant_factors).
inline std::vector<AbelianGroup> abelian_groups_of_order(unsigned long n) {
    std::vector<AbelianGroup> out;
    for (auto& factors : abelian_invariant_factors(n)) out.emplace_back(std::move(factors));
    return out;
}

}  // namespace cogo
