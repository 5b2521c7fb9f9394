#pragma once
/// \file search_command.hpp
/// `cogo search --d D --width Q [--seeds LIST] [--dc]`: seeded multi-start numerical search for a zero-loss
/// network of width Q (search/numerical_search.hpp), binary128 refinement of the best runs, then the exact
/// path (search/exact_rounding.hpp): gauge fixing, recognition of the inputs in Q(zeta_N), exact outputs,
/// exact verification; a candidate left with algebraic, non-cyclotomic entries goes through the number-field
/// path (search/number_field_rounding.hpp: slice, MPFR refinement, LLL, exact verification over K, a
/// cogo-certificate-nf certificate). A network is reported as a SOLUTION only with a PROVED certificate that the
/// independent checker accepted (written with --certificate); everything else is a numerical candidate.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo search`.
struct SearchCommandOptions {
    std::string group = "3";         ///< group spec (--d D or --group G)
    std::size_t width = 3;           ///< hidden nodes q
    std::string seeds = "1-8";       ///< "A-B" or "A,B,C" (at most 1000 seeds)
    bool dc = false;                 ///< allow DC input rows (default: every input row sums to 0)
    std::size_t iterations = 400;    ///< float64 Levenberg-Marquardt iterations per seed
    std::size_t refine = 3;          ///< how many of the best runs are refined and rounded
    bool pin = true;                 ///< pin input entries to simple values when a candidate does not round
    bool number_field = true;        ///< then try the number-field path (search/number_field_rounding.hpp)
    long nf_degree = 16;             ///< its bound on the degree of each recognised entry
    long nf_precision = 1024;        ///< its MPFR working precision in bits
    long nf_height = 40;             ///< its bound on the coefficients of a minimal polynomial: |c| < 2^nf_height
    std::string certificate;         ///< where to write the certificate of a PROVED solution
    std::string candidates;          ///< where to write the best runs' float weights (JSON), if not empty
    bool json = false;
};

/// Declares the options and footer of `search` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_search_command(CLI::App& command, SearchCommandOptions& options);

/// Runs the search; exit 0 if a solution was PROVED (and its certificate accepted), 3 if only numerical
/// candidates (or none) were found, 2 on bad input.
int run_search(const SearchCommandOptions& options, std::ostream& out);

}  // namespace cogo::cli
