/// \file pinning.cpp
/// Progressive pinning (see pinning.hpp).
#include "search/pinning.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <complex>
#include <numbers>
#include <numeric>
#include <vector>

namespace cogo::search {
namespace {

/// One real Fourier coordinate of an input row: frequency k, and whether it is the imaginary part.
struct Coord {
    std::size_t k;
    bool imag;
};

/// The coordinates of a row (DC, then Re/Im per pair representative, then the real frequencies) and the
/// n x n matrix B with W[x] = sum_i B[x][i] phi[i].
struct Basis {
    std::vector<Coord> coords;
    std::vector<double> B;  // n x n, row x
    std::vector<std::size_t> entry_of;  // coordinate -> entry index (Re and Im of one frequency share one)
    std::size_t entries = 0;
};

Basis make_basis(const AbelianGroup& g) {
    const std::size_t n = g.order();
    Basis b;
    b.coords.push_back({0, false});
    b.entry_of.push_back(b.entries++);
    for (std::size_t k = 1; k < n; ++k) {
        const std::size_t mk = g.neg(k);
        if (mk < k) continue;
        if (mk == k) {
            b.coords.push_back({k, false});
            b.entry_of.push_back(b.entries++);
        } else {
            b.coords.push_back({k, false});
            b.coords.push_back({k, true});
            b.entry_of.push_back(b.entries);
            b.entry_of.push_back(b.entries++);
        }
    }
    b.B.assign(n * n, 0.0);
    const double E = static_cast<double>(g.exponent());
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t i = 0; i < n; ++i) {
            const Coord c = b.coords[i];
            const double t = 2 * std::numbers::pi * static_cast<double>(g.pairing(c.k, x)) / E;
            const bool real_freq = g.neg(c.k) == c.k;
            b.B[x * n + i] = real_freq ? std::cos(t) : c.imag ? -2 * std::sin(t) : 2 * std::cos(t);
        }
    return b;
}

/// phi of a row: z_k = (1/n) sum_x W[x] conj chi_k(x).
std::vector<double> to_coords(const AbelianGroup& g, const Basis& b, const double* row) {
    const std::size_t n = g.order();
    const double E = static_cast<double>(g.exponent());
    std::vector<double> phi(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::complex<double> z;
        for (std::size_t x = 0; x < n; ++x) {
            const double t = 2 * std::numbers::pi * static_cast<double>(g.pairing(b.coords[i].k, x)) / E;
            z += row[x] * std::complex<double>(std::cos(t), -std::sin(t));
        }
        z /= static_cast<double>(n);
        phi[i] = b.coords[i].imag ? z.imag() : z.real();
    }
    return phi;
}

/// The state: Fourier coordinates of the inputs (2 q rows of n) and the real outputs V.
struct State {
    std::vector<double> phi;  // (row r = p q + j) * n + i, p = 0 (a), 1 (b)
    std::vector<double> v;    // n x q
};

FloatNetwork network_of(const AbelianGroup& g, const Basis& b, const State& s, std::size_t q) {
    const std::size_t n = g.order();
    FloatNetwork w{n, q, std::vector<double>(q * n, 0.0), std::vector<double>(q * n, 0.0), s.v};
    for (std::size_t r = 0; r < 2 * q; ++r) {
        double* row = (r < q ? w.wa.data() + r * n : w.wb.data() + (r - q) * n);
        for (std::size_t x = 0; x < n; ++x) {
            double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += b.B[x * n + i] * s.phi[r * n + i];
            row[x] = acc;
        }
    }
    return w;
}

/// Levenberg-Marquardt over the free coordinates (free[i] for phi, all of v free); returns the loss.
double relax(const AbelianGroup& g, const Basis& b, State& s, std::size_t q, const std::vector<bool>& free_phi,
             std::size_t iterations, double stop) {
    const std::size_t n = g.order(), R = n * n * n, Pw = 3 * q * n;
    std::vector<std::size_t> vars;  // indices into (phi, v) concatenated
    for (std::size_t i = 0; i < 2 * q * n; ++i)
        if (free_phi[i]) vars.push_back(i);
    for (std::size_t i = 0; i < n * q; ++i) vars.push_back(2 * q * n + i);
    const std::size_t P = vars.size();
    std::vector<double> r, Jw, J(R * P), A(P * P), grad(P), delta(P);
    auto eval = [&](const State& st, bool jac) {
        const FloatNetwork w = network_of(g, b, st, q);
        const double l = loss_residuals(g, w, r, jac ? &Jw : nullptr);
        if (!jac) return l;
        // chain rule: dW/dphi = B (per row), dr/dv unchanged
        for (std::size_t row = 0; row < R; ++row) {
            const double* jw = Jw.data() + row * Pw;
            for (std::size_t c = 0; c < P; ++c) {
                const std::size_t var = vars[c];
                if (var >= 2 * q * n) {
                    J[row * P + c] = jw[var];
                    continue;
                }
                const std::size_t rr = var / n, i = var % n;
                const double* jrow = jw + rr * n;  // wa rows then wb rows, same layout as phi rows
                double acc = 0;
                for (std::size_t x = 0; x < n; ++x) acc += jrow[x] * b.B[x * n + i];
                J[row * P + c] = acc;
            }
        }
        return l;
    };
    double loss = eval(s, true), lambda = 1e-6;
    for (std::size_t it = 0; it < iterations && loss > stop; ++it) {
        std::fill(A.begin(), A.end(), 0.0);
        std::fill(grad.begin(), grad.end(), 0.0);
        for (std::size_t row = 0; row < R; ++row) {
            const double* Jr = J.data() + row * P;
            for (std::size_t i = 0; i < P; ++i) {
                if (Jr[i] == 0) continue;
                grad[i] += Jr[i] * r[row];
                for (std::size_t k = 0; k <= i; ++k) A[i * P + k] += Jr[i] * Jr[k];
            }
        }
        bool improved = false;
        for (int attempt = 0; attempt < 10 && !improved; ++attempt) {
            // Cholesky of A + lambda (diag A + 1e-12), lower triangle
            std::vector<double> L(P * P, 0.0);
            bool ok = true;
            for (std::size_t j = 0; j < P && ok; ++j) {
                double d = A[j * P + j] * (1 + lambda) + lambda * 1e-12;
                for (std::size_t k = 0; k < j; ++k) d -= L[j * P + k] * L[j * P + k];
                if (!(d > 0)) {
                    ok = false;
                    break;
                }
                L[j * P + j] = std::sqrt(d);
                for (std::size_t i = j + 1; i < P; ++i) {
                    double t = A[i * P + j];
                    for (std::size_t k = 0; k < j; ++k) t -= L[i * P + k] * L[j * P + k];
                    L[i * P + j] = t / L[j * P + j];
                }
            }
            if (ok) {
                for (std::size_t i = 0; i < P; ++i) {
                    double t = -grad[i];
                    for (std::size_t k = 0; k < i; ++k) t -= L[i * P + k] * delta[k];
                    delta[i] = t / L[i * P + i];
                }
                for (std::size_t ii = P; ii-- > 0;) {
                    double t = delta[ii];
                    for (std::size_t k = ii + 1; k < P; ++k) t -= L[k * P + ii] * delta[k];
                    delta[ii] = t / L[ii * P + ii];
                }
                State trial = s;
                for (std::size_t c = 0; c < P; ++c) {
                    const std::size_t var = vars[c];
                    (var < 2 * q * n ? trial.phi[var] : trial.v[var - 2 * q * n]) += delta[c];
                }
                const double l2 = eval(trial, false);
                if (l2 < loss) {
                    s = std::move(trial);
                    loss = eval(s, true);
                    lambda = std::max(lambda / 3, 1e-15);
                    improved = true;
                    break;
                }
            }
            lambda *= 4;
        }
        if (!improved) break;
    }
    return loss;
}

/// Simple values near z, nearest first: r zeta_N^e and p/q + i p'/q' with q, q' <= 6 (rationals for a real
/// entry), at most `count`.
std::vector<std::complex<double>> simple_candidates(std::complex<double> z, bool real_entry, unsigned long N,
                                                    std::size_t count) {
    auto rats = [](double x) {
        std::vector<double> out;
        for (int den = 1; den <= 6; ++den)
            for (double off : {-1.0, 0.0, 1.0}) out.push_back((std::round(x * den) + off) / den);
        return out;
    };
    std::vector<std::complex<double>> cands;
    if (real_entry) {
        for (double r : rats(z.real())) cands.emplace_back(r, 0.0);
    } else {
        for (double x : rats(z.real()))
            for (double y : rats(z.imag())) cands.emplace_back(x, y);
        const double turns = std::arg(z) / (2 * std::numbers::pi) * static_cast<double>(N);
        for (double r : rats(std::abs(z)))
            for (double off : {-1.0, 0.0, 1.0})
                if (r > 0)
                    cands.push_back(std::polar(r, 2 * std::numbers::pi * (std::round(turns) + off) / static_cast<double>(N)));
    }
    std::sort(cands.begin(), cands.end(), [&](auto u, auto v) { return std::abs(u - z) < std::abs(v - z); });
    std::vector<std::complex<double>> out;
    for (const auto& c : cands) {
        if (!out.empty() && std::abs(out.back() - c) < 1e-12) continue;
        out.push_back(c);
        if (out.size() == count) break;
    }
    return out;
}

}  // namespace

PinningResult pin_inputs(const AbelianGroup& g, const FloatNetwork& w0, bool dc, double accept_loss) {
    const std::size_t n = g.order(), q = w0.q;
    const Basis b = make_basis(g);
    const unsigned long N = std::lcm(g.exponent(), 24UL);
    State s;
    s.v = w0.v;
    s.phi.resize(2 * q * n);
    for (std::size_t j = 0; j < q; ++j) {
        const std::vector<double> pa = to_coords(g, b, w0.wa.data() + j * n), pb = to_coords(g, b, w0.wb.data() + j * n);
        std::copy(pa.begin(), pa.end(), s.phi.begin() + static_cast<std::ptrdiff_t>(j * n));
        std::copy(pb.begin(), pb.end(), s.phi.begin() + static_cast<std::ptrdiff_t>((q + j) * n));
        // shift gauge: DC on the a row only
        s.phi[j * n] += s.phi[(q + j) * n];
        s.phi[(q + j) * n] = 0;
        // scale gauge: largest input entry of modulus 1
        double big = 0;
        for (std::size_t r : {j, q + j})
            for (std::size_t i = 0; i < n; ++i) big = std::max(big, std::abs(s.phi[r * n + i]));
        if (big > 1e-9) {
            for (std::size_t r : {j, q + j})
                for (std::size_t i = 0; i < n; ++i) s.phi[r * n + i] /= big;
            for (std::size_t m = 0; m < n; ++m) s.v[m * q + j] *= big * big;
        }
    }
    // free coordinates; the entries (a frequency of a row) are pinned as a whole
    std::vector<bool> free_phi(2 * q * n, true);
    for (std::size_t j = 0; j < q; ++j) {
        free_phi[(q + j) * n] = false;     // z_b[0, j] = 0 (gauge)
        if (!dc) free_phi[j * n] = false;  // z_a[0, j] = 0 (zero-mean inputs)
    }
    struct Entry {
        std::size_t row, first;  // first coordinate index within the row
        bool pair;
    };
    std::vector<Entry> entries;
    for (std::size_t r = 0; r < 2 * q; ++r)
        for (std::size_t i = 0; i < n; ++i) {
            if (!free_phi[r * n + i] || b.coords[i].imag) continue;
            const bool pair = i + 1 < n && b.coords[i + 1].imag;
            entries.push_back({r, i, pair});
        }
    PinningResult out;
    out.entries = entries.size();
    out.loss = relax(g, b, s, q, free_phi, 50, accept_loss);
    std::vector<bool> done(entries.size(), false);
    while (true) {
        // free entries by their distance to the nearest simple value
        std::vector<std::pair<double, std::size_t>> order;
        for (std::size_t e = 0; e < entries.size(); ++e) {
            if (done[e]) continue;
            const Entry& en = entries[e];
            const std::complex<double> z(s.phi[en.row * n + en.first], en.pair ? s.phi[en.row * n + en.first + 1] : 0.0);
            order.push_back({std::abs(simple_candidates(z, !en.pair, N, 1).front() - z), e});
        }
        if (order.empty()) break;
        std::sort(order.begin(), order.end());
        bool pinned = false;
        for (std::size_t t = 0; t < std::min<std::size_t>(order.size(), 6) && !pinned; ++t) {
            const Entry& en = entries[order[t].second];
            const std::complex<double> z(s.phi[en.row * n + en.first], en.pair ? s.phi[en.row * n + en.first + 1] : 0.0);
            for (const std::complex<double>& v : simple_candidates(z, !en.pair, N, 3)) {
                State trial = s;
                std::vector<bool> trial_free = free_phi;
                trial.phi[en.row * n + en.first] = v.real();
                trial_free[en.row * n + en.first] = false;
                if (en.pair) {
                    trial.phi[en.row * n + en.first + 1] = v.imag();
                    trial_free[en.row * n + en.first + 1] = false;
                }
                const double l = relax(g, b, trial, q, trial_free, 300, accept_loss);
                if (l < accept_loss) {
                    s = std::move(trial);
                    free_phi = std::move(trial_free);
                    done[order[t].second] = true;
                    out.loss = l;
                    ++out.pinned;
                    pinned = true;
                    break;
                }
            }
        }
        if (!pinned) {
            if (std::getenv("COGO_PIN_DEBUG"))
                for (const auto& [dist, e] : order) {
                    const Entry& en = entries[e];
                    std::fprintf(stderr, "unpinned row %zu coord %zu: %.9f %.9f (distance %.3g)\n", en.row, en.first,
                                 s.phi[en.row * n + en.first], en.pair ? s.phi[en.row * n + en.first + 1] : 0.0, dist);
                }
            break;
        }
    }
    out.network = network_of(g, b, s, q);
    return out;
}

}  // namespace cogo::search
