#pragma once
/// \file group_domain.hpp
/// Whole-network rounding in the group domain, for networks whose nodes are not supported on one frequency
/// pair (docs/theory.md sections 1 and 5: the perfect memorisation z_M, whose n^2 nodes each have one-hot
/// inputs, so every node is active at every frequency and no per-frequency block separates). The
/// per-frequency analysis of crosscheck.hpp has nothing to round there; this path rounds the real weights
/// themselves.
///
/// Per live node j, in the canonical gauge of gauge.hpp (equal input means fix the shift gauge):
///  * inputs: t = the entry of largest modulus of (W_a[j, .], W_b[j, .]) (signed; t -> -t is the (-1, -1, 1)
///    gauge); both rows divided by t are snapped to p / D with ONE common denominator D <= `max_denominator`,
///    the smallest for which every entry is within `snap_tolerance`;
///  * outputs: V[., j] t^2 minus its mean (the constant output direction never enters the loss: P = I - 11^T/n)
///    is split into its largest modulus s_j and a direction u_j = V t^2 / s_j, snapped like the inputs;
///  * the output scales: nodes whose s_j agree to `scale_tolerance` (relative) share one exact scale lambda;
///    the lambdas are solved exactly from r_kkk = sum_j a_j[k] b_j[k] lambda u_j[k] = 1 at every non-DC
///    frequency k (T_k(k, k) = 1, the target), must be real and within `round_tolerance` of the trained s_j.
/// The rounded network (exact rationals in the group domain, exactly transformed to the Fourier domain,
/// algebra/real_weights.hpp) is decided by verify_global_optimum; floats only choose the candidate.
///
/// Cost: the exact transform is 3 q n^2 scalar products, the verification q n 3 n^2 (dense rows). The path
/// refuses (reason set, nothing built) when q n 3 n^2 exceeds the verification limit `max_terms` (z_M on
/// Z_64, 4096 nodes: 3.2e9 > 4e8, so UNKNOWN with a work-limit reason, exit 3, never a hang).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analyze/assignment.hpp"
#include "analyze/fourier_weights.hpp"
#include "scalar/cyclotomic.hpp"
#include "verify/verify.hpp"

namespace cogo::analyze {

/// Tolerances and limits of the group-domain rounding.
struct GroupDomainOptions {
    double snap_tolerance = 1e-3;       ///< max |entry - p/D| of a normalised row (entries in [-1, 1])
    std::size_t max_denominator = 0;    ///< largest common denominator D per row (0: max(24, 4 n))
    double scale_tolerance = 1e-3;      ///< relative: nodes whose output scales agree share one exact scale
    std::size_t max_scales = 64;        ///< most distinct output scales solved for
    double round_tolerance = 0.15;      ///< relative: max distance of the exact output scales to the trained ones
    std::size_t max_terms = 400'000'000;  ///< the verification limit (verify.hpp); refused beyond it
};

/// The rounded network, or why there is none.
struct GroupDomainRounding {
    std::optional<Element<Cyclotomic>> rounded;  ///< one exact node per live node (trained_node[f] for node f)
    std::vector<std::size_t> trained_node;
    std::optional<VerificationResult<Cyclotomic>> verification;  ///< absent if not verified (refused / failed)
    std::size_t scales = 0;                      ///< distinct exact output scales
    bool work_limit = false;                     ///< refused by the cost bound (see the file comment)
    double distance_wa = 0, distance_wb = 0, distance_v = 0;  ///< relative Frobenius, trained vs rounded
    std::string failure;                         ///< why not rounded / not verified ("" on success)
};

struct CrosscheckReport;

/// True when some live node has more than `share` of its input energy off its assigned frequency pair (the
/// per-frequency decomposition leaves it shared by several frequencies).
[[nodiscard]] bool has_spread_inputs(const NodeAssignment& assignment, double share = 0.25);

/// Rounds the live nodes of `z` (a canonical-gauge Fourier form, gauge.hpp; dead nodes per `assignment` left
/// out) in the group domain and verifies the result exactly (see the file comment).
[[nodiscard]] GroupDomainRounding round_in_group_domain(const FourierWeights& z, const NodeAssignment& assignment,
                                                        const GroupDomainOptions& options = {});

/// Replaces the per-frequency account in `report` by the group-domain one: PROVED when `r` is PROVED and the
/// trained network is within `allowed` of an exact optimum as a function at every output (sqrt(D_k) of
/// frequency_loss.hpp, D indexed by k; every block is then PROVED with family group_domain); REFUTED when `r`
/// is (every live node rounded, the exact network fails). Otherwise the report is kept, `r.failure` (or the
/// function distance) appended to its network reason, and a per-frequency REFUTED becomes UNKNOWN (it rounded
/// spread nodes at one frequency only).
void adopt_group_domain(CrosscheckReport& report, const GroupDomainRounding& r, const std::vector<double>& D,
                        double allowed);

}  // namespace cogo::analyze
