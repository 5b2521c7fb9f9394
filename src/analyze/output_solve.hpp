#pragma once
/// \file output_solve.hpp
/// Exact output rows by linear algebra (docs/theory.md section 3): once the input rows of some nodes are fixed
/// to exact values, every condition of l = 0 is linear in their output rows. At every output frequency m != 0,
///     T_m(k1, k2) = fixed_m(k1, k2) + sum_j coef_j(k1, k2) c_j[m],
///     coef_j(k1, k2) = a_j[k1] b_j[k2] + [k2 = 0] (a_j * a_j)[k1] / 2 + [k1 = 0] (b_j * b_j)[k2] / 2
/// (* the convolution over the group; the coefficient does not depend on m), where fixed_m is the rest of the
/// network. `solve_outputs` solves T_m(k1, k2) = [k1 = k2 = m] exactly over Q(zeta_N) for every m and every
/// (k1, k2) the nodes touch, and picks, in the affine solution set, the point nearest the trained outputs
/// (least squares in floats, rounded to Gaussian rationals with denominator 64: any point of the set is an
/// exact solution). Conjugate symmetry is kept: c_j[-m] = conj(c_j[m]) (a real value at m = -m). The result
/// is accepted only if it is within `tolerance` (relative RMS) of the trained outputs, compared at every output
/// frequency m that some node of the network (fixed or solved) takes as input (T_m(m, m) not identically 0). At the
/// other outputs the trained block is not in the network (unresolved): the trained rows there cancel the bias of
/// nodes that are absent, so the exact rows must differ from them whatever the rounding (they are still solved,
/// nearest the trained ones, and every condition there is still met exactly).
#include <complex>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/float.hpp"

namespace cogo {

/// The outcome: exact output rows per node, or why there are none.
struct OutputSolution {
    std::vector<FourierRow<Cyclotomic>> c;  ///< one per node, sorted by frequency (absent entries are 0); empty on failure
    double distance = -1;                   ///< relative RMS distance to the trained outputs (-1 if not solved)
    std::string failure;                    ///< why not solved ("" on success)
};

/// Solves the output rows of `nodes` (their c rows are ignored) so that `fixed` + nodes has l = 0 at every
/// output frequency, nearest to `trained[j][m]` (node j's trained output at m, in the nodes' exact gauge).
[[nodiscard]] OutputSolution solve_outputs(const Element<Cyclotomic>& fixed, const std::vector<Node<Cyclotomic>>& nodes,
                                           const std::vector<std::vector<std::complex<double>>>& trained,
                                           double tolerance);

}  // namespace cogo
