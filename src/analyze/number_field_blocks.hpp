#pragma once
/// \file number_field_blocks.hpp
/// Exact rounding of a frequency block whose nearby exact points are algebraic but not cyclotomic
/// (docs/theory.md sections 3, 5 and 5b): the blocks gradient descent finds at frequencies k with 4k = 0 or
/// 3k = 0 are continuous families (free relative phases, DC means off every rational grid), and a rounding
/// of their inputs to roots of unity leaves no exact output row. Only blocks the cyclotomic paths could not
/// round come here.
///
/// One block (nodes j at +-k, k != -k; entries in the canonical gauge of gauge.hpp), in four steps:
///  1. Unknowns: per node the real coordinates Re a, Im a, Re b, Im b at k (conjugates at -k), the input mean
///     d = z_a[0] + z_b[0] if the node carries one (split a[0] = b[0] = d / 2, the shift gauge), and Re c, Im c
///     at k. Equations: every condition T_k(k1, k2) = [k1 = k2 = k] at output k of the block alone, obtained
///     from the same enumeration the verifier uses, run on an element with polynomial entries
///     (polynomial_scalar.hpp); the bias (0, 0) only if the trained block is bias-free (it is then imposed;
///     otherwise it is left free and cancelled later by other nodes' outputs at k, solve_outputs_at). Output
///     -k gives the conjugate equations.
///  2. Slice: optionally (norm_gauge) each node's scale gauge fixed by |a|^2 + |b|^2 = its trained value rounded to
///     1/64 (a quadric: the coordinates fixed below then leave quadratic irrationalities); optionally (relations) x_i = 0 and x_i = +-x_j that the trained input coordinates meet to
///     `relation_tolerance` are added one by one (closest first) as long as the solution set keeps a point
///     satisfying all of them near the trained one (a structured member of the family: its coordinates have much
///     smaller degrees than a generic member's); float Gauss-Newton (minimum-norm steps) from the trained point onto the solution set; at that
///     point the Jacobian's numerical rank r is the codimension. Column pivoting, output coordinates first,
///     picks r coordinates to keep free; every other coordinate (gauges, free phases, free DC means, free
///     output directions) is fixed to the rational of least denominator within a small tolerance (relative to
///     the block's largest coordinate: 1e-6, then 1e-4) of the polished point, so the slice stays close to the
///     trained block (rationals do not enlarge K).
///  3. Refine the square system on the slice to `bits` bits (refine_system, Arb), the point not moving more
///     than `max_displacement`; recognise each free INPUT coordinate as an algebraic number (LLL,
///     recognise_algebraic: rational first, at heights the slice's denominators need, then quadratic, then
///     up to `bounds`).
///  4. Field and exact block (number_field_block): K = Q(zeta_M, the recognised numbers) with M = lcm(N, 4, the
///     field_order of the rest of the rounded network) (N the exponent of the group, so every character, i and every
///     cyclotomic value of the network lie in K; common_field, checked exactly);
///     inputs in K, then the output entries at k solved EXACTLY by linear algebra over K (the conditions are
///     linear in them once the inputs are exact), the point of the affine solution set nearest the trained
///     outputs (Gaussian-rational combination of an exact kernel basis). The block is accepted only if every
///     condition at +-k of the block alone holds exactly in K.
/// Nothing in steps 1-3 is a proof; the verdict of the network is decided over K (crosscheck.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "algebra/element.hpp"
#include "analyze/algebraic_recognition.hpp"
#include "analyze/fourier_weights.hpp"
#include "scalar/number_field.hpp"

namespace cogo::analyze {

/// Tolerances and bounds of the number-field rounding.
struct NumberFieldBlockOptions {
    long bits = 1024;                       ///< precision of the refinement (>= what recognition needs)
    /// Recognition, least degree first: rational up to this height (bits) ...
    long rational_height_bits = 400;
    long quadratic_height_bits = 300;       ///< ... then quadratic up to this height ...
    RecognitionBounds bounds{6, 20};        ///< ... then up to this degree and height
    /// The slice: every fixed coordinate is the rational of least denominator within tolerance * (the block's
    /// largest coordinate) of the polished point, for each tolerance in turn (the closest first)
    std::vector<double> slice_tolerances{1e-6, 1e-4};
    double max_displacement = 0.05;         ///< max move of any coordinate, start -> refined (canonical gauge): a
                                            ///< sanity bound; acceptance is CrosscheckOptions::number_field_tolerance
    double rank_tolerance = 1e-7;           ///< relative singular-value gap of the numerical rank
    double polish_residual = 1e-10;         ///< float Gauss-Newton must reach this residual (max norm)
    double bias_free = 0.05;                ///< impose the bias when |trained bias| <= this * sum (|a|^2+|b|^2)|c|
    double dc_share = 1e-3;                 ///< a node carries an input mean when |d| > this (unit input norm)
    double off_share = 0.01;                ///< max input energy share of a node off 0 and +-k (dropped by the rounding)
    long max_field_degree = 64;             ///< [K : Q] allowed
    /// fix each node's scale by |a|^2 + |b|^2 = (trained value to 1/64). Off by default: on the trained Z_24 runs
    /// it makes the coordinates recognisable, but K = Q(zeta_120, them) then exceeds max_field_degree (192 > 64)
    bool norm_gauge = false;
    /// impose the relations x_i = 0, x_i = +-x_j the trained inputs meet to relation_tolerance (if the solution
    /// set keeps a point satisfying them near the trained one). On by default: with a fine slice it is what keeps
    /// the free coordinates of low degree (on the trained Z_24 runs they come out rational; without the
    /// relations, a slice within 1e-4 leaves coordinates of degree > 8). The tolerance is at the trained runs'
    /// own distance to the solution set (~5e-4 in the canonical gauge); at 0.02 the relations moved the block
    /// by 1-3% and made the Z_2 x Z_3 x Z_4 seed 2 cross-check take over 150 s
    bool relations = true;
    double relation_tolerance = 1e-3;       ///< ... to this (canonical gauge), if the solution set has such points
    std::size_t max_relations = 400;        ///< candidates tried, closest first
};

/// Steps 1-3 for one block: the slice and the recognised coordinates, or why not.
struct NumberFieldCandidate {
    std::size_t k = 0;
    std::vector<std::size_t> trained_node;
    bool bias_free = false;
    bool has_dc = false;
    std::vector<std::string> fixed;          ///< per coordinate: its rational value ("" if free)
    std::vector<std::size_t> free_inputs;    ///< coordinates recognised (input coordinates only)
    std::vector<AlgebraicNumber> numbers;    ///< their values, in the order of free_inputs
    std::vector<std::complex<double>> target_c;  ///< the refined output entries at k (floats)
    double displacement = -1;                ///< max |refined - start| over the coordinates
    /// the polished point (on the block's solution set, relations imposed) vs the trained one, inputs and outputs
    /// each relative to the block's norm, the larger: how far the trained block is from the family it is rounded in
    double polish_distance = -1;
    double slice_tolerance = 0;              ///< the slice's rationals are within this of the polished point
    std::size_t relations = 0;               ///< relations x_i = 0, +-x_j imposed (step 2)
    std::string failure;                     ///< "" on success
};

/// Steps 1-3 on block (k, nodes) of z (canonical gauge). Never throws on numerical failure (failure is set).
[[nodiscard]] NumberFieldCandidate number_field_candidate(const FourierWeights& z, std::size_t k,
                                                          const std::vector<std::size_t>& nodes,
                                                          const NumberFieldBlockOptions& options = {});

/// Step 4: the exact block over `field` (which must hold the candidate's numbers and zeta_4),
/// inputs at 0 and +-k and outputs at +-k; nullopt with `why` set if a number is not found in the field, the
/// output system is inconsistent over K or a condition at +-k of the block fails exactly.
[[nodiscard]] std::optional<Element<NumberFieldScalar>> number_field_block(const AbelianGroup& group,
                                                                           const NumberFieldCandidate& candidate,
                                                                           const CommonField& field,
                                                                           std::size_t first_number, std::string& why);

/// A block for round_in_number_field: frequency k (k != -k) and its trained nodes.
struct NumberFieldRequest {
    std::size_t k = 0;
    std::vector<std::size_t> nodes;
};

/// The blocks rounded in ONE field K (every block's numbers adjoined together to Q(zeta_M)).
struct NumberFieldRounding {
    NumberFieldPtr field;                                         ///< null if no block was rounded
    std::vector<std::optional<Element<NumberFieldScalar>>> blocks;  ///< per request (node f: nodes[f])
    std::vector<std::string> failure;                            ///< per request, "" on success
    std::vector<std::string> structure;                          ///< per request: slice and field, readable
    std::vector<double> polish_distance;                         ///< per request: NumberFieldCandidate's (-1 if none)
};

/// Steps 1-4 for every request: the candidates, one common field for all of them, the exact blocks. K contains
/// zeta_M with M = lcm(number_field_zeta_order(group), zeta_order) (pass the field_order of the cyclotomic values
/// the blocks will be verified with, e.g. 120 for parameters snapped to 1/120 turn).
[[nodiscard]] NumberFieldRounding round_in_number_field(const FourierWeights& z, const std::vector<NumberFieldRequest>& requests,
                                                        unsigned long zeta_order = 1, const NumberFieldBlockOptions& options = {});

/// Re-solves over K the output entries at +-k (k != -k) of the nodes `unknown` of `network`, every other entry
/// kept, so that every condition at output k holds (then those at -k hold by conjugation): the conditions at
/// output k are linear in the outputs at k once every input is exact. This is how a number-field block's bias is
/// cancelled by the outputs at k of other blocks' nodes (as in the cyclotomic joint solve, joint_outputs.hpp).
/// The point of the affine solution set nearest `trained` (node unknown[i]'s trained output at k in the exact
/// gauge; Gaussian-rational kernel coefficients) is taken; false with `why` set if the system is inconsistent or
/// the solution is farther than `tolerance` (relative RMS). `distance` receives that distance. Call it inside a
/// NumberField::Scope of K.
[[nodiscard]] bool solve_outputs_at(Element<NumberFieldScalar>& network, std::size_t k, const std::vector<std::size_t>& unknown,
                                    const std::vector<std::complex<double>>& trained, double tolerance, std::string& why,
                                    double& distance);

/// How far an exact block over K is from the trained one, scale-free, in the canonical gauge of the trained
/// weights `z` (the gauge the number-field blocks are built in): inputs and outputs separately, each relative to
/// the trained block's own norm, so that no threshold mixes quantities that scale differently under the node
/// scale gauge (t a, t b, c / t^2).
struct NumberFieldDistance {
    double inputs = 0;   ///< |exact - trained| / |trained| over z_a, z_b at +-k and the input means of the nodes
    double outputs = 0;  ///< the same over their outputs at +-k, and the re-solved outputs at +-k of other nodes
                         ///< (helpers: |exact - trained|^2 added to the numerator; the block's norm is the unit)
    [[nodiscard]] double worst() const { return std::max(inputs, outputs); }
};

/// The distance of the block (frequency k, trained nodes `trained_nodes` = network nodes `network_nodes`) and of
/// the helper outputs at k (network node helper_nodes[i], trained value helper_trained[i] in the exact gauge) in
/// `network` (over the current NumberField::Scope) to the trained weights. Call it after the final re-solve.
[[nodiscard]] NumberFieldDistance number_field_distance(const FourierWeights& z, std::size_t k,
                                                        const std::vector<std::size_t>& trained_nodes,
                                                        const Element<NumberFieldScalar>& network,
                                                        const std::vector<std::size_t>& network_nodes,
                                                        const std::vector<std::size_t>& helper_nodes = {},
                                                        const std::vector<std::complex<double>>& helper_trained = {});

/// The root-of-unity order every field of `group` must contain: lcm(exponent, 4).
[[nodiscard]] unsigned long number_field_zeta_order(const AbelianGroup& group);

/// A Cyclotomic element mapped into `field` (every value: NumberFieldScalar::from_cyclotomic).
[[nodiscard]] Element<NumberFieldScalar> embed(const NumberFieldPtr& field, const Element<Cyclotomic>& z);

}  // namespace cogo::analyze
