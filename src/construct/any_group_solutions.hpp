#pragma once
/// \file any_group_solutions.hpp
/// Global solutions for EVERY finite Abelian group, odd or even order (issue 7). Let P be the number of
/// frequency pairs {k, -k} with k != -k and R the number of self-conjugate frequencies k = -k != 0
/// (n = |G| = 1 + 2P + R; R = 0 iff n is odd, and for Z_2^m every frequency is real: P = 0).
///
/// | function          | blocks                                                                 | order        |
/// |-------------------|------------------------------------------------------------------------|--------------|
/// | f6_real           | z_nu * z_syn / 6 at every pair, real_pair_block at every real k         | 6P + 2R      |
/// | minimal_solution  | n odd: z_F4/6 (global_solutions.hpp)                                    | 2n = 4P + 2  |
/// |                   | n even: z_nu=i * z_xi / 4 at every pair, real_unit_block at every real k,|              |
/// |                   | and ONE bias node (real_frequency.hpp) at the first real k0 cancelling  | 4P + R + 1   |
/// |                   | every output bias                                                       |              |
/// For odd n, f6_real is z_F6 (3(n-1) nodes). Blocks at different output frequencies share no condition:
/// every node's c-row sits at its own frequency (+-k), except the bias node, which touches only the
/// bias conditions T_k(0, 0). The verdicts are decided exactly by verify_global_optimum; the tests prove
/// them for every Abelian group of order 2..64.
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

/// The smallest global solution cogo knows for the group (see the table above): z_F4/6 for odd order
/// (nu, xis, signs as in f46), else order-4 blocks (xis, signs cycled over the pairs), one-node blocks
/// at the real frequencies and one bias node. Order 2n (odd n) or 4P + R + 1 (even n).
/// Throws InvalidInput on empty lists or a sign other than +-1.
template <Scalar S>
Element<S> minimal_solution(const AbelianGroup& group, const S& nu, const std::vector<S>& xis,
                            const std::vector<int>& signs) {
    const std::vector<std::size_t> reals = real_frequencies(group);
    if (reals.empty()) return f46<S>(group, nu, xis, signs);
    detail::require_nonempty(xis, "minimal_solution", "xi");
    detail::require_nonempty(signs, "minimal_solution", "sign");
    std::vector<Element<S>> blocks;
    const std::vector<std::size_t> reps = pair_representatives(group);
    for (std::size_t t = 0; t < reps.size(); ++t)
        blocks.push_back(nui_xi_block<S>(group, reps[t], detail::cycled(xis, t), detail::cycled(signs, t)));
    for (std::size_t k : reals) blocks.push_back(real_unit_block<S>(group, k));
    const Element<S> partial = sum_of(group, blocks);
    return partial + bias_cancelling_node(partial, reals.front());
}

/// minimal_solution with the defaults nu = 1/3 turn, xi = 1/8 turn, s = +1.
template <Scalar S>
Element<S> minimal_solution(const AbelianGroup& group) {
    return minimal_solution<S>(group, turn_value<S>(default_nu), {turn_value<S>(default_xi)}, {default_sign});
}

/// The order minimal_solution has for the group: 2n for odd n, 4P + R + 1 for even n.
inline std::size_t minimal_solution_order(const AbelianGroup& group) {
    const FrequencyCounts c = frequency_counts(group);
    return c.real == 0 ? 2 * group.order() : 4 * c.pairs + c.real + 1;
}

}  // namespace cogo
