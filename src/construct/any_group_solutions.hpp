#pragma once
/// \file any_group_solutions.hpp
/// Global solutions for EVERY finite Abelian group, odd or even order. Let P be the number of
/// frequency pairs {k, -k} with k != -k and R the number of self-conjugate frequencies k = -k != 0
/// (n = |G| = 1 + 2P + R; R = 0 iff n is odd, and for Z_2^m every frequency is real: P = 0).
///
/// | function          | blocks                                                                 | order        |
/// |-------------------|------------------------------------------------------------------------|--------------|
/// | f6_real           | z_nu * z_syn / 6 at every pair, real_pair_block at every real k         | 6P + 2R      |
/// | minimal_solution  | z_nu=i * z_xi / 4 at every pair, real_identity_block at every real k, and    | 4P + R + 1   |
/// |                   | ONE bias node (real_frequency.hpp) cancelling every output bias: at the |              |
/// |                   | first real k0 for even n (no DC inputs), at k0 = 0 for odd n (a DC input|  (odd n:     |
/// |                   | row: docs/theory.md's constant-input node)                                    |   2n - 1)    |
/// | minimal_zero_mean_solution | as minimal_solution for even n; z_F4/6 for odd n (no DC inputs) | 4P+R+1 / 2n |
/// For odd n, f6_real is z_F6 (3(n-1) nodes). Blocks at different output frequencies share no condition:
/// every node's c-row sits at its own frequency (+-k), except the bias node, which touches only the
/// bias conditions T_k(0, 0). The DC-input bias node of odd n is a valid real network (W_a[j, .] = 1)
/// but leaves the zero-mean setting, hence minimal_zero_mean_solution. The verdicts are decided exactly by
/// verify_global_optimum; the tests prove them for every Abelian group of order 2..64, proofs/real_frequency.cpp
/// for all parameters on several groups.
#include <cstddef>
#include <vector>

#include "construct/global_solutions.hpp"
#include "construct/real_frequency.hpp"

namespace cogo {

/// The number of frequency pairs P and of real non-zero frequencies R of the group.
struct FrequencyCounts {
    std::size_t pairs = 0;  ///< P: pairs {k, -k}, k != -k
    std::size_t real = 0;   ///< R: k = -k != 0
};

/// P and R of the group (1 + 2P + R = |G|).
inline FrequencyCounts frequency_counts(const AbelianGroup& group) {
    return {pair_representatives(group).size(), real_frequencies(group).size()};
}

/// Per-frequency global solutions at every frequency: nu_syn_block(k, nu_k) at each pair representative
/// (nus cycled) and real_pair_block at each real frequency. Order 6P + 2R, loss 0, any group.
/// Throws InvalidInput if nus is empty.
template <Scalar S>
Element<S> f6_real(const AbelianGroup& group, const std::vector<S>& nus) {
    detail::require_nonempty(nus, "f6_real", "nu");
    std::vector<Element<S>> blocks;
    const std::vector<std::size_t> reps = pair_representatives(group);
    for (std::size_t t = 0; t < reps.size(); ++t) blocks.push_back(nu_syn_block<S>(group, reps[t], detail::cycled(nus, t)));
    for (std::size_t k : real_frequencies(group)) blocks.push_back(real_pair_block<S>(group, k));
    return sum_of(group, blocks);
}

/// The smallest global solution cogo knows for the group (see the table above): order-4 blocks (xis,
/// signs cycled over the pairs), one-node blocks at the real frequencies and one bias node, at the first
/// real frequency (even n) or at k0 = 0 (odd n: a DC input row). Order 4P + R + 1 (2n - 1 for odd n).
/// Throws InvalidInput on empty lists or a sign other than +-1.
template <Scalar S>
Element<S> minimal_solution(const AbelianGroup& group, const std::vector<S>& xis, const std::vector<int>& signs) {
    detail::require_nonempty(xis, "minimal_solution", "xi");
    detail::require_nonempty(signs, "minimal_solution", "sign");
    const std::vector<std::size_t> reals = real_frequencies(group);
    std::vector<Element<S>> blocks;
    const std::vector<std::size_t> reps = pair_representatives(group);
    for (std::size_t t = 0; t < reps.size(); ++t)
        blocks.push_back(nui_xi_block<S>(group, reps[t], detail::cycled(xis, t), detail::cycled(signs, t)));
    for (std::size_t k : reals) blocks.push_back(real_identity_block<S>(group, k));
    const Element<S> partial = sum_of(group, blocks);
    return partial + bias_cancelling_node(partial, reals.empty() ? 0 : reals.front());
}

/// minimal_solution with the defaults xi = 1/8 turn, s = +1.
template <Scalar S>
Element<S> minimal_solution(const AbelianGroup& group) {
    return minimal_solution<S>(group, {turn_value<S>(default_xi)}, {default_sign});
}

/// The order minimal_solution has for the group: 4P + R + 1 (2n - 1 for odd n).
inline std::size_t minimal_solution_order(const AbelianGroup& group) {
    const FrequencyCounts c = frequency_counts(group);
    return 4 * c.pairs + c.real + 1;
}

/// The smallest global solution cogo knows WITHOUT DC input components (zero-mean inputs, the setting of
/// the paper's experiments and of Theorem 1's zero-mean form): minimal_solution for even n (its bias node
/// sits at a real frequency), z_F4/6 (nu, xis, signs as in f46) for odd n. Order 4P + R + 1, or 2n.
/// Throws InvalidInput on empty lists or a sign other than +-1.
template <Scalar S>
Element<S> minimal_zero_mean_solution(const AbelianGroup& group, const S& nu, const std::vector<S>& xis,
                                      const std::vector<int>& signs) {
    if (real_frequencies(group).empty()) return f46<S>(group, nu, xis, signs);
    return minimal_solution<S>(group, xis, signs);
}

/// minimal_zero_mean_solution with the defaults nu = 1/3 turn, xi = 1/8 turn, s = +1.
template <Scalar S>
Element<S> minimal_zero_mean_solution(const AbelianGroup& group) {
    return minimal_zero_mean_solution<S>(group, turn_value<S>(default_nu), {turn_value<S>(default_xi)}, {default_sign});
}

}  // namespace cogo
