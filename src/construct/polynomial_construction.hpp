#pragma once
/// \file polynomial_construction.hpp
/// The polynomial construction (docs/theory.md section 4; Theorem 4 of arXiv:2410.01779 v4): for a single-node
/// generator u and scalars s_1..s_n,
///     rho(u) = prod_t (u + s_t) = sum_{i=0}^{n} e_{n-i}(s) u^i,
/// with e_m the elementary symmetric polynomials, u^i single nodes (generator.hpp: node_power) and each
/// coefficient put on the c-row (scale_output). The order is n + 1 (every term is kept, also one whose
/// coefficient is zero: its node then has an empty c-row).
/// Because every potential r is a ring homomorphism and r(u^i) = r(u)^i on u's support,
///     r(rho(u)) = prod_t (r(u) + s_t)
/// for every potential r_{k1,k2,k} and r_{p,k1,k2,k} whose indices k1, k2, k all lie in node_support(u)
/// (for u = single_node at k: in {k, -k}); potentials with an index outside the support are 0. So rho(u)
/// kills every such potential whose value at u is one of the -s_t.
#include <cstddef>
#include <vector>

#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "construct/generator.hpp"

namespace cogo {

/// e_0..e_n of s_1..s_n (e_0 = 1; n = s.size()).
template <Scalar S>
std::vector<S> elementary_symmetric(const std::vector<S>& s) {
    std::vector<S> e{from_ratio<S>(1, 1)};
    for (const S& x : s) {  // multiply prod (1 + s_t X) by (1 + x X); e[m] is the coefficient of X^m
        e.push_back(S{});
        for (std::size_t m = e.size() - 1; m > 0; --m) e[m] = e[m] + e[m - 1] * x;
    }
    return e;
}

/// The coefficients c_0..c_n of prod_t (X + s_t) = sum_i c_i X^i: c_i = e_{n-i}(s), c_n = 1.
template <Scalar S>
std::vector<S> shifted_product_coefficients(const std::vector<S>& s) {
    std::vector<S> e = elementary_symmetric(s);
    return std::vector<S>(e.rbegin(), e.rend());
}

/// sum_i coefficients[i] u^i for a single-node u: node i is node_power(u, i) with its c-row scaled by
/// coefficients[i] (order = coefficients.size(); the zero element for no coefficients).
/// Throws InvalidInput unless u has exactly one node.
template <Scalar S>
Element<S> polynomial_in_generator(const Element<S>& u, const std::vector<S>& coefficients) {
    (void)node_support(u);  // validates the single node
    Element<S> result(u.group());
    for (std::size_t i = 0; i < coefficients.size(); ++i)
        result = result + scale_output(node_power(u, static_cast<unsigned>(i)), coefficients[i]);
    return result;
}

/// rho(u) = prod_t (u + s_t) expanded as sum_i e_{n-i}(s) u^i (see the file comment); order s.size() + 1.
/// Throws InvalidInput unless u has exactly one node.
template <Scalar S>
Element<S> polynomial_construction(const Element<S>& u, const std::vector<S>& s) {
    return polynomial_in_generator(u, shifted_product_coefficients(s));
}

}  // namespace cogo
