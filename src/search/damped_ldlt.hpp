#pragma once
/// \file damped_ldlt.hpp
/// The damped normal-equation step of Levenberg-Marquardt, shared by the float search (numerical_search.cpp:
/// double and binary128) and the MPFR refinement of the number-field path (number_field_rounding.cpp: BigFloat):
///   (A + lambda (diag A + tiny)) delta = -grad,
/// A symmetric positive semi-definite P x P (row-major), solved by LDL^T (no square roots, so any type with
/// + - * / and < runs it). Numbers only: it finds candidates, never decides a verdict.
#include <cstddef>
#include <vector>

namespace cogo::search {

/// Solves (A + lambda (diag A + tiny)) delta = -grad by LDL^T into `delta` (resized to P); returns false,
/// leaving `delta` unspecified, if a pivot is not positive (the damped matrix is not positive definite to
/// working precision: the caller raises lambda).
template <class T>
bool solve_damped(const std::vector<T>& A, const std::vector<T>& grad, const T& lambda, const T& tiny, std::size_t P,
                  std::vector<T>& delta) {
    std::vector<T> L(A);
    for (std::size_t i = 0; i < P; ++i) L[i * P + i] += lambda * (A[i * P + i] + tiny);
    std::vector<T> D(P);
    for (std::size_t j = 0; j < P; ++j) {
        T d = L[j * P + j];
        for (std::size_t k = 0; k < j; ++k) d -= L[j * P + k] * L[j * P + k] * D[k];
        if (!(d > T(0.0))) return false;
        D[j] = d;
        for (std::size_t i = j + 1; i < P; ++i) {
            T s = L[i * P + j];
            for (std::size_t k = 0; k < j; ++k) s -= L[i * P + k] * L[j * P + k] * D[k];
            L[i * P + j] = s / d;
        }
    }
    delta.assign(P, T(0.0));
    for (std::size_t i = 0; i < P; ++i) {
        T s = -grad[i];
        for (std::size_t k = 0; k < i; ++k) s -= L[i * P + k] * delta[k];
        delta[i] = s;
    }
    for (std::size_t i = 0; i < P; ++i) delta[i] = delta[i] / D[i];
    for (std::size_t ii = P; ii-- > 0;) {
        T s = delta[ii];
        for (std::size_t k = ii + 1; k < P; ++k) s -= L[k * P + ii] * delta[k];
        delta[ii] = s;
    }
    return true;
}

}  // namespace cogo::search
