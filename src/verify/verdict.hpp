#pragma once
/// \file verdict.hpp
/// Three-valued answers (docs/architecture.md ("Design rules the code follows")): a claim is PROVED (with a certificate), REFUTED (with a
/// counterexample) or UNKNOWN (with a reason, e.g. a resource limit). Never a bare bool.
#include <string>
#include <utility>

namespace cogo {

/// The outcome of a verification.
enum class Verdict { proved, refuted, unknown };

/// "PROVED", "REFUTED" or "UNKNOWN".
[[nodiscard]] inline const char* verdict_name(Verdict v) {
    return v == Verdict::proved ? "PROVED" : v == Verdict::refuted ? "REFUTED" : "UNKNOWN";
}

/// Why a verdict is UNKNOWN (or a cross-checked block UNRESOLVED), as a type; the message next to it says it
/// in words. The resource limits among them (is_resource_limit) are exit 3 wherever they end a command.
enum class UnknownReason {
    none,                ///< the verdict is not UNKNOWN
    work_limit,          ///< the work estimate exceeds the limit given (e.g. --max-terms)
    memory_limit,        ///< the memory estimate exceeds the limit given (--max-memory)
    field_too_large,     ///< the numbers need a field beyond the largest the tool builds (FieldTooLarge)
    not_recognised,      ///< the trained numbers were not recognised as exact ones (no family, no exact value)
    needs_number_field,  ///< the exact values lie outside every cyclotomic field the verification runs in
    not_rounded,         ///< recognised, but no exact network near the trained one (rounding or output solve failed)
    not_accounted,       ///< exact, but the trained network is not near it (function distance; a bias not cancelled)
    condition_fails,     ///< a cross-checked block: rounded, but an exact condition at its output fails
    not_decided,         ///< no verdict was reached: the exact step did not run (crosscheck without
                         ///< verification) or a proof program ended with an exception (exit 99)
};

/// "none", "work limit", "memory limit", "field too large", "not recognised", "needs a number field", "not rounded",
/// "not accounted for", "an exact condition fails", "not decided".
[[nodiscard]] inline const char* unknown_reason_name(UnknownReason r) {
    switch (r) {
        case UnknownReason::none: return "none";
        case UnknownReason::work_limit: return "work limit";
        case UnknownReason::memory_limit: return "memory limit";
        case UnknownReason::field_too_large: return "field too large";
        case UnknownReason::not_recognised: return "not recognised";
        case UnknownReason::needs_number_field: return "needs a number field";
        case UnknownReason::not_rounded: return "not rounded";
        case UnknownReason::not_accounted: return "not accounted for";
        case UnknownReason::condition_fails: return "an exact condition fails";
        case UnknownReason::not_decided: return "not decided";
    }
    return "none";
}

/// True for the reasons that are resource limits (work, memory, field too large): exit 3 like a
/// cogo::ResourceLimit, never exit 2.
[[nodiscard]] constexpr bool is_resource_limit(UnknownReason r) {
    return r == UnknownReason::work_limit || r == UnknownReason::memory_limit || r == UnknownReason::field_too_large;
}

/// The outcome of re-checking a certificate (verify/certificate_checker.hpp, verify/symbolic_certificate.hpp):
/// ACCEPTED (every claim re-established: the certificate certifies `certified`), REJECTED (a claim is false
/// or the format is violated: `reason` names the first problem) or LIMIT (the check would exceed the
/// checker's bounds: `reason` names the bound; nothing was decided). Never a bare bool.
enum class CheckStatus { accepted, rejected, limit };

/// "ACCEPTED", "REJECTED" or "LIMIT".
[[nodiscard]] inline const char* check_status_name(CheckStatus s) {
    return s == CheckStatus::accepted ? "ACCEPTED" : s == CheckStatus::rejected ? "REJECTED" : "LIMIT";
}

/// The typed part every certificate check returns (cli/exit_codes.hpp maps it to the exit code).
struct CheckOutcome {
    CheckStatus status = CheckStatus::rejected;
    /// When accepted, the verdict the certificate establishes: proved for PROVED; refuted for REFUTED (and a
    /// symbolic CONDITIONAL: not for every parameter value); unknown for PARTIAL (some output frequencies
    /// proved, no verdict on the whole claim). Verdict::unknown unless accepted.
    Verdict certified = Verdict::unknown;
    std::string reason;  ///< empty when accepted; else the first problem found, or the limit met

    [[nodiscard]] bool accepted() const { return status == CheckStatus::accepted; }
    /// Marks the check accepted, certifying `v`.
    void accept(Verdict v) {
        status = CheckStatus::accepted;
        certified = v;
        reason.clear();
    }
    /// Marks the check rejected (or, with CheckStatus::limit, stopped at a bound) for `why`.
    void fail(CheckStatus s, std::string why) {
        status = s;
        certified = Verdict::unknown;
        reason = std::move(why);
    }
};

}  // namespace cogo
