#pragma once
/// \file pinning.hpp
/// Progressive pinning of a numerical zero-loss network: solutions often come in continuous families (e.g.
/// the free unit nu of z_nu * z_syn), and a run lands on a generic member that no recognizer can round. This
/// moves along the family to a recognisable member: the input rows are parametrised by their Fourier
/// coordinates (Re, Im of z_a[k, j], z_b[k, j] per frequency pair, docs/theory.md section 2), gauge-fixed
/// (z_b[0, j] = 0; zero-mean runs also keep z_a[0, j] = 0), and one entry at a time is set to the nearest
/// simple value (r zeta_N^e or a Gaussian rational with denominator <= 4, a rational for a real entry) and
/// frozen, the other inputs and all outputs being re-optimised by Levenberg-Marquardt; a pin is kept only
/// if the loss returns below `accept_loss`. Numbers only: the result still goes through exact_rounding.
/// COGO_PIN_DEBUG=1 in the environment prints the entries left unpinned (to standard error).
#include <cstddef>
#include <string>

#include "search/numerical_search.hpp"

namespace cogo::search {

/// The outcome of pinning.
struct PinningResult {
    FloatNetwork network;     ///< the network after pinning (every pinned entry exactly a simple value's double)
    std::size_t pinned = 0;   ///< entries pinned
    std::size_t entries = 0;  ///< input entries that were free at the start
    double loss = -1;         ///< float64 loss at the end
};

/// Pins the input entries of w one by one (see the file comment); `dc_inputs` false keeps the inputs zero-mean.
[[nodiscard]] PinningResult pin_inputs(const AbelianGroup& g, const FloatNetwork& w, bool dc_inputs,
                                       double accept_loss = 1e-22);

}  // namespace cogo::search
