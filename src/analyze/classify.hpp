#pragma once
/// \file classify.hpp
/// Classification of a factorised block into the families of docs/theory.md section 5, in the
/// invariant coordinates of factorize.hpp. With x' = conj x and (rho, sigma) = (a/b, b/b') per node, p = 1
/// relative to the anchor, the factors (normalised so their first node is the identity) are:
///
/// | factor           | non-anchor nodes (rho, sigma)                 | parameter           |
/// |------------------|-----------------------------------------------|---------------------|
/// | z_nu(nu)         | (-1, nu^2)                                     | nu (unit)           |
/// | z_{nu=i}         | (-1, -1)                                       | -                   |
/// | z_xi(xi, s)      | (s i xi^2, -xi'^2): rho sigma = -s i           | xi (unit), s = +-1  |
/// |   generalised    | (-omega i xi^2... ): p = -(rho sigma)^2, |rho| = 1 | omega -> s (omega_tolerance) |
/// | z_{syn,ab}(al,be)| (al^2, al'^2 w'), (be^2, be'^2 w): rho sigma = w', w | al, be (unit)  |
/// | z_syn            | z_{syn,ab}(1, 1)                               | -                   |
///
/// Block families (the per-frequency global solutions and the order-4 block): z_nu*z_syn (order 6),
/// z_{nu=i}*z_{syn,ab} (order 6), z_{nu=i}*z_xi (order 4). A factorisation is accepted when the RMS
/// violation of the family's constraints on phases and |rho| is <= class_tolerance and the spread of the
/// node sizes |p| is <= magnitude_tolerance. Parameters are returned as found (relative to the
/// chosen anchor), and canonicalised separately: the gauges (anchor choice, conjugation, node sign, which
/// coset representative) act on them as follows (derived in these coordinates; tests check each move
/// numerically on exact family members):
///  * z_nu*z_syn:        nu ~ -nu ~ conj(nu) ~ nu e^{i pi/3}:  canonical arg nu in [0, pi/6] (turn in [0, 1/12]);
///  * z_{nu=i}*z_xi:     (xi, s) ~ (-xi, s) ~ (i xi, s) ~ (conj xi, -s): canonical s = +1, turn(xi) in [0, 1/4);
///  * z_{nu=i}*z_{syn,ab}: with A = al^2, B = be^2 (A ~ -A, B ~ -B): (A, B) ~ (B A', A') ~ (B', A B') ~ (B', A'):
///    canonical = the lexicographically smallest (turn(A) mod 1/2, turn(B) mod 1/2) of the orbit; al, be
///    reported with turn(al) = turn(A)/2 (so in [0, 1/4)).
#include <cstddef>
#include <string>
#include <vector>

#include "analyze/factorize.hpp"
#include "scalar/turn.hpp"

namespace cogo::analyze {

/// The block families cogo recognises.
/// real_frequency: a block at k = -k whose inputs are rounded to exact real values and whose outputs are solved
/// exactly (output_solve.hpp); not a template family.
/// solved: a block whose inputs are rounded to exact values by its structure (a clean z_nu / z_{nu=i} factor, or
/// node by node) and whose c-row is solved exactly (block_solve.hpp); not a template family either.
/// inputs_snapped: a block at k of order 3 or 4 rounded node by node onto a grid, outputs solved
/// (small_order_blocks.hpp). group_domain: the whole network rounded in the group domain (group_domain.hpp).
/// number_field: a block whose exact nearby point has coordinates outside Q(zeta_N), rounded in a number field K
/// (number_field_blocks.hpp).
enum class BlockFamily { nu_syn, nui_synab, nui_xi, real_frequency, solved, inputs_snapped, group_domain, number_field,
                         unknown };

/// The identifier of a family (JSON, tables): "z_nu*z_syn", "z_nui*z_synab", "z_nui*z_xi", "unknown".
[[nodiscard]] const char* family_name(BlockFamily f);
/// The readable name of a family (text reports): "z_nu * z_syn", "z_{nu=i} * z_{syn,ab}", "z_{nu=i} * z_xi", "-".
[[nodiscard]] const char* family_pretty_name(BlockFamily f);

/// True for the per-frequency global solutions (z_nu*z_syn, z_{nu=i}*z_{syn,ab}); z_{nu=i}*z_xi needs its
/// bias cancelled elsewhere.
inline bool is_order6_family(BlockFamily f) { return f == BlockFamily::nu_syn || f == BlockFamily::nui_synab; }

/// The classification of one block.
struct Classification {
    BlockFamily family = BlockFamily::unknown;
    bool factorable = false;          ///< some layout fits within the factor tolerance
    std::size_t m = 0, n = 0;         ///< the layout used (0 if not factorable)
    double residual = -1;             ///< its factorisation residual (-1 if not factorable)
    double error = -1;                ///< RMS violation of the family constraints (-1 if unknown)
    double magnitude_spread = 0;      ///< max_j |log|p_j| - mean|: spread of the per-node sizes |abc|
    std::string factors;              ///< e.g. "z_nu * z_syn", or guessed factor labels for unknown blocks
    // Found parameters as angles in turns (relative to the anchor; meaningful per family):
    double nu = 0;                    ///< z_nu*z_syn
    double xi = 0;                    ///< z_{nu=i}*z_xi
    int sign = 1;                     ///< z_{nu=i}*z_xi
    double omega = 0;                 ///< z_{nu=i}*z_xi: arg(omega / s) in turns (see classify.cpp, generalised z_xi)
    double alpha = 0, beta = 0;       ///< z_{nu=i}*z_{syn,ab}
    /// family_node[f] = index into the block's node list of the family element's node f (the node order of
    /// construct/global_solutions.hpp: nu_syn_block, nui_synab_block, nui_xi_block).
    std::vector<std::size_t> family_node;
};

/// Tolerances of factorisation and classification (dimensionless, see factorize.hpp).
struct ClassifyOptions {
    double factor_tolerance = 0.1;
    double class_tolerance = 0.1;
    /// Max magnitude_spread of a classified block. Family members have equal |abc| at every node; the family
    /// constraints (class_tolerance) are on phases and |a/b| only, because trained order-6 blocks spread
    /// |abc| by up to about +-20% (their c-energy is shared with the bias-cancelling outputs).
    double magnitude_tolerance = 0.4;
    /// z_xi generalises to z_xi(xi, omega) = (1,1,1), (xi, -omega i xi', omega i), omega any unit: every member
    /// kills a'b'c, so z_{nu=i} * z_xi(xi, omega) kills all but the bias. Trained order-4 blocks sit at
    /// omega = s e^{i delta} with |delta| of a few degrees (weight decay moves omega to +-1 slowly); a block is
    /// classified as z_{nu=i}*z_xi(xi, s), i.e. omega snapped to s = +-1, when |delta| <= omega_tolerance (rad).
    double omega_tolerance = 0.2;
};

/// Factorises and classifies a block given its node invariants.
Classification classify_block(const std::vector<Invariant>& points, const ClassifyOptions& options = {});

/// Canonical parameters (see the file comment), exact on turns.
Turn canonical_nu(const Turn& nu);
std::pair<Turn, int> canonical_xi(const Turn& xi, int sign);
std::pair<Turn, Turn> canonical_alpha_beta(const Turn& alpha, const Turn& beta);

/// t mod m in [0, m) for m > 0 (exact).
Turn turn_mod(const Turn& t, const Turn& m);

}  // namespace cogo::analyze
