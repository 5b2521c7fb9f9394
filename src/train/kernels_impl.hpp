#pragma once
/// \file kernels_impl.hpp
/// Bodies of the kernels of kernels.hpp; included by kernels_baseline.cpp and kernels_avx2.cpp, each
/// compiled with its own instruction set, inside namespace COGO_KERNEL_NAMESPACE. Internal.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

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
void gathered_row_products(std::size_t n, std::size_t q, std::size_t j0, std::size_t j1, const std::uint32_t* index,
                           const T* p, const T* g, T* out) {
    // 4 x 32 bytes of columns summed in registers (GCC vector extension: AVX2 registers where compiled for
    // them, pairs of SSE registers otherwise); unaligned loads through memcpy
    typedef T Vec __attribute__((vector_size(32)));
    constexpr std::size_t kLanes = 32 / sizeof(T), kWidth = 4 * kLanes;
    // acc += a * b lane by lane; the vectors stay in references (a vector returned by value would change
    // the ABI between the baseline and the AVX2 compilation: -Wpsabi)
    auto multiply_add = [](Vec& acc, const T* a, const T* b) {
        Vec x, y;
        std::memcpy(&x, a, sizeof x);
        std::memcpy(&y, b, sizeof y);
        acc += x * y;
    };
    // the column block of p and g is packed first: rows q apart (a multiple of 4 KiB for the usual widths)
    // would all fall into the same few cache sets
    std::vector<T> packed_p(n * kWidth), packed_g(n * kWidth);
    std::size_t jb = j0;
    for (; jb + kWidth <= j1; jb += kWidth) {
        for (std::size_t i = 0; i < n; ++i) {
            std::memcpy(packed_p.data() + i * kWidth, p + i * q + jb, kWidth * sizeof(T));
            std::memcpy(packed_g.data() + i * kWidth, g + i * q + jb, kWidth * sizeof(T));
        }
        for (std::size_t r = 0; r < n; ++r) {
            Vec acc0 = {}, acc1 = {}, acc2 = {}, acc3 = {};
            const std::uint32_t* row_index = index + r * n;
            for (std::size_t i = 0; i < n; ++i) {
                const T* pi = packed_p.data() + i * kWidth;
                const T* gi = packed_g.data() + static_cast<std::size_t>(row_index[i]) * kWidth;
                multiply_add(acc0, pi, gi);
                multiply_add(acc1, pi + kLanes, gi + kLanes);
                multiply_add(acc2, pi + 2 * kLanes, gi + 2 * kLanes);
                multiply_add(acc3, pi + 3 * kLanes, gi + 3 * kLanes);
            }
            T* o = out + r * q + jb;
            std::memcpy(o, &acc0, sizeof acc0);
            std::memcpy(o + kLanes, &acc1, sizeof acc1);
            std::memcpy(o + 2 * kLanes, &acc2, sizeof acc2);
            std::memcpy(o + 3 * kLanes, &acc3, sizeof acc3);
        }
    }
    for (std::size_t j = jb; j < j1; ++j)
        for (std::size_t r = 0; r < n; ++r) {
            T acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += p[i * q + j] * g[static_cast<std::size_t>(index[r * n + i]) * q + j];
            out[r * q + j] = acc;
        }
}

template <class T>
Kernels<T> table(const char* name) {
    return {&gather_activate<T>, &scatter_gradient<T>, &adam_update<T>, &add_into<T>, &gathered_row_products<T>, name};
}

}  // namespace cogo::train::COGO_KERNEL_NAMESPACE
