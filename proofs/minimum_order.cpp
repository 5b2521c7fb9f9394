/// \file minimum_order.cpp
/// Proof: the minimum number of nodes of a per-frequency block is 6.
///
/// Setting (docs/theory.md section 5). q nodes at one frequency k with k != -k (every k != 0 for odd d), real
/// weights: node j has entries a_j = z_a[k,j], b_j = z_b[k,j], c_j = z_c[k,j] (complex; conjugates at -k).
/// The per-frequency conditions (the conditions of Theorem 1 at output k that such a block feeds; those
/// at -k are their conjugates):
///     sum abc = 1;  sum a'bc = sum ab'c = sum a'b'c = 0;  sum a^2c = sum b^2c = sum a'^2c = sum b'^2c = 0;
///     bias: sum (|a|^2 + |b|^2) c = 0                                               (x' = conj x).
///
/// THEOREM. (a) For q <= 3 even the nine conditions other than the bias have no solution.
///          (b) For q = 4 the nine are solvable (z_nu=i z_xi), but not together with the bias.
///          (c) For q = 5 the ten conditions have no solution either.
///          (d) q = 6 is attained (z_nu z_syn / 6, z_nu=i z_syn_ab / 6; proofs `families`, `odd_d_optima`).
/// So the minimum per-frequency order is exactly 6; a 4-node block needs its bias cancelled from outside
/// (as in z_F4/6). This settles docs/theory.md's "5 undecided": 5 is impossible.
///
/// THE ARGUMENT. Real coordinates y_j = (p, q, r, s) with a_j = p + i q, b_j = r + i s. Each named potential
/// is sum_j c_j m(y_j) for a complex quadratic form m(y) = y^T Phi_m y. With the complex symmetric matrix
///     M = sum_j c_j y_j y_j^T,      sum_j c_j m(y_j) = tr(Phi_m M).
///  Step 1 (checked): the 9 forms of the conditions (with bias) are linearly independent functionals on the
///    10-dimensional space of symmetric 4x4 matrices, so the conditions say exactly M = T0 + t G, t in C,
///    with T0 = (1/4)[[0, C],[C^T, 0]], C = [[1, -i], [-i, -1]] (rows p, q; columns r, s) and
///    G = diag(1, 1, -1, -1) (the dual of the unconstrained |a|^2c - |b|^2c). Without the bias the 8 forms
///    leave M = T0 + t G + s_ I, and the bias is then tr(M) = 4 s_.
///  Step 2: write c_j = alpha_j + i beta_j, t = t_r + i t_i. Then A := Re M = sum_j alpha_j y_j y_j^T and
///    B := Im M = sum_j beta_j y_j y_j^T, with A = Re T0 + t_r G, B = Im T0 + t_i G. Checked identity:
///        det(lambda A + mu B) = ((lambda t_r + mu t_i)^2 + (lambda^2 + mu^2)/16)^2,
///    positive for every real (lambda, mu) != 0. So every non-zero real combination of A, B has rank 4; as
///    a real combination of the q matrices y_j y_j^T it has rank <= q: q >= 4.
///    Without the bias (A, B gain s_r I, s_i I): det(lambda A + mu B) = (X Y - (lambda^2 + mu^2)/16)^2 with
///    X = lambda (t_r + s_r) + mu (t_i + s_i), Y = lambda (s_r - t_r) + mu (s_i - t_i) (checked). XY -
///    (lambda^2+mu^2)/16 is a real quadratic form c1 lambda^2 + c3 lambda mu + c2 mu^2 in (lambda, mu) with
///    c1 = xA yA - 1/16, c2 = xB yB - 1/16, c3 = xA yB + xB yA, and the checked identity
///        xB yA c3 = (xB yA)^2 + (c1 + 1/16)(c2 + 1/16)
///    shows c1 = c2 = c3 = 0 is impossible for real values (it would give 0 = (xB yA)^2 + 1/256). So some real
///    combination has rank 4, and again q >= 4: part (a).
///  Step 3 (q = 4, bias imposed): rank A = 4 forces y_1..y_4 linearly independent and all alpha_j != 0. Then
///    B - (beta_1/alpha_1) A = sum_j (beta_j - beta_1 alpha_j / alpha_1) y_j y_j^T has rank <= 3, i.e. the
///    real number lambda = beta_1/alpha_1 makes det(B - lambda A) = 0, contradicting step 2 (mu = 1).
///    Part (b); the nine without bias are solved by z_nu=i z_xi (checked here: its M is T0 + t G + s_ I with
///    s_ = bias / 4 != 0).
///  Step 4 (q = 5, bias imposed). The y_j span R^4 (rank A = 4); renumber so y_1..y_4 are a basis Y. If
///    alpha_5 = beta_5 = 0 this is step 3. Otherwise put E = beta_5 A - alpha_5 B and F = alpha_5 A + beta_5 B:
///        E = Y diag(e) Y^T,  F = Y diag(f) Y^T + (alpha_5^2 + beta_5^2) y_5 y_5^T,  e, f real,
///    and E is invertible (step 2: a non-zero real combination), so every e_k != 0. Now
///        K(lambda) := B - lambda A  satisfies  K(lambda)^2 = P(lambda) I,  P = (t_i - lambda t_r)^2 + (lambda^2 + 1)/16
///    (checked). P has real coefficients and P >= 1/16 on R, so it has a non-real root lambda_0, where
///    K(lambda_0)^2 = 0, hence rank K(lambda_0) <= 2. With sigma = -(alpha_5 + lambda_0 beta_5)/(lambda_0 alpha_5 - beta_5)
///    (denominator != 0 since lambda_0 is not real) the checked identities
///        F - sigma E = (beta_5 + sigma alpha_5) K(lambda_0),
///        beta_5 + sigma alpha_5 = -(alpha_5^2 + beta_5^2) / (lambda_0 alpha_5 - beta_5),
///        (sigma - conj sigma) |lambda_0 alpha_5 - beta_5|^2 = (lambda_0 - conj lambda_0)(alpha_5^2 + beta_5^2)
///    give rank(F - sigma E) <= 2 and sigma not real. But F - sigma E = Y diag(f - sigma e) Y^T + (rank one),
///    and f_k - sigma e_k != 0 (e_k != 0 real, f_k real, sigma not real), so rank(F - sigma E) >= 4 - 1 = 3.
///    Contradiction: part (c).
///  Sanity (checked): the M of z_nu z_syn / 6 and of z_nu=i z_syn_ab / 6 is T0 + t G (bias 0) with real
///    weights from construct/families.hpp, and that of z_nu=i z_xi / 4 is T0 + t G + s_ I with s_ = (1 + s i)/4.
/// Everything checked is an exact identity over Q(i) in real variables (cogo::Symbolic); the remaining
/// steps are the elementary rank facts written above (rank of a sum of q rank-one matrices is <= q;
/// rank(X + rank one) >= rank X - 1; K^2 = 0 implies rank K <= n/2; a real polynomial positive on R has
/// no real root).
///
/// Usage: proof_minimum_order
#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "algebra/linear_algebra.hpp"
#include "algebra/semiring.hpp"
#include "construct/families.hpp"
#include "construct/global_solutions.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

using Sym = Symbolic;
using Mat = std::array<std::array<Sym, 4>, 4>;
const Sym kI = Sym::zeta(4, 1);

Mat zero_mat() {
    Mat m;
    for (auto& row : m)
        for (auto& v : row) v = Sym(0);
    return m;
}
Mat identity() {
    Mat m = zero_mat();
    for (int u = 0; u < 4; ++u) m[u][u] = Sym(1);
    return m;
}
Mat add(const Mat& x, const Mat& y) {
    Mat m;
    for (int u = 0; u < 4; ++u)
        for (int v = 0; v < 4; ++v) m[u][v] = x[u][v] + y[u][v];
    return m;
}
Mat scale(const Sym& s, const Mat& x) {
    Mat m;
    for (int u = 0; u < 4; ++u)
        for (int v = 0; v < 4; ++v) m[u][v] = s * x[u][v];
    return m;
}
Mat mul(const Mat& x, const Mat& y) {
    Mat m = zero_mat();
    for (int u = 0; u < 4; ++u)
        for (int v = 0; v < 4; ++v)
            for (int w = 0; w < 4; ++w) m[u][v] += x[u][w] * y[w][v];
    return m;
}
Mat conj(const Mat& x) {
    Mat m;
    for (int u = 0; u < 4; ++u)
        for (int v = 0; v < 4; ++v) m[u][v] = x[u][v].conj();
    return m;
}
/// tr(x y).
Sym trace_prod(const Mat& x, const Mat& y) {
    Sym t(0);
    for (int u = 0; u < 4; ++u)
        for (int v = 0; v < 4; ++v) t += x[u][v] * y[v][u];
    return t;
}
/// Leibniz determinant (24 terms).
Sym det(const Mat& m) {
    Sym d(0);
    std::array<int, 4> p{0, 1, 2, 3};
    do {
        int inversions = 0;
        for (int i = 0; i < 4; ++i)
            for (int j = i + 1; j < 4; ++j)
                if (p[i] > p[j]) ++inversions;
        Sym term = m[0][p[0]] * m[1][p[1]] * m[2][p[2]] * m[3][p[3]];
        d += inversions % 2 ? -term : term;
    } while (std::next_permutation(p.begin(), p.end()));
    return d;
}
bool mat_equal(const Mat& x, const Mat& y, std::string& where) {
    for (int u = 0; u < 4; ++u)
        for (int v = 0; v < 4; ++v)
            if (!(x[u][v] - y[u][v]).is_zero()) {
                where = "entry (" + std::to_string(u) + "," + std::to_string(v) + "): difference " +
                        Proof::shorten((x[u][v] - y[u][v]).to_string());
                return false;
            }
    return true;
}

/// A named potential as a function of (a, a', b, b') and its target value.
struct Named {
    std::string name;
    std::function<Sym(const Sym&, const Sym&, const Sym&, const Sym&)> m;
    int target;
    bool bias;
};
const std::vector<Named>& named_potentials() {
    static const std::vector<Named> list = {
        {"abc", [](const Sym& a, const Sym&, const Sym& b, const Sym&) { return a * b; }, 1, false},
        {"a'bc", [](const Sym&, const Sym& ap, const Sym& b, const Sym&) { return ap * b; }, 0, false},
        {"ab'c", [](const Sym& a, const Sym&, const Sym&, const Sym& bp) { return a * bp; }, 0, false},
        {"a'b'c", [](const Sym&, const Sym& ap, const Sym&, const Sym& bp) { return ap * bp; }, 0, false},
        {"a^2c", [](const Sym& a, const Sym&, const Sym&, const Sym&) { return a * a; }, 0, false},
        {"b^2c", [](const Sym&, const Sym&, const Sym& b, const Sym&) { return b * b; }, 0, false},
        {"a'^2c", [](const Sym&, const Sym& ap, const Sym&, const Sym&) { return ap * ap; }, 0, false},
        {"b'^2c", [](const Sym&, const Sym&, const Sym&, const Sym& bp) { return bp * bp; }, 0, false},
        {"bias (|a|^2+|b|^2)c", [](const Sym& a, const Sym& ap, const Sym& b, const Sym& bp) { return a * ap + b * bp; }, 0,
         true},
    };
    return list;
}
/// m at the real point y = (p, q, r, s): a = p + i q, b = r + i s.
Sym eval_at(const Named& n, const std::array<Sym, 4>& y) {
    const Sym a = y[0] + kI * y[1], ap = y[0] - kI * y[1], b = y[2] + kI * y[3], bp = y[2] - kI * y[3];
    return n.m(a, ap, b, bp);
}
/// Phi_m by polarisation at the unit vectors (m is a quadratic form in y).
Mat phi_of(const Named& n) {
    auto e = [](int u, int v) {
        std::array<Sym, 4> y{Sym(0), Sym(0), Sym(0), Sym(0)};
        y[u] += Sym(1);
        if (v >= 0) y[v] += Sym(1);
        return y;
    };
    Mat phi = zero_mat();
    for (int u = 0; u < 4; ++u) phi[u][u] = eval_at(n, e(u, -1));
    for (int u = 0; u < 4; ++u)
        for (int v = u + 1; v < 4; ++v)
            phi[u][v] = phi[v][u] = (eval_at(n, e(u, v)) - phi[u][u] - phi[v][v]) * Sym::rational(1, 2);
    return phi;
}
/// The functional tr(Phi .) on symmetric matrices as a vector in the 10 upper-triangle coordinates.
std::vector<Sym> functional(const Mat& phi) {
    std::vector<Sym> v;
    for (int u = 0; u < 4; ++u)
        for (int w = u; w < 4; ++w) v.push_back(u == w ? phi[u][u] : Sym(2) * phi[u][w]);
    return v;
}
/// Exact rank (constant entries), by the generic elimination of algebra/linear_algebra.hpp.
std::size_t rank_of(std::vector<std::vector<Sym>> rows) {
    const std::size_t cols = rows.empty() ? 0 : rows[0].size();
    return cogo::rank<Sym>(std::move(rows), cols, {}, [](const Sym& x) { return x.canonical(); });
}

Mat t0() {
    Mat m = zero_mat();
    const Sym q = Sym::rational(1, 4);
    // rows p, q (0, 1); columns r, s (2, 3): (1/4) [[1, -i], [-i, -1]]
    m[0][2] = m[2][0] = q;
    m[0][3] = m[3][0] = -(q * kI);
    m[1][2] = m[2][1] = -(q * kI);
    m[1][3] = m[3][1] = -q;
    return m;
}
Mat g_mat() {
    Mat m = zero_mat();
    m[0][0] = m[1][1] = Sym(1);
    m[2][2] = m[3][3] = Sym(-1);
    return m;
}
Mat re(const Mat& x) { return scale(Sym::rational(1, 2), add(x, conj(x))); }
Mat im(const Mat& x) { return scale(Sym::rational(1, 2) * kI.inverse(), add(x, scale(Sym(-1), conj(x)))); }

void step1(Proof& proof) {
    proof.section("step 1: the conditions as M = sum c_j y_j y_j^T in T0 + C G (with bias), T0 + C G + C I (without)");
    const Sym p = Sym::real_variable("p"), q = Sym::real_variable("q"), r = Sym::real_variable("r"),
              s = Sym::real_variable("s");
    const std::array<Sym, 4> y{p, q, r, s};
    const Mat T0 = t0(), G = g_mat(), I = identity();
    std::vector<std::vector<Sym>> all9, non_bias8;
    for (const Named& n : named_potentials()) {
        const Mat phi = phi_of(n);
        Sym quad(0);
        for (int u = 0; u < 4; ++u)
            for (int v = 0; v < 4; ++v) quad += y[u] * phi[u][v] * y[v];
        proof.check_equal(n.name + ": m(y) = y^T Phi_m y (a = p + iq, b = r + is, real p, q, r, s)", eval_at(n, y), quad);
        proof.check_equal(n.name + ": tr(Phi_m T0) = target " + std::to_string(n.target), trace_prod(phi, T0), Sym(n.target));
        proof.check_zero(n.name + ": tr(Phi_m G) = 0", trace_prod(phi, G));
        if (n.bias) {
            proof.check_equal(n.name + ": tr(Phi_m I) = 4 (so the bias of T0 + t G + s_ I is 4 s_)", trace_prod(phi, I), Sym(4));
        } else {
            proof.check_zero(n.name + ": tr(Phi_m I) = 0", trace_prod(phi, I));
            non_bias8.push_back(functional(phi));
        }
        all9.push_back(functional(phi));
    }
    proof.check("the 9 functionals (with bias) have rank 9 on Sym_4 (dim 10): solution set exactly T0 + C G",
                rank_of(all9) == 9);
    proof.check("the 8 functionals (without bias) have rank 8: solution set exactly T0 + C G + C I", rank_of(non_bias8) == 8);
}

void step2(Proof& proof) {
    proof.section("step 2: every non-zero real combination of A = Re M, B = Im M is invertible: q >= 4");
    const Sym tr_ = Sym::real_variable("t_r"), ti = Sym::real_variable("t_i"), la = Sym::real_variable("lambda"),
              mu = Sym::real_variable("mu"), sr = Sym::real_variable("s_r"), si = Sym::real_variable("s_i");
    const Mat T0 = t0(), G = g_mat(), I = identity();
    const Mat A = add(re(T0), scale(tr_, G)), B = add(im(T0), scale(ti, G));
    // A and B are real: conj(A) = A.
    std::string where;
    proof.check("Re T0 + t_r G and Im T0 + t_i G are real matrices", mat_equal(conj(A), A, where) && mat_equal(conj(B), B, where),
                where);
    proof.check("Re M + i Im M = T0 + t G", mat_equal(add(A, scale(kI, B)), add(T0, scale(tr_ + kI * ti, G)), where), where);
    const Sym x = la * tr_ + mu * ti;
    const Sym expected = (x * x + (la * la + mu * mu) * Sym::rational(1, 16)) * (x * x + (la * la + mu * mu) * Sym::rational(1, 16));
    proof.check_equal("with bias: det(lambda A + mu B) = ((lambda t_r + mu t_i)^2 + (lambda^2 + mu^2)/16)^2",
                      det(add(scale(la, A), scale(mu, B))), expected);
    // Without the bias: A, B gain s_r I, s_i I.
    const Mat An = add(A, scale(sr, I)), Bn = add(B, scale(si, I));
    const Sym X = la * (tr_ + sr) + mu * (ti + si), Y = la * (sr - tr_) + mu * (si - ti);
    const Sym inner = X * Y - (la * la + mu * mu) * Sym::rational(1, 16);
    proof.check_equal("without bias: det(lambda A + mu B) = (X Y - (lambda^2 + mu^2)/16)^2", det(add(scale(la, An), scale(mu, Bn))),
                      inner * inner);
    const Sym xA = tr_ + sr, yA = sr - tr_, xB = ti + si, yB = si - ti;
    const Sym c1 = xA * yA - Sym::rational(1, 16), c2 = xB * yB - Sym::rational(1, 16), c3 = xA * yB + xB * yA;
    proof.check_equal("X Y - (lambda^2+mu^2)/16 = c1 lambda^2 + c3 lambda mu + c2 mu^2", inner,
                      c1 * la * la + c3 * la * mu + c2 * mu * mu);
    proof.check_equal("xB yA c3 = (xB yA)^2 + (c1 + 1/16)(c2 + 1/16)  (so c1 = c2 = c3 = 0 is impossible over R)",
                      xB * yA * c3, xB * yA * xB * yA + (c1 + Sym::rational(1, 16)) * (c2 + Sym::rational(1, 16)));
    proof.note("=> q <= 3 nodes cannot satisfy even the nine conditions other than the bias (part a)");
}

void steps3_4(Proof& proof) {
    proof.section("steps 3-4: q = 4 and q = 5 with the bias imposed");
    const Sym tr_ = Sym::real_variable("t_r"), ti = Sym::real_variable("t_i");
    const Mat T0 = t0(), G = g_mat(), I = identity();
    const Mat A = add(re(T0), scale(tr_, G)), B = add(im(T0), scale(ti, G));
    const Sym lr = Sym::real_variable("lambda");
    const Sym P_real = (ti - lr * tr_) * (ti - lr * tr_) + (lr * lr + Sym(1)) * Sym::rational(1, 16);
    proof.check_equal("det(B - lambda A) = P(lambda)^2, P = (t_i - lambda t_r)^2 + (lambda^2 + 1)/16 >= 1/16 for real lambda",
                      det(add(B, scale(-lr, A))), P_real * P_real);
    proof.note("=> q = 4 is impossible (step 3: a real lambda = beta_1/alpha_1 would make B - lambda A singular)");
    // K(lambda)^2 = P(lambda) I for complex lambda.
    const Sym l0 = Sym::complex_variable("lambda0");
    const Sym P = (ti - l0 * tr_) * (ti - l0 * tr_) + (l0 * l0 + Sym(1)) * Sym::rational(1, 16);
    const Mat K = add(B, scale(-l0, A));
    std::string where;
    proof.check("K(lambda)^2 = P(lambda) I for complex lambda (so rank K(lambda_0) <= 2 at a root)",
                mat_equal(mul(K, K), scale(P, I), where), where);
    proof.check_equal("P's leading coefficient is t_r^2 + 1/16 (P has degree 2, two non-real roots)",
                      P.substitute("lambda0", Sym(1)) + P.substitute("lambda0", Sym(-1)) -
                          Sym(2) * P.substitute("lambda0", Sym(0)),
                      Sym(2) * (tr_ * tr_ + Sym::rational(1, 16)));
    // Moebius step.
    const Sym al = Sym::real_variable("alpha5"), be = Sym::real_variable("beta5");
    const Sym den = l0 * al - be;
    const Sym sigma = -((al + l0 * be) / den);
    const Mat E = add(scale(be, A), scale(-al, B)), F = add(scale(al, A), scale(be, B));
    proof.check("F - sigma E = (beta5 + sigma alpha5) K(lambda0), E = beta5 A - alpha5 B, F = alpha5 A + beta5 B",
                mat_equal(add(F, scale(-sigma, E)), scale(be + sigma * al, K), where), where);
    proof.check_equal("beta5 + sigma alpha5 = -(alpha5^2 + beta5^2) / (lambda0 alpha5 - beta5)", be + sigma * al,
                      -((al * al + be * be) / den));
    proof.check_equal("(sigma - conj sigma) |lambda0 alpha5 - beta5|^2 = (lambda0 - conj lambda0)(alpha5^2 + beta5^2)",
                      (sigma - sigma.conj()) * den * den.conj(), (l0 - l0.conj()) * (al * al + be * be));
    proof.note("=> rank(F - sigma E) <= 2 with sigma not real, but F - sigma E = Y diag(f - sigma e) Y^T + rank one has");
    proof.note("   rank >= 3: q = 5 is impossible (part c)");
}

/// M = sum_j c_j y_j y_j^T of the nodes of z at frequency k (real coordinates y from the entries).
Mat m_of(const Element<Sym>& z, std::size_t k) {
    Mat m = zero_mat();
    const Sym half = Sym::rational(1, 2), half_i = Sym::rational(1, 2) * kI.inverse();
    for (const Node<Sym>& n : z.nodes()) {
        const Sym a = n.entry(Part::a, k), b = n.entry(Part::b, k), c = n.entry(Part::c, k);
        const std::array<Sym, 4> y{half * (a + a.conj()), half_i * (a - a.conj()), half * (b + b.conj()),
                                   half_i * (b - b.conj())};
        for (int u = 0; u < 4; ++u)
            for (int v = 0; v < 4; ++v) m[u][v] += c * y[u] * y[v];
    }
    return m;
}

void sanity(Proof& proof) {
    proof.section("sanity: the known blocks in these coordinates (construct/families.hpp, Z_5, k = 1)");
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const Sym nu = Sym::unit_modulus("nu"), xi = Sym::unit_modulus("xi"), al = Sym::unit_modulus("alpha"), be = Sym::unit_modulus("beta");
    const Mat T0 = t0(), G = g_mat(), I = identity();
    auto decompose = [&](const std::string& name, const Element<Sym>& z, const Sym& expected_s, std::size_t order) {
        const Mat M = m_of(z, 1);
        const Sym t = (M[0][0] - M[2][2]) * Sym::rational(1, 2), s = (M[0][0] + M[2][2]) * Sym::rational(1, 2);
        std::string where;
        proof.check(name + ": M = T0 + t G + s_ I", mat_equal(M, add(T0, add(scale(t, G), scale(s, I))), where), where);
        proof.check_equal(name + ": s_ = " + expected_s.to_string(), s, expected_s);
        proof.check(name + " has " + std::to_string(order) + " nodes", z.order() == order);
    };
    decompose("z_nu(nu) z_syn / 6", nu_syn_block<Sym>(g, 1, nu), Sym(0), 6);
    decompose("z_nu=i z_syn_ab(alpha, beta) / 6", nui_synab_block<Sym>(g, 1, al, be), Sym(0), 6);
    for (int s : {1, -1})
        decompose("z_nu=i z_xi(xi, s = " + std::to_string(s) + ") / 4 (bias 4 s_ = 1 + s i != 0)", nui_xi_block<Sym>(g, 1, xi, s),
                  (Sym(1) + Sym(s) * kI) * Sym::rational(1, 4), 4);
}

}  // namespace

int main() {
    Proof proof("minimum_order",
                "Minimum order of a per-frequency block (q nodes at one frequency k != -k, real weights; conditions\n"
                "abc = 1, a'bc = ab'c = a'b'c = 0, a^2c = b^2c = a'^2c = b'^2c = 0, bias (|a|^2+|b|^2)c = 0):\n"
                "(a) q <= 3: even the nine conditions without the bias are unsatisfiable;\n"
                "(b) q = 4: the nine are satisfiable (z_nu=i z_xi) but never together with the bias;\n"
                "(c) q = 5: the ten conditions are unsatisfiable;  (d) q = 6 is attained. Minimum order: 6.\n"
                "Argument: the conditions say M = sum_j c_j y_j y_j^T = T0 + t G (y_j real coordinates of (a_j, b_j));\n"
                "rank and real-pencil arguments on Re M, Im M (header comment), each algebraic step an exact identity.");
    return proof.run([](Proof& p) {
        step1(p);
        step2(p);
        steps3_4(p);
        sanity(p);
    });
}
