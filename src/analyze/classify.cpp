#include "analyze/classify.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <set>

namespace cogo::analyze {

namespace {

constexpr double pi = std::numbers::pi;

double wrap_angle(double t) {
    t = std::fmod(t, 2 * pi);
    if (t <= -pi) t += 2 * pi;
    if (t > pi) t -= 2 * pi;
    return t;
}

/// |log z - target| for a log-coordinate with wrapped imaginary part.
double dev(Complex value, double re, double im) {
    return std::abs(Complex(value.real() - re, wrap_angle(value.imag() - im)));
}

double sq(double x) { return x * x; }

/// The phase deviation of a log-p coordinate from 0. The magnitudes |p| (the c-row's size per node) are
/// checked separately (ClassifyOptions::magnitude_tolerance): trained order-6 blocks spread them.
double pdev(Complex lp) { return std::abs(wrap_angle(lp.imag())); }

/// Tie margin between z_nu*z_syn and z_{nu=i}*z_{syn,ab} where they overlap (classification-error units).
constexpr double kPreferMargin = 0.02;
double turns(double angle) { return angle / (2 * pi); }

/// z_{nu=i} factor violation of a 2-node factor with non-anchor node x.
double nui_violation(const Invariant& x) { return std::sqrt(sq(dev(x[0], 0, pi)) + sq(pdev(x[1])) + sq(dev(x[2], 0, pi))); }
/// z_nu factor violation (rho = -1, p = 1).
double nu_violation(const Invariant& x) { return std::sqrt(sq(dev(x[0], 0, pi)) + sq(pdev(x[1]))); }
/// z_xi factor violation with sign s (rho sigma = -s i, p = 1).
double xi_violation(const Invariant& x, int s) {
    return std::sqrt(sq(dev(x[0] + x[2], 0, -s * pi / 2)) + sq(pdev(x[1])));
}
/// Violation of the generalised z_xi(xi, omega): nodes (1,1,1), (xi, -omega i xi', omega i), omega a unit
/// (z_xi is omega = s = +-1). Every member kills a'b'c: the node (x, y, -1/(x'y')) does for any x, y; with
/// unit x, y: |rho| = 1 and p = -(rho sigma)^2. Returns the violation; omega_dev = arg(omega / s) for the
/// nearest s (radians), s through `sign`.
double xi_general_violation(const Invariant& x, int& sign, double& omega_dev) {
    const double phase = wrap_angle(x[0].imag() + x[2].imag());  // arg(rho sigma) = arg(-omega i)
    sign = phase < 0 ? 1 : -1;
    omega_dev = wrap_angle(phase + sign * pi / 2);
    return std::sqrt(sq(x[0].real()) + sq(wrap_angle(x[1].imag() - pi - 2 * phase)));
}
/// z_{syn,ab} node violation: rho sigma = e^{i angle}, p = 1.
double synab_node_violation(const Invariant& y, double angle) {
    return std::sqrt(sq(dev(y[0] + y[2], 0, angle)) + sq(pdev(y[1])));
}

std::string label2(const Invariant& x) {
    if (nui_violation(x) < 0.1) return "z_nu_i";
    if (nu_violation(x) < 0.1) return "z_nu";
    if (xi_violation(x, 1) < 0.1 || xi_violation(x, -1) < 0.1) return "z_xi";
    return "?";
}

std::string label3(const std::vector<Invariant>& y) {
    const double e1 = std::sqrt(sq(synab_node_violation(y[1], -2 * pi / 3)) + sq(synab_node_violation(y[2], 2 * pi / 3)));
    const double e2 = std::sqrt(sq(synab_node_violation(y[2], -2 * pi / 3)) + sq(synab_node_violation(y[1], 2 * pi / 3)));
    if (std::min(e1, e2) >= 0.1) return "?";
    return (dev(y[1][0], 0, 0) < 0.1 && dev(y[2][0], 0, 0) < 0.1) ? "z_syn" : "z_syn_ab";
}

/// Tries the families on one layout; fills c and returns true on success.
bool try_layout(const Factorization& f, const ClassifyOptions& options,
                Classification& c) {
    if (f.m == 2 && f.n == 2) {
        // z_{nu=i} * z_xi, either factor being z_{nu=i}
        for (int roles = 0; roles < 2; ++roles) {
            const Invariant& nui = roles == 0 ? f.x[1] : f.y[1];
            const Invariant& xi = roles == 0 ? f.y[1] : f.x[1];
            {
                int s = 1;
                double omega_dev = 0;
                const double e = std::sqrt((sq(nui_violation(nui)) + sq(xi_general_violation(xi, s, omega_dev))) / 2);
                if (e > options.class_tolerance || std::abs(omega_dev) > options.omega_tolerance) continue;
                c.family = BlockFamily::nui_xi;
                c.error = e;
                c.sign = s;
                c.omega = turns(omega_dev);
                c.xi = turns(2 * xi[0].imag() + xi[2].imag()) / 2;  // xi^2 = rho^2 sigma
                c.factors = "z_nu_i * z_xi";
                c.family_node.assign(4, 0);
                for (std::size_t i = 0; i < 2; ++i)
                    for (std::size_t l = 0; l < 2; ++l) c.family_node[roles == 0 ? 2 * i + l : 2 * l + i] = f.grid[i][l];
                return true;
            }
        }
        return false;
    }
    if (f.m == 2 && f.n == 3) {
        const Invariant& x = f.x[1];
        // order of the two non-anchor columns: (w'-node, w-node)
        const double e_keep = std::sqrt(sq(synab_node_violation(f.y[1], -2 * pi / 3)) + sq(synab_node_violation(f.y[2], 2 * pi / 3)));
        const double e_swap = std::sqrt(sq(synab_node_violation(f.y[2], -2 * pi / 3)) + sq(synab_node_violation(f.y[1], 2 * pi / 3)));
        const std::size_t c1 = e_keep <= e_swap ? 1 : 2, c2 = 3 - c1;
        const double e_y = std::min(e_keep, e_swap);
        auto fill_nodes = [&](const std::vector<std::vector<std::size_t>>& grid, std::size_t k1, std::size_t k2) {
            c.family_node.assign(6, 0);
            const std::size_t col[3] = {0, k1, k2};
            for (std::size_t i = 0; i < 2; ++i)
                for (std::size_t l = 0; l < 3; ++l) c.family_node[3 * i + l] = grid[i][col[l]];
        };
        // z_nu * z_syn: Y = z_syn (rho = 1 at every node). If x has order 2 (x + x = 0), a column's coset
        // representative may be either of its two nodes: choose the one that fits z_syn.
        {
            std::vector<std::vector<std::size_t>> grid = f.grid;
            std::vector<Invariant> y = f.y;
            const bool order2 = norm(add(x, x)) < options.class_tolerance;
            if (order2)
                for (std::size_t l = 1; l < 3; ++l) {
                    const Invariant alt = add(y[l], x);
                    if (dev(alt[0], 0, 0) < dev(y[l][0], 0, 0)) {
                        y[l] = alt;
                        std::swap(grid[0][l], grid[1][l]);
                    }
                }
            const double k_keep = std::sqrt(sq(synab_node_violation(y[1], -2 * pi / 3)) + sq(synab_node_violation(y[2], 2 * pi / 3)));
            const double k_swap = std::sqrt(sq(synab_node_violation(y[2], -2 * pi / 3)) + sq(synab_node_violation(y[1], 2 * pi / 3)));
            const std::size_t d1 = k_keep <= k_swap ? 1 : 2, d2 = 3 - d1;
            const double ey1 = std::min(k_keep, k_swap);
            const double e = std::sqrt((sq(nu_violation(x)) + sq(ey1) + sq(dev(y[1][0], 0, 0)) + sq(dev(y[2][0], 0, 0))) / 3);
            // z_nu(i) * z_syn is also z_{nu=i} * z_{syn,ab}(al, be) with al^4 = be^4 = 1: near that overlap prefer
            // z_nu * z_syn only if it fits about as well (within kPreferMargin) as the two-parameter family
            const double e_ab = std::sqrt((sq(nui_violation(x)) + sq(e_y)) / 3);
            if (e <= options.class_tolerance && e <= e_ab + kPreferMargin) {
                c.family = BlockFamily::nu_syn;
                c.error = e;
                c.nu = turns(x[2].imag()) / 2;  // sigma = nu^2
                c.factors = "z_nu * z_syn";
                fill_nodes(grid, d1, d2);
                return true;
            }
        }
        const double e = std::sqrt((sq(nui_violation(x)) + sq(e_y)) / 3);
        if (e <= options.class_tolerance) {
            c.family = BlockFamily::nui_synab;
            c.error = e;
            c.alpha = turns(f.y[c1][0].imag()) / 2;  // rho = alpha^2
            c.beta = turns(f.y[c2][0].imag()) / 2;   // rho = beta^2
            c.factors = "z_nu_i * z_syn_ab";
            fill_nodes(f.grid, c1, c2);
            return true;
        }
        return false;
    }
    return false;
}

long floor_div(long a, long b) {  // b > 0
    long q = a / b;
    if ((a % b != 0) && (a < 0)) --q;
    return q;
}

Turn neg(const Turn& t) { return make_turn(-t.num, t.den); }
Turn plus(const Turn& a, const Turn& b) {
    const unsigned long l = std::lcm(a.den, b.den);
    return make_turn(a.num * static_cast<long>(l / a.den) + b.num * static_cast<long>(l / b.den), l);
}
Turn times(const Turn& a, long k) { return make_turn(a.num * k, a.den); }
__extension__ using Int128 = __int128;  // a GCC/Clang extension, exact for the products below
bool less(const Turn& a, const Turn& b) {  // a < b
    return static_cast<Int128>(a.num) * static_cast<long>(b.den) < static_cast<Int128>(b.num) * static_cast<long>(a.den);
}

}  // namespace

const char* family_name(BlockFamily f) {
    switch (f) {
        case BlockFamily::nu_syn: return "z_nu*z_syn";
        case BlockFamily::nui_synab: return "z_nui*z_synab";
        case BlockFamily::nui_xi: return "z_nui*z_xi";
        case BlockFamily::real_frequency: return "real_frequency";
        case BlockFamily::solved: return "solved";
        case BlockFamily::inputs_snapped: return "inputs_snapped";
        case BlockFamily::group_domain: return "group_domain";
        case BlockFamily::number_field: return "number_field";
        case BlockFamily::unknown: return "unknown";
    }
    return "unknown";
}

const char* family_pretty_name(BlockFamily f) {
    switch (f) {
        case BlockFamily::nu_syn: return "z_nu * z_syn";
        case BlockFamily::nui_synab: return "z_{nu=i} * z_{syn,ab}";
        case BlockFamily::nui_xi: return "z_{nu=i} * z_xi";
        case BlockFamily::real_frequency: return "real (outputs solved)";
        case BlockFamily::solved: return "c-row solved";
        case BlockFamily::inputs_snapped: return "snapped (outputs solved)";
        case BlockFamily::group_domain: return "whole network, group domain";
        case BlockFamily::number_field: return "number field (outputs solved)";
        case BlockFamily::unknown: return "-";
    }
    return "-";
}

Turn turn_mod(const Turn& t, const Turn& m) {
    // t - floor(t / m) m, t = a/b, m = c/e: t/m = a e / (b c)
    const long a = t.num, b = static_cast<long>(t.den), cc = m.num, e = static_cast<long>(m.den);
    const long f = floor_div(a * e, b * cc);
    return plus(t, neg(times(m, f)));
}

Turn canonical_nu(const Turn& nu) {
    Turn t = turn_mod(nu, make_turn(1, 6));
    if (less(make_turn(1, 12), t)) t = plus(make_turn(1, 6), neg(t));
    return t;
}

std::pair<Turn, int> canonical_xi(const Turn& xi, int sign) {
    Turn t = sign == 1 ? xi : neg(xi);
    return {turn_mod(t, make_turn(1, 4)), 1};
}

std::pair<Turn, Turn> canonical_alpha_beta(const Turn& alpha, const Turn& beta) {
    const Turn half = make_turn(1, 2);
    auto reduce = [&](const std::pair<Turn, Turn>& ab) {
        return std::pair{turn_mod(ab.first, half), turn_mod(ab.second, half)};
    };
    // orbit of (A, B) = (2 alpha, 2 beta) in turns
    std::vector<std::pair<Turn, Turn>> orbit{reduce({times(alpha, 2), times(beta, 2)})};
    auto seen = [&](const std::pair<Turn, Turn>& p) {
        return std::find(orbit.begin(), orbit.end(), p) != orbit.end();
    };
    for (std::size_t i = 0; i < orbit.size(); ++i) {
        const auto [A, B] = orbit[i];
        for (const auto& next : {std::pair{plus(B, neg(A)), neg(A)}, std::pair{neg(B), plus(A, neg(B))},
                                 std::pair{neg(B), neg(A)}}) {
            const auto r = reduce(next);
            if (!seen(r)) orbit.push_back(r);
        }
    }
    auto best = orbit.front();
    for (const auto& p : orbit)
        if (less(p.first, best.first) || (p.first == best.first && less(p.second, best.second))) best = p;
    return {make_turn(best.first.num, best.first.den * 2), make_turn(best.second.num, best.second.den * 2)};
}

Classification classify_block(const std::vector<Invariant>& L, const ClassifyOptions& options) {
    Classification c;
    double mean = 0;
    for (const Invariant& x : L) mean += x[1].real() / static_cast<double>(L.size());
    c.magnitude_spread = 0;
    for (const Invariant& x : L) c.magnitude_spread = std::max(c.magnitude_spread, std::abs(x[1].real() - mean));
    const std::vector<Factorization> layouts = factorize(L, options.factor_tolerance);
    if (layouts.empty()) return c;
    c.factorable = true;
    for (const Factorization& f : layouts) {
        Classification trial = c;
        if (c.magnitude_spread <= options.magnitude_tolerance && try_layout(f, options, trial)) {
            trial.m = f.m;
            trial.n = f.n;
            trial.residual = f.residual;
            return trial;
        }
    }
    const Factorization& best = layouts.front();
    c.m = best.m;
    c.n = best.n;
    c.residual = best.residual;
    if (best.m == 2 && best.n == 3) c.factors = label2(best.x[1]) + " * " + label3(best.y);
    else if (best.m == 2 && best.n == 2) c.factors = label2(best.x[1]) + " * " + label2(best.y[1]);
    else c.factors = std::to_string(best.m) + "-node * " + std::to_string(best.n) + "-node";
    return c;
}

}  // namespace cogo::analyze
