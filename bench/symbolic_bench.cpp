/// \file symbolic_bench.cpp
/// Symbolic micro-benchmark (bench/README.md, "Symbolic scalars and elements"): the parametric global
/// optima of the odd_d_optima proof on Z_13 over cogo::Symbolic, one unit parameter per frequency pair
/// (6 pairs, 6 nodes each: 36 nodes):
///   z_F6   = sum_k z_nu(nu_k) z_syn / 6
///   z_ab   = sum_k z_nu=i z_syn_ab(alpha_k, beta_k) / 6
/// Phases, each repeated --repeat times (medians printed in milliseconds of this thread's CPU time, which
/// the load of a shared machine disturbs far less than wall time):
///   build    construct both elements (semi-ring products, output scaling, concatenations)
///   concat   z + z for both (72 nodes each; a pure concatenation of canonical elements)
///   verify   verify_global_optimum of both (every output condition decided exactly; verdicts printed)
/// Not a test: no timing assertion anywhere. Usage: bench_symbolic [--repeat N]
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "construct/global_solutions.hpp"
#include "group/abelian_group.hpp"
#include "scalar/symbolic.hpp"
#include "verify/verify.hpp"

using cogo::AbelianGroup;
using cogo::Element;
using cogo::Symbolic;

namespace {

template <class F>
double median_ms(int repeat, F f) {
    std::vector<double> t;
    for (int i = 0; i < repeat; ++i) {
        timespec t0{}, t1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
        f();
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
        t.push_back(1e3 * static_cast<double>(t1.tv_sec - t0.tv_sec) +
                    1e-6 * static_cast<double>(t1.tv_nsec - t0.tv_nsec));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

struct Pair {
    Element<Symbolic> f6, ab;
};

Pair build(const AbelianGroup& g) {
    std::vector<Symbolic> nus, alphas, betas;
    for (std::size_t t = 0; t < (g.order() - 1) / 2; ++t) {
        nus.push_back(Symbolic::unit("nu" + std::to_string(t)));
        alphas.push_back(Symbolic::unit("al" + std::to_string(t)));
        betas.push_back(Symbolic::unit("be" + std::to_string(t)));
    }
    return {cogo::f6<Symbolic>(g, nus), cogo::nui_synab<Symbolic>(g, alphas, betas)};
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 5;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: bench_symbolic [--repeat N]\n");
            return 2;
        }
    }
    if (repeat < 1 || repeat > 1000) {
        std::fprintf(stderr, "bench_symbolic: --repeat must be in 1..1000\n");
        return 2;
    }
    const AbelianGroup g = AbelianGroup::cyclic(13);
    Pair z = build(g);
    const double build_ms = median_ms(repeat, [&] { z = build(g); });
    std::size_t order = 0;
    const double concat_ms = median_ms(repeat, [&] { order = (z.f6 + z.f6).order() + (z.ab + z.ab).order(); });
    bool proved = false;
    const double verify_ms = median_ms(repeat, [&] {
        proved = cogo::verify_global_optimum(z.f6).verdict == cogo::Verdict::proved &&
                 cogo::verify_global_optimum(z.ab).verdict == cogo::Verdict::proved;
    });
    std::printf("nodes %zu + %zu, concatenated orders %zu, verdicts %s\n", z.f6.order(), z.ab.order(), order,
                proved ? "PROVED" : "NOT PROVED");
    std::printf("median CPU ms over %d: build %.2f concat %.2f verify %.2f\n", repeat, build_ms, concat_ms, verify_ms);
    return 0;
}
