#pragma once
/// \file crosscheck.hpp
/// `cogo crosscheck`'s analysis (issue 6): trained real weights -> float Fourier form -> node assignment ->
/// per-block factorisation and classification -> exact rounding (parameters snapped, bias cancellation across
/// frequencies solved exactly) -> exact verification of the rounded network (verify/verify.hpp).
///
/// The rounded network contains the exact family block of every classified block, in the families' own
/// gauge (first node (1,1,1), c-row divided by the order so r_kkk = 1), plus, on the nodes of classified
/// order-6 blocks, exact bias-cancelling outputs at the frequencies of classified order-4 blocks. The
/// cancellation follows the trained network: block B's share of the bias at k is the trained
/// -sum_{j in B} (|a_j|^2 + |b_j|^2) c_j[k] / (trained bias at k) rounded to a Gaussian rational with
/// denominator 64, the largest share taking the exact remainder; it is applied only if the trained shares
/// sum to 1 within `bias_evidence` (otherwise the trained network does not cancel that bias, and neither does
/// the rounding). Unclassified blocks, DC nodes and dead nodes are not in the rounded network.
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
#include "analyze/classify.hpp"
#include "analyze/fourier_weights.hpp"
#include "construct/turn.hpp"
#include "scalar/cyclotomic.hpp"
#include "verify/verdict.hpp"

namespace cogo::analyze {

/// All thresholds of the cross-check (relative / dimensionless).
struct CrosscheckOptions {
    AssignmentOptions assignment;
    ClassifyOptions classify;
    double round_tolerance = 0.15;  ///< max RMS invariant distance trained block vs exact rounded block
    double r_kkk_tolerance = 0.25;  ///< max |r_kkk - 1| of a block's trained nodes (a global optimum has r_kkk = 1;
                                    ///< the family invariants are blind to the overall size of abc)
    double snap_tolerance = 0.003;  ///< turns: snap to a multiple of 1/24 turn when this close (< 1/240)
    double bias_evidence = 0.5;     ///< cancel a bias only if the trained shares sum to 1 within this
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
    bool verified = false;               ///< every exact condition at output +-k holds in the rounded network
    std::string note;                    ///< why unknown / not verified, if known
};

/// The whole cross-check.
struct CrosscheckReport {
    AbelianGroup group;
    std::size_t q = 0;
    NodeAssignment assignment;
    std::vector<BlockReport> blocks;              ///< by k
    std::optional<Element<Cyclotomic>> rounded;   ///< the exact rounded network (absent if nothing classified)
    Verdict verdict = Verdict::unknown;           ///< of the rounded network
    std::optional<Cyclotomic> exact_loss;         ///< exact loss of the rounded network
    std::size_t failing = 0;                      ///< failing exact conditions
    std::string first_failure;                    ///< readable first failing condition
    std::string reason;                           ///< why UNKNOWN
    double distance_wa = 0, distance_wb = 0, distance_v = 0;  ///< relative Frobenius, trained vs rounded (gauged)
    double seconds_analysis = 0, seconds_verify = 0;

    std::size_t classified() const;
    std::size_t verified() const;
};

/// Runs the cross-check. Throws ShapeMismatch / InvalidInput on bad weights (shapes, NaN/Inf).
CrosscheckReport crosscheck(const AbelianGroup& group, const TrainedWeights& weights,
                            const CrosscheckOptions& options = {});

}  // namespace cogo::analyze
