// The all-pairs gradient path (src/train/all_pairs_objective.hpp) against the direct path, inside the
// trainer (train::train with the path forced), interleaved in one process: for each (d, q) a run of STEPS
// steps with each path, alternating, REPEATS times; per run the median step time (forward, backward,
// update: the trainer's own timing), then the median over repeats. The paper's settings otherwise (float32,
// lr 0.01, wd 5e-5, 90/10 split) with metrics every 50 steps as `cogo sweep` records them. Prints a Markdown
// table with the cost model's estimates and choice, and the paper's full sweep (d in {23, 71, 127}, q in
// {256, 512, 1024, 2048}, 5 weight decays x 5 seeds x 10,000 steps) estimated from the measured times.
// Times are reported as CPU time of the process per step (what a loaded machine distorts least) and wall time.
// Usage: all_pairs_gradient [REPEATS=3] [THREADS=1] [DS=23,71,127] [QS=256,512,1024,2048]
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "group/abelian_group.hpp"
#include "train/dataset.hpp"
#include "train/gradient_path.hpp"
#include "train/trainer.hpp"

namespace {

std::vector<unsigned long> list(const char* text) {
    std::vector<unsigned long> out;
    const char* p = text;
    const char* end = text + std::strlen(text);
    while (p < end) {
        unsigned long v = 0;
        const auto [next, ec] = std::from_chars(p, end, v);
        if (ec != std::errc{} || v == 0 || v > 100000) {
            std::fprintf(stderr, "all_pairs_gradient: bad list '%s'\n", text);
            std::exit(2);
        }
        out.push_back(v);
        p = next;
        if (p < end && *p == ',') ++p;
        else if (p < end) {
            std::fprintf(stderr, "all_pairs_gradient: bad list '%s'\n", text);
            std::exit(2);
        }
    }
    return out;
}

/// Median wall and CPU seconds per step of one run with the path forced.
std::pair<double, double> median_step(cogo::train::TrainConfig c, cogo::train::GradientPath path) {
    c.gradient_path = path;
    const cogo::train::TrainResult r = cogo::train::train(c);
    return {cogo::train::median(r.step_seconds), cogo::train::median(r.step_cpu_seconds)};
}

}  // namespace

int main(int argc, char** argv) {
    using namespace cogo::train;
    const unsigned long repeats = argc > 1 ? list(argv[1]).at(0) : 3;
    const unsigned long threads = argc > 2 ? list(argv[2]).at(0) : 1;
    const std::vector<unsigned long> ds = list(argc > 3 ? argv[3] : "23,71,127");
    const std::vector<unsigned long> qs = list(argc > 4 ? argv[4] : "256,512,1024,2048");
    std::printf("| d | q | train pairs | direct CPU ms/step | all-pairs CPU ms/step | CPU speed-up | direct wall ms | "
                "all-pairs wall ms | wall speed-up | model: direct ms | model: all-pairs ms | model picks | faster "
                "measured |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    double sweep_best = 0, sweep_direct = 0;
    for (unsigned long d : ds)
        for (unsigned long q : qs) {
            TrainConfig c;
            c.group = std::to_string(d);
            c.width = q;
            c.threads = static_cast<unsigned>(threads);
            c.eval_every = 50;
            // about a second of direct-path work per run, at least 5 steps
            const double direct_estimate = 6.0 * 0.9 * double(d * d) * double(q) * double(d) / 40e9;
            c.steps = std::max<std::size_t>(5, static_cast<std::size_t>(1.0 / direct_estimate));
            c.steps = std::min<std::size_t>(c.steps, 40);
            std::vector<double> direct, all, direct_cpu, all_cpu;
            for (unsigned long r = 0; r < repeats; ++r) {
                const auto [dw, dc] = median_step(c, GradientPath::direct);
                const auto [aw, ac] = median_step(c, GradientPath::all_pairs);
                direct.push_back(dw);
                direct_cpu.push_back(dc);
                all.push_back(aw);
                all_cpu.push_back(ac);
            }
            const double wd = median(direct), wa = median(all);
            const double md = median(direct_cpu), ma = median(all_cpu);
            const std::size_t pairs = d * d, held = held_out_count(pairs, c.test_fraction);
            const PathCost model = estimate_path_cost(d, q, pairs - held, held, false, c.eval_every);
            const bool model_all = resolve_gradient_path(c) == GradientPath::all_pairs;
            std::printf("| %lu | %lu | %zu | %.3f | %.3f | %.2fx | %.1f | %.1f | %.2fx | %.3f | %.3f | %s | %s |\n", d, q,
                        pairs - held, 1e3 * md, 1e3 * ma, md / ma, 1e3 * wd, 1e3 * wa, wd / wa, 1e3 * model.direct,
                        1e3 * model.all_pairs, model_all ? "all-pairs" : "direct", ma < md ? "all-pairs" : "direct");
            std::fflush(stdout);
            const double runs_steps = 25.0 * 10000.0;  // 5 weight decays x 5 seeds x 10,000 steps
            sweep_best += runs_steps * (model_all ? ma : md);
            sweep_direct += runs_steps * md;
        }
    std::printf("\npaper's sweep (300 runs x 10,000 steps), CPU time per step as measured, %lu thread(s) per run, one run "
                "at a time: direct path %.1f h, with the cost model's path %.1f h (%.2fx)\n",
                threads, sweep_direct / 3600, sweep_best / 3600, sweep_direct / sweep_best);
    return 0;
}
