/// \file numerical_search.cpp
/// Levenberg-Marquardt for the all-pairs loss (see numerical_search.hpp), templated on the float type so
/// the same code runs in float64 and in binary128 (__float128, GCC's software quad precision).
#include "search/numerical_search.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>

#include "search/damped_ldlt.hpp"
#include "support/error.hpp"

namespace cogo::search {
namespace {

/// Residuals and Jacobian of the loss at parameters theta = (wa, wb, v), with the zero-mean projection of
/// the input columns when dc is false. r has n^3 entries; J is n^3 x P row-major.
/// Subtracts from each of the `rows` rows of length n its mean.
template <class T>
void center_rows(std::vector<T>& w, std::size_t rows, std::size_t n) {
    for (std::size_t j = 0; j < rows; ++j) {
        T mean = 0;
        for (std::size_t x = 0; x < n; ++x) mean += w[j * n + x];
        mean /= T(static_cast<double>(n));
        for (std::size_t x = 0; x < n; ++x) w[j * n + x] -= mean;
    }
}

template <class T>
struct Problem {
    const AbelianGroup& g;
    std::size_t n, q;
    bool dc;
    std::vector<std::size_t> sum;  // x + y
    Problem(const AbelianGroup& group, std::size_t width, bool dc_inputs)
        : g(group), n(group.order()), q(width), dc(dc_inputs), sum(n * n) {
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y) sum[x * n + y] = g.add(x, y);
    }
    [[nodiscard]] std::size_t params() const { return 3 * q * n; }
    [[nodiscard]] std::size_t residuals() const { return n * n * n; }

    /// r, and J if wanted; returns sum r^2.
    T evaluate(const std::vector<T>& th, std::vector<T>& r, std::vector<T>* jac) const {
        const std::size_t P = params();
        const T inv_n = T(1) / T(static_cast<double>(n));
        // zero-mean inputs: the parameters are raw rows u, the weights W = u - mean(u) (so J below is the chain
        // rule dr/du = dr/dW Pi, and any step, damped or not, keeps the network zero-mean)
        std::vector<T> inputs(th.begin(), th.begin() + static_cast<std::ptrdiff_t>(2 * q * n));
        if (!dc) center_rows(inputs, 2 * q, n);
        const T* wa = inputs.data();
        const T* wb = inputs.data() + q * n;
        const T* v = th.data() + 2 * q * n;
        r.assign(residuals(), T(0));
        if (jac) jac->assign(residuals() * P, T(0));
        std::vector<T> h(q), s(q), vbar(q, T(0));
        for (std::size_t j = 0; j < q; ++j) {
            for (std::size_t m = 0; m < n; ++m) vbar[j] += v[m * q + j];
            vbar[j] *= inv_n;
        }
        std::vector<T> o(n);
        T total = 0;
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y) {
                for (std::size_t j = 0; j < q; ++j) {
                    h[j] = wa[j * n + x] + wb[j * n + y];
                    s[j] = h[j] * h[j];
                }
                T mean = 0;
                for (std::size_t m = 0; m < n; ++m) {
                    T acc = 0;
                    for (std::size_t j = 0; j < q; ++j) acc += v[m * q + j] * s[j];
                    o[m] = acc;
                    mean += acc;
                }
                mean *= inv_n;
                const std::size_t target = sum[x * n + y];
                for (std::size_t m = 0; m < n; ++m) {
                    const std::size_t row = (x * n + y) * n + m;
                    const T e = (m == target ? T(1) : T(0)) - inv_n;
                    const T res = (o[m] - mean - e) * inv_n;
                    r[row] = res;
                    total += res * res;
                    if (!jac) continue;
                    T* J = jac->data() + row * P;
                    for (std::size_t j = 0; j < q; ++j) {
                        const T d = T(2) * h[j] * (v[m * q + j] - vbar[j]) * inv_n;
                        J[j * n + x] += d;
                        J[q * n + j * n + y] += d;
                        for (std::size_t mm = 0; mm < n; ++mm)
                            J[2 * q * n + mm * q + j] = ((mm == m ? T(1) : T(0)) - inv_n) * s[j] * inv_n;
                    }
                }
            }
        if (jac && !dc) {
            // J <- J Pi: subtract each input row's mean column (the parameters stay zero-mean)
            for (std::size_t row = 0; row < residuals(); ++row) {
                T* J = jac->data() + row * P;
                for (std::size_t block = 0; block < 2 * q; ++block) {
                    T mean = 0;
                    for (std::size_t x = 0; x < n; ++x) mean += J[block * n + x];
                    mean *= inv_n;
                    for (std::size_t x = 0; x < n; ++x) J[block * n + x] -= mean;
                }
            }
        }
        return total;
    }
};

struct LmResult {
    double loss, gradient_norm;
    std::size_t iterations;
};

template <class T>
LmResult levenberg_marquardt(const Problem<T>& pb, std::vector<T>& th, std::size_t max_iterations, T lambda,
                             T stop_loss) {
    const std::size_t P = pb.params(), R = pb.residuals();
    std::vector<T> r, J, A(P * P), grad(P), delta, trial(P), r_trial;
    T loss = pb.evaluate(th, r, &J);
    std::size_t it = 0;
    T gnorm2 = 0;
    for (; it < max_iterations; ++it) {
        // A = J^T J, grad = J^T r
        std::fill(A.begin(), A.end(), T(0));
        std::fill(grad.begin(), grad.end(), T(0));
        for (std::size_t row = 0; row < R; ++row) {
            const T* Jr = J.data() + row * P;
            for (std::size_t i = 0; i < P; ++i) {
                if (Jr[i] == T(0)) continue;
                grad[i] += Jr[i] * r[row];
                T* Ai = A.data() + i * P;
                for (std::size_t k = 0; k <= i; ++k) Ai[k] += Jr[i] * Jr[k];
            }
        }
        for (std::size_t i = 0; i < P; ++i)
            for (std::size_t k = 0; k < i; ++k) A[k * P + i] = A[i * P + k];
        gnorm2 = 0;
        for (const T& v : grad) gnorm2 += v * v;
        if (loss < stop_loss) break;
        bool improved = false;
        for (int attempt = 0; attempt < 12 && !improved; ++attempt) {
            if (solve_damped(A, grad, lambda, T(1e-12), P, delta)) {
                for (std::size_t i = 0; i < P; ++i) trial[i] = th[i] + delta[i];
                const T l2 = pb.evaluate(trial, r_trial, nullptr);
                if (l2 < loss) {
                    th.swap(trial);
                    if (!pb.dc) center_rows(th, 2 * pb.q, pb.n);  // the mean is not a parameter: keep it at 0
                    loss = pb.evaluate(th, r, &J);
                    lambda = std::max(lambda / T(3), T(1e-15));
                    improved = true;
                    break;
                }
            }
            lambda *= T(4);
        }
        if (!improved || lambda > T(1e12)) break;
    }
    return {static_cast<double>(loss), std::sqrt(static_cast<double>(gnorm2)), it};
}

template <class T>
std::vector<T> pack(const FloatNetwork& w) {
    std::vector<T> th;
    for (const auto* part : {&w.wa, &w.wb, &w.v})
        for (double x : *part) th.push_back(T(x));
    return th;
}
template <class T>
FloatNetwork unpack(std::vector<T> th, std::size_t n, std::size_t q, bool dc) {
    if (!dc) center_rows(th, 2 * q, n);
    FloatNetwork w{n, q, {}, {}, {}};
    for (std::size_t i = 0; i < th.size(); ++i) {
        const double x = static_cast<double>(th[i]);
        (i < q * n ? w.wa : i < 2 * q * n ? w.wb : w.v).push_back(x);
    }
    return w;
}

}  // namespace

double loss_residuals(const AbelianGroup& g, const FloatNetwork& w, std::vector<double>& r, std::vector<double>* jac) {
    const Problem<double> pb(g, w.q, true);
    return pb.evaluate(pack<double>(w), r, jac);
}

double float_loss(const AbelianGroup& g, const FloatNetwork& w) {
    Problem<double> pb(g, w.q, true);
    std::vector<double> r;
    return pb.evaluate(pack<double>(w), r, nullptr);
}

std::vector<RunResult> numerical_search(const AbelianGroup& g, const SearchOptions& o) {
    const std::size_t n = g.order(), q = o.width;
    if (q == 0 || q > 64) throw InvalidInput("search: the width must be in 1..64");
    if (n > 16) throw InvalidInput("search: groups up to order 16 (n^3 residuals, 3 q n parameters)");
    if (3 * q * n > 1200) throw InvalidInput("search: 3 q n = " + std::to_string(3 * q * n) + " parameters exceeds 1200");
    if (o.seeds.empty()) throw InvalidInput("search: no seeds");
    if (o.max_iterations == 0 || o.max_iterations > 100000) throw InvalidInput("search: iterations must be in 1..100000");
    std::vector<RunResult> runs;
    const Problem<double> pb(g, q, o.dc_inputs);
    for (std::uint64_t seed : o.seeds) {
        std::mt19937_64 rng(seed);
        std::normal_distribution<double> in(0.0, 0.7), out(0.0, 1.0 / std::sqrt(static_cast<double>(q)));
        FloatNetwork w{n, q, std::vector<double>(q * n), std::vector<double>(q * n), std::vector<double>(n * q)};
        for (double& x : w.wa) x = in(rng);
        for (double& x : w.wb) x = in(rng);
        for (double& x : w.v) x = out(rng);
        if (!o.dc_inputs)
            for (auto* part : {&w.wa, &w.wb})
                for (std::size_t j = 0; j < q; ++j) {
                    double mean = 0;
                    for (std::size_t x = 0; x < n; ++x) mean += (*part)[j * n + x];
                    for (std::size_t x = 0; x < n; ++x) (*part)[j * n + x] -= mean / static_cast<double>(n);
                }
        std::vector<double> th = pack<double>(w);
        const LmResult res = levenberg_marquardt<double>(pb, th, o.max_iterations, 1e-3, 1e-30);
        RunResult run;
        run.seed = seed;
        run.loss = res.loss;
        run.gradient_norm = res.gradient_norm;
        run.iterations = res.iterations;
        run.network = unpack(th, n, q, o.dc_inputs);
        runs.push_back(std::move(run));
    }
    std::sort(runs.begin(), runs.end(), [](const RunResult& a, const RunResult& b) { return a.loss < b.loss; });
    const Problem<__float128> pq(g, q, o.dc_inputs);
    for (std::size_t i = 0; i < std::min(o.refine_runs, runs.size()); ++i) {
        if (!(runs[i].loss < 1e-12) || o.refine_iterations == 0) continue;  // only near-zero runs are worth it
        std::vector<__float128> th = pack<__float128>(runs[i].network);
        const LmResult res = levenberg_marquardt<__float128>(pq, th, o.refine_iterations, 1e-12, 1e-60);
        runs[i].refined_loss = res.loss;
        runs[i].gradient_norm = res.gradient_norm;
        runs[i].network = unpack(th, n, q, o.dc_inputs);
    }
    return runs;
}

}  // namespace cogo::search
