#pragma once
/// \file global_solutions.hpp
/// Global solutions of the all-pairs L2 loss (docs/theory.md section 5): sums over the frequency pairs
/// {k, -k}, k != 0, of per-frequency blocks with the c-row divided by the block order (so r_kkk = 1).
///
/// Frequencies: the blocks sit at the pair representatives k (k != 0, k < -k as flat indices; for Z_d,
/// k = 1..(d-1)/2), with their conjugates at -k. Every construction except the memorisation needs an
/// ODD group order (no self-conjugate frequency k = -k != 0, whose blocks would alias; docs/theory.md section 5)
/// and throws cogo::InvalidInput otherwise. Parameter lists ("nus", "xis", ...) must be non-empty and are
/// cycled over the representatives in increasing order: the t-th block takes list[t mod size].
///
/// | function   | blocks                                                        | order     | exact loss  |
/// |------------|---------------------------------------------------------------|-----------|-------------|
/// | f6         | z_nu(nu_k) * z_syn / 6 at every k                              | 3(n-1)    | 0           |
/// | nui_synab  | z_nu_i * z_syn_ab(alpha_k, beta_k) / 6 at every k              | 3(n-1)    | 0           |
/// | f46        | z_nu_i * z_xi / 4 at every k but k0; z_nu * z_syn / 6 at k0,    | 2n        | 0           |
/// |            | whose nodes also carry the bias-cancelling outputs at every k  |           |             |
/// | order4     | z_nu_i * z_xi(xi_k, s_k) / 4 at every k (bias not cancelled)   | 2(n-1)    | 2(n-1)/n    |
/// | memorisation | z1 * z2 / d^2 (Z_d only, any d >= 2)                          | d^2       | 0           |
/// | cyclic     | C_q(alpha_k, beta_k) / q at every k (more_families.hpp)          | q(n-1)/2  | 0 iff cond. |
/// | order8     | z_n(a_k) z_nu_i z_xi(xi_k, s_k) / 8 at every k                   | 4(n-1)    | 0           |
/// | syn_dc     | syn_dc(alpha) at k with 3k = 0, z_nu(nu_k) z_syn / 6 elsewhere   | see below | 0           |
/// (n = |G|; the losses are what the tests prove exactly with loss_fourier for the groups they try.)
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "construct/block_potentials.hpp"
#include "construct/families.hpp"
#include "construct/generator.hpp"
#include "construct/more_families.hpp"
#include "scalar/turn.hpp"

namespace cogo {

/// The representatives k of the frequency pairs {k, -k} with k != 0 and k != -k, taking the smaller flat
/// index of each pair, in increasing order (for Z_d: 1..floor((d-1)/2)).
inline std::vector<std::size_t> pair_representatives(const AbelianGroup& group) {
    std::vector<std::size_t> reps;
    for (std::size_t k = 1; k < group.order(); ++k)
        if (k < group.neg(k)) reps.push_back(k);
    return reps;
}

/// Throws InvalidInput (saying that odd order is needed) unless |G| is odd; `where` names the caller.
inline void require_odd_order(const AbelianGroup& group, const char* where) {
    if (group.order() % 2 == 0)
        throw InvalidInput(std::string(where) + ": odd order is needed (" + group.name() + " has order " +
                           std::to_string(group.order()) +
                           "; for Z_d that is odd d >= 3): even orders have self-conjugate frequencies k = -k, "
                           "where these blocks do not apply (any_group_solutions.hpp covers every group: CLI --solution min or F6R)");
}

namespace detail {
template <class T>
void require_nonempty(const std::vector<T>& values, const char* where, const char* what) {
    if (values.empty()) throw InvalidInput(std::string(where) + ": the list of " + what + " values is empty");
}

template <class T>
const T& cycled(const std::vector<T>& values, std::size_t t) {
    return values[t % values.size()];
}
}  // namespace detail

/// The per-frequency global solution z_nu(nu) * z_syn / 6 at k (6 nodes; node (i, l) at index 3 i + l,
/// i over z_nu's nodes, l over z_syn's): kills every per-frequency potential and has r_kkk = 1.
/// Throws InvalidInput if k is 0, self-conjugate or outside the group.
template <Scalar S>
Element<S> nu_syn_block(const AbelianGroup& group, std::size_t k, const S& nu) {
    return scale_output(z_nu<S>(group, k, nu) * z_syn<S>(group, k), from_ratio<S>(1, 6));
}

/// The per-frequency global solution z_nu_i * z_syn_ab(alpha, beta) / 6 at k (6 nodes, r_kkk = 1).
/// Throws InvalidInput if k is 0, self-conjugate or outside the group.
template <Scalar S>
Element<S> nui_synab_block(const AbelianGroup& group, std::size_t k, const S& alpha, const S& beta) {
    return scale_output(z_nu_i<S>(group, k) * z_syn_ab<S>(group, k, alpha, beta), from_ratio<S>(1, 6));
}

/// The order-4 block z_nu_i * z_xi(xi, s) / 4 at k: r_kkk = 1 and kills every per-frequency potential
/// except the bias, which is (1 + s i) (4 (1 + s i) before the division by 4).
/// Throws InvalidInput if k is 0, self-conjugate or outside the group, or s is not +-1.
template <Scalar S>
Element<S> nui_xi_block(const AbelianGroup& group, std::size_t k, const S& xi, int s) {
    return scale_output(z_nu_i<S>(group, k) * z_xi<S>(group, k, xi, s), from_ratio<S>(1, 4));
}

/// z_F6 = sum over the representatives k of nu_syn_block(k, nu_k), nus cycled. Order 3(n-1), loss 0.
/// Throws InvalidInput for even order or an empty list.
template <Scalar S>
Element<S> f6(const AbelianGroup& group, const std::vector<S>& nus) {
    require_odd_order(group, "f6");
    detail::require_nonempty(nus, "f6", "nu");
    const std::vector<std::size_t> reps = pair_representatives(group);
    std::vector<Element<S>> blocks;
    blocks.reserve(reps.size());
    for (std::size_t t = 0; t < reps.size(); ++t) blocks.push_back(nu_syn_block<S>(group, reps[t], detail::cycled(nus, t)));
    return sum_of(group, blocks);
}

/// z_F6 with the default nu (1/3 turn).
template <Scalar S>
Element<S> f6(const AbelianGroup& group) {
    return f6<S>(group, std::vector<S>{turn_value<S>(default_nu)});
}

/// sum over the representatives k of nui_synab_block(k, alpha_k, beta_k), alphas and betas cycled
/// independently. Order 3(n-1), loss 0. Throws InvalidInput for even order or an empty list.
template <Scalar S>
Element<S> nui_synab(const AbelianGroup& group, const std::vector<S>& alphas, const std::vector<S>& betas) {
    require_odd_order(group, "nui_synab");
    detail::require_nonempty(alphas, "nui_synab", "alpha");
    detail::require_nonempty(betas, "nui_synab", "beta");
    const std::vector<std::size_t> reps = pair_representatives(group);
    std::vector<Element<S>> blocks;
    blocks.reserve(reps.size());
    for (std::size_t t = 0; t < reps.size(); ++t)
        blocks.push_back(nui_synab_block<S>(group, reps[t], detail::cycled(alphas, t), detail::cycled(betas, t)));
    return sum_of(group, blocks);
}

/// nui_synab with the default alpha = beta = 1 (0 turn).
template <Scalar S>
Element<S> nui_synab(const AbelianGroup& group) {
    return nui_synab<S>(group, {turn_value<S>(default_alpha)}, {turn_value<S>(default_beta)});
}

/// The all-order-4 element: sum over the representatives k of nui_xi_block(k, xi_k, s_k), xis and signs
/// cycled independently. Order 2(n-1). Its biases are not cancelled: exact loss 2(n-1)/n, NOT 0.
/// Throws InvalidInput for even order, an empty list or a sign other than +-1.
template <Scalar S>
Element<S> order4(const AbelianGroup& group, const std::vector<S>& xis, const std::vector<int>& signs) {
    require_odd_order(group, "order4");
    detail::require_nonempty(xis, "order4", "xi");
    detail::require_nonempty(signs, "order4", "sign");
    const std::vector<std::size_t> reps = pair_representatives(group);
    std::vector<Element<S>> blocks;
    blocks.reserve(reps.size());
    for (std::size_t t = 0; t < reps.size(); ++t)
        blocks.push_back(nui_xi_block<S>(group, reps[t], detail::cycled(xis, t), detail::cycled(signs, t)));
    return sum_of(group, blocks);
}

/// order4 with the default xi (1/8 turn) and s = +1.
template <Scalar S>
Element<S> order4(const AbelianGroup& group) {
    return order4<S>(group, {turn_value<S>(default_xi)}, {default_sign});
}

/// z_F4/6 (docs/theory.md section 5, derived), order 2n:
///  * at every representative k except that of k0: the order-4 block nui_xi_block(k, xi_k, s_k), xis and
///    signs cycled over these representatives in increasing order;
///  * at k0: the order-6 block nu_syn_block(k0, nu) whose six nodes (i, l) (i over z_nu's two nodes, l over
///    z_syn's three) ALSO get output entries at every other representative k and at -k:
///        z_c[k, (i,l)] = lambda_k y_i,  z_c[-k, (i,l)] = conj(lambda_k) y_i,   y = (|nu|^2, 1),
///        lambda_k = -rho_k / sum_j y_j (|a_j|^2 + |b_j|^2)   (a_j, b_j: node j's entries at k0),
///    with rho_k the order-4 block's bias at k (computed by block_potentials, not assumed).
///    The y weights make sum_i y_i conj(a_i) b_i = 0 over z_nu, and z_syn sums ab, a^2, b^2 to 0, so
///    the extra outputs create no potential except the bias, which they cancel.
/// k0 defaults to the first representative; any non-zero, non-self-conjugate k0 is accepted (the block
/// is built at k0 itself, replacing the order-4 block of k0's pair).
/// Throws InvalidInput for even order, an empty list, a sign other than +-1, or a bad k0.
template <Scalar S>
Element<S> f46(const AbelianGroup& group, const S& nu, const std::vector<S>& xis, const std::vector<int>& signs,
               std::optional<std::size_t> k0 = std::nullopt) {
    require_odd_order(group, "f46");
    detail::require_nonempty(xis, "f46", "xi");
    detail::require_nonempty(signs, "f46", "sign");
    const std::vector<std::size_t> reps = pair_representatives(group);
    const std::size_t k6 = k0 ? *k0 : reps.front();
    detail::require_nonzero_frequency(group, k6, "f46 (k0)");
    const std::size_t k6_rep = std::min(k6, group.neg(k6));

    // The order-4 blocks, by representative.
    std::vector<std::pair<std::size_t, Element<S>>> blocks4;
    for (std::size_t k : reps) {
        if (k == k6_rep) continue;
        const std::size_t t = blocks4.size();
        blocks4.emplace_back(k, nui_xi_block<S>(group, k, detail::cycled(xis, t), detail::cycled(signs, t)));
    }

    // The order-6 block with its bias-cancelling outputs.
    std::vector<Node<S>> nodes = nu_syn_block<S>(group, k6, nu).nodes();
    const S y[2] = {norm2(nu), from_ratio<S>(1, 1)};
    S denominator{};
    for (std::size_t j = 0; j < nodes.size(); ++j)
        denominator = denominator +
                      y[j / 3] * (norm2(nodes[j].entry(Part::a, k6)) + norm2(nodes[j].entry(Part::b, k6)));
    const S denominator_inv = inv(denominator);
    for (const auto& [k, block] : blocks4) {
        const S lambda = -(block_potentials(block, k).bias() * denominator_inv);
        const S lambda_bar = conj(lambda);
        for (std::size_t j = 0; j < nodes.size(); ++j) {
            nodes[j].c.emplace_back(k, lambda * y[j / 3]);
            nodes[j].c.emplace_back(group.neg(k), lambda_bar * y[j / 3]);
        }
    }
    const Element<S> block6(group, std::move(nodes));

    // Assemble in representative order.
    std::vector<Element<S>> blocks;
    blocks.reserve(reps.size());
    std::size_t next4 = 0;
    for (std::size_t k : reps) blocks.push_back(k == k6_rep ? block6 : std::move(blocks4[next4++].second));
    return sum_of(group, blocks);
}

/// z_F4/6 with the defaults nu = 1/3 turn, xi = 1/8 turn, s = +1, k0 = first representative.
template <Scalar S>
Element<S> f46(const AbelianGroup& group) {
    return f46<S>(group, turn_value<S>(default_nu), {turn_value<S>(default_xi)}, {default_sign});
}

/// Perfect memorisation z_M on Z_d (docs/theory.md section 5), any d >= 2, order d^2:
/// u has z_a[k] = zeta_d^{-k}, z_b[k] = 1, z_c[k] = zeta_d^{k} for every k != 0 (k = 0 not stored);
/// z1 = sum_{j<d} u^j (u^j = node_power(u, j), u^0 = all ones at k != 0); z2 = z1 with the a and b rows
/// swapped; z_M = z1 * z2 with the c-row scaled by 1/d^2. Node (j1, j2), at index j1 d + j2, memorises
/// the input pair (x, y) = (j1, j2). Throws InvalidInput unless the group is given as a cyclic Z_d.
template <Scalar S>
Element<S> memorisation(const AbelianGroup& group) {
    if (!group.is_cyclic_presentation())
        throw InvalidInput("memorisation: defined for a cyclic group Z_d only, got " + group.name());
    const std::size_t d = group.order();
    const S one = from_ratio<S>(1, 1);
    Node<S> u;
    for (std::size_t k = 1; k < d; ++k) {
        u.a.emplace_back(k, root_of_unity<S>(d, -static_cast<long>(k)));
        u.b.emplace_back(k, one);
        u.c.emplace_back(k, root_of_unity<S>(d, static_cast<long>(k)));
    }
    const Element<S> generator(group, {std::move(u)});
    std::vector<Element<S>> powers;
    powers.reserve(d);
    for (std::size_t j = 0; j < d; ++j) powers.push_back(node_power(generator, static_cast<unsigned>(j)));
    const Element<S> z1 = sum_of(group, powers);
    std::vector<Node<S>> swapped = z1.nodes();
    for (Node<S>& n : swapped) std::swap(n.a, n.b);
    const Element<S> z2(group, std::move(swapped));
    return scale_output(z1 * z2, from_ratio<S>(1, static_cast<long>(d * d)));
}

/// sum over the representatives k of cyclic_block(k, q, alpha_t, beta_t), the (alpha, beta) pairs cycled.
/// Order q (n-1)/2. A global optimum iff every pair used satisfies cyclic_condition(q, .) (the element is
/// built either way, so a failing pair can be verified and refuted). Throws InvalidInput for even order,
/// q == 0 or an empty list.
template <Scalar S>
[[nodiscard]] Element<S> cyclic_solution(const AbelianGroup& group, unsigned long q,
                                         const std::vector<std::pair<long, long>>& alpha_beta) {
    require_odd_order(group, "cyclic");
    detail::require_nonempty(alpha_beta, "cyclic", "(alpha, beta)");
    const std::vector<std::size_t> reps = pair_representatives(group);
    std::vector<Element<S>> blocks;
    blocks.reserve(reps.size());
    for (std::size_t t = 0; t < reps.size(); ++t) {
        const auto& [al, be] = detail::cycled(alpha_beta, t);
        blocks.push_back(cyclic_block<S>(group, reps[t], q, al, be));
    }
    return sum_of(group, blocks);
}

/// sum over the representatives k of order8_block(k, a_t, xi_t, s_t), the lists cycled independently.
/// Order 4(n-1); every block kills its own bias, so no cross-frequency cancellation is needed.
/// Throws InvalidInput for even order, an empty list or a sign other than +-1.
template <Scalar S>
[[nodiscard]] Element<S> order8_solution(const AbelianGroup& group, const std::vector<S>& as, const std::vector<S>& xis,
                                         const std::vector<int>& signs) {
    require_odd_order(group, "order8");
    detail::require_nonempty(as, "order8", "a");
    detail::require_nonempty(xis, "order8", "xi");
    detail::require_nonempty(signs, "order8", "sign");
    const std::vector<std::size_t> reps = pair_representatives(group);
    std::vector<Element<S>> blocks;
    blocks.reserve(reps.size());
    for (std::size_t t = 0; t < reps.size(); ++t)
        blocks.push_back(order8_block<S>(group, reps[t], detail::cycled(as, t), detail::cycled(xis, t),
                                         detail::cycled(signs, t)));
    return sum_of(group, blocks);
}

/// The number of representatives k with 3k = 0 (frequency pairs of order 3).
[[nodiscard]] inline std::size_t order3_pair_count(const AbelianGroup& group) {
    std::size_t count = 0;
    for (std::size_t k : pair_representatives(group))
        if (group.mul(3, k) == 0) ++count;
    return count;
}

/// syn_dc_block(k, alpha) at every representative k with 3k = 0 and nu_syn_block(k, nu_t) at the others
/// (nus cycled over those in increasing order). Order 3 m + 6 ((n-1)/2 - m), m = order3_pair_count:
/// Z_3 in 3 nodes, Z_9 in 21, Z_3 x Z_3 in 12. Uses DC inputs. Throws InvalidInput for even order, an
/// empty list, a non-real alpha, or a group without a frequency of order 3 (3 does not divide n).
template <Scalar S>
[[nodiscard]] Element<S> syn_dc_solution(const AbelianGroup& group, const S& alpha, const std::vector<S>& nus) {
    require_odd_order(group, "syn_dc");
    detail::require_nonempty(nus, "syn_dc", "nu");
    if (order3_pair_count(group) == 0)
        throw InvalidInput("syn_dc: " + group.name() + " has no frequency of order 3 (3 does not divide its order)");
    std::vector<Element<S>> blocks;
    std::size_t t = 0;
    for (std::size_t k : pair_representatives(group)) {
        if (group.mul(3, k) == 0) blocks.push_back(syn_dc_block<S>(group, k, alpha));
        else blocks.push_back(nu_syn_block<S>(group, k, detail::cycled(nus, t++)));
    }
    return sum_of(group, blocks);
}

}  // namespace cogo
