#pragma once
/// \file number_field_rounding.hpp
/// Exact rounding of a numerical zero-loss candidate whose entries are algebraic but not cyclotomic
/// (docs/theory.md sections 3, 5b): a continuous family of solutions, pinned as far as simple values go
/// (pinning.hpp), leaves entries that no cyclotomic recogniser rounds. This path
///  1. takes the Fourier input entries of every live node (shift gauge z_b[0] = 0, the gauge of the network
///     as given); an entry the cyclotomic recognizer rounds within 1e-11 is FIXED to that exact value, the
///     others are FREE;
///  2. SLICE: the Jacobian of the all-pairs residuals (docs/theory.md section 1) in the free real coordinates
///     and the real outputs, in float64; a free coordinate whose column lies in the span of the outputs'
///     and the previous coordinates' columns is a direction along the family and is fixed to a rational:
///     its value if it is one (denominator <= 64, within 1e-10), else the nearest one of denominator <= 8;
///  3. REFINE: Levenberg-Marquardt on the residuals in MPFR at `precision_bits`, outputs free, until the
///     step is below 2^-(precision_bits - 64); an entry may move at most `max_displacement` (or anything up to
///     0.2 when the slice moved a coordinate);
///  4. RECOGNISE: every free entry (as a complex number) by LLL (analyze/algebraic_recognition.hpp), then
///     K = Q(zeta_M, the entries, their conjugates) (common_field; M the field_order of the fixed values);
///  5. the outputs solved EXACTLY over K by linear algebra (every condition is linear in them);
///  6. the element over K is decided by verify_global_optimum; only a PROVED one is returned, with its
///     cogo-certificate-nf text, re-checked by the independent number-field certificate checker.
/// Floats only propose (the slice, the refined digits, the LLL relation); the verdict is exact. A candidate
/// that fails any step is reported with the step and the reason.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "search/numerical_search.hpp"

namespace cogo::search {

/// Bounds of the number-field path.
struct NumberFieldRoundingOptions {
    long precision_bits = 1024;     ///< MPFR working precision of the refinement (256..8192)
    long max_degree = 16;           ///< recognition: degree of each entry's minimal polynomial
    long max_height_bits = 40;      ///< recognition: |coefficient| < 2^max_height_bits
    long max_field_degree = 32;     ///< [K : Q]
    double max_start_loss = 1e-20;  ///< the candidate's float64 loss must be below this (a numerical zero)
    double max_displacement = 1e-6; ///< how far the refinement may move an entry (no slice move)
    int max_iterations = 200;       ///< refinement iterations (all precisions together)
};

/// The outcome.
struct NumberFieldRounding {
    bool proved = false;
    std::string failure;                  ///< the failed step and why ("" if proved)
    std::string certificate;              ///< cogo-certificate-nf text (only if proved)
    std::size_t order = 0;                ///< nodes of the PROVED element
    std::size_t fixed_entries = 0, free_entries = 0, slice_coordinates = 0, slice_moved = 0;
    long accuracy_bits = 0;               ///< -log2 of the last refinement step
    double refined_displacement = -1;     ///< largest move of an input entry by the refinement
    long field_degree = 0;                ///< [K : Q] (0 if not reached)
    std::vector<std::string> field_polynomial;  ///< the defining polynomial of K, lowest power first
};

/// Progress lines ("refine: 1024 bits, step 2^-980"), for the command's output; may be empty.
using ProgressSink = std::function<void(const std::string&)>;

/// Runs steps 1-6 on the float network w of group g (see the file comment). `field_order` is the N of the
/// cyclotomic recognizer of step 1. Throws only on bad arguments (InvalidInput); limits and failed steps
/// are reported in `failure`.
[[nodiscard]] NumberFieldRounding round_in_number_field(const AbelianGroup& g, const FloatNetwork& w,
                                                        unsigned long field_order, const std::string& statement,
                                                        const NumberFieldRoundingOptions& options = {},
                                                        const ProgressSink& progress = {});

}  // namespace cogo::search
