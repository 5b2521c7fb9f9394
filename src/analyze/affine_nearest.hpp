#pragma once
/// \file affine_nearest.hpp
/// The exact point of an affine set near a float target. The set is {x0 + sum_u mu_u kernel_u}, x0 and the
/// kernel vectors exact (any exact Scalar: Cyclotomic, NumberFieldScalar); the coefficients mu are the least
/// squares ones of |x0 + sum_u mu_u kernel_u - target| (the Gram system, in complex<double>), each rounded to a
/// Gaussian rational re + i im (or a rational re) with re, im multiples of 1/den. So the point is exact and
/// in the set whatever the floats did; they only choose which point. Shared by the output solves of
/// analyze/output_solve.cpp, analyze/block_solve.cpp, analyze/number_field_blocks.cpp and
/// search/number_field_rounding.cpp, whose callers then check the conditions exactly.
#include <cmath>
#include <complex>
#include <cstddef>
#include <utility>
#include <vector>

#include "algebra/linear_algebra.hpp"
#include "scalar/float.hpp"

namespace cogo::analyze {

namespace detail {

/// The shared body: i_unit null means real coefficients (the imaginary part of mu is dropped).
template <Scalar S>
std::vector<S> nearest_in_affine_set(std::vector<S> x0, const Rows<S>& kernel, const std::vector<Complex>& target,
                                     const S* i_unit, long den) {
    if (kernel.empty()) return x0;
    const std::size_t dim = kernel.size(), q = x0.size();
    Rows<Complex> G(dim, std::vector<Complex>(dim));
    std::vector<Complex> r(dim);
    for (std::size_t u = 0; u < dim; ++u) {
        for (std::size_t v = 0; v < dim; ++v)
            for (std::size_t f = 0; f < q; ++f)
                G[u][v] += std::conj(kernel[u][f].to_complex()) * kernel[v][f].to_complex();
        for (std::size_t f = 0; f < q; ++f)
            r[u] += std::conj(kernel[u][f].to_complex()) * (target[f] - x0[f].to_complex());
    }
    if (const auto mu = solve<Complex>(G, dim, r))
        for (std::size_t u = 0; u < dim; ++u) {
            const double d = static_cast<double>(den), re = (*mu)[u].real() * d, im = (*mu)[u].imag() * d;
            // A coefficient beyond 2^53 / den (or not finite) is left at 0: the point stays in the set, and
            // lround stays defined.
            constexpr double max_numerator = 9007199254740992.0;  // 2^53
            if (!(std::abs(re) <= max_numerator) || (i_unit != nullptr && !(std::abs(im) <= max_numerator))) continue;
            S e = S::rational(std::lround(re), den);
            if (i_unit != nullptr) e = e + *i_unit * S::rational(std::lround(im), den);
            if (e.is_zero()) continue;
            for (std::size_t f = 0; f < q; ++f) x0[f] = x0[f] + e * kernel[u][f];
        }
    return x0;
}

}  // namespace detail

/// x0 moved within x0 + span(kernel) to the rounded least-squares point nearest `target` (one entry per
/// entry of x0), the coefficients Gaussian rationals of denominator `den`; x0 unchanged if the kernel is
/// empty or its Gram matrix is singular in floats. `i_unit` is i = zeta_4 in the field of S.
template <Scalar S>
[[nodiscard]] std::vector<S> nearest_in_affine_set(std::vector<S> x0, const Rows<S>& kernel,
                                                   const std::vector<Complex>& target, const S& i_unit,
                                                   long den = 1024) {
    return detail::nearest_in_affine_set(std::move(x0), kernel, target, &i_unit, den);
}

/// The same with real rational coefficients (multiples of 1/den): the imaginary parts of the least-squares
/// coefficients are dropped.
template <Scalar S>
[[nodiscard]] std::vector<S> nearest_in_affine_set_real(std::vector<S> x0, const Rows<S>& kernel,
                                                        const std::vector<Complex>& target, long den) {
    return detail::nearest_in_affine_set<S>(std::move(x0), kernel, target, nullptr, den);
}

}  // namespace cogo::analyze
