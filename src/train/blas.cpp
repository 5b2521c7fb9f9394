#include "train/blas.hpp"

#include <cstdio>

#include <cblas.h>

namespace cogo::train {

namespace {
CBLAS_TRANSPOSE op(bool t) { return t ? CblasTrans : CblasNoTrans; }
blasint as_int(std::size_t v) { return static_cast<blasint>(v); }
}  // namespace

void gemm(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k, float alpha, const float* a,
          std::size_t lda, const float* b, std::size_t ldb, float beta, float* c, std::size_t ldc) {
    if (m == 0 || n == 0) return;
    cblas_sgemm(CblasRowMajor, op(trans_a), op(trans_b), as_int(m), as_int(n), as_int(k), alpha, a, as_int(lda), b,
                as_int(ldb), beta, c, as_int(ldc));
}

void gemm(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k, double alpha, const double* a,
          std::size_t lda, const double* b, std::size_t ldb, double beta, double* c, std::size_t ldc) {
    if (m == 0 || n == 0) return;
    cblas_dgemm(CblasRowMajor, op(trans_a), op(trans_b), as_int(m), as_int(n), as_int(k), alpha, a, as_int(lda), b,
                as_int(ldb), beta, c, as_int(ldc));
}

void gram(std::size_t n, std::size_t k, const double* a, std::size_t lda, double* c, std::size_t ldc) {
    if (n == 0) return;
    cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, as_int(n), as_int(k), 1.0, a, as_int(lda), 0.0, c, as_int(ldc));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < i; ++j) c[i * ldc + j] = c[j * ldc + i];
}

void use_single_threaded_blas() {
    static const bool once = [] {
        openblas_set_num_threads(1);
        return true;
    }();
    (void)once;
}

const char* blas_description() {
    static const char* text = [] {
        static char buffer[256];
        const char* config = openblas_get_config();
        const char* core = openblas_get_corename();
        std::snprintf(buffer, sizeof buffer, "OpenBLAS (%s; core %s)", config ? config : "?", core ? core : "?");
        return buffer;
    }();
    return text;
}

}  // namespace cogo::train
