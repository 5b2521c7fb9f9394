// Cost of parsing and evaluating flat ring expressions (src/construct/expression.hpp): a sum of N terms
// "syn@1 + syn@1 + ..." and a product of N number literals, for N = 1k, 3k, 10k, 20k; median of R runs.
// Usage: expression_sums [repeats]. Prints one markdown table row per N. See bench/README.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "construct/expression.hpp"

#ifdef COGO_BENCH_BASELINE
namespace cogo {
// The previous evaluator (binary tree of sums, machine integers), compiled from the old expression.cpp.
Element<Cyclotomic> evaluate_expression(const AbelianGroup& group, const std::string& text);
}  // namespace cogo
#endif

namespace {

template <class F>
double median_seconds(int repeats, F f) {
    std::vector<double> t;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const cogo::AbelianGroup g = cogo::AbelianGroup::cyclic(7);
    std::printf("| terms | chars | sum s | sum us/term |%s\n", "");
    std::printf("|---|---|---|---|\n");
    for (std::size_t n : {1000u, 3000u, 10000u, 20000u}) {
        std::string text = "syn@1";
        for (std::size_t i = 1; i < n; ++i) text += " + syn@1";
        std::size_t order = 0;
        const double s = median_seconds(repeats, [&] {
#ifdef COGO_BENCH_BASELINE
            using Old = cogo::Element<cogo::Cyclotomic> (*)(const cogo::AbelianGroup&, const std::string&);
            order = static_cast<Old>(&cogo::evaluate_expression)(g, text).order();
#else
            order = cogo::evaluate_expression(g, text, cogo::ResourceLimits{}).order();
#endif
        });
        if (order != 3 * n) return 1;
        std::printf("| %zu | %zu | %.4f | %.2f |\n", n, text.size(), s, 1e6 * s / static_cast<double>(n));
        std::fflush(stdout);
    }
    return 0;
}
