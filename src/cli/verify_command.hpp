#pragma once
/// \file verify_command.hpp
/// `cogo verify`: decides exactly whether the selected element is a global optimum (l = 0), prints the
/// verdict (PROVED / REFUTED with the first failing condition / UNKNOWN with the reason) and the exact loss,
/// and optionally writes a certificate. `cogo check-cert`: re-checks a certificate independently.
#include <cstddef>
#include <iosfwd>
#include <string>

#include "cli/solution_options.hpp"

namespace cogo::cli {

/// Options of `cogo verify`.
struct VerifyOptions {
    SolutionOptions selection;
    std::string certificate;                 ///< --certificate FILE ("" = none)
    bool json = false;                       ///< --json
    ResourceLimits limits;                   ///< --max-terms, --max-memory (every phase)
};

/// Runs `cogo verify`; returns 0 PROVED, 1 REFUTED, 3 UNKNOWN.
int run_verify(const VerifyOptions& options, std::ostream& out);

/// Runs `cogo check-cert FILE`; returns 0 accepted, 1 rejected.
int run_check_cert(const std::string& path, bool json, std::ostream& out);

/// Peak resident memory of this process in MiB (getrusage).
double peak_memory_mib();

}  // namespace cogo::cli
