#pragma once
/// \file crosscheck.hpp
/// `cogo crosscheck`'s analysis: trained real weights -> float Fourier form -> node assignment ->
/// per-block factorisation and classification -> exact rounding (parameters snapped, bias cancellation across
/// frequencies solved exactly) -> exact verification of the rounded network (verify/verify.hpp).
///
/// Every threshold is applied to the canonical gauge of gauge.hpp (per node: equal input means, unit input
/// norm), so the analysis is invariant under the per-node scale gauge (t a, t b, c/t^2) and the shift gauge.
///
/// The rounded network contains the exact family block of every classified block, in the families' own
/// gauge (first node (1,1,1), c-row divided by the order so r_kkk = 1), every live DC node (inputs on the DC
/// row only: a constant activation, a bias node) as the exact node a = b = 1/2 at DC, and exact
/// bias-cancelling outputs: a block whose own bias at k is not zero (z_{nu=i}*z_xi) has it cancelled by
/// outputs at +-k on the nodes of classified order-6 blocks and on the DC nodes, as the trained network
/// does. The cancellation follows the trained network: contributor X's share of the bias at k is its trained
/// bias term at k (order-6 block: -sum_{j in X} (|a_j|^2 + |b_j|^2) c_j[k]; DC node: -(a_0 + b_0)^2 c_j[k] / 2)
/// divided by the trained bias of the block, rounded to a Gaussian rational with denominator 64, the largest
/// share taking the exact remainder; it is applied only if the trained shares sum to 1 within `bias_evidence`
/// (otherwise the trained network does not cancel that bias, and neither does the rounding). Blocks at real
/// frequencies, and blocks at frequencies of order 3 or 4 in no family (small_order_blocks.hpp), get exact inputs
/// and exact outputs solved jointly against the rest; when that fails, once more with the output rows of the
/// order-6 blocks and DC nodes as unknowns too (joint_outputs.hpp: how a real node's bias is cancelled in trained
/// networks). Unresolved blocks and dead nodes are not in the rounded network.
///
/// A block outside the families (or whose template rounding fails) is rounded by the algebra (block_solve.hpp):
/// exact inputs from a clean z_nu / z_{nu=i} factor, or node by node, and its c-row solved exactly; it is
/// reported as family "c-row solved" with its structure, and can carry bias-cancelling outputs like an order-6
/// block. Its solved c-row must be within `round_tolerance` (relative) of the trained one: exact inputs near the
/// trained ones do not make the exact block near the trained block (at 3k = 0 the trained input means enter its own
/// conditions, and a c-row solved without them can land far away, with a bias other nodes would have to cancel).
/// A block whose trained function is too far from any exact optimum at its output (frequency_loss.hpp,
/// CrosscheckOptions::function_tolerance) is not rounded this way, and a rounded block is PROVED only if that
/// distance is within the allowed one.
///
/// Verdicts. Each block is PROVED (every exact condition at output +-k holds in the rounded network) or
/// UNRESOLVED with a reason. The network is PROVED when every live node is accounted for (every block
/// classified, every DC node rounded) and the rounded network is an exact global optimum; REFUTED only when
/// every live node is accounted for and an exact condition of the assembled network fails; PARTIAL when some
/// live nodes are unresolved (the proven and unproven frequencies are listed); UNKNOWN when nothing could be
/// rounded or the exact verification hit its work limit.
///
/// When the network is not PROVED so far and some live node's inputs are spread over several frequency pairs (z_M:
/// one-hot inputs, every node active at every frequency), the whole network is rounded in the group domain
/// instead (group_domain.hpp) and its account replaces the per-frequency one if it is PROVED.
///
/// Number fields (CrosscheckOptions::number_field, on by default, `--no-number-field`). A block at a
/// complex frequency that none of the paths above rounds (the continuous families
/// gradient descent finds at 4k = 0 and 3k = 0: free relative phases, DC means off every rational grid) is tried
/// last in a number field (number_field_blocks.hpp): its free coordinates fixed to nearby rationals, the rest
/// refined and recognised as algebraic numbers, its outputs solved exactly over K = Q(zeta_M, those numbers),
/// M = lcm(exponent, 4); every such block shares one K. Such a block is kept only if its final exact form (after
/// the re-solve of its outputs and the helpers' over K) is within CrosscheckOptions::number_field_tolerance of the
/// trained block (relative; scaled to the network's own level, see there). The verdict is then decided on the WHOLE rounded
/// network over K: every cyclotomic value embedded into K (K contains zeta_M, hence every character of the group
/// and i), the number-field blocks added, verify_global_optimum run over K; `rounded` keeps the cyclotomic part and
/// `rounded_nf` the whole network. No per-frequency argument is needed (or used): every condition of the
/// assembled network, bias and cross-frequency outputs included, is decided in one field, and the certificate
/// (cogo-certificate-nf) lists them all.
///
/// The distance trained vs rounded is measured after mapping the rounded network into the trained gauge
/// (node order, per-node real scale t, per-frequency phases (e^{i th} a, e^{i ph} b, e^{-i(th+ph)} c), all
/// estimated in floating point; these maps preserve the loss of single-frequency-input networks of odd order),
/// as relative Frobenius distances of W_a, W_b and V. Floats never enter the verdict: that is decided on the
/// exact rounded element alone.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analyze/assignment.hpp"
#include "analyze/block_solve.hpp"
#include "analyze/classify.hpp"
#include "analyze/fourier_weights.hpp"
#include "analyze/number_field_blocks.hpp"
#include "scalar/turn.hpp"
#include "scalar/cyclotomic.hpp"
#include "verify/verdict.hpp"

namespace cogo::analyze {

/// All thresholds of the cross-check (relative / dimensionless).
struct CrosscheckOptions {
    AssignmentOptions assignment;
    ClassifyOptions classify;
    double round_tolerance = 0.15;  ///< max RMS invariant distance trained block vs exact rounded block (twice it
                                    ///< for the worst single node); max relative distance of solved outputs
    double r_kkk_tolerance = 0.25;  ///< max |r_kkk - 1| of a block's trained nodes (a global optimum has r_kkk = 1;
                                    ///< the family invariants are blind to the overall size of abc)
    double snap_tolerance = 0.003;  ///< turns: snap to a multiple of 1/24 turn when this close (< 1/240)
    double bias_evidence = 0.5;     ///< cancel a bias only if the trained shares sum to 1 within this
    /// Max function-space distance sqrt(D_k) (frequency_loss.hpp) of the trained network to the exact rounded one
    /// at a block's output frequency: a PROVED block must be near its rounding as a function, not only in its
    /// parameters (the distance is gauge invariant; the target T_k(k, k) = 1 sets its unit). At least this ...
    double function_tolerance = 0.02;
    double function_outlier = 5;     ///< ... or this times the network's median sqrt(D_k), if larger (its own loss level)
    double function_cap = 0.1;       ///< ... but never more than this
    BlockSolveOptions block_solve;  ///< the algebraic rounding of blocks outside the families (block_solve.hpp)
    /// try the blocks left unresolved in a number field (number_field_blocks.hpp), on groups of every order: its
    /// acceptance (number_field_tolerance below) is on the final exact block and relative to the network's own
    /// level, so a perturbed one-block network (a z_syn with an input mean moved 1% or 30% on Z_3, a node moved
    /// 1e-3) is not PROVED through it (`--no-number-field` switches it off)
    bool number_field = true;
    /// A block rounded through K is kept only if its final exact form (outputs and the helpers' outputs at k
    /// re-solved over K) is near the trained block, inputs and outputs each relative to the block's own norm
    /// (number_field_distance, canonical gauge): within function_outlier times the network's own level (the
    /// median sqrt(D_k) of the blocks the cyclotomic paths rounded; a one-block network has none), at least this
    /// ... (a slice within 1e-6 of an exact block stays well inside it; a node moved by 1e-3 does not) ...
    double number_field_tolerance = 1e-4;
    double number_field_cap = 0.05;  ///< ... and never more than this (trained runs: 0.003-0.045)
    NumberFieldBlockOptions number_field_options;
    std::size_t max_terms = 400'000'000;  ///< work limit of the exact verification
    bool verify = true;             ///< run the exact verification
};

/// One parameter of a classified block: name, found value (turns, as fitted), snapped turn, canonical turn.
struct BlockParameter {
    std::string name;
    double found = 0;
    Turn snapped, canonical;
};

/// The report of one frequency block.
struct BlockReport {
    std::size_t k = 0;                   ///< pair representative (the block sits at +-k)
    std::vector<std::size_t> nodes;      ///< its nodes (input order)
    Classification classification;      ///< factorisation and family as found
    BlockFamily family = BlockFamily::unknown;  ///< final family (unknown if rounding was rejected)
    std::vector<BlockParameter> params;  ///< canonical parameters of the family
    int sign = 0;                        ///< canonical s for z_nui*z_xi (0 otherwise)
    bool on_small_grid = false;          ///< every parameter snapped to a multiple of 1/24 turn
    double rounding_residual = -1;       ///< RMS invariant distance trained vs exact, phases and |a/b| (-1 if not rounded)
    Complex r_kkk;                       ///< trained r_{k,k,k} of the block's nodes
    Complex bias;                        ///< trained bias of the block's nodes at k
    std::size_t spread_nodes = 0;        ///< nodes of the block that spread (assignment.hpp)
    double max_off_c = 0;                ///< largest off-frequency output share among its nodes
    std::vector<std::size_t> bias_cancelled_by;  ///< order-6 blocks (their k) whose outputs cancel this bias
    std::size_t bias_cancelled_by_dc = 0;        ///< DC nodes whose outputs cancel (part of) this bias
    std::string structure;               ///< how a block outside the families was rounded (block_solve.hpp), else ""
    double function_distance = -1;       ///< sqrt(D_k): trained vs exact function at output k (-1 if not computed)
    bool verified = false;               ///< every exact condition at output +-k holds in the rounded network
    std::string note;                    ///< why unknown / not verified, if known
    UnknownReason unresolved = UnknownReason::none;  ///< why not verified, typed (none when verified)
};

/// The account of the whole trained network (see the file comment).
enum class NetworkVerdict { proved, partial, refuted, unknown };

/// "PROVED", "PARTIAL", "REFUTED", "UNKNOWN".
[[nodiscard]] const char* network_verdict_name(NetworkVerdict v);

/// The whole cross-check.
struct CrosscheckReport {
    AbelianGroup group = AbelianGroup::cyclic(2);
    std::size_t q = 0;
    NodeAssignment assignment;
    std::vector<BlockReport> blocks;              ///< by k
    std::optional<Element<Cyclotomic>> rounded;   ///< the exact rounded network (absent if nothing classified);
                                                  ///< only its cyclotomic part when rounded_nf is set
    std::optional<Element<NumberFieldScalar>> rounded_nf;  ///< the whole rounded network over K, if some block needed K
    NumberFieldPtr field;                         ///< K (null unless rounded_nf)
    std::string exact_loss_text;                  ///< the exact loss, readable (over K if rounded_nf)
    Verdict verdict = Verdict::unknown;           ///< of the rounded network (exact verification)
    NetworkVerdict network = NetworkVerdict::unknown;  ///< the account of the trained network
    std::string network_reason;                   ///< why PARTIAL / UNKNOWN / REFUTED, in one line
    UnknownReason unknown_reason = UnknownReason::none;  ///< why UNKNOWN, typed (none unless UNKNOWN)
    std::vector<std::size_t> proven, unproven;    ///< frequency pairs (representatives) proven / not proven
    std::size_t dc_rounded = 0;                   ///< DC nodes in the rounded network
    std::size_t unresolved_nodes = 0;             ///< live nodes not in the rounded network
    std::vector<std::string> warnings;            ///< e.g. overflowing weights
    std::optional<Cyclotomic> exact_loss;         ///< exact loss of the rounded network (over K: only if rational)
    std::size_t failing = 0;                      ///< failing exact conditions
    std::string first_failure;                    ///< readable first failing condition
    std::string reason;                           ///< why UNKNOWN
    double distance_wa = 0, distance_wb = 0, distance_v = 0;  ///< relative Frobenius, trained vs rounded (gauged)
    double trained_loss = -1;                     ///< all-pairs loss of the trained weights (float, frequency_loss.hpp)
    double function_allowed = -1;                 ///< the largest sqrt(D_k) a PROVED block may have in this network
    double seconds_analysis = 0, seconds_verify = 0;

    /// Blocks with a family / blocks PROVED.
    [[nodiscard]] std::size_t classified() const;
    [[nodiscard]] std::size_t verified() const;
};

/// Runs the cross-check. Throws ShapeMismatch / InvalidInput on bad weights (shapes, NaN/Inf).
[[nodiscard]] CrosscheckReport crosscheck(const AbelianGroup& group, const NetworkWeights<double>& weights,
                                          const CrosscheckOptions& options = {});

}  // namespace cogo::analyze
