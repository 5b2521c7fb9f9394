#pragma once
/// \file blas.hpp
/// The one matrix product the trainer needs, row-major, for float and double, on top of OpenBLAS (the
/// BLAS headers stay inside blas.cpp). Every call runs on the calling thread only: the trainer does its
/// own data-parallel split (thread_pool.hpp), which keeps results independent of the thread count.
#include <cstddef>

namespace cogo::train {

/// C = alpha op(A) op(B) + beta C for row-major matrices: op(A) is m x k, op(B) is k x n, C is m x n;
/// lda, ldb, ldc are the row strides of A, B, C as stored (before op). op(X) = X^T when trans_x.
void gemm(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k, float alpha, const float* a,
          std::size_t lda, const float* b, std::size_t ldb, float beta, float* c, std::size_t ldc);
/// The double-precision version of gemm above.
void gemm(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k, double alpha, const double* a,
          std::size_t lda, const double* b, std::size_t ldb, double beta, double* c, std::size_t ldc);

/// C = A^T A for a row-major k x n matrix A (row stride lda): the full symmetric n x n result (both
/// triangles) in C (row stride ldc). One symmetric rank-k update (half a GEMM's work) and a mirror copy.
void gram(std::size_t n, std::size_t k, const double* a, std::size_t lda, double* c, std::size_t ldc);

/// Makes the BLAS library itself single-threaded (idempotent; called by the trainer before training).
void use_single_threaded_blas();

/// Name and version of the BLAS library in use, e.g. "OpenBLAS 0.3.21 ... Zen".
const char* blas_description();

}  // namespace cogo::train
