// Single-precision GEMM peak of this machine through OpenBLAS (the library the trainer uses):
// C = A B for square n x n float matrices, best of several repetitions, for 1 thread and for T threads.
// Usage: gemm_peak [THREADS=2] [N=2048] [REPS=5]; prints one line per thread count, GFLOP/s = 2 n^3 / s.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include <cblas.h>

int main(int argc, char** argv) {
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const int n = argc > 2 ? std::atoi(argv[2]) : 2048;
    const int reps = argc > 3 ? std::atoi(argv[3]) : 5;
    std::vector<float> a(static_cast<std::size_t>(n) * n), b(a.size()), c(a.size());
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(-1, 1);
    for (auto& x : a) x = u(rng);
    for (auto& x : b) x = u(rng);
    std::printf("OpenBLAS %s, core %s\n", openblas_get_config(), openblas_get_corename());
    for (int t : {1, threads}) {
        openblas_set_num_threads(t);
        double best = 1e300;
        for (int r = 0; r < reps + 1; ++r) {  // the first repetition warms up
            const auto start = std::chrono::steady_clock::now();
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a.data(), n, b.data(), n, 0.0f,
                        c.data(), n);
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (r > 0) best = std::min(best, s);
        }
        std::printf("sgemm %dx%dx%d, %d thread%s: %.1f GFLOP/s (best of %d: %.4f s)\n", n, n, n, t, t == 1 ? "" : "s",
                    2.0 * n * n * n / best / 1e9, reps, best);
        if (threads == 1) break;
    }
    return 0;
}
