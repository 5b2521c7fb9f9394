#pragma once
/// \file symbolic_certificate.hpp
/// Certificates of parametric verifications (format: symbolic_certificate_format.md beside this file):
/// the writer records the element with its parameters, every condition's value as a Laurent polynomial, the
/// residuals and their solution (gcd with Bezout cofactors and quotients, roots of unity); the checker
/// re-establishes every claim with its own arithmetic (it parses the polynomials with GiNaC's parser,
/// recomputes T_k(k1, k2) from the node supports, reduces powers of zeta modulo its own Phi_N and compares
/// expanded polynomials), sharing no code with the writer or with cogo::Symbolic.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "construct/expression.hpp"
#include "verify/symbolic_residuals.hpp"
#include "verify/verdict.hpp"

namespace cogo {

/// The certificate text (JSON) for z with parameters `symbols` and its decided parametric verification.
/// Throws cogo::Error if the verification is UNKNOWN.
[[nodiscard]] std::string symbolic_certificate_text(const Element<Symbolic>& z, const ExpressionSymbols& symbols,
                                                    const SymbolicVerification& verification,
                                                    const std::string& statement);

/// True iff the JSON document says "format": "cogo-symbolic-certificate" (anything else: false).
[[nodiscard]] bool is_symbolic_certificate(const std::string& json_text);

/// The outcome of re-checking a symbolic certificate (CheckOutcome, verify/verdict.hpp: accepted with the
/// verdict certified, PROVED: proved, CONDITIONAL or REFUTED: refuted; rejected with the first problem
/// found in `reason`; or limit).
struct SymbolicCertificateCheck : CheckOutcome {
    std::string verdict;                ///< the certificate's verdict: PROVED, CONDITIONAL or REFUTED
    std::string established;            ///< what was established, in words (when accepted)
    std::size_t conditions = 0;         ///< listed conditions
    std::size_t residuals = 0;          ///< non-zero residuals (recomputed)
    std::vector<std::uint64_t> group;   ///< the group's cyclic factors
    std::string statement;              ///< the certificate's own statement text (not trusted)
};

/// Re-checks a symbolic certificate. Throws cogo::InvalidInput if json_text is not JSON; a certificate that
/// violates the format or whose claims are false gives status rejected with the reason; status limit
/// beyond the checker's bounds (field order > 4096, group order > 10^5, an expression beyond 100,000
/// characters, a power beyond 4096).
[[nodiscard]] SymbolicCertificateCheck check_symbolic_certificate(const std::string& json_text);

}  // namespace cogo
