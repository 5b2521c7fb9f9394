// Round trip under every symmetry: each named construction of `cogo construct` (the same builder,
// cli::select_element) on every finite Abelian group of order 2..N (one per isomorphism type), exported as
// float real weights, then cross-checked plain and after each symmetry of analyze/network_symmetries.hpp:
// per-node scale gauges t = +-10^u, u uniform in [-6, 6]; shift gauges; a node permutation; an input
// translation; a random automorphism; conjugation; dead nodes; and all of them at once plus 1e-6 noise.
// Prints one line per (group, construction) with the network verdict of each variant, then tallies.
// A line is marked CHANGED when the verdict of some variant differs from the plain one.
//
// Usage: crosscheck_symmetries [--max-order N] [--min-order N] [--solutions F6,min,...] [--seed S]
//        [--max-M N]   (z_M has n^2 nodes; by default it is run only for n <= 16)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/crosscheck.hpp"
#include "analyze/network_symmetries.hpp"
#include "cli/solution_options.hpp"
#include "group/isomorphism_types.hpp"
#include "support/error.hpp"

using namespace cogo;
using namespace cogo::analyze;

namespace {

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ',')) out.push_back(item);
    return out;
}

double rms(const Matrix<double>& m) {
    double s = 0;
    for (double x : m.values()) s += x * x;
    return std::sqrt(s / static_cast<double>(m.values().size()));
}

const char* const kVariants[] = {"plain", "scale", "shift", "perm", "transl", "auto", "conj", "dead", "all"};

NetworkWeights<double> variant(const std::string& v, const AbelianGroup& g, const NetworkWeights<double>& w,
                               std::mt19937_64& rng) {
    const std::size_t n = g.order();
    std::uniform_int_distribution<std::size_t> element(0, n - 1);
    if (v == "plain") return w;
    if (v == "scale") return scale_gauge(w, random_scales(w.wa.rows(), rng));
    if (v == "shift") return shift_gauge(w, random_shifts(w, rng));
    if (v == "perm") return permute_nodes(w, random_permutation(w.wa.rows(), rng));
    if (v == "transl") return translate_inputs(g, w, element(rng), element(rng));
    if (v == "auto") return apply_automorphism(g, w, random_automorphism(g, rng));
    if (v == "conj") return conjugate_network(g, w);
    if (v == "dead") return add_dead_nodes(w, 5, 1e-9 * rms(w.wa), rng);
    NetworkWeights<double> x = apply_automorphism(
        g, translate_inputs(g, conjugate_network(g, w), element(rng), element(rng)), random_automorphism(g, rng));
    x = shift_gauge(x, random_shifts(x, rng));
    x = scale_gauge(x, random_scales(x.wa.rows(), rng));
    x = add_dead_nodes(x, 5, 0.0, rng);
    x = permute_nodes(x, random_permutation(x.wa.rows(), rng));
    // noise relative to each node's own scale (the gauge made the nodes' sizes differ by 10^12)
    std::normal_distribution<double> gauss(0.0, 1.0);
    for (std::size_t j = 0; j < x.wa.rows(); ++j) {
        double in = 0, out = 0;
        for (std::size_t y = 0; y < n; ++y)
            in = std::max({in, std::abs(x.wa(j, y)), std::abs(x.wb(j, y))}), out = std::max(out, std::abs(x.v(y, j)));
        for (std::size_t y = 0; y < n; ++y) {
            x.wa(j, y) += 1e-6 * in * gauss(rng);
            x.wb(j, y) += 1e-6 * in * gauss(rng);
            x.v(y, j) += 1e-6 * out * gauss(rng);
        }
    }
    return x;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned long max_order = 64, min_order = 2;
    std::uint64_t seed = 1;
    std::vector<std::string> solutions = split("F6,F46,nui-synab,order4,cyclic,order8,syn-dc,min,min-zero-mean,F6R,M");
    unsigned long max_m = 16;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--max-order") max_order = std::stoul(next());
        else if (a == "--min-order") min_order = std::stoul(next());
        else if (a == "--seed") seed = std::stoull(next());
        else if (a == "--solutions") solutions = split(next());
        else if (a == "--max-M") max_m = std::stoul(next());
        else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 2;
        }
    }
    std::mt19937_64 rng(seed);
    std::map<std::string, std::map<std::string, std::size_t>> tally;  // solution -> "variant:verdict" -> count
    std::size_t changed = 0, lines = 0;
    const auto start = std::chrono::steady_clock::now();
    for (unsigned long n = std::max(2UL, min_order); n <= max_order; ++n)
        for (const AbelianGroup& g : abelian_groups_of_order(n))
            for (const std::string& sol : solutions) {
                if (sol == "M" && n > max_m) continue;
                cli::SolutionOptions o;
                o.group = g.spec();
                o.solution = sol;
                Element<Cyclotomic> z(g);
                try {
                    z = cli::select_element(o).z;
                } catch (const InvalidInput&) {
                    continue;  // not defined on this group
                }
                const NetworkWeights<double> w = inverse_transform(dense_fourier(z));
                std::string out, plain;
                bool differs = false;
                for (const char* v : kVariants) {
                    std::string verdict;
                    try {
                        const CrosscheckReport r = crosscheck(g, variant(v, g, w, rng));
                        verdict = network_verdict_name(r.network);
                    } catch (const std::exception& e) {
                        verdict = std::string("ERROR(") + e.what() + ")";
                    }
                    if (std::string(v) == "plain") plain = verdict;
                    differs |= verdict != plain;
                    out += std::string(" ") + v + "=" + verdict;
                    ++tally[sol][std::string(v) + ":" + verdict];
                }
                changed += differs;
                ++lines;
                std::printf("%s %s%s%s\n", g.spec().c_str(), sol.c_str(), out.c_str(), differs ? " CHANGED" : "");
                std::fflush(stdout);
            }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("--- %zu (group, construction) lines, %zu with a verdict that changed under a symmetry, %.1f s\n", lines,
                changed, seconds);
    for (const auto& [sol, counts] : tally) {
        std::printf("%s:", sol.c_str());
        for (const auto& [key, count] : counts) std::printf(" %s %zu", key.c_str(), count);
        std::printf("\n");
    }
    return changed == 0 ? 0 : 1;
}
