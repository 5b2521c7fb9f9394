#pragma once
/// \file loss.hpp
/// The L2 loss over all |G|^2 input pairs by Theorem 1 (docs/theory.md section 3), in the Fourier domain.
///
///   l = (n-1)/n + (1/n) sum_{k != 0} l_k,      n = |G|,
/// general (DC) form, valid for every element:
///   l_k = -2 Re r_kkk + sum_{k1,k2 != 0} |r_{k1k2k}|^2
///         + sum_{m != 0} ( |A_k[m]/2 + r_{m,0,k}|^2 + |B_k[m]/2 + r_{0,m,k}|^2 )
///         + |(A_k[0] + B_k[0])/2 + r_{0,0,k}|^2,
/// zero-mean form, valid when no node has a DC input entry (z_a[0,.] = z_b[0,.] = 0):
///   l_k = -2 Re r_kkk + sum_{k1,k2 != 0} |r_{k1k2k}|^2 + 1/4 sum_{m != 0} (|A_k[m]|^2 + |B_k[m]|^2)
///         + 1/4 |A_k[0] + B_k[0]|^2,
/// with A_k, B_k the convolution sums of potentials.hpp.
///
/// What holds beyond odd cyclic groups (derived, and tested exactly in tests/algebra/test_loss.cpp):
/// the derivation uses only the orthonormality of the characters chi_{k1}(x) chi_{k2}(y) over all pairs
/// (x, y) and Parseval on the output, so BOTH forms hold verbatim for every finite Abelian group
/// (even d, products, self-conjugate frequencies k = -k included) with d replaced by n = |G|, and for
/// complex (non-conjugate-symmetric) elements when the loss is taken as sum |P(o - e)|^2.
#include <cstddef>

#include "algebra/potentials.hpp"

namespace cogo {

/// True iff some node has a DC input entry (z_a[0,j] or z_b[0,j] stored, i.e. non-zero).
template <Scalar S>
bool has_dc_inputs(const Element<S>& z) {
    for (const Node<S>& n : z.nodes())
        if (find_entry(n.a, 0) || find_entry(n.b, 0)) return true;
    return false;
}

namespace detail {
/// (n-1)/n + (1/n) sum_k l_k, given the per-frequency terms computed by `term`.
template <Scalar S, class Term>
S assemble_loss(const Element<S>& z, Term term) {
    const long n = static_cast<long>(z.group().order());
    S total = from_ratio<S>(n - 1, 1);
    for (const auto& [k, sums] : potential_sums(z)) {
        if (k == 0) continue;  // the projection P removes the output's k = 0 row
        total = total + term(k, sums);
    }
    return total * from_ratio<S>(1, n);
}

/// -2 Re r_kkk + sum_{k1,k2 != 0} |r_{k1k2k}|^2
template <Scalar S>
S loss_core(std::size_t k, const PotentialSums<S>& sums) {
    S t = from_ratio<S>(-2, 1) * real_part(sums.r_at(k, k));
    for (const auto& [key, r] : sums.r)
        if (key.first != 0 && key.second != 0) t = t + norm2(r);
    return t;
}

/// The set of m at which A_k[m], B_k[m] or a DC potential may be non-zero.
template <Scalar S>
std::map<std::size_t, bool> dc_support(const PotentialSums<S>& sums) {
    std::map<std::size_t, bool> ms;
    for (const auto& e : sums.a_conv) ms[e.first] = true;
    for (const auto& e : sums.b_conv) ms[e.first] = true;
    for (const auto& e : sums.r) {
        if (e.first.second == 0) ms[e.first.first] = true;
        if (e.first.first == 0) ms[e.first.second] = true;
    }
    return ms;
}
}  // namespace detail

/// l_k of the general (DC) form for one output frequency k != 0.
template <Scalar S>
S loss_term_general(std::size_t k, const PotentialSums<S>& sums) {
    const S half = from_ratio<S>(1, 2);
    S t = detail::loss_core(k, sums);
    for (const auto& [m, unused] : detail::dc_support(sums)) {
        (void)unused;
        if (m == 0) continue;
        t = t + norm2(half * sums.a_at(m) + sums.r_at(m, 0)) + norm2(half * sums.b_at(m) + sums.r_at(0, m));
    }
    return t + norm2(half * (sums.a_at(0) + sums.b_at(0)) + sums.r_at(0, 0));
}

/// l_k of the zero-mean form for one output frequency k != 0 (DC potentials ignored).
template <Scalar S>
S loss_term_zero_mean(std::size_t k, const PotentialSums<S>& sums) {
    const S quarter = from_ratio<S>(1, 4);
    S t = detail::loss_core(k, sums);
    for (const auto& [m, a] : sums.a_conv)
        if (m != 0) t = t + quarter * norm2(a);
    for (const auto& [m, b] : sums.b_conv)
        if (m != 0) t = t + quarter * norm2(b);
    return t + quarter * norm2(sums.a_at(0) + sums.b_at(0));
}

/// The all-pairs loss by Theorem 1, general (DC) form. Exact for exact scalars.
template <Scalar S>
S loss_fourier(const Element<S>& z) {
    return detail::assemble_loss(z, [](std::size_t k, const PotentialSums<S>& s) { return loss_term_general(k, s); });
}

/// The all-pairs loss by Theorem 1, zero-mean form; throws InvalidInput if z has DC input entries
/// (the form does not apply there: use loss_fourier).
template <Scalar S>
S loss_fourier_zero_mean(const Element<S>& z) {
    if (has_dc_inputs(z))
        throw InvalidInput("loss: the zero-mean form of Theorem 1 needs z_a[0,.] = z_b[0,.] = 0; use the general form");
    return detail::assemble_loss(z, [](std::size_t k, const PotentialSums<S>& s) { return loss_term_zero_mean(k, s); });
}

}  // namespace cogo
