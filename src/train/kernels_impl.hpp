#pragma once
/// \file kernels_impl.hpp
/// Bodies of the kernels of kernels.hpp; included by kernels_baseline.cpp and kernels_avx2.cpp, each
/// compiled with its own instruction set, inside namespace COGO_KERNEL_NAMESPACE. Internal.
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "train/kernels.hpp"

namespace cogo::train::COGO_KERNEL_NAMESPACE {

template <class T>
void gather_activate(const Pair* batch, std::size_t rows, const T* wa, const T* wb, std::size_t q, T* h,
                     bool quadratic) {
    for (std::size_t b = 0; b < rows; ++b) {
        const T* __restrict ra = wa + batch[b].x * q;
        const T* __restrict rb = wb + batch[b].y * q;
        T* __restrict hb = h + b * q;
        if (quadratic) {
            for (std::size_t j = 0; j < q; ++j) {
                const T pre = ra[j] + rb[j];
                hb[j] = pre * pre;
            }
        } else {
            for (std::size_t j = 0; j < q; ++j) hb[j] = std::max(ra[j] + rb[j], T(0));
        }
    }
}

template <class T>
void scatter_gradient(const Pair* batch, std::size_t rows, const T* wa, const T* wb, const T* dh, std::size_t q,
                      T* gwa, T* gwb, bool quadratic) {
    for (std::size_t b = 0; b < rows; ++b) {
        const T* __restrict ra = wa + batch[b].x * q;
        const T* __restrict rb = wb + batch[b].y * q;
        const T* __restrict dhb = dh + b * q;
        T* __restrict ga = gwa + batch[b].x * q;
        T* __restrict gb = gwb + batch[b].y * q;
        if (quadratic) {
            for (std::size_t j = 0; j < q; ++j) {
                const T d = T(2) * (ra[j] + rb[j]) * dhb[j];
                ga[j] += d;
                gb[j] += d;
            }
        } else {
            for (std::size_t j = 0; j < q; ++j) {
                const T d = (ra[j] + rb[j]) > T(0) ? dhb[j] : T(0);
                ga[j] += d;
                gb[j] += d;
            }
        }
    }
}

template <class T>
void adam_update(std::size_t n, T* __restrict p, const T* __restrict g0, T* __restrict m, T* __restrict v, T wd,
                 T one_minus_b1, T b2, T one_minus_b2, T bias2_sqrt, T eps, T step_size) {
    for (std::size_t i = 0; i < n; ++i) {
        const T g = g0[i] + wd * p[i];
        m[i] += one_minus_b1 * (g - m[i]);
        v[i] = b2 * v[i] + one_minus_b2 * g * g;
        const T denom = std::sqrt(v[i]) / bias2_sqrt + eps;
        p[i] -= step_size * (m[i] / denom);
    }
}

template <class T>
void add_into(std::size_t n, T* __restrict out, const T* __restrict in) {
    for (std::size_t i = 0; i < n; ++i) out[i] += in[i];
}

template <class T>
Kernels<T> table(const char* name) {
    return {&gather_activate<T>, &scatter_gradient<T>, &adam_update<T>, &add_into<T>, name};
}

}  // namespace cogo::train::COGO_KERNEL_NAMESPACE
