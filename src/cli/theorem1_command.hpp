#pragma once
/// \file theorem1_command.hpp
/// `cogo theorem1`: checks one instance of Theorem 1 (L2 loss decoupling) exactly: a seeded random network
/// with rational weights on a finite Abelian group; the direct all-pairs loss and the Fourier formula
/// (general form, and the zero-mean form when it applies) must be equal as exact numbers.
#include <cstdint>
#include <iosfwd>
#include <string>

namespace cogo::cli {

/// Options of `cogo theorem1`.
struct Theorem1Options {
    std::string group = "5";   ///< group spec, e.g. "5" or "2x4"
    std::size_t width = 3;     ///< hidden nodes q
    std::uint64_t seed = 1;    ///< seed of the random weights
    bool zero_mean = false;    ///< draw inputs without DC component (then the zero-mean form is checked too)
    bool json = false;         ///< machine-readable output
};

/// Runs the check, prints the report to `out`, returns the exit code (0 PROVED, 1 REFUTED).
int run_theorem1(const Theorem1Options& options, std::ostream& out);

}  // namespace cogo::cli
