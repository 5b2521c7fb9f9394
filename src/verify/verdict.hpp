#pragma once
/// \file verdict.hpp
/// Three-valued answers (docs/architecture.md ("Design rules the code follows")): a claim is PROVED (with a certificate), REFUTED (with a
/// counterexample) or UNKNOWN (with a reason, e.g. a resource limit). Never a bare bool.
#include <string>

namespace cogo {

/// The outcome of a verification.
enum class Verdict { proved, refuted, unknown };

/// "PROVED", "REFUTED" or "UNKNOWN".
inline const char* verdict_name(Verdict v) {
    return v == Verdict::proved ? "PROVED" : v == Verdict::refuted ? "REFUTED" : "UNKNOWN";
}

}  // namespace cogo
