#pragma once
/// \file resource_limits.hpp
/// The two resource limits every exact phase (building an element, verifying it, exporting its weights)
/// is checked against BEFORE it runs (`--max-terms`, `--max-memory` of `cogo verify` / `cogo construct`):
///
/// * terms: the work in coefficient terms. A value of Q(zeta_N) is a polynomial of phi(N) rational
///   coefficients, so storing E entries costs E phi(N) terms and W scalar products cost W phi(N) terms
///   (element_cost.hpp, verification_cost.hpp);
/// * memory: the estimated peak bytes of the phase.
///
/// Exceeding a limit is a cogo::ResourceLimit (exit code 3) naming the limit; `unlimited` switches a limit off.
#include <cstdint>

namespace cogo {

/// Limits of the exact phases.
struct ResourceLimits {
    /// A limit value meaning "no limit".
    static constexpr std::uint64_t unlimited = UINT64_MAX;
    /// Largest work of one phase in coefficient terms (scalar operations times the field degree phi(N)):
    /// about 5 s of exact arithmetic (verifying z_F4/6 on Z_1001 is 1 million terms, z_M on Z_15 15 million;
    /// z_M on Z_23, 372 million terms and over 20 s, needs --max-terms).
    std::uint64_t max_terms = 100'000'000;
    /// Largest estimated memory of one phase, bytes (default 2 GiB).
    std::uint64_t max_memory = std::uint64_t{2} << 30;
};

/// a * b, saturating at ResourceLimits::unlimited (cost estimates never wrap).
[[nodiscard]] constexpr std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
    if (a != 0 && b > ResourceLimits::unlimited / a) return ResourceLimits::unlimited;
    return a * b;
}

/// a + b, saturating at ResourceLimits::unlimited.
[[nodiscard]] constexpr std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    return b > ResourceLimits::unlimited - a ? ResourceLimits::unlimited : a + b;
}

}  // namespace cogo
