#pragma once
/// \file exact_rounding.hpp
/// From a numerical zero-loss candidate to a PROVED exact network (docs/theory.md sections 3, 5b):
///  1. Fourier transform of the float weights (docs/theory.md section 2), per-node gauge fixing: the shift
///     gauge moves every DC input to z_a[0] (z_b[0] = 0); the entries are tried as given and, failing that,
///     with the scale gauge (a, b, c) -> (t a, t b, c / t^2) making the largest input entry of the node
///     modulus 1;
///  2. every input entry is recognised as an exact value by a Recognizer (the default one snaps to
///     r zeta_N^e with r rational of small denominator, or to a Gaussian rational; conjugate symmetry kept);
///  3. the output rows are then solved EXACTLY by linear algebra (analyze/output_solve.hpp);
///  4. the exact element is decided by verify_global_optimum; only a PROVED element is returned, with its
///     certificate text, which is re-checked by the independent certificate checker before it is returned.
/// A candidate that fails any step is reported with the reason: it stays a numerical candidate.
#include <complex>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"
#include "search/numerical_search.hpp"
#include "verify/verdict.hpp"

namespace cogo::search {

/// Recognises one complex number as an exact value, or returns nothing. `tolerance` is absolute.
/// This is the hook for other recognisers (e.g. a number-field one for non-cyclotomic values): any
/// function of this shape can be passed to round_candidate.
using Recognizer = std::function<std::optional<Cyclotomic>(std::complex<double> value, double tolerance)>;

/// The default recognizer: 0; r zeta_N^e (N = field_order, r = p/q with q <= max_den); or x + i y with x, y
/// rationals of denominator <= max_den.
[[nodiscard]] Recognizer cyclotomic_recognizer(unsigned long field_order, long max_den = 64);

/// The outcome of rounding one candidate.
struct RoundingResult {
    bool proved = false;             ///< an exact element with l = 0 was found, verified and its certificate re-checked
    std::string failure;             ///< why not ("" if proved)
    UnknownReason reason = UnknownReason::none;  ///< why not, typed (none if proved; of the last attempt)
    std::optional<Element<Cyclotomic>> element;  ///< the PROVED element (only if proved)
    std::string certificate;         ///< its certificate text (only if proved)
    double max_snap_error = -1;      ///< largest |recognised - numerical| over the input entries
};

/// Runs steps 1-4 on the float network w of group g. `statement` goes into the certificate.
[[nodiscard]] RoundingResult round_candidate(const AbelianGroup& g, const FloatNetwork& w, const Recognizer& recognize,
                                             double tolerance, const std::string& statement);

}  // namespace cogo::search
