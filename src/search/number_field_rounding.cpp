/// \file number_field_rounding.cpp
/// Slice, MPFR refinement, LLL recognition, exact outputs over K and exact verification of a candidate
/// (see number_field_rounding.hpp).
#include "search/number_field_rounding.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numbers>
#include <numeric>
#include <optional>
#include <tuple>

#include "algebra/conditions.hpp"
#include "algebra/linear_algebra.hpp"
#include "analyze/affine_nearest.hpp"
#include "analyze/output_coefficients.hpp"
#include "analyze/algebraic_recognition.hpp"
#include "scalar/float.hpp"
#include "scalar/number_field.hpp"
#include "search/big_float.hpp"
#include "search/damped_ldlt.hpp"
#include "search/exact_rounding.hpp"
#include "support/error.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/number_field_certificate_writer.hpp"
#include "verify/verify.hpp"

namespace cogo::search {
namespace {

/// One input entry z_part[k] of a live node (k a representative: k <= -k).
struct Entry {
    std::size_t node = 0;  ///< index among the live nodes
    int part = 0;          ///< 0: a, 1: b
    std::size_t k = 0;
    bool real_frequency = false;             ///< k = -k: the entry is real
    std::complex<double> start;              ///< its float64 value
    std::optional<Cyclotomic> fixed;         ///< the exact value if the cyclotomic recognizer rounds it
};

/// A real coordinate of the refinement: Re or Im of a free entry, or an output v[m][j].
struct Coord {
    bool output = false;
    std::size_t entry = 0;  ///< entry index (input) or m * q + j (output)
    bool imag = false;
};

/// The live nodes of w in the shift gauge (z_b[0] = 0), as in exact_rounding.cpp.
struct LiveNetwork {
    std::vector<std::vector<std::complex<double>>> a, b, c;  // per live node, n frequencies
    std::vector<double> v;                                   // n x q_live real outputs
    std::size_t q = 0;
};

LiveNetwork live_network(const AbelianGroup& g, const FloatNetwork& w) {
    const std::size_t n = g.order();
    const double E = static_cast<double>(g.exponent());
    auto chi = [&](std::size_t k, std::size_t x) {
        const double t = 2 * std::numbers::pi * static_cast<double>(g.pairing(k, x)) / E;
        return std::complex<double>(std::cos(t), std::sin(t));
    };
    LiveNetwork out;
    std::vector<std::size_t> live;
    for (std::size_t j = 0; j < w.q; ++j) {
        std::vector<std::complex<double>> a(n), b(n), c(n);
        for (std::size_t k = 0; k < n; ++k) {
            for (std::size_t x = 0; x < n; ++x) {
                a[k] += w.wa[j * n + x] * std::conj(chi(k, x));
                b[k] += w.wb[j * n + x] * std::conj(chi(k, x));
                c[k] += w.v[x * w.q + j] * chi(k, x);
            }
            a[k] /= static_cast<double>(n);
            b[k] /= static_cast<double>(n);
            c[k] *= 2.0;
        }
        a[0] += b[0];
        b[0] = 0;
        double big = 0, cmax = 0;
        for (std::size_t k = 0; k < n; ++k) big = std::max({big, std::abs(a[k]), std::abs(b[k])});
        for (std::size_t k = 1; k < n; ++k) cmax = std::max(cmax, std::abs(c[k]));
        if (big < 1e-9 || cmax < 1e-9) continue;  // a node that does not enter the loss
        out.a.push_back(std::move(a));
        out.b.push_back(std::move(b));
        out.c.push_back(std::move(c));
        live.push_back(j);
    }
    out.q = live.size();
    out.v.resize(n * out.q);
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t j = 0; j < out.q; ++j) out.v[x * out.q + j] = w.v[x * w.q + live[j]];
    return out;
}

/// The high-precision value of a Cyclotomic (sum c_i zeta_N^i).
std::pair<BigFloat, BigFloat> big_value(const Cyclotomic& z) {
    const unsigned long N = std::max(1UL, z.field_order());
    const std::vector<std::string> coeffs = z.coefficients();
    BigFloat re, im;
    for (std::size_t i = 0; i < coeffs.size(); ++i) {
        if (coeffs[i] == "0") continue;
        const BigFloat c = BigFloat::parse_ratio(coeffs[i]);
        BigFloat co, si;
        BigFloat::cos_sin_turn(static_cast<long>(i), static_cast<long>(N), co, si);
        re += c * co;
        im += c * si;
    }
    return {re, im};
}

/// The residual system at high precision: inputs from fixed entries, slice values and free coordinates.
class Residuals {
public:
    Residuals(const AbelianGroup& g, const std::vector<Entry>& entries, std::size_t q) : g_(g), entries_(entries), q_(q) {
        const std::size_t n = g.order(), E = g.exponent();
        cos_.resize(E);
        sin_.resize(E);
        for (std::size_t t = 0; t < E; ++t) BigFloat::cos_sin_turn(static_cast<long>(t), static_cast<long>(E), cos_[t], sin_[t]);
        sum_.resize(n * n);
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y) sum_[x * n + y] = g.add(x, y);
    }

    /// d W[x] / d (Re or Im of entry e).
    [[nodiscard]] BigFloat basis(const Entry& e, bool imag, std::size_t x) const {
        const std::size_t t = g_.pairing(e.k, x) % g_.exponent();
        if (e.real_frequency) return imag ? BigFloat(0.0) : cos_[t];
        return imag ? BigFloat(-2.0) * sin_[t] : BigFloat(2.0) * cos_[t];
    }

    /// r (n^3) and, if wanted, J (n^3 x coords.size()) at entry values (re, im per entry) and outputs v.
    BigFloat evaluate(const std::vector<BigFloat>& re, const std::vector<BigFloat>& im, const std::vector<BigFloat>& v,
                      const std::vector<Coord>& coords, std::vector<BigFloat>& r, std::vector<BigFloat>* jac) const {
        const std::size_t n = g_.order(), q = q_, P = coords.size();
        const BigFloat inv_n = BigFloat::ratio(1, static_cast<long>(n));
        // real-domain inputs W[part][j][x]
        std::vector<BigFloat> W(2 * q * n);
        for (std::size_t e = 0; e < entries_.size(); ++e) {
            const Entry& en = entries_[e];
            for (std::size_t x = 0; x < n; ++x) {
                BigFloat& dst = W[(static_cast<std::size_t>(en.part) * q + en.node) * n + x];
                dst.add_product(re[e], basis(en, false, x));
                if (!en.real_frequency) dst.add_product(im[e], basis(en, true, x));
            }
        }
        std::vector<BigFloat> vbar(q);
        for (std::size_t j = 0; j < q; ++j) {
            for (std::size_t m = 0; m < n; ++m) vbar[j] += v[m * q + j];
            vbar[j] *= inv_n;
        }
        // per coordinate: its derivative basis row (inputs) for the chain rule
        std::vector<std::vector<BigFloat>> dW(P);
        for (std::size_t c = 0; c < P; ++c)
            if (!coords[c].output)
                for (std::size_t x = 0; x < n; ++x) dW[c].push_back(basis(entries_[coords[c].entry], coords[c].imag, x));
        r.assign(n * n * n, BigFloat(0.0));
        if (jac) jac->assign(n * n * n * P, BigFloat(0.0));
        BigFloat total;
        std::vector<BigFloat> h(q), s(q), o(n);
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y) {
                for (std::size_t j = 0; j < q; ++j) {
                    h[j] = W[j * n + x] + W[(q + j) * n + y];
                    s[j] = h[j] * h[j];
                }
                for (std::size_t m = 0; m < n; ++m) {
                    BigFloat acc;
                    for (std::size_t j = 0; j < q; ++j) acc.add_product(v[m * q + j] - vbar[j], s[j]);
                    const BigFloat e = BigFloat((m == sum_[x * n + y]) ? 1.0 : 0.0) - inv_n;
                    const std::size_t row = (x * n + y) * n + m;
                    r[row] = (acc - e) * inv_n;
                    total.add_product(r[row], r[row]);
                    if (!jac) continue;
                    for (std::size_t c = 0; c < P; ++c) {
                        const Coord& cd = coords[c];
                        BigFloat& J = (*jac)[row * P + c];
                        if (cd.output) {
                            const std::size_t mm = cd.entry / q, j = cd.entry % q;
                            J = (BigFloat(mm == m ? 1.0 : 0.0) - inv_n) * s[j] * inv_n;
                        } else {
                            const Entry& en = entries_[cd.entry];
                            const std::size_t j = en.node;
                            const BigFloat d = BigFloat(2.0) * h[j] * (v[m * q + j] - vbar[j]) * inv_n;
                            J = d * dW[c][en.part == 0 ? x : y];
                        }
                    }
                }
            }
        return total;
    }

private:
    const AbelianGroup& g_;
    const std::vector<Entry>& entries_;
    std::size_t q_;
    std::vector<BigFloat> cos_, sin_;
    std::vector<std::size_t> sum_;
};

/// The smallest-denominator rational p/d (d <= max_den) within tol of x.
std::optional<std::pair<long, long>> rational_within(double x, double tol, long max_den) {
    for (long d = 1; d <= max_den; ++d) {
        const double p = std::round(x * static_cast<double>(d));
        if (std::abs(p) > 1e9) return std::nullopt;
        if (std::abs(x - p / static_cast<double>(d)) < tol) return std::make_pair(static_cast<long>(p), d);
    }
    return std::nullopt;
}

/// The nearest rational of denominator <= max_den.
std::pair<long, long> nearest_rational(double x, long max_den) {
    std::pair<long, long> best{std::lround(x), 1};
    double err = std::abs(x - static_cast<double>(best.first));
    for (long d = 2; d <= max_den; ++d) {
        const long p = std::lround(x * static_cast<double>(d));
        const double e = std::abs(x - static_cast<double>(p) / static_cast<double>(d));
        if (e < err - 1e-15) best = {p, d}, err = e;
    }
    return best;
}

/// The state of the refinement: entry coordinates and outputs, all at the current precision.
struct State {
    std::vector<BigFloat> re, im, v;
    BigFloat& at(const Coord& c) { return c.output ? v[c.entry] : c.imag ? im[c.entry] : re[c.entry]; }
    [[nodiscard]] State at_current_precision() const {
        State s;
        for (const auto* src : {&re, &im, &v}) {
            auto& dst = src == &re ? s.re : src == &im ? s.im : s.v;
            for (const BigFloat& x : *src) dst.push_back(x.at_current_precision());
        }
        return s;
    }
};

/// Levenberg-Marquardt at the current precision; returns -log2 of the last step (max norm), or -1 if it did
/// not converge. `iterations` is decremented per iteration.
long refine(const Residuals& res, State& s, const std::vector<Coord>& coords, long bits, int& iterations) {
    const std::size_t P = coords.size();
    std::vector<BigFloat> r, J, r2;
    BigFloat loss = res.evaluate(s.re, s.im, s.v, coords, r, &J);
    const std::size_t R = r.size();
    BigFloat mu = BigFloat::ratio(1, 1000);
    BigFloat floor_mu(std::ldexp(1.0, -static_cast<int>(std::min<long>(bits, 1000))));
    const BigFloat tiny(std::ldexp(1.0, -static_cast<int>(std::min<long>(bits, 1000))));
    long last = 0;
    while (iterations-- > 0) {
        std::vector<BigFloat> A(P * P), grad(P);
        for (std::size_t row = 0; row < R; ++row) {
            const BigFloat* Jr = J.data() + row * P;
            for (std::size_t i = 0; i < P; ++i) {
                grad[i].add_product(Jr[i], r[row]);
                for (std::size_t k = 0; k <= i; ++k) A[i * P + k].add_product(Jr[i], Jr[k]);
            }
        }
        for (std::size_t i = 0; i < P; ++i)
            for (std::size_t k = 0; k < i; ++k) A[k * P + i] = A[i * P + k];
        bool improved = false;
        for (int attempt = 0; attempt < 30 && !improved; ++attempt) {
            std::vector<BigFloat> delta;
            if (solve_damped(A, grad, mu, tiny, P, delta)) {
                State trial = s;
                BigFloat step;
                for (std::size_t c = 0; c < P; ++c) {
                    trial.at(coords[c]) += delta[c];
                    if (delta[c].abs() > step) step = delta[c].abs();
                }
                const BigFloat l2 = res.evaluate(trial.re, trial.im, trial.v, coords, r2, nullptr);
                if (l2 < loss || (!(l2 > loss) && step.log2_abs() < -bits + 64)) {
                    s = std::move(trial);
                    loss = res.evaluate(s.re, s.im, s.v, coords, r, &J);
                    mu = mu * BigFloat::ratio(1, 10);
                    if (mu < floor_mu) mu = floor_mu;
                    improved = true;
                    last = -step.log2_abs();
                    if (last > bits - 64) return std::min(last, bits - 32);
                }
            }
            if (!improved) mu = mu * BigFloat(4.0);
        }
        if (!improved) {
            // at the rounding floor the loss cannot decrease any more: converged if it is that small
            return loss.log2_abs() < -2 * bits + 160 ? std::min(last, bits - 32) : -1;
        }
    }
    return -1;
}

/// Exact outputs over K (the linear algebra of analyze/output_solve.cpp over NumberFieldScalar): any point of
/// the affine solution set is exact; the particular solution is moved toward the trained outputs along the
/// kernel with rational coefficients (denominator 64). Returns the rows or a failure.
std::optional<std::vector<FourierRow<NumberFieldScalar>>> solve_outputs_over(
    const AbelianGroup& g, const std::vector<Node<NumberFieldScalar>>& nodes,
    const std::vector<std::vector<std::complex<double>>>& trained, std::string& failure) {
    using S = NumberFieldScalar;
    const std::size_t n = g.order(), q = nodes.size();
    const analyze::OutputCoefficients<S> coefficients = analyze::output_coefficients(g, nodes);
    const Rows<S>& M = coefficients.matrix;
    const std::vector<std::pair<std::size_t, std::size_t>>& keys = coefficients.keys;
    const Rows<S> K = kernel<S>(M, q);
    std::vector<FourierRow<S>> out(q);
    for (std::size_t m = 1; m < n; ++m) {
        const std::size_t mm = g.neg(m);
        if (mm < m) continue;
        std::vector<S> rhs;
        for (const auto& [k1, k2] : keys) rhs.push_back(S((k1 == m && k2 == m) ? 1 : 0));
        auto x0 = solve<S>(M, q, rhs);
        if (!x0) {
            failure = "no exact output rows satisfy the conditions at output " + std::to_string(m);
            return std::nullopt;
        }
        std::vector<std::complex<double>> trained_m(q);
        for (std::size_t j = 0; j < q; ++j) trained_m[j] = trained[j][m];
        std::vector<S> x = analyze::nearest_in_affine_set_real(*x0, K, trained_m, 64);
        if (mm == m)
            for (auto& v : x) v = (v + v.conj()) * S::rational(1, 2);
        for (std::size_t j = 0; j < q; ++j) {
            if (x[j].is_zero()) continue;
            out[j].emplace_back(m, x[j]);
            if (mm != m) out[j].emplace_back(mm, x[j].conj());
        }
    }
    for (auto& row : out) std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return out;
}

std::string sci(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2e", v);
    return buf;
}

}  // namespace

NumberFieldRounding round_in_number_field(const AbelianGroup& g, const FloatNetwork& w, unsigned long field_order,
                                          const std::string& statement, const NumberFieldRoundingOptions& o,
                                          const ProgressSink& progress) {
    if (o.precision_bits < 256 || o.precision_bits > 8192) throw InvalidInput("number-field rounding: precision must be in 256..8192 bits");
    if (w.n != g.order() || w.wa.size() != w.q * w.n || w.wb.size() != w.q * w.n || w.v.size() != w.n * w.q)
        throw InvalidInput("number-field rounding: the network does not match the group");
    auto say = [&](const std::string& line) {
        if (progress) progress(line);
    };
    NumberFieldRounding out;
    const double start_loss = float_loss(g, w);
    if (!(start_loss < o.max_start_loss)) {
        out.failure = "the candidate's loss " + sci(start_loss) + " is not below " + sci(o.max_start_loss) + " (not a numerical zero)";
        return out;
    }
    const std::size_t n = g.order();
    const LiveNetwork live = live_network(g, w);
    const std::size_t q = live.q;
    if (q == 0) {
        out.failure = "no live node";
        return out;
    }
    // 1. entries: fixed (cyclotomic) or free
    const Recognizer cyc = cyclotomic_recognizer(field_order, 64);
    std::vector<Entry> entries;
    unsigned long zeta_order = 1;
    for (std::size_t j = 0; j < q; ++j)
        for (int part = 0; part < 2; ++part)
            for (std::size_t k = 0; k < n; ++k) {
                if (g.neg(k) < k || (part == 1 && k == 0)) continue;
                Entry e;
                e.node = j;
                e.part = part;
                e.k = k;
                e.real_frequency = g.neg(k) == k;
                e.start = (part == 0 ? live.a : live.b)[j][k];
                if (auto v = cyc(e.start, 1e-11); v && (!e.real_frequency || v->is_real())) {
                    e.fixed = *v;
                    if (!v->is_rational()) zeta_order = std::lcm(zeta_order, v->field_order());
                    ++out.fixed_entries;
                } else {
                    ++out.free_entries;
                }
                entries.push_back(std::move(e));
            }
    say("number field: " + std::to_string(out.fixed_entries) + " input entries cyclotomic, " +
        std::to_string(out.free_entries) + " free");
    if (out.free_entries == 0) {
        out.failure = "every input entry is cyclotomic: nothing for the number-field path";
        return out;
    }
    // coordinates: outputs first, then the free input coordinates (rational-valued ones last), see step 2
    std::vector<Coord> all;
    for (std::size_t i = 0; i < n * q; ++i) all.push_back({true, i, false});
    std::vector<Coord> rational_coords;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        if (entries[e].fixed) continue;
        for (bool imag : {false, true}) {
            if (imag && entries[e].real_frequency) continue;
            const double x = imag ? entries[e].start.imag() : entries[e].start.real();
            (rational_within(x, 1e-10, 64) ? rational_coords : all).push_back({false, e, imag});
        }
    }
    all.insert(all.end(), rational_coords.begin(), rational_coords.end());
    // 2. the slice, in float64 (BigFloat at 64 bits)
    State s;
    std::vector<Coord> coords;
    std::vector<std::pair<Coord, std::pair<long, long>>> slice;  // coordinate, p/q
    // the exact values (fixed entries, slice rationals) at the current precision
    auto set_exact = [&](State& st) {
        for (std::size_t e = 0; e < entries.size(); ++e)
            if (entries[e].fixed) {
                auto [re, im] = big_value(*entries[e].fixed);
                st.re[e] = re;
                st.im[e] = im;
            }
        for (const auto& [cd, pq] : slice) st.at(cd) = BigFloat::ratio(pq.first, pq.second);
    };
    {
        BigFloat::Precision p53(64);
        for (const Entry& e : entries) {
            if (e.fixed) {
                auto [re, im] = big_value(*e.fixed);
                s.re.push_back(re);
                s.im.push_back(im);
            } else {
                s.re.push_back(BigFloat(e.start.real()));
                s.im.push_back(BigFloat(e.real_frequency ? 0.0 : e.start.imag()));
            }
        }
        for (double x : live.v) s.v.push_back(BigFloat(x));
        const Residuals res(g, entries, q);
        std::vector<BigFloat> r, J;
        res.evaluate(s.re, s.im, s.v, all, r, &J);
        const std::size_t R = r.size(), P = all.size();
        std::vector<std::vector<double>> basis;  // orthonormal accepted columns
        for (std::size_t c = 0; c < P; ++c) {
            std::vector<double> col(R);
            double norm = 0;
            for (std::size_t row = 0; row < R; ++row) norm += (col[row] = static_cast<double>(J[row * P + c])) * col[row];
            norm = std::sqrt(norm);
            bool accept = false;
            if (norm > 1e-300) {
                for (double& x : col) x /= norm;
                for (int pass = 0; pass < 2; ++pass)
                    for (const auto& b : basis) {
                        double d = 0;
                        for (std::size_t row = 0; row < R; ++row) d += b[row] * col[row];
                        for (std::size_t row = 0; row < R; ++row) col[row] -= d * b[row];
                    }
                double rest = 0;
                for (double x : col) rest += x * x;
                rest = std::sqrt(rest);
                if (rest > 1e-7) {
                    for (double& x : col) x /= rest;
                    basis.push_back(std::move(col));
                    accept = true;
                }
            }
            if (accept) {
                coords.push_back(all[c]);
                continue;
            }
            if (all[c].output) continue;  // an output along the output kernel: it stays at its value
            // a direction along the family: fix this coordinate to a rational
            ++out.slice_coordinates;
            const Entry& e = entries[all[c].entry];
            const double x = all[c].imag ? e.start.imag() : e.start.real();
            auto pq = rational_within(x, 1e-10, 64);
            if (!pq) {
                pq = nearest_rational(x, 8);
                ++out.slice_moved;
            }
            slice.push_back({all[c], *pq});
        }
        set_exact(s);
    }
    say("slice: " + std::to_string(out.slice_coordinates) + " coordinates along the family fixed to rationals (" +
        std::to_string(out.slice_moved) + " moved), " + std::to_string(coords.size()) + " refined");
    // 3. refinement: 192 bits, then the working precision
    const State start = s;
    int budget = o.max_iterations;
    long acc = -1;
    for (long bits : {192L, o.precision_bits}) {
        BigFloat::Precision prec(bits);
        s = s.at_current_precision();
        set_exact(s);
        const Residuals res(g, entries, q);
        acc = refine(res, s, coords, bits, budget);
        say("refine: " + std::to_string(bits) + " bits, " +
            (acc < 0 ? std::string("no convergence") : "last step 2^-" + std::to_string(acc)));
        if (acc < 0) break;
    }
    out.accuracy_bits = acc;
    if (acc < 0) {
        out.failure = "refinement: no convergence on the slice (" + std::to_string(o.max_iterations) + " iterations)";
        return out;
    }
    double moved = 0;
    for (std::size_t e = 0; e < entries.size(); ++e)
        moved = std::max({moved, std::abs(static_cast<double>(s.re[e] - start.re[e])),
                          std::abs(static_cast<double>(s.im[e] - start.im[e]))});
    out.refined_displacement = moved;
    const double limit = out.slice_moved > 0 ? 0.2 : o.max_displacement;
    if (moved > limit) {
        out.failure = "refinement: an input entry moved by " + sci(moved) + " (more than " + sci(limit) +
                      "): the candidate is not near this solution";
        return out;
    }
    if (std::getenv("COGO_NF_DEBUG"))  // the refined entries, for outside recognisers (standard error)
        for (std::size_t e = 0; e < entries.size(); ++e)
            std::fprintf(stderr, "node %zu %c[%zu] %s: %s %s\n", entries[e].node, entries[e].part ? 'b' : 'a', entries[e].k,
                         entries[e].fixed ? entries[e].fixed->to_string().c_str() : "free", s.re[e].decimal(60).c_str(),
                         s.im[e].decimal(60).c_str());
    // 4. recognition
    const long B = std::min(acc, o.precision_bits - 32);
    const long digits = B * 30103 / 100000 + 12;
    std::vector<AlgebraicNumber> numbers;
    std::vector<long> number_of(entries.size(), -1);
    for (std::size_t e = 0; e < entries.size(); ++e) {
        if (entries[e].fixed) continue;
        // midpoint +/- an absolute radius 10^-(digits - 12) >= 2^-B (the refined digits are good to 2^-B absolute)
        auto ball_text = [&](const BigFloat& x) {
            return "[" + x.decimal(digits) + " +/- 1e-" + std::to_string(digits - 12) + "]";
        };
        const ComplexBall ball = ComplexBall::parse(ball_text(s.re[e]), entries[e].real_frequency ? "0" : ball_text(s.im[e]), B + 64);
        const RecognitionResult rec = recognise_algebraic(ball, {o.max_degree, o.max_height_bits});
        if (!rec.number) {
            out.failure = "recognition: the entry " + std::string(entries[e].part ? "b" : "a") + "[" +
                          std::to_string(entries[e].k) + "] of live node " + std::to_string(entries[e].node) + " (" +
                          sci(static_cast<double>(s.re[e])) + " + " + sci(static_cast<double>(s.im[e])) + " i): " + rec.reason;
            return out;
        }
        // the same number twice: one field generator
        long same = -1;
        for (std::size_t i = 0; i < numbers.size() && same < 0; ++i)
            if (numbers[i].minimal_polynomial == rec.number->minimal_polynomial &&
                std::abs(numbers[i].root.approx() - rec.number->root.approx()) < 1e-12)
                same = static_cast<long>(i);
        if (same < 0) {
            same = static_cast<long>(numbers.size());
            numbers.push_back(*rec.number);
        }
        number_of[e] = same;
    }
    long max_deg = 0;
    for (const auto& a : numbers) max_deg = std::max(max_deg, a.degree());
    say("recognised " + std::to_string(out.free_entries) + " entries: " + std::to_string(numbers.size()) +
        " distinct algebraic numbers, degree <= " + std::to_string(max_deg) + " (LLL at " + std::to_string(B) + " bits)");
    CommonField K;
    try {
        K = common_field(numbers, zeta_order > 2 ? zeta_order : 0, o.max_field_degree);
    } catch (const ResourceLimit& ex) {
        out.failure = std::string("common field: ") + ex.what();
        return out;
    } catch (const InvalidInput& ex) {
        out.failure = std::string("common field: ") + ex.what();
        return out;
    }
    out.field_degree = K.field->degree();
    out.field_polynomial = K.field->polynomial();
    say("field K of degree " + std::to_string(out.field_degree) + (zeta_order > 2 ? " containing zeta_" + std::to_string(zeta_order) : std::string()));
    // 5. the element over K, its exact outputs
    NumberField::Scope scope(K.field);
    using S = NumberFieldScalar;
    std::vector<Node<S>> nodes(q);
    try {
        for (std::size_t e = 0; e < entries.size(); ++e) {
            const Entry& en = entries[e];
            const S value = en.fixed ? S::from_cyclotomic(K.field, *en.fixed) : K.values[static_cast<std::size_t>(number_of[e])];
            if (value.is_zero()) continue;
            if (en.real_frequency && !(value.conj() == value)) {
                out.failure = "the entry at the real frequency " + std::to_string(en.k) + " is not real in K";
                return out;
            }
            FourierRow<S>& row = en.part == 0 ? nodes[en.node].a : nodes[en.node].b;
            row.emplace_back(en.k, value);
            if (!en.real_frequency) row.emplace_back(g.neg(en.k), value.conj());
        }
    } catch (const InvalidInput& ex) {
        out.failure = std::string("the element over K: ") + ex.what();
        return out;
    }
    for (auto& nd : nodes)
        for (auto* row : {&nd.a, &nd.b})
            std::sort(row->begin(), row->end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    // trained outputs in the refined network's gauge
    std::vector<std::vector<std::complex<double>>> trained(q, std::vector<std::complex<double>>(n));
    const double E = static_cast<double>(g.exponent());
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t x = 0; x < n; ++x) {
                const double t = 2 * std::numbers::pi * static_cast<double>(g.pairing(k, x)) / E;
                trained[j][k] += 2.0 * static_cast<double>(s.v[x * q + j]) * std::complex<double>(std::cos(t), std::sin(t));
            }
    std::string failure;
    const auto c = solve_outputs_over(g, nodes, trained, failure);
    if (!c) {
        out.failure = "exact output solve over K: " + failure;
        return out;
    }
    for (std::size_t j = 0; j < q; ++j) nodes[j].c = (*c)[j];
    std::vector<Node<S>> kept;
    for (auto& nd : nodes)
        if (!nd.c.empty() && (!nd.a.empty() || !nd.b.empty())) kept.push_back(std::move(nd));
    const Element<S> z(g, std::move(kept));
    // 6. exact verification over K and the independent check
    const VerificationResult<S> result = verify_global_optimum(z);
    say("exact verification over K: " + std::string(result.verdict == Verdict::proved ? "PROVED" : result.verdict == Verdict::refuted ? "REFUTED" : "UNKNOWN") +
        " (" + std::to_string(result.conditions.size()) + " conditions)");
    if (result.verdict != Verdict::proved) {
        out.failure = std::string("exact verification over K: ") + (result.verdict == Verdict::refuted ? "REFUTED" : "UNKNOWN") +
                      (result.reason.empty() ? "" : " (" + result.reason + ")");
        return out;
    }
    std::string text = number_field_certificate_text(K.field, z, result, statement);
    const CertificateCheck check = check_certificate(text);
    if (!check.accepted() || check.certified != Verdict::proved) {
        out.failure = "the number-field certificate checker rejected the certificate: " + check.reason;
        return out;
    }
    out.proved = true;
    out.order = z.order();
    out.certificate = std::move(text);
    return out;
}

}  // namespace cogo::search
