#pragma once
/// \file element_cost.hpp
/// What storing an exact element costs, estimated before it is built (support/resource_limits.hpp):
/// its nodes, its stored entries, the common field Q(zeta_N) of the entries and that field's degree
/// phi(N). Terms = entries x phi(N); memory = entries x (bytes of one value of Q(zeta_N) + the entry).
#include <cstdint>
#include <string>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"
#include "support/resource_limits.hpp"

namespace cogo {

/// The size of an element (exact, from element_cost, or an upper bound, from the *_bound functions).
struct ElementCost {
    std::uint64_t nodes = 0;         ///< q
    std::uint64_t entries = 0;       ///< stored (k, value) pairs over every row of every node
    std::uint64_t field_order = 1;     ///< N of the common field Q(zeta_N) of the entries
    std::uint64_t field_degree = 1;  ///< phi(N)

    /// entries x phi(N) (saturating): what storing the element costs.
    [[nodiscard]] std::uint64_t terms() const;
    /// terms() x bit length of phi(N) (saturating): what building it by products costs. Every entry of a
    /// product is at least one multiplication in Q(zeta_N), a product of two polynomials of degree phi(N)
    /// and a reduction mod Phi_N, about phi(N) log2 phi(N) coefficient operations (FLINT's fast
    /// multiplication); in a large field this, not the storage, is the time.
    [[nodiscard]] std::uint64_t build_terms() const;
    /// Estimated bytes: entries x (value_bytes(phi(N)) + 32) + nodes x 80 (saturating).
    [[nodiscard]] std::uint64_t bytes() const;
};

/// Euler's phi(n), n >= 1 (phi(1) = 1).
[[nodiscard]] std::uint64_t euler_phi(std::uint64_t n);

/// lcm(a, b), saturating at ResourceLimits::unlimited.
[[nodiscard]] std::uint64_t saturating_lcm(std::uint64_t a, std::uint64_t b);

/// Estimated bytes of one value of a field of degree phi: its coefficients (8 bytes each while small)
/// plus the representation's fixed overhead.
[[nodiscard]] std::uint64_t value_bytes(std::uint64_t field_degree);

/// The exact size of z (linear in its size).
[[nodiscard]] ElementCost element_cost(const Element<Cyclotomic>& z);

/// The cost of an element with `entries` entries on `nodes` nodes over Q(zeta_field_order).
[[nodiscard]] ElementCost make_cost(std::uint64_t nodes, std::uint64_t entries, std::uint64_t field_order);

/// An upper bound of the cost of a named construction of the catalogue (the --solution names of the CLI)
/// on `group` whose parameters (turn denominators) generate Q(zeta_parameters) (1 if none), computed
/// from the group's order alone, before anything is built. Unknown names give a bound of 0 nodes.
[[nodiscard]] ElementCost construction_cost_bound(const std::string& name, const AbelianGroup& group,
                                                  std::uint64_t parameters_field_order);

/// "Q(zeta_N) (degree phi)": names a field in messages.
[[nodiscard]] std::string describe_field(const ElementCost& cost);

/// Throws cogo::FieldTooLarge if the field is beyond Cyclotomic::max_field_order, and cogo::ResourceLimit,
/// naming `what`, the estimate and the limit (--max-terms / --max-memory), if terms > max_terms or
/// bytes > max_memory. `what` says which phase, e.g. "building z_F6 on Z_7".
void require_within(const ElementCost& cost, const ResourceLimits& limits, const std::string& what);

/// require_within for building an element of this size by products: build_terms() against max_terms
/// (and bytes() against max_memory).
void require_buildable(const ElementCost& cost, const ResourceLimits& limits, const std::string& what);

/// The same check on raw figures: `terms` against max_terms, `bytes` against max_memory.
void require_within(std::uint64_t terms, std::uint64_t bytes, const ResourceLimits& limits, const std::string& what);

}  // namespace cogo
