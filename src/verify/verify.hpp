#pragma once
/// \file verify.hpp
/// Exact decision of "z is a global minimiser of the all-pairs L2 loss" (l(z) = 0), docs/theory.md section 3.
///
/// Every condition of conditions.hpp is decided with the scalar's exact zero test. The verdict is
///   PROVED   every enumerated T_k(k1, k2) equals its target (the rest vanish structurally);
///   REFUTED  with the first failing condition (order: k, then (k1, k2)) as the counterexample;
///   UNKNOWN  when the work estimate exceeds the limit (nothing is decided then).
/// The exact loss l = (1/n) sum |T - t|^2 over the enumerated conditions is reported in every decided case.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "algebra/conditions.hpp"
#include "verify/verdict.hpp"

namespace cogo {

/// Resource limits of a verification.
struct VerifyLimits {
    /// Largest number of scalar products (work_estimate) to attempt; beyond it the verdict is UNKNOWN.
    std::size_t max_terms = 400'000'000;
};

/// The result of verify_global_optimum.
template <ExactScalar S>
struct VerificationResult {
    Verdict verdict = Verdict::unknown;
    std::vector<OutputCondition<S>> conditions;  ///< all enumerated conditions with exact values (empty if UNKNOWN)
    std::optional<std::size_t> counterexample;   ///< index of the first failing condition (REFUTED only)
    std::optional<S> loss;                       ///< exact l(z) (absent if UNKNOWN)
    std::size_t failing = 0;                     ///< number of failing conditions
    std::size_t work = 0;                        ///< work estimate (scalar products)
    std::string reason;                          ///< why UNKNOWN, in words
    UnknownReason unknown_reason = UnknownReason::none;  ///< why UNKNOWN, typed (none unless UNKNOWN)
};

/// Number of scalar products the condition enumeration performs:
/// sum over nodes of |supp c| (|supp a| |supp b| + |supp a|^2 + |supp b|^2).
template <Scalar S>
std::size_t work_estimate(const Element<S>& z) {
    std::size_t work = 0;
    for (const Node<S>& n : z.nodes()) {
        const std::size_t a = n.a.size(), b = n.b.size();
        work += n.c.size() * (a * b + a * a + b * b);
    }
    return work;
}

/// Decides l(z) = 0 exactly.
template <ExactScalar S>
VerificationResult<S> verify_global_optimum(const Element<S>& z, const VerifyLimits& limits = {}) {
    VerificationResult<S> result;
    result.work = work_estimate(z);
    if (result.work > limits.max_terms) {
        result.reason = "work estimate " + std::to_string(result.work) + " scalar products exceeds the limit " +
                        std::to_string(limits.max_terms);
        result.unknown_reason = UnknownReason::work_limit;
        return result;
    }
    result.conditions = enumerate_conditions(z);
    S sum{};
    for (std::size_t i = 0; i < result.conditions.size(); ++i) {
        const S defect = result.conditions[i].defect();
        if (is_zero(defect)) continue;
        ++result.failing;
        if (!result.counterexample) result.counterexample = i;
        sum = sum + norm2(defect);
    }
    result.loss = sum * from_ratio<S>(1, static_cast<long>(z.group().order()));
    result.verdict = result.failing == 0 ? Verdict::proved : Verdict::refuted;
    return result;
}

}  // namespace cogo
