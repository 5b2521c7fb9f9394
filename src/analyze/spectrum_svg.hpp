#pragma once
/// \file spectrum_svg.hpp
/// The per-model picture of a cross-check (SVG): one row per live node, grouped by frequency block (blocks by
/// k, labelled with k, order and family, green when verified), one column per frequency pair {k, -k}
/// (column 0 = DC); a cell's darkness is the node's energy share at that pair, averaged over a, b and c
/// (each row normalised, c's DC entry excluded). Off-block cells show the bias-cancelling outputs.
#include <string>

#include "analyze/crosscheck.hpp"
#include "analyze/fourier_weights.hpp"

namespace cogo::analyze {

/// The SVG document (self-contained text).
std::string spectrum_svg(const FourierWeights& z, const CrosscheckReport& report);

}  // namespace cogo::analyze
