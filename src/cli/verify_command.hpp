#pragma once
/// \file verify_command.hpp
/// `cogo verify`: decides exactly whether the selected element is a global optimum (l = 0), prints the
/// verdict (PROVED / REFUTED with the first failing condition / UNKNOWN with the reason) and the exact loss,
/// and optionally writes a certificate. `cogo check-cert`: re-checks a certificate independently.
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include "cli/exit_codes.hpp"
#include "cli/solution_options.hpp"
#include "construct/expression.hpp"
#include "verify/certificate_checker.hpp"

namespace cogo::cli {

/// Options of `cogo verify`.
struct VerifyOptions {
    SolutionOptions selection;
    std::string certificate;                 ///< --certificate FILE ("" = none)
    bool json = false;                       ///< --json
    ResourceLimits limits;                   ///< --max-terms, --max-memory (every phase)
    ExpressionSymbols symbols;               ///< --symbol, --real-symbol: parameters of --expr (cli/symbolic_verify.hpp)
};

/// Runs `cogo verify`; returns 0 PROVED, 1 REFUTED, 3 UNKNOWN (exit_code of the verdict). With symbols
/// declared, runs the parametric verification instead (cli/symbolic_verify.hpp). If the
/// --certificate file cannot be written, the verdict is still reported (with the reason the file was not
/// written, also on stderr) and the write error's code is returned (2, or 3 for a resource limit).
[[nodiscard]] int run_verify(const VerifyOptions& options, std::ostream& out);

/// Runs `cogo check-cert FILE`: prints the certificate's group, verdict and statement, then ACCEPTED,
/// REJECTED or LIMIT with the reason; returns exit_code of the check (cli/exit_codes.hpp: ACCEPTED PROVED 0,
/// ACCEPTED REFUTED or CONDITIONAL 1, ACCEPTED PARTIAL 3, REJECTED 2, LIMIT 3). A symbolic certificate ("format":
/// "cogo-symbolic-certificate") goes to its own checker (verify/symbolic_certificate.hpp).
[[nodiscard]] int run_check_cert(const std::string& path, bool json, std::ostream& out);

/// A certificate written after its verdict was decided: why it was not written ("" if it was) and the exit
/// code that maps to (InvalidInput: exit_usage, ResourceLimit: exit_unknown; exit_ok if written).
struct CertificateWrite {
    std::string error;
    int code = exit_ok;
};

/// Writes text() to `path` atomically; InvalidInput and ResourceLimit from text() or the write are caught
/// into the result, so that a certificate that cannot be written never hides the verdict (the caller
/// reports both, then returns the code). Used by `cogo verify` and `cogo verify --symbol`.
[[nodiscard]] CertificateWrite write_certificate(const std::string& path, const std::function<std::string()>& text);

/// Peak resident memory of this process in MiB (getrusage).
double peak_memory_mib();

}  // namespace cogo::cli
