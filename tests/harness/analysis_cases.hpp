#pragma once
/// \file analysis_cases.hpp
/// Test inputs for the cross-check: exact constructions exported as float real weights, with random gauges
/// (per-node real scale incl. the (-1,-1,1) sign, per-frequency phases, per-frequency conjugation), random
/// node permutations, small noise and dead nodes. Everything is seeded.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <vector>

#include "analyze/fourier_weights.hpp"
#include "analyze/output_solve.hpp"
#include "scalar/turn.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo::testing {

/// Options of a disguised export.
struct Disguise {
    bool scale = true;          ///< per-node real t in +-[0.5, 2]
    bool phases = true;         ///< per-frequency-pair phases
    bool conjugate = true;      ///< per-frequency-pair conjugation (k <-> -k), random half of the pairs
    bool permute = true;        ///< random node order
    double noise = 1e-4;        ///< Gaussian noise, relative to each matrix's RMS
    std::size_t dead = 5;       ///< dead nodes appended (weights ~1e-40)
};

/// The disguised real weights of z (dense float).
inline NetworkWeights<double> disguise(const analyze::FourierWeights& z0, std::mt19937_64& rng,
                                       const Disguise& o = {}) {
    analyze::FourierWeights z = z0;
    const AbelianGroup& g = z.group;
    const std::size_t n = z.n();
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    if (o.scale)
        for (std::size_t j = 0; j < z.q; ++j) {
            double t = 0.5 * std::pow(4.0, u01(rng));
            if (u01(rng) < 0.5) t = -t;
            for (std::size_t k = 0; k < n; ++k) z.za(k, j) *= t, z.zb(k, j) *= t, z.zc(k, j) /= t * t;
        }
    for (std::size_t k = 1; k < n; ++k) {
        const std::size_t mk = g.neg(k);
        if (mk <= k) continue;
        if (o.phases) {
            const double th = 2 * M_PI * u01(rng), ph = 2 * M_PI * u01(rng);
            const Complex ea = std::polar(1.0, th), eb = std::polar(1.0, ph), ec = std::polar(1.0, -(th + ph));
            for (std::size_t j = 0; j < z.q; ++j) {
                z.za(k, j) *= ea, z.za(mk, j) *= std::conj(ea);
                z.zb(k, j) *= eb, z.zb(mk, j) *= std::conj(eb);
                z.zc(k, j) *= ec, z.zc(mk, j) *= std::conj(ec);
            }
        }
        if (o.conjugate && u01(rng) < 0.5)
            for (std::size_t j = 0; j < z.q; ++j) {
                std::swap(z.za(k, j), z.za(mk, j));
                std::swap(z.zb(k, j), z.zb(mk, j));
                std::swap(z.zc(k, j), z.zc(mk, j));
            }
    }
    NetworkWeights<double> w = analyze::inverse_transform(z);
    const std::size_t q = w.wa.rows(), q2 = q + o.dead;
    std::vector<std::size_t> perm(q2);
    std::iota(perm.begin(), perm.end(), 0);
    if (o.permute) std::shuffle(perm.begin(), perm.end(), rng);
    std::normal_distribution<double> gauss(0.0, 1.0);
    auto rms = [](const Matrix<double>& m) {
        double s = 0;
        for (double x : m.values()) s += x * x;
        return std::sqrt(s / static_cast<double>(m.values().size()));
    };
    const double sa = rms(w.wa), sb = rms(w.wb), sv = rms(w.v);
    NetworkWeights<double> out{Matrix<double>(q2, n), Matrix<double>(q2, n), Matrix<double>(n, q2)};
    for (std::size_t j = 0; j < q2; ++j) {
        const std::size_t to = perm[j];
        for (std::size_t x = 0; x < n; ++x) {
            if (j < q) {
                out.wa(to, x) = w.wa(j, x) + o.noise * sa * gauss(rng);
                out.wb(to, x) = w.wb(j, x) + o.noise * sb * gauss(rng);
                out.v(x, to) = w.v(x, j) + o.noise * sv * gauss(rng);
            } else {
                out.wa(to, x) = 1e-40 * gauss(rng);
                out.wb(to, x) = 1e-40 * gauss(rng);
                out.v(x, to) = 1e-40 * gauss(rng);
            }
        }
    }
    return out;
}

/// A uniformly random turn p/den.
inline Turn random_turn(std::mt19937_64& rng, unsigned long den) {
    return make_turn(std::uniform_int_distribution<long>(0, static_cast<long>(den) - 1)(rng), den);
}

/// The exact network of `fixed` and `free`, the outputs of `free` solved exactly (analyze/output_solve.hpp) toward
/// the `trained` rows, one per free node; nullopt if that solve fails.
inline std::optional<Element<Cyclotomic>> with_solved_outputs(const AbelianGroup& g, std::vector<Node<Cyclotomic>> fixed,
                                                              const std::vector<Node<Cyclotomic>>& free,
                                                              const std::vector<std::vector<Complex>>& trained) {
    const OutputSolution sol = solve_outputs(Element<Cyclotomic>(g, fixed), free, trained, 1e9);
    if (!sol.failure.empty()) return std::nullopt;
    for (std::size_t j = 0; j < free.size(); ++j) {
        Node<Cyclotomic> node = free[j];
        node.c = sol.c[j];
        fixed.push_back(std::move(node));
    }
    return Element<Cyclotomic>(g, std::move(fixed));
}

}  // namespace cogo::testing
