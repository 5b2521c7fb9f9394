#pragma once
/// \file symbolic_verify.hpp
/// `cogo verify --expr EXPR --symbol t`: the parametric verification (verify/symbolic_residuals.hpp).
/// Prints PROVED (l = 0 for ALL parameter values), or the residual conditions (the defects that are not
/// identically zero, as Laurent polynomials in the parameters) and, for one parameter, their exact solution
/// set ("holds iff t^4 = -1, i.e. ..."): CONDITIONAL, or REFUTED when no value works (for no or several
/// parameters: a constant residual or a Groebner basis {1}, verify/residual_ideal.hpp). Exit codes: 0 PROVED,
/// 1 CONDITIONAL or REFUTED (not a global optimum for every value), 3 UNKNOWN (work limit).
/// A symbolic scalar product is counted as 1,000 terms against --max-terms.
#include <iosfwd>
#include <string>

#include "cli/solution_options.hpp"
#include "construct/expression.hpp"
#include "verify/symbolic_certificate.hpp"

namespace cogo::cli {

/// Terms one symbolic scalar product counts for against --max-terms.
inline constexpr std::uint64_t kSymbolicProductTerms = 1000;

/// Runs the parametric verification of options.selection.expr with `symbols`; writes a symbolic
/// certificate to `certificate` unless empty. Returns the exit code (see the file comment).
[[nodiscard]] int run_symbolic_verify(const SolutionOptions& selection, const ExpressionSymbols& symbols,
                                      const ResourceLimits& limits, const std::string& certificate, bool json,
                                      std::ostream& out);

/// Prints the check of a symbolic certificate (text or JSON) and returns 0 (ACCEPTED, PROVED), 1 (ACCEPTED,
/// CONDITIONAL or REFUTED) or 2 (REJECTED).
[[nodiscard]] int print_symbolic_check(const std::string& path, const SymbolicCertificateCheck& check, double seconds,
                                       bool json, std::ostream& out);

}  // namespace cogo::cli
