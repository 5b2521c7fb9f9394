/// \file min_width_rank.cpp
/// Proof: the tensor-rank lower bound on the width of a zero-loss network on a group of ODD order
/// (docs/theory.md section 5b, "Minimum width").
///
/// Statement. Let G be a finite Abelian group of odd order n >= 3 and m = (n - 1)/2. Every real network of
/// width q on G with loss exactly 0 (DC input entries allowed or not) has q >= 3m = 3(n - 1)/2.
/// So q >= 6 on Z_5, q >= 9 on Z_7, q >= 12 on Z_9 and Z_3 x Z_3 (min_width_bound gives q >= n only).
///
/// Notation. V0 = the real functions on G of sum 0; (u * v)(z) = sum_{x+y=z} u(x) v(y) (convolution);
/// f_j(x, y) = (W_a[j, x] + W_b[j, y])^2 / 2; for a function F on G x G its double centring
/// Pi F(x, y) = F(x, y) - mean_x' F(x', y) - mean_y' F(x, y') + mean F.
///
/// Proof.
///  1. (proofs/min_width_bound.cpp, step 2) l = 0 iff every chi_k(x + y), k != 0, is in the complex span of
///     the real f_j; taking real and imaginary parts, iff every g(x + y), g in V0, is in their REAL span.
///  2. (checked below, as exact identities in symbolic real weights) Pi(f_j) = alpha_j(x) beta_j(y) with
///     alpha_j = W_a[j, .] - mean, beta_j = W_b[j, .] - mean, and Pi(g(x + y)) = g(x + y) for g in V0.
///     Pi is linear, so for a basis g_1..g_{n-1} of V0 with g_i(x+y) = sum_j c[i, j] f_j (step 1):
///        T(u, v, g_i) := sum_{x,y} u(x) v(y) g_i(x + y) = sum_j c[i, j] <u, alpha_j> <v, beta_j>   (u, v in V0),
///     and T(u, v, g) = <u * v, g>. So the bilinear map * : V0 x V0 -> V0 has rank <= q: u * v =
///     sum_j <u, alpha_j> <v, beta_j> w_j with w_j in V0 (<w_j, g_i> = c[i, j]). (Checked below on the
///     certified networks --solution min and min-zero-mean: the c[i, j] exist and the identity holds; a
///     perturbed network has no c.)
///  3. (checked below for the groups given) For odd n no non-trivial character is real, and the Fourier
///     map phi(u) = (sum_x u(x) chi_k(x))_{k in K}, K one representative of each pair {k, -k}, is an
///     isomorphism of real algebras (V0, *) -> C^m: multiplicative, bijective, unit e = delta_0 - 1/n -> 1.
///     (For even n a real character gives a factor R and this step fails: the should_fail test on Z_4.)
///  4. LEMMA: the bilinear map of C^m (m >= 1) over R has rank >= 3m. Let xy = sum_{j<=r} u_j(x) v_j(y) w_j
///     on A = C^m with linear forms u_j, v_j and w_j in A. L_x (y -> xy) = sum_j u_j(x) w_j v_j^T, and L_1 =
///     identity, so r >= 2m; suppose r = 2m + s with s <= m - 1. The u_j span A* (u_j(x) = 0 for all j gives
///     x = x 1 = 0). Let E_i = span(Re x_i, Im x_i) in A* (so A* = E_1 + ... + E_m, a direct sum) and N_i =
///     {x_i = 0}, the annihilator of E_i.
///     (a) Greedy choice: there are s linearly independent u_j whose span S contains no E_i. Given such S_t of
///         dim t < m, let I = {i : S_t meets E_i}; those intersections are independent lines in S_t, so
///         |I| <= t and U = S_t + sum_{i in I} E_i has dim <= 2t < 2m. Take u_j not in U (the u_j span A*).
///         S_t + R u_j contains no E_i: for i not in I it meets E_i in dim <= 1; for i in I, E_i in S_t + R u_j
///         would put u_j in S_t + E_i, inside U.
///     (b) H = common kernel of those s forms has dim 2m - s >= m + 1 and is in no N_i (H in N_i iff E_i in
///         S); a real vector space is no finite union of proper subspaces, so H has an invertible x'
///         (every x'_i != 0).
///     (c) On H the s chosen terms vanish: L_x = sum_{j in J} u_j(x) w_j v_j^T (x in H), |J| <= 2m. L_x' is
///         invertible, so |J| = 2m, the w_j (j in J) are a basis and the v_j a basis: L_x = W D(x) V^T with
///         D(x) = diag(u_j(x)) and W, V invertible. Hence L_x'^-1 L_x = V^-T D(x')^-1 D(x) V^T is
///         diagonalisable over R, for every x in H.
///     (d) L_x'^-1 L_x = L_{x'^-1 x} (commutative, associative, unital). The matrix of multiplication by
///         z_i = p + i q on C = R^2 is [[p, -q], [q, p]], of discriminant -4 q^2 (checked), so L_z is
///         diagonalisable over R only if every z_i is real. So x'^-1 x lies in R^m for every x in H:
///         H is inside x' R^m, of dim m. Contradiction with dim H >= m + 1. So r >= 3m. QED (lemma).
///  5. By 2, 3, 4: q >= rank(*) = rank(C^m) >= 3m. QED.
/// Sharpness of the relaxation (checked): the 3-product (Gauss) formula gives * on V0 exactly in 3m
/// products, so steps 2-4 cannot give more than 3m; larger lower bounds need the parts Pi discards.
///
/// Usage: proof_min_width_rank GROUP... (e.g. 3 5 7 9 3x3); exit 1 (FAILED) for a group of even order.
#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "algebra/linear_algebra.hpp"
#include "algebra/real_weights.hpp"
#include "construct/any_group_solutions.hpp"
#include "group/character.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

using Vec = std::vector<Cyclotomic>;

/// The basis e_x = delta_x - 1/n (x = 1..n-1) of V0, and the unit delta_0 - 1/n.
Vec centred_delta(std::size_t n, std::size_t x) {
    Vec v(n, Cyclotomic::rational(-1, static_cast<long>(n)));
    v[x] += Cyclotomic(1);
    return v;
}

Vec convolution(const AbelianGroup& g, const Vec& u, const Vec& v) {
    const std::size_t n = g.order();
    Vec w(n);
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y) w[g.add(x, y)] += u[x] * v[y];
    return w;
}

Cyclotomic dot(const Vec& u, const Vec& v) {
    Cyclotomic s;
    for (std::size_t x = 0; x < u.size(); ++x) s += u[x] * v[x];
    return s;
}

/// T(u, v, g) = sum_{x,y} u(x) v(y) g(x + y).
Cyclotomic trilinear(const AbelianGroup& g, const Vec& u, const Vec& v, const Vec& h) {
    return dot(convolution(g, u, v), h);
}

Cyclotomic fourier(const CharacterTable<Cyclotomic>& chi, std::size_t k, const Vec& u) {
    Cyclotomic s;
    for (std::size_t x = 0; x < u.size(); ++x) s += u[x] * chi.chi(k, x);
    return s;
}

const Cyclotomic& imag_unit() {
    static const Cyclotomic i = Cyclotomic::zeta(4, 1);
    return i;
}
Cyclotomic re(const Cyclotomic& z) { return (z + z.conj()) * Cyclotomic::rational(1, 2); }
Cyclotomic im(const Cyclotomic& z) { return (z - z.conj()) / (Cyclotomic(2) * imag_unit()); }

/// Step 3 for one group; false (after a failed check) if some non-trivial character is real.
bool check_fourier_isomorphism(Proof& p, const AbelianGroup& g) {
    const std::size_t n = g.order();
    bool none_real = true;
    for (std::size_t k = 1; k < n; ++k) none_real = none_real && !g.is_self_conjugate(k);
    if (!p.check(g.name() + ": no non-trivial character is real (k != -k for every k != 0)", none_real,
                 "a real character: V0 has a factor R, not only factors C"))
        return false;
    const CharacterTable<Cyclotomic> chi(g);
    std::vector<std::size_t> reps;
    for (std::size_t k = 1; k < n; ++k)
        if (k < g.neg(k)) reps.push_back(k);
    p.check(g.name() + ": m = " + std::to_string(reps.size()) + " pairs {k, -k}, 2m = n - 1", 2 * reps.size() == n - 1);

    bool multiplicative = true;
    for (std::size_t x = 1; x < n && multiplicative; ++x)
        for (std::size_t y = 1; y < n && multiplicative; ++y) {
            const Vec u = centred_delta(n, x), v = centred_delta(n, y), w = convolution(g, u, v);
            Cyclotomic sum;
            for (Cyclotomic t : w) sum += t;
            multiplicative = multiplicative && sum.is_zero();  // * maps V0 x V0 into V0
            for (std::size_t k : reps)
                multiplicative = multiplicative && (fourier(chi, k, w) - fourier(chi, k, u) * fourier(chi, k, v)).is_zero();
        }
    p.check(g.name() + ": e_x * e_y lies in V0 and phi(e_x * e_y) = phi(e_x) phi(e_y) for all basis pairs", multiplicative);

    const Vec unit = centred_delta(n, 0);
    bool unit_ok = true;
    for (std::size_t k : reps) unit_ok = unit_ok && (fourier(chi, k, unit) - Cyclotomic(1)).is_zero();
    for (std::size_t x = 1; x < n; ++x) {
        const Vec u = centred_delta(n, x), w = convolution(g, unit, u);
        for (std::size_t z = 0; z < n; ++z) unit_ok = unit_ok && (w[z] - u[z]).is_zero();
    }
    p.check(g.name() + ": e = delta_0 - 1/n is the unit of (V0, *) and phi(e) = (1, ..., 1)", unit_ok);

    Rows<Cyclotomic> real_matrix;  // rows Re phi_k, Im phi_k; columns the basis e_x
    for (std::size_t k : reps) {
        std::vector<Cyclotomic> r, s;
        for (std::size_t x = 1; x < n; ++x) {
            const Cyclotomic z = fourier(chi, k, centred_delta(n, x));
            r.push_back(re(z));
            s.push_back(im(z));
        }
        real_matrix.push_back(r);
        real_matrix.push_back(s);
    }
    p.check(g.name() + ": phi : V0 -> C^m is bijective (its real (n-1) x (n-1) matrix has rank n - 1)",
            rank(real_matrix, n - 1) == n - 1);

    // sharpness: T(u, v, h) = (1/n) sum_k [A C 2(Gr - Gi) - B D 2(Gr + Gi) + (A + B)(C + D) 2 Gi], 3 products per pair
    bool gauss = true;
    for (std::size_t x = 1; x < n && gauss; ++x)
        for (std::size_t y = 1; y < n && gauss; ++y)
            for (std::size_t z = 1; z < n && gauss; ++z) {
                const Vec u = centred_delta(n, x), v = centred_delta(n, y), h = centred_delta(n, z);
                Cyclotomic rhs;
                for (std::size_t k : reps) {
                    const Cyclotomic fu = fourier(chi, k, u), fv = fourier(chi, k, v), fh = fourier(chi, k, h);
                    const Cyclotomic a = re(fu), b = im(fu), c = re(fv), d = im(fv), gr = re(fh), gi = im(fh);
                    rhs += a * c * Cyclotomic(2) * (gr - gi) - b * d * Cyclotomic(2) * (gr + gi) + (a + b) * (c + d) * Cyclotomic(2) * gi;
                }
                rhs = rhs / Cyclotomic(static_cast<long>(n));
                gauss = gauss && (trilinear(g, u, v, h) - rhs).is_zero();
            }
    p.check(g.name() + ": sharpness: * on V0 is a sum of 3m = " + std::to_string(3 * reps.size()) +
                " products of linear forms (Gauss's 3-product formula at each pair)",
            gauss);
    return true;
}

/// Step 2 as exact identities in symbolic real weights (one node; Pi is linear).
void check_double_centring(Proof& p, const AbelianGroup& g) {
    const std::size_t n = g.order();
    std::vector<Symbolic> a(n), b(n), h(n);
    Symbolic ma, mb, hsum;
    for (std::size_t x = 0; x < n; ++x) {
        a[x] = Symbolic::real_variable("mwr_a" + std::to_string(x));
        b[x] = Symbolic::real_variable("mwr_b" + std::to_string(x));
        ma += a[x];
        mb += b[x];
        if (x + 1 < n) {
            h[x] = Symbolic::real_variable("mwr_g" + std::to_string(x));
            hsum += h[x];
        }
    }
    h[n - 1] = -hsum;  // g in V0
    const Symbolic inv_n = Symbolic::rational(1, static_cast<long>(n));
    ma = ma * inv_n;
    mb = mb * inv_n;
    auto centre = [&](const std::vector<std::vector<Symbolic>>& f) {
        std::vector<Symbolic> row(n), col(n);
        Symbolic all;
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y) {
                row[x] += f[x][y];
                col[y] += f[x][y];
                all += f[x][y];
            }
        std::vector<std::vector<Symbolic>> out(n, std::vector<Symbolic>(n));
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y)
                out[x][y] = f[x][y] - row[x] * inv_n - col[y] * inv_n + all * inv_n * inv_n;
        return out;
    };
    std::vector<std::vector<Symbolic>> f(n, std::vector<Symbolic>(n)), t(n, std::vector<Symbolic>(n));
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y) {
            f[x][y] = (a[x] + b[y]) * (a[x] + b[y]) * Symbolic::rational(1, 2);
            t[x][y] = h[g.add(x, y)];
        }
    const auto pf = centre(f), pt = centre(t);
    bool node_ok = true, target_ok = true;
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y) {
            node_ok = node_ok && (pf[x][y] - (a[x] - ma) * (b[y] - mb)).is_zero();
            target_ok = target_ok && (pt[x][y] - t[x][y]).is_zero();
        }
    p.check(g.name() + ": Pi((a(x) + b(y))^2 / 2) = (a(x) - mean a)(b(y) - mean b), symbolic real a, b", node_ok);
    p.check(g.name() + ": Pi(g(x + y)) = g(x + y) for symbolic g of sum 0", target_ok);
}

/// The coefficients c[i][j] with g_i(x + y) = sum_j c[i][j] f_j(x, y) for the basis g_i = e_{i+1}; nullopt
/// if some g_i is not in the span (the network's loss is not 0).
std::optional<std::vector<Vec>> span_coefficients(const AbelianGroup& g, const NetworkWeights<Cyclotomic>& w) {
    const std::size_t n = g.order(), q = w.width();
    Rows<Cyclotomic> rows(n * n, Vec(q));
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y)
            for (std::size_t j = 0; j < q; ++j) {
                const Cyclotomic s = w.wa(j, x) + w.wb(j, y);
                rows[x * n + y][j] = s * s * Cyclotomic::rational(1, 2);
            }
    std::vector<Vec> c;
    for (std::size_t i = 1; i < n; ++i) {
        const Vec e = centred_delta(n, i);
        Vec rhs(n * n);
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y) rhs[x * n + y] = e[g.add(x, y)];
        auto sol = solve(rows, q, rhs);
        if (!sol) return std::nullopt;
        c.push_back(*sol);
    }
    return c;
}

/// Step 2 on a network: the rank-q decomposition T(u, v, g_i) = sum_j c[i][j] <u, alpha_j> <v, beta_j>.
bool decomposition_holds(const AbelianGroup& g, const NetworkWeights<Cyclotomic>& w, const std::vector<Vec>& c) {
    const std::size_t n = g.order(), q = w.width();
    std::vector<Vec> alpha(q, Vec(n)), beta(q, Vec(n));
    for (std::size_t j = 0; j < q; ++j) {
        Cyclotomic sa, sb;
        for (std::size_t x = 0; x < n; ++x) {
            sa += w.wa(j, x);
            sb += w.wb(j, x);
        }
        const Cyclotomic inv_n = Cyclotomic::rational(1, static_cast<long>(n));
        for (std::size_t x = 0; x < n; ++x) {
            alpha[j][x] = w.wa(j, x) - sa * inv_n;
            beta[j][x] = w.wb(j, x) - sb * inv_n;
        }
    }
    for (std::size_t x = 1; x < n; ++x)
        for (std::size_t y = 1; y < n; ++y) {
            const Vec u = centred_delta(n, x), v = centred_delta(n, y);
            for (std::size_t i = 1; i < n; ++i) {
                Cyclotomic rhs;
                for (std::size_t j = 0; j < q; ++j) rhs += c[i - 1][j] * dot(u, alpha[j]) * dot(v, beta[j]);
                if (!(trilinear(g, u, v, centred_delta(n, i)) - rhs).is_zero()) return false;
            }
        }
    return true;
}

void check_networks(Proof& p, const AbelianGroup& g) {
    const std::size_t m = (g.order() - 1) / 2;
    struct Named {
        std::string name;
        Element<Cyclotomic> z;
    };
    const std::vector<Named> nets = {{"--solution min (DC inputs)", minimal_solution<Cyclotomic>(g)},
                                     {"--solution min-zero-mean", minimal_zero_mean_solution<Cyclotomic>(g)}};
    for (const Named& net : nets) {
        NetworkWeights<Cyclotomic> w = to_real_weights(net.z);
        const std::size_t q = w.width();
        const auto c = span_coefficients(g, w);
        const std::string tag = g.name() + " " + net.name + " (q = " + std::to_string(q) + ")";
        p.check(tag + ": every g(x + y), g in V0, is in the span of the f_j", c.has_value());
        if (c) p.check(tag + ": * on V0 = the rank-q decomposition of step 2", decomposition_holds(g, w, *c));
        p.check(tag + ": q >= 3m = " + std::to_string(3 * m), q >= 3 * m);
        w.wa(0, 1) += Cyclotomic::rational(1, 7);  // mutation: a perturbed network has loss != 0
        p.check(tag + ", W_a[0, 1] + 1/7: some g(x + y) is NOT in the span (refused)", !span_coefficients(g, w).has_value());
    }
}

/// Step 4 (d): multiplication by z = p + i q on C = R^2, its discriminant, and L_x L_y = L_{xy}.
void check_complex_multiplication(Proof& p) {
    const Symbolic a = Symbolic::real_variable("mwr_p"), b = Symbolic::real_variable("mwr_q");
    const Symbolic c = Symbolic::real_variable("mwr_r"), d = Symbolic::real_variable("mwr_s");
    const Symbolic i = Symbolic::zeta(4, 1);
    // L_z (y1 + i y2) = z y: first column L_z(1) = z, second L_z(i) = i z.
    const Symbolic z = a + i * b, l11 = a, l12 = -b, l21 = b, l22 = a;
    p.check_equal("L_z(1) = z: column (p, q)", l11 + i * l21, z);
    p.check_equal("L_z(i) = i z: column (-q, p)", l12 + i * l22, i * z);
    const Symbolic tr = l11 + l22, det = l11 * l22 - l12 * l21;
    p.check_equal("discriminant tr(L_z)^2 - 4 det(L_z) = -4 q^2 (no real eigenvalue unless q = 0)", tr * tr - Symbolic(4) * det,
                  Symbolic(-4) * b * b);
    // L_z L_w = L_{zw}: (zw) = (ac - bd) + i (ad + bc)
    const Symbolic m11 = l11 * c + l12 * d, m21 = l21 * c + l22 * d;  // first column of L_z L_w
    p.check_equal("L_z L_w = L_{zw} (first column = zw)", m11 + i * m21, z * (c + i * d));
    p.check_equal("Gauss: (p + iq)(r + is) = (pr - qs) + i((p + q)(r + s) - pr - qs), 3 real products",
                  (a * c - b * d) + i * ((a + b) * (c + d) - a * c - b * d), z * (c + i * d));
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> specs;
    for (int i = 1; i < argc; ++i) specs.emplace_back(argv[i]);
    if (specs.empty()) specs = {"3", "5", "7"};
    Proof proof("min_width_rank",
                "For every Abelian group G of odd order n >= 3, every zero-loss real network on G (DC inputs allowed "
                "or not) has width q >= 3(n-1)/2: q >= 6 on Z_5, 9 on Z_7, 12 on Z_9 and Z_3 x Z_3 (docs/theory.md "
                "section 5b).");
    return proof.run([&](Proof& p) {
        p.section("step 4 (d): multiplication in C as a real 2 x 2 matrix (symbolic)");
        check_complex_multiplication(p);
        for (const std::string& spec : specs) {
            const AbelianGroup g = AbelianGroup::parse(spec);
            p.section("step 3 on " + g.name() + ": (V0, *) is isomorphic to C^m; sharpness");
            if (!check_fourier_isomorphism(p, g)) continue;
            p.section("step 2 on " + g.name() + ": double centring");
            check_double_centring(p, g);
            p.section("step 2 on " + g.name() + ": the reduction on certified networks (and a mutation)");
            check_networks(p, g);
            p.note(g.name() + ": every zero-loss network has q >= " + std::to_string(3 * (g.order() - 1) / 2));
        }
    });
}
