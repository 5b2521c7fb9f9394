#include "analyze/output_solve.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "algebra/linear_algebra.hpp"
#include "algebra/conditions.hpp"
#include "analyze/affine_nearest.hpp"
#include "analyze/output_coefficients.hpp"

namespace cogo {

OutputSolution solve_outputs(const Element<Cyclotomic>& fixed, const std::vector<Node<Cyclotomic>>& nodes,
                             const std::vector<std::vector<std::complex<double>>>& trained, double tolerance) {
    const AbelianGroup& g = fixed.group();
    const std::size_t n = g.order(), q = nodes.size();
    OutputSolution out;
    if (q == 0) {
        out.distance = 0;
        return out;
    }
    const analyze::OutputCoefficients<Cyclotomic> coefficients = analyze::output_coefficients(g, nodes);
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, Cyclotomic> rest;
    for (auto& c : enumerate_conditions(fixed)) rest.emplace(std::tuple{c.k, c.k1, c.k2}, c.value);
    const Rows<Cyclotomic>& M = coefficients.matrix;
    const std::vector<std::pair<std::size_t, std::size_t>>& keys = coefficients.keys;
    const Rows<Cyclotomic> K = kernel<Cyclotomic>(M, q);
    out.c.assign(q, {});
    double num = 0, den = 0;
    for (std::size_t m = 1; m < n; ++m) {
        const std::size_t mm = g.neg(m);
        if (mm < m) continue;
        const bool real = mm == m;
        std::vector<Cyclotomic> rhs;
        for (const auto& [k1, k2] : keys) {
            auto it = rest.find(std::tuple{m, k1, k2});
            Cyclotomic target((k1 == m && k2 == m) ? 1 : 0);
            if (it != rest.end()) target = target - it->second;
            rhs.push_back(target);
        }
        // the (m, m, m) condition must be reachable: if no node touches it, the rest must satisfy it alone
        auto x0 = solve<Cyclotomic>(M, q, rhs);
        if (!x0) {
            out.c.clear();
            out.failure = "no exact output rows satisfy the conditions at output " + std::to_string(m);
            return out;
        }
        // nearest point to the trained outputs: least squares in floats over the kernel directions
        std::vector<std::complex<double>> trained_m(q);
        for (std::size_t j = 0; j < q; ++j) trained_m[j] = trained[j][m];
        std::vector<Cyclotomic> x = analyze::nearest_in_affine_set(*x0, K, trained_m, Cyclotomic::zeta(4, 1), 64);
        if (real)  // conj(x) solves the same system at m = -m: the real part does too
            for (auto& v : x) v = (v + v.conj()) * Cyclotomic::rational(1, 2);
        // outputs at a frequency that no node of the network takes as input (its 1-set T_m(m, m) is identically 0:
        // its trained block is not in the network) served absent nodes in the trained network: not compared
        auto own = rest.find(std::tuple{m, m, m});
        const bool compared = std::find(keys.begin(), keys.end(), std::pair{m, m}) != keys.end() || (own != rest.end() && !own->second.is_zero());
        for (std::size_t j = 0; j < q; ++j) {
            const double w = !compared ? 0.0 : real ? 1.0 : 2.0;
            num += w * std::norm(x[j].to_complex() - trained[j][m]);
            den += w * std::norm(trained[j][m]);
            if (x[j].is_zero()) continue;
            out.c[j].emplace_back(m, x[j]);
            if (!real) out.c[j].emplace_back(mm, x[j].conj());
        }
    }
    for (auto& row : out.c)  // rows sorted by frequency, as Element keeps them
        std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    out.distance = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
    if (out.distance > tolerance) {
        out.failure = "the exact output rows are too far from the trained ones (" + std::to_string(out.distance) + ")";
        out.c.clear();
    }
    return out;
}

}  // namespace cogo
