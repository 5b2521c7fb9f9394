#pragma once
/// \file kernels.hpp
/// The trainer's element-wise loops (everything that is not a GEMM): gather + fused activation, the
/// backward scatter into the input-weight rows, the Adam update, and a vector sum. Compiled twice, for
/// baseline x86-64 and for AVX2 + FMA, and chosen once at run time by the CPU (kernels.cpp), so the
/// build stays portable. Within one machine every result is deterministic; the two variants can differ
/// in the last bits (FMA contraction).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "train/dataset.hpp"

namespace cogo::train {

/// Function table for one floating-point type T.
template <class T>
struct Kernels {
    /// h[b*q + j] = sigma(wa[x_b*q + j] + wb[y_b*q + j]) for b < rows; sigma = square or ReLU.
    void (*gather_activate)(const Pair* batch, std::size_t rows, const T* wa, const T* wb, std::size_t q, T* h,
                            bool quadratic);
    /// With pre = wa[x_b] + wb[y_b] (rows of length q) and d = sigma'(pre) * dh[b]:
    /// gwa[x_b*q + j] += d_j and gwb[y_b*q + j] += d_j for b < rows.
    void (*scatter_gradient)(const Pair* batch, std::size_t rows, const T* wa, const T* wb, const T* dh,
                             std::size_t q, T* gwa, T* gwb, bool quadratic);
    /// One Adam step on n entries (optimizer.hpp gives the formula); the constants are precomputed.
    void (*adam_update)(std::size_t n, T* p, const T* g, T* m, T* v, T wd, T one_minus_b1, T b2, T one_minus_b2,
                        T bias2_sqrt, T eps, T step_size);
    /// out[i] += in[i] for i < n.
    void (*add_into)(std::size_t n, T* out, const T* in);
    /// Gathered row products (the group correlations of all_pairs_objective.hpp), on columns [j0, j1) of
    /// n x q row-major matrices: out[r*q + j] = sum_{i < n} p[i*q + j] * g[index[r*n + i]*q + j] for r < n.
    void (*gathered_row_products)(std::size_t n, std::size_t q, std::size_t j0, std::size_t j1,
                                  const std::uint32_t* index, const T* p, const T* g, T* out);
    /// "avx2+fma" or "baseline".
    const char* name;
};

/// The best variant this CPU runs.
template <class T>
const Kernels<T>& kernels();

/// Every variant this CPU runs, baseline first (for tests).
template <class T>
std::vector<Kernels<T>> kernel_variants();

}  // namespace cogo::train
