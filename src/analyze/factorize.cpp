#include "analyze/factorize.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cogo::analyze {

namespace {

double wrap_angle(double t) {
    constexpr double two_pi = 2 * std::numbers::pi;
    t = std::fmod(t, two_pi);
    if (t <= -std::numbers::pi) t += two_pi;
    if (t > std::numbers::pi) t -= two_pi;
    return t;
}

Invariant scaled(const Invariant& x, double s) { return {x[0] * s, x[1] * s, x[2] * s}; }
Invariant plain_add(const Invariant& x, const Invariant& y) { return {x[0] + y[0], x[1] + y[1], x[2] + y[2]}; }

/// Binomial coefficient, saturating.
double choose(std::size_t n, std::size_t k) {
    double r = 1;
    for (std::size_t i = 0; i < k; ++i) r = r * static_cast<double>(n - i) / static_cast<double>(i + 1);
    return r;
}

/// Places all nodes in cosets of the anchor row {X_s}; nullopt if some node has no match within `reach`.
std::optional<std::vector<std::vector<std::size_t>>> coset_layout(const std::vector<Invariant>& L,
                                                                  const std::vector<std::size_t>& row,
                                                                  double reach) {
    const std::size_t q = L.size(), m = row.size(), n = q / m;
    std::vector<Invariant> g(m);
    for (std::size_t s = 0; s < m; ++s) g[s] = sub(L[row[s]], L[row[0]]);
    std::vector<bool> used(q, false);
    std::vector<std::vector<std::size_t>> columns;  // columns[l][s]
    columns.push_back(row);
    for (std::size_t j : row) used[j] = true;
    while (columns.size() < n) {
        std::size_t u = 0;
        while (used[u]) ++u;
        double best_cost = 1e300;
        std::vector<std::size_t> best;
        for (std::size_t i = 0; i < m; ++i) {  // u sits at position i of its coset
            std::vector<std::size_t> coset(m);
            coset[i] = u;
            std::vector<bool> taken = used;
            taken[u] = true;
            double cost = 0;
            bool ok = true;
            for (std::size_t s = 0; s < m && ok; ++s) {
                if (s == i) continue;
                const Invariant target = add(sub(L[u], g[i]), g[s]);
                double best_d = 1e300;
                std::size_t best_j = q;
                for (std::size_t j = 0; j < q; ++j) {
                    if (taken[j]) continue;
                    const double d = norm(sub(L[j], target));
                    if (d < best_d) best_d = d, best_j = j;
                }
                if (best_j == q || best_d > reach) {
                    ok = false;
                    break;
                }
                taken[best_j] = true;
                coset[s] = best_j;
                cost += best_d * best_d;
            }
            if (ok && cost < best_cost) best_cost = cost, best = coset;
        }
        if (best.empty()) return std::nullopt;
        for (std::size_t j : best) used[j] = true;
        columns.push_back(best);
    }
    std::vector<std::vector<std::size_t>> grid(m, std::vector<std::size_t>(n));
    for (std::size_t l = 0; l < n; ++l)
        for (std::size_t s = 0; s < m; ++s) grid[s][l] = columns[l][s];
    return grid;
}

}  // namespace

std::optional<Invariant> node_invariant(Complex a, Complex b, Complex c, double floor) {
    if (!(std::abs(a) > floor) || !(std::abs(b) > floor) || !(std::abs(c) > floor)) return std::nullopt;
    const Complex rho = a / b, p = a * b * c;
    return Invariant{std::log(rho), std::log(p), Complex(0.0, wrap_angle(2 * std::arg(b)))};
}

Invariant wrap(const Invariant& x) {
    Invariant r;
    for (std::size_t i = 0; i < 3; ++i) r[i] = Complex(x[i].real(), wrap_angle(x[i].imag()));
    return r;
}

Invariant add(const Invariant& x, const Invariant& y) { return wrap(plain_add(x, y)); }
Invariant sub(const Invariant& x, const Invariant& y) { return wrap({x[0] - y[0], x[1] - y[1], x[2] - y[2]}); }

double norm(const Invariant& x) { return std::sqrt(std::norm(x[0]) + std::norm(x[1]) + std::norm(x[2])); }

Factorization fit_grid(const std::vector<Invariant>& L, std::vector<std::vector<std::size_t>> grid) {
    Factorization f;
    f.m = grid.size();
    f.n = grid.front().size();
    const std::size_t m = f.m, n = f.n;
    const Invariant& anchor = L[grid[0][0]];
    std::vector<Invariant> X(m), Y(n);
    for (std::size_t i = 0; i < m; ++i) X[i] = sub(L[grid[i][0]], anchor);
    for (std::size_t l = 0; l < n; ++l) Y[l] = sub(L[grid[0][l]], anchor);
    std::vector<std::vector<Invariant>> R(m, std::vector<Invariant>(n));
    std::vector<Invariant> row_mean(m), col_mean(n);
    Invariant grand{};
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t l = 0; l < n; ++l) {
            R[i][l] = sub(sub(sub(L[grid[i][l]], anchor), X[i]), Y[l]);
            row_mean[i] = plain_add(row_mean[i], scaled(R[i][l], 1.0 / static_cast<double>(n)));
            col_mean[l] = plain_add(col_mean[l], scaled(R[i][l], 1.0 / static_cast<double>(m)));
            grand = plain_add(grand, scaled(R[i][l], 1.0 / static_cast<double>(m * n)));
        }
    double sum = 0;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t l = 0; l < n; ++l) {
            Invariant e = plain_add(R[i][l], scaled(plain_add(row_mean[i], col_mean[l]), -1.0));
            e = plain_add(e, grand);
            sum += norm(e) * norm(e);
        }
    f.residual = std::sqrt(sum / static_cast<double>(m * n));
    f.x.resize(m);
    f.y.resize(n);
    for (std::size_t i = 0; i < m; ++i)
        f.x[i] = wrap(plain_add(X[i], plain_add(row_mean[i], scaled(row_mean[0], -1.0))));
    for (std::size_t l = 0; l < n; ++l)
        f.y[l] = wrap(plain_add(Y[l], plain_add(col_mean[l], scaled(col_mean[0], -1.0))));
    f.offset = wrap(plain_add(anchor, plain_add(plain_add(row_mean[0], col_mean[0]), scaled(grand, -1.0))));
    f.grid = std::move(grid);
    return f;
}

std::vector<Factorization> factorize(const std::vector<Invariant>& L, double tolerance) {
    std::vector<Factorization> out;
    const std::size_t q = L.size();
    if (q < 4) return out;
    const double reach = 4 * tolerance + 1e-12;
    for (std::size_t m = 2; m * m <= q; ++m) {
        if (q % m != 0 || choose(q - 1, m - 1) > 5000) continue;
        // every (m-1)-subset of {1..q-1} as the anchor row's other nodes
        std::vector<std::size_t> pick(m - 1);
        for (std::size_t i = 0; i + 1 < m; ++i) pick[i] = i + 1;
        while (true) {
            std::vector<std::size_t> row{0};
            row.insert(row.end(), pick.begin(), pick.end());
            if (auto grid = coset_layout(L, row, reach)) {
                Factorization f = fit_grid(L, std::move(*grid));
                if (f.residual <= tolerance) out.push_back(std::move(f));
            }
            // next combination
            std::size_t i = m - 1;
            while (i > 0 && pick[i - 1] == q - 1 - (m - 1 - i)) --i;
            if (i == 0) break;
            ++pick[i - 1];
            for (std::size_t t = i; t < m - 1; ++t) pick[t] = pick[t - 1] + 1;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Factorization& x, const Factorization& y) { return x.residual < y.residual; });
    return out;
}

}  // namespace cogo::analyze
