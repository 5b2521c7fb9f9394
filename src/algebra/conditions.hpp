#pragma once
/// \file conditions.hpp
/// The exact characterisation of l = 0 (docs/theory.md section 3, general DC form) as a list of conditions.
///
/// For every output frequency k != 0 and every (k1, k2) in G x G, the output coefficient
///     T_k(k1, k2) = r_{k1,k2,k} + [k2 = 0] A_k[k1] / 2 + [k1 = 0] B_k[k2] / 2
/// must equal its target t_k(k1, k2) = [k1 = k2 = k]; then l = (1/n) sum |T - t|^2 (Theorem 1).
/// Kinds: the 1-set (k, k); r-conditions (k1, k2 both non-zero, otherwise); the DC sums (m, 0) and (0, m),
/// m != 0; the bias (0, 0). See src/verify/certificate_format.md.
///
/// Only triples at which some node's support gives T a non-zero term are enumerated (plus every (k, k, k)):
/// every other T_k(k1, k2) is a sum of products each having a zero factor, hence exactly 0 = its target.
/// That is the structural part of the proof; the certificate lists the enumerated triples and an
/// independent checker recomputes the supports.
#include <cstddef>
#include <map>
#include <tuple>
#include <vector>

#include "algebra/potentials.hpp"

namespace cogo {

/// Which family of conditions a triple belongs to.
enum class ConditionKind { one, r, dc_a, dc_b, bias };

/// "one", "r", "dc-a", "dc-b", "bias".
inline const char* condition_kind_name(ConditionKind kind) {
    switch (kind) {
        case ConditionKind::one: return "one";
        case ConditionKind::r: return "r";
        case ConditionKind::dc_a: return "dc-a";
        case ConditionKind::dc_b: return "dc-b";
        case ConditionKind::bias: return "bias";
    }
    return "?";
}

/// The kind of (k, k1, k2), k != 0.
inline ConditionKind condition_kind(std::size_t k, std::size_t k1, std::size_t k2) {
    if (k1 == k && k2 == k) return ConditionKind::one;
    if (k1 != 0 && k2 != 0) return ConditionKind::r;
    if (k1 != 0) return ConditionKind::dc_a;
    if (k2 != 0) return ConditionKind::dc_b;
    return ConditionKind::bias;
}

/// One condition T_k(k1, k2) = target with its value.
template <Scalar S>
struct OutputCondition {
    std::size_t k = 0, k1 = 0, k2 = 0;
    S value{};        ///< T_k(k1, k2)
    int target = 0;   ///< 1 for the 1-set, else 0

    ConditionKind kind() const { return condition_kind(k, k1, k2); }
    /// value - target.
    S defect() const { return value - from_ratio<S>(target, 1); }
};

/// Every structurally possible T_k(k1, k2), k != 0, and every (k, k, k), ordered by (k, k1, k2).
template <Scalar S>
std::vector<OutputCondition<S>> enumerate_conditions(const Element<S>& z) {
    const std::size_t n = z.group().order();
    const S half = from_ratio<S>(1, 2);
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, S> table;
    auto add = [&table](std::size_t k, std::size_t k1, std::size_t k2, const S& v) {
        auto [it, inserted] = table.try_emplace(std::tuple{k, k1, k2}, v);
        if (!inserted) it->second = it->second + v;
    };
    for (const auto& [k, sums] : potential_sums(z)) {
        if (k == 0) continue;
        for (const auto& [key, r] : sums.r) add(k, key.first, key.second, r);
        for (const auto& [m, a] : sums.a_conv) add(k, m, 0, half * a);
        for (const auto& [m, b] : sums.b_conv) add(k, 0, m, half * b);
    }
    for (std::size_t k = 1; k < n; ++k) table.try_emplace(std::tuple{k, k, k}, S{});
    std::vector<OutputCondition<S>> out;
    out.reserve(table.size());
    for (auto& [key, value] : table) {
        const auto [k, k1, k2] = key;
        out.push_back({k, k1, k2, std::move(value), (k1 == k && k2 == k) ? 1 : 0});
    }
    return out;
}

}  // namespace cogo
