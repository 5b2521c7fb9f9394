#include "analyze/block_solve.hpp"

#include <array>
#include <cmath>
#include <iomanip>
#include <numbers>
#include <sstream>

#include "algebra/linear_algebra.hpp"
#include "analyze/affine_nearest.hpp"
#include "analyze/rounding.hpp"
#include "scalar/turn.hpp"

namespace cogo::analyze {

namespace {

constexpr double two_pi = 2 * std::numbers::pi;

Complex phase_of(Complex z) {
    const double r = std::abs(z);
    return r > 0 ? z / r : Complex{1, 0};
}

double wrapped(double angle) {  // into (-pi, pi]
    angle = std::fmod(angle, two_pi);
    if (angle <= -std::numbers::pi) angle += two_pi;
    if (angle > std::numbers::pi) angle -= two_pi;
    return angle;
}

/// A unit complex number snapped to a root of unity (1/24 turn grid when close, else 1/120), with its turn.
Cyclotomic snap_unit(Complex z, double tolerance, std::string* text = nullptr) {
    bool small = false;
    const Turn t = snap_turn(std::arg(z) / two_pi, tolerance, small);
    if (text) *text = to_string(t);
    return turn_value<Cyclotomic>(t);
}

/// |b/a| snapped: 1 when within `tolerance` (relative), else the nearest multiple of 1/64 (nullopt if 0).
std::optional<Cyclotomic> snap_ratio(double r, double tolerance) {
    if (!(r > 0) || !std::isfinite(r)) return std::nullopt;
    if (std::abs(r - 1) <= tolerance) return Cyclotomic(1);
    const long p = std::lround(r * 64);
    if (p <= 0) return std::nullopt;
    return Cyclotomic::rational(p, 64);
}

/// The trained entries of the block's nodes at k (canonical gauge).
struct Trained {
    std::vector<Complex> a, b, c;
};

Trained trained_entries(const BlockProblem& p, const std::vector<std::size_t>& order) {
    Trained t;
    for (std::size_t j : order) {
        t.a.push_back(p.z->za(p.k, j));
        t.b.push_back(p.z->zb(p.k, j));
        t.c.push_back(p.z->zc(p.k, j));
    }
    return t;
}

/// Phases (e^{i th}, e^{i ph}) and per-node real scales t_f mapping exact inputs onto the trained ones
/// (trained a = e^{i th} t a_exact, b = e^{i ph} t b_exact); the exact outputs then match trained c = e^{-i(th+ph)} c_exact / t^2.
struct Gauge {
    Complex e_theta{1, 0}, e_phi{1, 0};
    std::vector<double> t;
    double input_distance = 0;
};

Gauge fit_gauge(const std::vector<Complex>& ae, const std::vector<Complex>& be, const Trained& tr) {
    Gauge g;
    Complex s_psi{}, s_delta{};
    for (std::size_t f = 0; f < ae.size(); ++f) {
        s_psi += phase_of(tr.a[f] * tr.b[f] * std::conj(ae[f] * be[f]));
        s_delta += phase_of(tr.a[f] * std::conj(ae[f]) * std::conj(tr.b[f]) * be[f]);
    }
    const Complex e_psi = phase_of(s_psi);
    g.e_theta = std::sqrt(e_psi * phase_of(s_delta));
    g.e_phi = e_psi / g.e_theta;
    double num = 0, den = 0;
    for (std::size_t f = 0; f < ae.size(); ++f) {
        const double w = std::norm(ae[f]) + std::norm(be[f]);
        const double t = w > 0 ? (std::conj(g.e_theta) * tr.a[f] * std::conj(ae[f]) + std::conj(g.e_phi) * tr.b[f] * std::conj(be[f])).real() / w : 0.0;
        g.t.push_back(t);
        num += std::norm(tr.a[f] - g.e_theta * t * ae[f]) + std::norm(tr.b[f] - g.e_phi * t * be[f]);
        den += std::norm(tr.a[f]) + std::norm(tr.b[f]);
    }
    g.input_distance = den > 0 ? std::sqrt(num / den) : 1.0;
    return g;
}

std::vector<Complex> floats(const std::vector<Cyclotomic>& x) {
    std::vector<Complex> out;
    for (const Cyclotomic& v : x) out.push_back(v.to_complex());
    return out;
}

/// Builds the exact block from exact inputs and solves its own-frequency outputs; fills `out` on success.
bool finish(const BlockProblem& p, const std::vector<std::size_t>& order, const std::vector<Cyclotomic>& a,
            const std::vector<Cyclotomic>& b, const BlockSolveOptions& options, std::string structure, SolvedBlock& out,
            bool& inconsistent) {
    const Trained tr = trained_entries(p, order);
    const Gauge g = fit_gauge(floats(a), floats(b), tr);
    if (g.input_distance > options.input_tolerance) return false;
    for (double t : g.t)
        if (!(std::abs(t) > 0)) return false;
    const Complex e_psi = g.e_theta * g.e_phi;
    std::vector<Complex> target;
    double bias_abs = 0;
    Complex bias{};
    for (std::size_t f = 0; f < order.size(); ++f) {
        target.push_back(e_psi * g.t[f] * g.t[f] * tr.c[f]);
        const double w = std::norm(tr.a[f]) + std::norm(tr.b[f]);
        bias += w * tr.c[f];
        bias_abs += w * std::abs(tr.c[f]);
    }
    // The distance of a solved c-row x from the trained one, as FUNCTIONS: the block's contribution to its
    // output k is sum_f c_f (W_a,f[x] + W_b,f[y])^2, whose Fourier coefficients (Parseval: its L2 norm) are
    // sum_f c_f m_f with the monomials m_f of the node's inputs, taken at the exact inputs: a^2, a'^2, b^2,
    // b'^2, 2ab, 2ab', 2a'b, 2a'b' and the constant 2(|a|^2 + |b|^2). The constant (the block's bias) is left
    // out: the network cancels biases jointly, across blocks (joint_outputs.hpp), and the exact verification
    // of the whole network decides them. A c-row itself is not determined by the function when nodes are
    // nearly alike (a node split in two carries any split of its c), so its own distance would depend on
    // that choice; this one does not.
    constexpr std::size_t non_constant_monomials = 8;
    std::vector<std::array<Complex, 9>> monomials;
    for (std::size_t f = 0; f < a.size(); ++f) {
        const Complex af = a[f].to_complex(), bf = b[f].to_complex(), ac = std::conj(af), bc = std::conj(bf);
        monomials.push_back({af * af, ac * ac, bf * bf, bc * bc, 2.0 * af * bf, 2.0 * af * bc, 2.0 * ac * bf,
                             2.0 * ac * bc, Complex(2.0 * (std::norm(af) + std::norm(bf)), 0.0)});
    }
    auto distance = [&](const std::vector<Cyclotomic>& x) {
        double num = 0, den = 0;
        for (std::size_t i = 0; i < non_constant_monomials; ++i) {
            Complex delta{}, trained{};
            for (std::size_t f = 0; f < x.size(); ++f) {
                delta += monomials[f][i] * (x[f].to_complex() - target[f]);
                trained += monomials[f][i] * target[f];
            }
            num += std::norm(delta);
            den += std::norm(trained);
        }
        return den > 0 ? std::sqrt(num / den) : 0.0;
    };
    const bool want_bias_free = std::abs(bias) <= options.bias_free * bias_abs;
    std::optional<std::vector<Cyclotomic>> c = solve_own_outputs(a, b, target, want_bias_free);
    bool bias_free = want_bias_free;
    if (want_bias_free && (!c || !(distance(*c) <= options.output_tolerance))) {
        if (auto free_bias = solve_own_outputs(a, b, target, false)) {
            c = std::move(free_bias);
            bias_free = false;
        }
    }
    if (!c) {
        inconsistent = true;
        return false;
    }
    const double output_distance = distance(*c);
    if (!(output_distance <= options.output_tolerance)) {
        if (out.far_output < 0 || output_distance < out.far_output) out.far_output = output_distance;
        return false;
    }
    const std::size_t mk = p.z->group.neg(p.k);
    std::vector<Node<Cyclotomic>> nodes;
    for (std::size_t f = 0; f < order.size(); ++f) {
        Node<Cyclotomic> node;
        node.a = {{p.k, a[f]}, {mk, a[f].conj()}};
        node.b = {{p.k, b[f]}, {mk, b[f].conj()}};
        if (!(*c)[f].is_zero()) node.c = {{p.k, (*c)[f]}, {mk, (*c)[f].conj()}};
        nodes.push_back(std::move(node));
    }
    out.exact.emplace(p.z->group, std::move(nodes));
    out.trained_node = order;
    out.structure = std::move(structure);
    out.bias_free = bias_free;
    out.input_distance = g.input_distance;
    out.output_distance = output_distance;
    out.failure.clear();
    out.needs_number_field = false;
    return true;
}

/// The factor path on one 2 x n grid (rows: the candidate z_nu factor).
bool try_factor(const BlockProblem& p, const std::vector<std::vector<std::size_t>>& grid, Complex sigma,
                const BlockSolveOptions& options, SolvedBlock& out, bool& inconsistent) {
    const std::size_t n = grid[0].size();
    // nu from sigma = nu^2 (nu and -nu are the same up to the node sign gauge)
    std::string nu_text;
    const Complex nu_float = std::polar(1.0, std::arg(sigma) / 2);
    bool small = false;
    const Turn nu_turn = snap_turn(std::arg(nu_float) / two_pi, options.snap_tolerance, small);
    nu_text = to_string(nu_turn);
    const Cyclotomic nu = turn_value<Cyclotomic>(nu_turn);
    const Complex nu_c = nu.to_complex();
    std::vector<Complex> ay(n), by(n);
    for (std::size_t l = 0; l < n; ++l) {
        const std::size_t j0 = p.nodes[grid[0][l]], j1 = p.nodes[grid[1][l]];
        const Complex a0 = p.z->za(p.k, j0), b0 = p.z->zb(p.k, j0);
        const Complex a1 = p.z->za(p.k, j1) / nu_c, b1 = -p.z->zb(p.k, j1) / nu_c;
        const double n0 = std::sqrt(std::norm(a0) + std::norm(b0)), n1 = std::sqrt(std::norm(a1) + std::norm(b1));
        if (!(n0 > 0) || !(n1 > 0)) return false;
        const double s = (std::conj(a0) * a1 + std::conj(b0) * b1).real() >= 0 ? 1.0 : -1.0;
        ay[l] = a0 / n0 + s * a1 / n1;
        by[l] = b0 / n0 + s * b1 / n1;
    }
    const Complex rot_a = std::conj(phase_of(ay[0])), rot_b = std::conj(phase_of(by[0]));
    std::vector<Cyclotomic> ey(n), fy(n);
    for (std::size_t l = 0; l < n; ++l) {
        const Complex u = ay[l] * rot_a, v = by[l] * rot_b;
        if (!(std::abs(u) > 0)) return false;
        const auto r = snap_ratio(std::abs(v) / std::abs(u), options.ratio_tolerance);
        if (!r) return false;
        ey[l] = snap_unit(u, options.snap_tolerance);
        fy[l] = *r * snap_unit(v, options.snap_tolerance);
    }
    std::vector<std::size_t> order;
    std::vector<Cyclotomic> a, b;
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t l = 0; l < n; ++l) {
            order.push_back(p.nodes[grid[i][l]]);
            a.push_back(i == 0 ? ey[l] : nu * ey[l]);
            b.push_back(i == 0 ? fy[l] : -(nu * fy[l]));
        }
    const bool nui = nu_turn.den == 4;
    std::ostringstream s;
    s << (nui ? std::string("z_{nu=i}") : "z_nu(nu=" + nu_text + ")") << " * z2 (" << n << "-node factor, c-row solved)";
    return finish(p, order, a, b, options, s.str(), out, inconsistent);
}

/// z / |z| snapped to a multiple of 1/grid turn, or nullopt if it is more than `tolerance` turns away.
std::optional<Cyclotomic> snap_unit_to(Complex z, std::size_t grid, double tolerance) {
    const double turns = std::arg(z) / two_pi * static_cast<double>(grid);
    const double r = std::round(turns);
    if (!(std::abs(turns - r) <= tolerance * static_cast<double>(grid))) return std::nullopt;
    return Cyclotomic::zeta(grid, static_cast<long>(r));
}

/// The node path: every node snapped on its own; phases relative to the strongest node onto the 1/24-turn grid
/// when close, else 1/120 (grid = 0), or onto the 1/grid-turn grid (the cyclic family C_q has relative phases in
/// multiples of 1/q turn, q its number of nodes).
bool try_nodes(const BlockProblem& p, const BlockSolveOptions& options, SolvedBlock& out, bool& inconsistent,
               std::size_t grid = 0) {
    std::size_t ref = 0;
    double best = -1;
    for (std::size_t f = 0; f < p.nodes.size(); ++f) {
        const std::size_t j = p.nodes[f];
        const double s = (std::norm(p.z->za(p.k, j)) + std::norm(p.z->zb(p.k, j))) * std::abs(p.z->zc(p.k, j));
        if (s > best) best = s, ref = f;
    }
    const Complex rot_a = std::conj(phase_of(p.z->za(p.k, p.nodes[ref]))), rot_b = std::conj(phase_of(p.z->zb(p.k, p.nodes[ref])));
    std::vector<Cyclotomic> a, b;
    for (std::size_t j : p.nodes) {
        const Complex u = p.z->za(p.k, j) * rot_a, v = p.z->zb(p.k, j) * rot_b;
        if (!(std::abs(u) > 0)) return false;
        const auto r = snap_ratio(std::abs(v) / std::abs(u), options.ratio_tolerance);
        if (!r) return false;
        if (grid == 0) {
            a.push_back(snap_unit(u, options.snap_tolerance));
            b.push_back(*r * snap_unit(v, options.snap_tolerance));
            continue;
        }
        const auto ua = snap_unit_to(u, grid, options.snap_tolerance), ub = snap_unit_to(v, grid, options.snap_tolerance);
        if (!ua || !ub) return false;
        a.push_back(*ua);
        b.push_back(*r * *ub);
    }
    const std::string where = grid == 0 ? "" : " onto the 1/" + std::to_string(grid) + "-turn grid";
    return finish(p, p.nodes, a, b, options, "nodes snapped one by one" + where + " (" + std::to_string(p.nodes.size()) +
                                                  " nodes, c-row solved)", out, inconsistent);
}

/// sqrt(|sum abc - 1|^2 + sum over the other seven monomial rows |row . c|^2) of the trained block (floats).
double trained_residual(const BlockProblem& p) {
    Complex rows[8] = {};
    for (std::size_t j : p.nodes) {
        const Complex a = p.z->za(p.k, j), b = p.z->zb(p.k, j), c = p.z->zc(p.k, j);
        const Complex ab = std::conj(a), bb = std::conj(b);
        const Complex m[8] = {a * b, ab * b, a * bb, ab * bb, a * a, ab * ab, b * b, bb * bb};
        for (std::size_t r = 0; r < 8; ++r) rows[r] += m[r] * c;
    }
    rows[0] -= 1.0;
    double sum = 0;
    for (const Complex& r : rows) sum += std::norm(r);
    return std::sqrt(sum);
}

}  // namespace

std::optional<std::vector<Cyclotomic>> solve_own_outputs(const std::vector<Cyclotomic>& a, const std::vector<Cyclotomic>& b,
                                                         const std::vector<Complex>& target, bool bias_free) {
    const std::size_t q = a.size();
    Rows<Cyclotomic> P(bias_free ? 9 : 8, std::vector<Cyclotomic>(q));
    for (std::size_t f = 0; f < q; ++f) {
        const Cyclotomic ab = a[f].conj(), bb = b[f].conj();
        const Cyclotomic row[8] = {a[f] * b[f], ab * b[f], a[f] * bb, ab * bb, a[f] * a[f], ab * ab, b[f] * b[f], bb * bb};
        for (std::size_t r = 0; r < 8; ++r) P[r][f] = row[r];
        if (bias_free) P[8][f] = a[f] * ab + b[f] * bb;
    }
    std::vector<Cyclotomic> rhs(P.size());
    rhs[0] = Cyclotomic(1);
    const auto x0 = solve<Cyclotomic>(P, q, rhs);
    if (!x0) return std::nullopt;
    return nearest_in_affine_set(*x0, kernel<Cyclotomic>(P, q), target, Cyclotomic::zeta(4, 1));
}

SolvedBlock solve_block(const BlockProblem& p, const std::vector<Factorization>& layouts, const BlockSolveOptions& options) {
    SolvedBlock out;
    if (p.z == nullptr || p.nodes.size() < 2 || p.z->group.neg(p.k) == p.k) {
        out.failure = "not a block at a complex frequency";
        return out;
    }
    bool inconsistent = false;
    for (const Factorization& f : layouts) {
        if (f.residual > options.factor_tolerance) continue;
        // candidate 2-node factors: the rows of a 2 x n layout, and for 2 x 2 also the columns
        for (int side = 0; side < (f.m == 2 && f.n == 2 ? 2 : 1); ++side) {
            if (f.m != 2) continue;
            const Invariant& x = side == 0 ? f.x[1] : f.y[1];
            std::vector<std::vector<std::size_t>> grid = f.grid;
            if (side == 1) grid = {{f.grid[0][0], f.grid[1][0]}, {f.grid[0][1], f.grid[1][1]}};
            // z_nu: rho = a/b = -1 (|rho| = 1, phase pi); sigma = nu^2 free
            if (std::abs(Complex(x[0].real(), wrapped(x[0].imag() - std::numbers::pi))) > options.z1_tolerance) continue;
            if (try_factor(p, grid, std::polar(1.0, x[2].imag()), options, out, inconsistent)) return out;
        }
    }
    if (try_nodes(p, options, out, inconsistent)) return out;
    // roots of unity of the block's own size (C_q: q nodes, relative phases in 1/q turn), off the 1/24 and 1/120 grids
    for (const std::size_t grid : {p.nodes.size(), 2 * p.nodes.size()})
        if (120 % grid != 0 && try_nodes(p, options, out, inconsistent, grid)) return out;
    if (inconsistent) {
        // is the trained block itself near a solution of its own conditions? (dimensionless: target T_k(k, k) = 1)
        const double residual = trained_residual(p);
        std::ostringstream o;
        o << std::setprecision(3) << residual;
        if (residual > options.near_solution) {
            out.failure = "not near a solution: its own-frequency conditions fail by " + o.str() +
                          " in floats, and no exact c-row fits its snapped inputs";
            return out;
        }
        out.needs_number_field = true;
        out.failure = "needs a number field: the trained block meets its own-frequency conditions to " + o.str() +
                      ", but with its inputs snapped to roots of unity they have no exact solution over Q(zeta_N)";
        return out;
    }
    if (out.far_output >= 0) {
        std::ostringstream o;
        o << std::setprecision(3) << out.far_output;
        out.failure = "the exact c-row nearest the trained one changes the block's function (its bias aside) by " + o.str() +
                      " (relative), above the allowed distance of solved outputs (--round-tolerance): the trained block solves other conditions";
        return out;
    }
    out.failure = "no exact inputs within tolerance of the trained ones (phases, |b/a|)";
    return out;
}

}  // namespace cogo::analyze
