#pragma once
/// \file families.hpp
/// The per-frequency partial solutions of docs/theory.md section 5 at a frequency k, exactly as tabulated
/// (w = exp(2 pi i/3), x' = conj x; node entries (a, b, c) at k, conjugates at -k):
///
/// | element          | nodes (a, b, c)                                            | kills (table)           |
/// |------------------|------------------------------------------------------------|-------------------------|
/// | z_syn            | (1,1,1), (w,w,w), (w',w',w')                               | R_c, R_n, R_*^-         |
/// | z_nu(nu)         | (1,1,1), (nu, -nu, -nu'^2)                                 | R_*^+                   |
/// | z_nu_i = z_nu(i) | (1,1,1), (i, -i, 1)                                        | a'bc, ab'c, R_*         |
/// | z_xi(xi, s)      | (1,1,1), (xi, -s i xi', s i)                               | a'b'c                   |
/// | z_syn_ab(al, be) | a = (1, al w, be w'), c = (1, w, w'), b = 1/(a c) entrywise | a'b'c, R_n              |
///
/// Parameters are S values: for cogo::Cyclotomic, roots of unity (see turn.hpp); for cogo::Symbolic,
/// unit parameters (Symbolic::unit). The table's kills assume |parameter| = 1; block_potentials.hpp
/// computes what each element actually kills. Node order is the order listed above.
/// All elements have real weights (conjugate symmetric); all need a non-self-conjugate k (k != -k),
/// since their values are not real: single_node throws InvalidInput otherwise (and for k = 0).
#include <cstddef>
#include <string>

#include "algebra/semiring.hpp"
#include "construct/generator.hpp"

namespace cogo {

/// z_syn = 1 + u + u^2, u = (w, w, w): nodes (1,1,1), (w,w,w), (w',w',w') at frequency k.
template <Scalar S>
Element<S> z_syn(const AbelianGroup& group, std::size_t k) {
    const S one = from_ratio<S>(1, 1);
    const S w = root_of_unity<S>(3, 1);
    const S w_bar = conj(w);
    return single_node<S>(group, k, one, one, one) + single_node<S>(group, k, w, w, w) +
           single_node<S>(group, k, w_bar, w_bar, w_bar);
}

/// z_nu: nodes (1,1,1), (nu, -nu, -conj(nu)^2) at frequency k (nu of modulus 1).
template <Scalar S>
Element<S> z_nu(const AbelianGroup& group, std::size_t k, const S& nu) {
    const S one = from_ratio<S>(1, 1);
    const S nu_bar = conj(nu);
    return single_node<S>(group, k, one, one, one) + single_node<S>(group, k, nu, -nu, -(nu_bar * nu_bar));
}

/// z_{nu=i} ("4c") = z_nu(i): nodes (1,1,1), (i, -i, 1) at frequency k.
template <Scalar S>
Element<S> z_nu_i(const AbelianGroup& group, std::size_t k) {
    return z_nu<S>(group, k, root_of_unity<S>(4, 1));
}

/// z_xi: nodes (1,1,1), (xi, -s i conj(xi), s i) at frequency k (xi of modulus 1).
/// Throws InvalidInput unless s is +1 or -1.
template <Scalar S>
Element<S> z_xi(const AbelianGroup& group, std::size_t k, const S& xi, int s) {
    if (s != 1 && s != -1) throw InvalidInput("z_xi: the sign s must be +1 or -1, got " + std::to_string(s));
    const S one = from_ratio<S>(1, 1);
    const S s_i = from_ratio<S>(s, 1) * root_of_unity<S>(4, 1);
    return single_node<S>(group, k, one, one, one) + single_node<S>(group, k, xi, -(s_i * conj(xi)), s_i);
}

/// z_{syn,ab}: a = (1, alpha w, beta w'), c = (1, w, w'), b = 1/(a c) entrywise, at frequency k
/// (alpha, beta of modulus 1; for alpha = beta = 1 this is z_syn). Throws DivisionByZero (exact scalars)
/// if alpha or beta is zero.
template <Scalar S>
Element<S> z_syn_ab(const AbelianGroup& group, std::size_t k, const S& alpha, const S& beta) {
    const S one = from_ratio<S>(1, 1);
    const S w = root_of_unity<S>(3, 1);
    const S w_bar = conj(w);
    const S a[3] = {one, alpha * w, beta * w_bar};
    const S c[3] = {one, w, w_bar};
    Element<S> result(group);
    for (int j = 0; j < 3; ++j) result = result + single_node<S>(group, k, a[j], inv(a[j] * c[j]), c[j]);
    return result;
}

}  // namespace cogo
