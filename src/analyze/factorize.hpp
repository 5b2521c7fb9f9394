#pragma once
/// \file factorize.hpp
/// Kronecker factorisation of one frequency block up to gauges, without searching node orders.
///
/// Gauge-invariant node coordinates. For a node with entries (a, b, c) at the block's frequency k, the
/// triple (rho, p, sigma) = (a/b, abc, b/conj(b)) is invariant under the per-node gauge (t a, t b, c/t^2),
/// t real != 0 (t = -1 is the (-1,-1,1) gauge), and determines the node up to that gauge. It is
/// MULTIPLICATIVE under the semi-ring product: (x*y) has coordinates rho_x rho_y, p_x p_y, sigma_x sigma_y.
/// The block phase gauge (a, b, c) -> (e^{i th} a, e^{i ph} b, e^{-i(th+ph)} c) and the c-scale multiply every
/// node's coordinates by one common element. Taking logarithms, L = (log rho, log p, log sigma) in C^3
/// (imaginary parts mod 2 pi), a block is a Kronecker product x*y iff its points are a "sum set"
/// L_{il} = L_0 + X_i + Y_l, X_0 = Y_0 = 0: a two-way additive layout.
///
/// Search: the anchor (grid position (0,0)) can be ANY node, so node 0 is taken; for an m x n split the m-1
/// other nodes of the anchor's row are chosen among the q-1 others (C(q-1, m-1) choices; 5 for 2x3, 3 for
/// 2x2); every other node is then placed by nearest-neighbour coset matching (each coset {u - X_i + X_s}).
/// The layout is fitted by least squares (two-way model on wrapped differences) and its residual is the RMS
/// over nodes of |L - fitted| (dimensionless: relative errors of rho, p, sigma — relative to the block's
/// scale by construction). Work is polynomial in q; splits with C(q-1, m-1) > 5000 are skipped.
#include <array>
#include <complex>
#include <cstddef>
#include <optional>
#include <vector>

#include "scalar/float.hpp"

namespace cogo::analyze {

/// (log rho, log p, log sigma) of one node; imaginary parts in (-pi, pi].
using Invariant = std::array<Complex, 3>;

/// The invariant of (a, b, c), or nullopt if a, b or c is not larger than `floor` in modulus.
std::optional<Invariant> node_invariant(Complex a, Complex b, Complex c, double floor);

/// x with imaginary parts wrapped into (-pi, pi].
Invariant wrap(const Invariant& x);
/// x + y, x - y (wrapped).
Invariant add(const Invariant& x, const Invariant& y);
Invariant sub(const Invariant& x, const Invariant& y);
/// |x|: Euclidean norm over the three complex components.
double norm(const Invariant& x);

/// One m x n layout of a block: grid[i][l] is the index (into the block's node list) of node (i, l).
struct Factorization {
    std::size_t m = 0, n = 0;
    std::vector<std::vector<std::size_t>> grid;  ///< m rows of n node indices
    std::vector<Invariant> x;                    ///< fitted row factor, x[0] = 0
    std::vector<Invariant> y;                    ///< fitted column factor, y[0] = 0
    Invariant offset{};                          ///< fitted invariant of node (0, 0)
    double residual = 0;                         ///< RMS over nodes of |L - fitted|
};

/// Every layout (all splits m x n, 2 <= m <= n, m n = q) with residual <= tolerance, best first.
/// Empty for q < 4, prime q, or no fitting layout.
std::vector<Factorization> factorize(const std::vector<Invariant>& points, double tolerance);

/// The least-squares fit of a given grid (exposed for re-fitting after column swaps).
Factorization fit_grid(const std::vector<Invariant>& points, std::vector<std::vector<std::size_t>> grid);

}  // namespace cogo::analyze
