#pragma once
/// \file block_solve.hpp
/// Exact rounding of a frequency block by the algebra rather than by a family template (docs/theory.md
/// sections 4 and 5). Once the input rows of a block's nodes are exact, every condition at the block's own
/// output +-k is LINEAR in the nodes' output entries c_f = z_c[k, f]: with x' = conj x,
///     P c = e_1,  P = the 8 x q matrix of the monomials (ab, a'b, ab', a'b', a^2, a'^2, b^2, b'^2) per node
/// (T_k(k, k) = 1; T_k(-k, k), T_k(k, -k), T_k(-k, -k), the R_* rows through the keys (+-2k, 0), (0, +-2k) all 0),
/// plus, when the trained block does not carry a bias, the bias row (|a|^2 + |b|^2) c = 0. The solution set is
/// affine; the point nearest the trained outputs (float least squares over an exact kernel basis, coefficients
/// rounded to Gaussian rationals) is exact whichever it is. The outputs at other frequencies (bias
/// cancellation) stay in the kernel of P and are chosen later (rounding.hpp, bias_directions).
///
/// Exact inputs come from one of two structures:
///  * factor path: a Kronecker layout z1 * z2 (factorize.hpp) whose 2-node factor z1 is z_nu(nu) =
///    (1,1),(nu,-nu) on its input rows (z_{nu=i} is nu = i), nu snapped to a root of unity; z2's input rows
///    (any number of nodes, any shape) are estimated from both rows of the layout, their phases snapped and
///    |b/a| snapped to a rational; the block is z1 (x) z2 on its inputs EXACTLY, so by the composition lemma
///    (docs/theory.md section 4) whatever z1 kills is killed for every c-row, and the solve only has to kill
///    what z1 leaves alive. For z1 = z_{nu=i} the solve is always consistent (P has rank <= 5). The families
///    z_nu * z_syn and z_{nu=i} * z_{syn,ab} are the special cases z2 = z_syn, z_{syn,ab} of this path;
///  * node path (no clean 2-node factor): every node's inputs are snapped on their own (phases, |b/a|).
/// The solved c-row must give the block a function within `output_tolerance` of the trained block's (relative L2
/// distance of the block's output-k contribution at the exact inputs, its bias aside, which the network cancels
/// jointly; else the structure is rejected and the next
/// one tried). Measured on the function, not on the c-row: nearly alike nodes make the c-row undetermined. When the exact inputs make P c = e_1 inconsistent, the exact nearby solution needs input coordinates
/// outside Q(zeta_N): the block is reported with the reason "needs a number field", and the cross-check tries it
/// last in a number field (number_field_blocks.hpp, together with every other block left unresolved).
///
/// Thresholds are on dimensionless, gauge-invariant quantities only (phases in turns, |b/a|, relative distances).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "algebra/element.hpp"
#include "analyze/factorize.hpp"
#include "analyze/fourier_weights.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo::analyze {

/// Tolerances of the algebraic block rounding.
struct BlockSolveOptions {
    double factor_tolerance = 0.1;   ///< max factorisation residual of a layout used by the factor path
    double z1_tolerance = 0.1;       ///< max deviation (radians / log units) of the 2-node factor from z_nu
    double snap_tolerance = 0.003;   ///< turns: snap to a multiple of 1/24 turn when this close, else 1/120
    double ratio_tolerance = 0.05;   ///< |b/a| snapped to 1 when within this (relative), else to a multiple of 1/64
    double bias_free = 0.05;         ///< the bias row is imposed when |trained bias| <= this * sum (|a|^2+|b|^2)|c|
    double input_tolerance = 0.15;   ///< max relative RMS distance of exact vs trained inputs (gauged)
    /// max relative RMS distance of the solved own-frequency outputs from the trained ones (gauged): exact inputs
    /// near the trained ones do not make the exact block near the trained one when the trained block solves other
    /// conditions (at 3k = 0 a trained DC mean s enters the rows (-+k, 0) as a^2/2 + s a', and a c-row solved
    /// without it lands far away, with a bias several times the trained one that other nodes would have to cancel)
    double output_tolerance = 0.15;
    /// a block with no exact c-row is "near a solution" (so it needs a number field) when its trained entries meet
    /// its own-frequency conditions to this (|sum abc - 1| and the seven other monomial sums, target 1)
    double near_solution = 0.05;
};

/// What the solver was given: one block of trained nodes at frequency k (k != -k), in the canonical gauge.
struct BlockProblem {
    const FourierWeights* z = nullptr;
    std::size_t k = 0;
    std::vector<std::size_t> nodes;  ///< trained node indices
};

/// The exact block, or why there is none.
struct SolvedBlock {
    std::optional<Element<Cyclotomic>> exact;  ///< inputs at +-k, outputs at +-k; node f stands for trained_node[f]
    std::vector<std::size_t> trained_node;
    std::string structure;                     ///< e.g. "z_{nu=i} * z2 (3 nodes, c-row solved)"
    bool bias_free = false;                    ///< the bias row was imposed (exact bias 0)
    double input_distance = -1;                ///< relative RMS distance of exact vs trained inputs (gauged)
    double output_distance = -1;               ///< relative RMS distance of the solved vs trained own-frequency outputs
    bool needs_number_field = false;           ///< inconsistent over Q(zeta_N) (see the file comment)
    double far_output = -1;                    ///< the nearest rejected c-row's output distance (-1 if none was rejected)
    std::string failure;                       ///< why not solved ("" on success)
};

/// Rounds the block exactly (see the file comment): the factor path on every usable layout of `layouts`
/// first, then the node path.
[[nodiscard]] SolvedBlock solve_block(const BlockProblem& problem, const std::vector<Factorization>& layouts,
                                      const BlockSolveOptions& options = {});

/// The exact own-frequency output entries for exact inputs (node f: a[f], b[f] at k; conjugates at -k): the
/// point of {P c = e_1 (and bias = 0 if `bias_free`)} nearest `target`; nullopt if the system is inconsistent.
[[nodiscard]] std::optional<std::vector<Cyclotomic>> solve_own_outputs(const std::vector<Cyclotomic>& a,
                                                                       const std::vector<Cyclotomic>& b,
                                                                       const std::vector<Complex>& target,
                                                                       bool bias_free);

}  // namespace cogo::analyze
