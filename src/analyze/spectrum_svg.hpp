#pragma once
/// \file spectrum_svg.hpp
/// The per-model picture of a cross-check (SVG, with a viewBox so it scales in HTML and Jupyter): three
/// heat-map panels side by side, |z_a|, |z_b| and |z_c| (the Fourier rows of docs/theory.md section 2), one
/// row per live node, grouped by frequency block (each block headed by its k, order and family, green when
/// verified, amber when classified but not verified, red when unknown; the block's own column outlined),
/// one column per frequency pair {k, -k} (column 0 = DC). A cell's colour is the node's energy share at that
/// pair within that row, |z_p[k,j]|^2 + |z_p[-k,j]|^2 over the row's total (c's DC entry excluded: the loss
/// ignores it), on a square-root colour scale shown by a colour bar, so that the few-percent outputs that
/// order-6 nodes carry at other frequencies (the bias cancellation) are visible. Column ticks are thinned so
/// that labels never collide.
#include <string>

#include "analyze/crosscheck.hpp"
#include "analyze/fourier_weights.hpp"

namespace cogo::analyze {

/// The SVG document (self-contained text).
[[nodiscard]] std::string spectrum_svg(const FourierWeights& z, const CrosscheckReport& report);

/// The stride between labelled column ticks: the smallest of 1, 2, 5, 10, 20, 50, ... such that labels
/// `cell_width` pixels apart times the stride are at least `min_spacing` pixels apart.
[[nodiscard]] std::size_t tick_stride(double cell_width, double min_spacing);

}  // namespace cogo::analyze
