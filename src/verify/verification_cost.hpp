#pragma once
/// \file verification_cost.hpp
/// What deciding l(z) = 0 exactly (verify.hpp) costs, estimated from z before any condition is computed:
/// the scalar products of the condition enumeration (work_estimate), the degree phi(N) of the field
/// Q(zeta_N) they are computed in, and the number of conditions held at once (at most one per product,
/// and at most (n - 1) n^2 + (n - 1) triples). Terms = products x phi(N); memory = the conditions and the
/// potential sums, each a value of Q(zeta_N). Limits: support/resource_limits.hpp.
#include <cstdint>
#include <string>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"
#include "support/resource_limits.hpp"

namespace cogo {

/// The estimated cost of verify_global_optimum(z).
struct VerificationCost {
    std::uint64_t products = 0;      ///< work_estimate(z): scalar products
    std::uint64_t field_order = 1;     ///< N of the common field of z's entries
    std::uint64_t field_degree = 1;  ///< phi(N)
    std::uint64_t conditions = 0;    ///< upper bound of the conditions (and potential sums) held at once

    /// products x phi(N) (saturating).
    [[nodiscard]] std::uint64_t terms() const;
    /// Estimated bytes: 3 x conditions x (one value of Q(zeta_N) + a map node) (saturating).
    [[nodiscard]] std::uint64_t bytes() const;
};

/// The cost of verifying z (linear in the size of z).
[[nodiscard]] VerificationCost verification_cost(const Element<Cyclotomic>& z);

/// Empty if the cost is within the limits; otherwise why not, naming the estimate and the limit
/// (--max-terms / --max-memory), e.g. for an UNKNOWN verdict.
[[nodiscard]] std::string exceeded_limit(const VerificationCost& cost, const ResourceLimits& limits);

}  // namespace cogo
