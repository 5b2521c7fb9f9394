#pragma once
/// \file verdict.hpp
/// Three-valued answers (docs/architecture.md ("Design rules the code follows")): a claim is PROVED (with a certificate), REFUTED (with a
/// counterexample) or UNKNOWN (with a reason, e.g. a resource limit). Never a bare bool.
#include <string>

namespace cogo {

/// The outcome of a verification.
enum class Verdict { proved, refuted, unknown };

/// "PROVED", "REFUTED" or "UNKNOWN".
[[nodiscard]] inline const char* verdict_name(Verdict v) {
    return v == Verdict::proved ? "PROVED" : v == Verdict::refuted ? "REFUTED" : "UNKNOWN";
}

/// Why a verdict is UNKNOWN, as a type (the message next to it says it in words).
enum class UnknownReason {
    none,        ///< the verdict is not UNKNOWN
    work_limit,  ///< the work estimate exceeds the limit given (e.g. --max-terms)
};

/// "none", "work limit".
[[nodiscard]] inline const char* unknown_reason_name(UnknownReason r) {
    return r == UnknownReason::work_limit ? "work limit" : "none";
}

}  // namespace cogo
