#pragma once
/// \file exit_codes.hpp
/// Exit codes of the `cogo` executable (docs/architecture.md), the same for every subcommand, and the
/// one mapping from a verdict (or a certificate check's outcome) to its code.
#include "verify/verdict.hpp"

namespace cogo::cli {

inline constexpr int exit_ok = 0;        ///< PROVED / success
inline constexpr int exit_refuted = 1;   ///< REFUTED: the claim is false (a counterexample was printed)
inline constexpr int exit_usage = 2;     ///< bad command line or bad input (cogo::InvalidInput)
inline constexpr int exit_unknown = 3;   ///< UNKNOWN or a resource limit (cogo::ResourceLimit)
inline constexpr int exit_internal = 4;  ///< a bug: an unexpected exception
/// Standard output could not be written (disk full, closed or broken): a failure of the environment, not
/// of the input, reported like a resource limit.
inline constexpr int exit_output_failed = exit_unknown;

/// The exit code of a verdict: PROVED 0, REFUTED 1, UNKNOWN 3.
[[nodiscard]] constexpr int exit_code(Verdict verdict) {
    switch (verdict) {
        case Verdict::proved: return exit_ok;
        case Verdict::refuted: return exit_refuted;
        case Verdict::unknown: return exit_unknown;
    }
    return exit_internal;
}

/// The exit code of a certificate check (verify/verdict.hpp): accepted, the code of the verdict it
/// certifies (PROVED 0, REFUTED and CONDITIONAL 1, PARTIAL 3); rejected 2 (the certificate is bad input);
/// limit 3.
[[nodiscard]] constexpr int exit_code(const CheckOutcome& check) {
    switch (check.status) {
        case CheckStatus::accepted: return exit_code(check.certified);
        case CheckStatus::rejected: return exit_usage;
        case CheckStatus::limit: return exit_unknown;
    }
    return exit_internal;
}

/// The exit-code contract as --help's footer and the README state it.
inline constexpr const char* kExitCodeHelp =
    "Exit codes: 0 proved/ok, 1 refuted, 2 usage or bad input, 3 unknown, resource limit or standard output "
    "not writable, 4 internal error.\n";

}  // namespace cogo::cli
