#pragma once
/// \file zero_loss_path.hpp
/// Theorem 5's zero-loss path (docs/theory.md section 6). For global solutions z' and z = y * z', the
/// path
///     y_t = scale_output(y, 1 - t) + scale_output(one, t),     z(t) = y_t * z',   t in [0, 1],
/// runs from z(0) = y * z' (plus |z'| nodes whose c-row is zero) to z(1) = 1 * z' = z' (plus |y| |z'| such
/// nodes). Every potential is a ring homomorphism and linear in the c-row, so r(z(t)) = ((1 - t) r(y) + t) r(z').
/// If z' meets the sufficient form (r_kkk = 1 at every k != 0, every other potential with a non-zero
/// output index individually 0) and r_kkk(y) = 1 at every k != 0, then every condition of l = 0 holds for
/// every t: the loss is identically 0 along the path. This header builds the path and tests the two
/// hypotheses; the verdict itself comes from verify_global_optimum (exactly, over Symbolic with t a real
/// variable, or at chosen rational t).
///
/// Degree argument used for certificates: every condition of l = 0 is a sum of potentials, hence affine
/// in t; an affine function that vanishes at two distinct t vanishes identically. So two decided
/// verifications at distinct t (each with its own certificate) prove the path for all t.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "algebra/potentials.hpp"
#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"

namespace cogo {

/// y_t = (y with its c-row times (1 - t)) + (the unit node with its c-row times t).
template <Scalar S>
[[nodiscard]] Element<S> interpolated_factor(const Element<S>& y, const S& t) {
    const S one = from_ratio<S>(1, 1);
    return scale_output(y, one - t) + scale_output(one_element<S>(y.group()), t);
}

/// The path point z(t) = y_t * z'. Throws ShapeMismatch if y and z' are over different groups.
template <Scalar S>
[[nodiscard]] Element<S> zero_loss_path(const Element<S>& y, const Element<S>& z_prime, const S& t) {
    return interpolated_factor(y, t) * z_prime;
}

/// A potential r_{k1,k2,k} (part = c: inputs a, b) or r_{p,k1,k2,k} (part = a or b: self potential).
struct PotentialIndex {
    Part part;  ///< c for r_{k1,k2,k} (a at k1, b at k2), a or b for the self potentials
    std::size_t k1, k2, k;

    friend auto operator<=>(const PotentialIndex&, const PotentialIndex&) = default;
};

/// Readable "r_{1,2,3}" or "r_{a,1,2,3}".
[[nodiscard]] inline std::string potential_index_name(const PotentialIndex& p) {
    return std::string("r_{") + (p.part == Part::c ? "" : std::string(part_name(p.part)) + ",") + std::to_string(p.k1) +
           "," + std::to_string(p.k2) + "," + std::to_string(p.k) + "}";
}

/// Every potential of z that the supports allow to be non-zero, summed node by node over the stored
/// entries (cost: sum over nodes of |a| |b| |c| + |a|^2 |c| + |b|^2 |c|). Self potentials are keyed with
/// k1 <= k2 (r_{p,k1,k2,k} is symmetric in k1, k2) and counted once per unordered pair.
template <Scalar S>
[[nodiscard]] std::map<PotentialIndex, S> supported_potentials(const Element<S>& z) {
    std::map<PotentialIndex, S> out;
    auto add = [&out](const PotentialIndex& idx, const S& v) {
        auto [it, inserted] = out.try_emplace(idx, v);
        if (!inserted) it->second = it->second + v;
    };
    for (const Node<S>& n : z.nodes()) {
        for (const auto& [k, c] : n.c) {
            for (const auto& [k1, a] : n.a)
                for (const auto& [k2, b] : n.b) add({Part::c, k1, k2, k}, a * b * c);
            for (Part p : {Part::a, Part::b}) {
                const FourierRow<S>& row = n.row(p);
                for (std::size_t i = 0; i < row.size(); ++i)
                    for (std::size_t j = i; j < row.size(); ++j) add({p, row[i].first, row[j].first, k}, row[i].second * row[j].second * c);
            }
        }
    }
    return out;
}

/// The first violation of the sufficient form (r_kkk = 1 at every k != 0; every other potential with
/// output k != 0 exactly zero), described; nullopt if z meets it.
template <ExactScalar S>
[[nodiscard]] std::optional<std::string> sufficient_form_violation(const Element<S>& z) {
    const std::map<PotentialIndex, S> r = supported_potentials(z);
    const S one = from_ratio<S>(1, 1);
    for (std::size_t k = 1; k < z.group().order(); ++k) {
        const auto it = r.find({Part::c, k, k, k});
        const S value = it == r.end() ? S{} : it->second;
        if (!is_zero(value - one)) return "r_{" + std::to_string(k) + "," + std::to_string(k) + "," + std::to_string(k) + "} = " + to_string(value) + ", not 1";
    }
    for (const auto& [idx, value] : r) {
        if (idx.k == 0 || (idx.part == Part::c && idx.k1 == idx.k && idx.k2 == idx.k)) continue;
        if (!is_zero(value)) return potential_index_name(idx) + " = " + to_string(value) + ", not 0";
    }
    return std::nullopt;
}

/// The first frequency k != 0 with r_kkk(y) != 1, described; nullopt if r_kkk(y) = 1 everywhere.
template <ExactScalar S>
[[nodiscard]] std::optional<std::string> unit_r_kkk_violation(const Element<S>& y) {
    const S one = from_ratio<S>(1, 1);
    for (std::size_t k = 1; k < y.group().order(); ++k) {
        const S v = potential(y, k, k, k);
        if (!is_zero(v - one)) return "r_{" + std::to_string(k) + "," + std::to_string(k) + "," + std::to_string(k) + "}(y) = " + to_string(v) + ", not 1";
    }
    return std::nullopt;
}

}  // namespace cogo
