#pragma once
/// \file gauge.hpp
/// A canonical representative of every node's gauge orbit (docs/theory.md sections 4 and 5b), taken before
/// any threshold of the cross-check is applied, so that no threshold can mix quantities that scale differently.
///
/// Per node j the two gauges that leave the network's function unchanged are fixed:
///  * the shift gauge (W_a[j,.] + s, W_b[j,.] - s): s is chosen so that both rows have the same mean, i.e.
///    z_a[0,j] = z_b[0,j] = (z_a[0,j] + z_b[0,j]) / 2 (only that sum enters the pre-activation);
///  * the scale gauge (t W_a, t W_b, V / t^2), t > 0: t is chosen so that sum_k |z_a[k,j]|^2 + |z_b[k,j]|^2 = 1.
/// The sign t = -1 and the phase gauges are left to the classification (its invariants are blind to them).
/// The scale is applied in two exact-friendly steps (a power of two in the real domain, then the Fourier-domain
/// normalisation) so that weights near the limits of double precision are handled: a node whose output
/// weights would overflow after the scaling is reported (its function is outside double range), never
/// silently turned into a "dead" node.
#include <cstddef>
#include <vector>

#include "analyze/fourier_weights.hpp"

namespace cogo::analyze {

/// The Fourier form in the canonical gauge, and what the gauge did.
struct GaugedWeights {
    FourierWeights z;                      ///< canonical gauge (see the file comment)
    std::vector<std::size_t> overflowing;  ///< nodes whose gauged output weights overflow (zeroed in z)
    std::vector<std::size_t> zero_input;   ///< nodes with all-zero input rows (left as they are: no function)
};

/// The canonical gauge of trained real weights (checked with check_trained_weights first).
[[nodiscard]] GaugedWeights canonical_gauge(const AbelianGroup& group, const NetworkWeights<double>& w);

}  // namespace cogo::analyze
