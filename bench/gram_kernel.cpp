// Theorem 6, measured: the potentials' gradient Gram kernel (src/dynamics/gram_kernel.hpp) at PyTorch's
// default init, for the n^2 potentials r_{k1,k2,1} of Z_D, widths q = 256 .. 4096 and seeds 1 .. SEEDS.
// Prints a Markdown table (mean over seeds, +- sample standard deviation) and the least-squares exponent
// alpha of ratio ~ q^alpha over every (q, seed) point, with its standard error (the prediction is -1/2).
// Usage: gram_kernel [SEEDS=5] [D=23]
//        gram_kernel train [STEPS=3000]: the same kernel (d = 23) along the paper's run (q = 512, wd 1e-4,
//        seed 5, Adam lr 0.01, 90/10 split), at a few checkpoints, with the run's losses.
#include <charconv>
#include <chrono>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "analyze/fourier_weights.hpp"
#include "dynamics/gram_kernel.hpp"
#include "train/network.hpp"
#include "train/trainer.hpp"

namespace {

bool parse(const char* text, unsigned long lo, unsigned long hi, unsigned long& out) {
    const char* end = text + std::strlen(text);
    const auto [p, ec] = std::from_chars(text, end, out);
    return ec == std::errc{} && p == end && out >= lo && out <= hi;
}

struct Stat {
    double mean = 0, sd = 0;
};

Stat stat(const std::vector<double>& xs) {
    Stat s;
    for (double x : xs) s.mean += x;
    s.mean /= static_cast<double>(xs.size());
    if (xs.size() > 1) {
        for (double x : xs) s.sd += (x - s.mean) * (x - s.mean);
        s.sd = std::sqrt(s.sd / static_cast<double>(xs.size() - 1));
    }
    return s;
}

int along_training(std::size_t steps) {
    cogo::train::TrainConfig config;  // the paper's run
    config.group = "23";
    config.width = 512;
    config.weight_decay = 1e-4;
    config.seed = 5;
    config.steps = steps;
    config.eval_every = 1;
    for (std::size_t s : {0, 100, 300, 1000, 3000, 10000})
        if (s <= steps) config.checkpoints.push_back(s);
    const cogo::AbelianGroup group = cogo::AbelianGroup::cyclic(23);
    const auto rs = cogo::output_potentials(group, 1);
    struct Row {
        std::size_t step;
        cogo::GramSummary g;
        std::complex<double> r111;
    };
    std::vector<Row> rows;
    cogo::train::TrainHooks hooks;
    hooks.checkpoint = [&](std::size_t step, const cogo::NetworkWeights<double>& w) {
        const auto z = cogo::analyze::fourier_transform(group, {w.wa, w.wb, w.v});
        std::complex<double> r111{};
        for (std::size_t j = 0; j < z.q; ++j) r111 += z.za(1, j) * z.zb(1, j) * z.zc(1, j);
        rows.push_back({step, cogo::summarize(cogo::gram_kernel(z, rs)), r111});
    };
    const cogo::train::TrainResult result = cogo::train::train(config, hooks);
    std::printf("Gram kernel of the 529 potentials r[k1,k2,1] of Z_23 along training (q = 512, wd 1e-4, seed 5)\n\n");
    std::printf("| step | train loss | test acc | r[1,1,1] | mean diag | RMS off-diag | max off-diag | ratio RMS/diag |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (const Row& row : rows) {
        const cogo::train::MetricsRow* m = nullptr;
        for (const auto& mr : result.metrics)
            if (mr.step == row.step) m = &mr;
        std::printf("| %zu | %.3g | %.3f | %.3f%+.3fi | %.4g | %.4g | %.4g | %.4f |\n", row.step, m ? m->train_loss : NAN,
                    m ? m->test_accuracy : NAN, row.r111.real(), row.r111.imag(), row.g.mean_diagonal,
                    row.g.rms_off_diagonal, row.g.max_off_diagonal, row.g.ratio);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "train") == 0) {
        unsigned long steps = 3000;
        if (argc > 3 || (argc > 2 && !parse(argv[2], 1, 100000, steps))) {
            std::fprintf(stderr, "usage: gram_kernel train [STEPS in 1..100000, default 3000]\n");
            return 2;
        }
        return along_training(steps);
    }
    unsigned long seeds = 5, d = 23;
    if (argc > 3 || (argc > 1 && !parse(argv[1], 1, 100, seeds)) || (argc > 2 && !parse(argv[2], 3, 63, d))) {
        std::fprintf(stderr, "usage: gram_kernel [SEEDS in 1..100, default 5] [D in 3..63, default 23]\n");
        return 2;
    }
    const cogo::AbelianGroup group = cogo::AbelianGroup::cyclic(d);
    const auto rs = cogo::output_potentials(group, 1);
    std::printf("Gram kernel of the %zu potentials r[k1,k2,1] of Z_%lu at PyTorch's init, seeds 1..%lu\n\n", rs.size(),
                d, seeds);
    std::printf("| q | E diag (exact) | mean diag | RMS off-diag | max off-diag | ratio RMS/diag | ratio * sqrt(q) |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    std::vector<double> xs, ys;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t q : {256u, 512u, 1024u, 2048u, 4096u}) {
        const auto expected = cogo::expected_gram_kernel(group, q, cogo::pytorch_init_moments(d, q), rs);
        double exact_diag = 0;
        bool off_zero = true;
        for (std::size_t i = 0; i < rs.size(); ++i)
            for (std::size_t l = 0; l < rs.size(); ++l) {
                if (i == l) exact_diag += expected(i, i).to_complex().real();
                else off_zero = off_zero && expected(i, l).is_zero();
            }
        exact_diag /= static_cast<double>(rs.size());
        if (!off_zero) std::fprintf(stderr, "note: some off-diagonal expectations are non-zero at q = %zu\n", q);
        std::vector<double> diag, rms, mx, ratio, scaled;
        for (unsigned long s = 1; s <= seeds; ++s) {
            const auto w = cogo::train::to_matrices(cogo::train::pytorch_default_init<double>(d, q, s));
            const auto z = cogo::analyze::fourier_transform(group, {w.wa, w.wb, w.v});
            const cogo::GramSummary g = cogo::summarize(cogo::gram_kernel(z, rs));
            diag.push_back(g.mean_diagonal);
            rms.push_back(g.rms_off_diagonal);
            mx.push_back(g.max_off_diagonal);
            ratio.push_back(g.ratio);
            scaled.push_back(g.ratio * std::sqrt(static_cast<double>(q)));
            xs.push_back(std::log(static_cast<double>(q)));
            ys.push_back(std::log(g.ratio));
        }
        const Stat sd = stat(diag), sr = stat(rms), sm = stat(mx), st = stat(ratio), ss = stat(scaled);
        std::printf("| %zu | %.5f | %.5f +- %.5f | %.6f +- %.6f | %.5f +- %.5f | %.5f +- %.5f | %.4f +- %.4f |\n", q,
                    exact_diag, sd.mean, sd.sd, sr.mean, sr.sd, sm.mean, sm.sd, st.mean, st.sd, ss.mean, ss.sd);
        std::fflush(stdout);
    }
    // Least squares log ratio = alpha log q + c over every point.
    const Stat mxs = stat(xs), mys = stat(ys);
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        sxy += (xs[i] - mxs.mean) * (ys[i] - mys.mean);
        sxx += (xs[i] - mxs.mean) * (xs[i] - mxs.mean);
    }
    const double alpha = sxy / sxx, c = mys.mean - alpha * mxs.mean;
    double rss = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) rss += std::pow(ys[i] - alpha * xs[i] - c, 2);
    const double se = xs.size() > 2 ? std::sqrt(rss / static_cast<double>(xs.size() - 2) / sxx) : 0.0;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("\nfitted exponent: ratio ~ q^alpha, alpha = %.4f +- %.4f (standard error, %zu points); predicted -0.5\n",
                alpha, se, xs.size());
    std::printf("(%.1f s)\n", secs);
    return 0;
}
