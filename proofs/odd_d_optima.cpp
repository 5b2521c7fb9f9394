/// \file odd_d_optima.cpp
/// Proof: for EVERY odd d >= 3 (in fact every finite Abelian group of odd order), and
/// ALL unit parameters, z_F6, sum_k z_{nu=i} z_{syn,ab} / 6 and z_F4/6 are global optima of the all-pairs
/// L2 loss (loss exactly 0), as constructed in construct/global_solutions.hpp (docs/theory.md section 5).
///
/// THE ARGUMENT (each numbered step is checked by this program, except the definitions in step 0).
///
/// 0. Loss 0 criterion (Theorem 1, docs/theory.md section 3; only its elementary "if" direction is used).
///    With V[m,j] = (1/2d) sum_k z_c[k,j] zeta^{-km} and W_p[j,x] = sum_k z_p[k,j] zeta^{kx}, expanding the
///    square gives, for every pair (x, y) and class m,
///        o(x,y)[m] = (1/d) sum_k zeta^{-km} sum_{k1,k2} T_k(k1,k2) zeta^{k1 x + k2 y},
///        T_k(k1,k2) = r_{k1,k2,k} + [k2 = 0] A_k[k1]/2 + [k1 = 0] B_k[k2]/2,
///        A_k[m] = sum_{k'+k''=m} sum_j z_a[k',j] z_a[k'',j] z_c[k,j]   (B_k likewise with z_b),
///    and e_{x+y}[m] = (1/d) sum_k zeta^{-km} zeta^{k(x+y)}. So if T_k(k1,k2) = [k1 = k2 = k] for every
///    output k != 0 and every (k1, k2), then o(x,y) - e_{x+y} is constant in m, P annihilates it, and the
///    loss is 0 (its minimum, as it is a sum of squares). These T_k(k1,k2) are exactly the conditions
///    algebra/conditions.hpp enumerates. By definition T_k(k1,k2) is a sum of TERMS, one for each node j with
///    a c-entry at k and each ordered pair of its support frequencies: the r-term a_j(k1) b_j(k2) c_j(k) at
///    position (k1, k2), the a-term a_j(k') a_j(k'') c_j(k)/2 at position (k'+k'', 0), the b-term at
///    (0, k'+k''). (An r-term at (m, 0) would need a DC entry z_b[0,j]; none of our elements has one.)
///
/// 1. The elements. Write n = d, K_1..K_{(d-1)/2} for the pair representatives {K, -K} (K != 0; for odd
///    order K != -K). Every element is a sum of BLOCKS, one per pair; all nodes of the block of {K, -K}
///    have a- and b-support in {K, -K}; their c-support is {K, -K} (z_F6, z_nu=i z_syn_ab, the order-4
///    blocks of z_F4/6) or, for the order-6 block of z_F4/6 at K0, every non-zero frequency. A block is
///    given by node entries that do NOT depend on d or K (docs/theory.md table: 1, w = zeta_3, i, the unit
///    parameters, their conjugates, c / order); so every per-block quantity is one symbolic identity.
///    So a node at {X, -X} with a c-entry gamma at an output O contributes exactly the 12 terms
///        r(e1,e2) at (e1 X, e2 X),  a(e1,e2) at ((e1+e2) X, 0),  b(e1,e2) at (0, (e1+e2) X),  e1,e2 = +-1,
///    and the targets are 1 at (O, O), 0 elsewhere.
///
/// 2. ALIASING LEMMA (what can coincide, for odd d). Positions are pairs of integer linear forms in two
///    block frequencies K, L. Hypotheses H: d odd, K != 0, L != 0, L != +-K (distinct pairs). Two positions
///    coincide for a given (d, K, L) iff both coordinate differences f1, f2 vanish mod d. Each difference
///    arising is u X with X in {K, L, K - L, K + L} (all != 0 under H) and u an integer; if u = +-2^j this
///    never vanishes, because 2^j is a unit mod every odd d: with d = 2e + 1, 2^j (-e)^j = (1 - d)^j = 1 + d w_j
///    for an integer polynomial w_j (checked as a polynomial identity in e, for each j that occurs).
///    (For a finite Abelian group of odd order, read d as its exponent: d X = 0 for every X, so the same
///    certificate gives X = (-e)^j 2^j X - w_j d X = 0; frequencies of Z_{d1} x ... are handled alike.)
///    Result (checked pair by pair over all 12 x 12 terms):
///     (C1) within one block the 12 terms occupy exactly 9 positions: the four r-terms, a(+,+) at (2X,0),
///          a(-,-) at (-2X,0), b(+,+), b(-,-), and one shared position (0,0) holding a(+,-), a(-,+),
///          b(+,-), b(-,+) (sum: the block's bias sum_j (|a_j|^2 + |b_j|^2) gamma_j). This uses 2X != 0,
///          4X != 0 (so 2X, 0, -2X are distinct and A_O[2X] has the single term a(+,+)).
///     (C2) two blocks (at K and at L) share no position except (0,0).
///     (C3) the target (O, O) of an output O = sK is the position of the block at K's r(s,s) and of no
///          other term; if O = sL, no term of the block at K is there.
///    Every comparison is decided (always / never); none depends on d beyond oddness.
///    About 3 | d: for K = d/3, 2K = -K, so the position (2K, 0) of a(+,+) is ALSO the position (-K, 0).
///    That only renames the condition T_O(2K,0) (a dc-a condition, target 0, never the 1-set (O,O)); it
///    would mix in a second term only if some node had a DC entry z_b[0] (an r-term at (-K, 0)). The program
///    decides this coincidence (possible iff 3 | d, witnessed), and likewise lists every coincidence that
///    becomes possible once DC positions (+-K, 0), (0, +-K) are admitted (e.g. (2K,0) = (L,0) for L = 2K):
///    all of them involve a DC position, none involves two terms of our elements.
///
/// 3. PER-BLOCK IDENTITIES (symbolic, all unit parameters; Q(e1,e2) etc. are the term sums over a block):
///     z_nu(nu) z_syn / 6 and z_nu=i z_syn_ab(alpha, beta) / 6, at both own outputs O = sK (s = +-1):
///          r(s,s) = 1, the other three r = 0, a(s',s') = b(s',s') = 0 for s' = +-1, bias = 0;
///     the order-4 block z_nu=i z_xi(xi, s) / 4 at its own outputs O = tK: the same except
///          bias(O = K) = 1 + s i, bias(O = -K) = 1 - s i;
///     the order-6 block of z_F4/6 with output weights gamma_(i,l) = lambda y_i at a foreign output
///          (y = (|nu|^2, 1), lambda a generic complex variable): all four r = 0, all a, b = 0, and
///          bias = lambda D with D = sum_j y_j (|a_j|^2 + |b_j|^2) = 12; with lambda_K = -rho_K / D (rho_K the
///          order-4 block's bias at K, as f46 defines it) and conj(lambda_K) at -K, the two biases cancel.
///
/// 4. ASSEMBLY. For every output O != 0 the contributing blocks are: the block of O's pair, and for
///    z_F4/6 (when O's pair is not K0's) also the order-6 block through its foreign output weights. By
///    (C1)-(C3) the value at each position is the sum of the terms there; the program forms these sums
///    per scenario (F6 / synab / F4/6 at an order-4 pair / F4/6 at K0; s = +-1) and checks every position
///    against its target. Every position not listed holds no term and has target 0 (its target would be
///    1 only at (O, O), which is listed by (C3)). Hence T = target everywhere, loss 0, for every odd d.
///
/// 5. CROSS-CHECK (not part of the proof): on many groups (d = 3..45 including multiples of 3, 5, 7, and
///    Z_3 x Z_3, Z_3 x Z_5) the elements built by construct/ with independent unit parameters per block are
///    verified by verify_global_optimum (PROVED, loss 0; the all-order-4 element REFUTED with loss
///    2(n-1)/n), and the full table of conditions enumerated by algebra/conditions.hpp (positions and exact
///    values) equals the table predicted by steps 1-3 from docs/theory.md's entries.
///
/// Usage: proof_odd_d_optima [--claim order4]   (the second form claims the all-order-4 element optimal
/// for every odd d through the same reduction: a deliberately wrong statement, it must end FAILED).
#include <array>
#include <chrono>
#include <cstdio>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "construct/global_solutions.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"
#include "algebra/conditions.hpp"
#include "verify/verify.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

using Sym = Symbolic;
const Sym kI = Sym::zeta(4, 1);  // i
const Sym kW = Sym::zeta(3, 1);  // w = exp(2 pi i / 3)

// ------------------------------------------------------------------------------------------------------
// Step 1: abstract blocks from docs/theory.md's table (independent of construct/families.hpp).

struct Gen {
    Sym a, b, c;  ///< entries at +K (conjugates at -K)
};
using Gens = std::vector<Gen>;

/// Kronecker product; node (i, l) at index i |y| + l (as construct/ orders them).
Gens kron(const Gens& x, const Gens& y) {
    Gens out;
    for (const Gen& p : x)
        for (const Gen& q : y) out.push_back({p.a * q.a, p.b * q.b, p.c * q.c});
    return out;
}
Gens g_syn() { return {{1, 1, 1}, {kW, kW, kW}, {kW.conj(), kW.conj(), kW.conj()}}; }
Gens g_nu(const Sym& nu) { return {{1, 1, 1}, {nu, -nu, -(nu.conj() * nu.conj())}}; }
Gens g_xi(const Sym& xi, int s) {
    const Sym si = Sym(s) * kI;
    return {{1, 1, 1}, {xi, -(si * xi.conj()), si}};
}
Gens g_synab(const Sym& al, const Sym& be) {
    const Sym a[3] = {Sym(1), al * kW, be * kW.conj()};
    const Sym c[3] = {Sym(1), kW, kW.conj()};
    Gens out;
    for (int j = 0; j < 3; ++j) out.push_back({a[j], (a[j] * c[j]).inverse(), c[j]});
    return out;
}

struct ANode {
    Sym a, ap, b, bp;  ///< a = z_a[K], ap = z_a[-K] = conj(a), likewise b
};
struct Block {
    std::vector<ANode> nodes;
    std::vector<Sym> c_plus, c_minus;  ///< own output weights at K and at -K (conj)
};
Block make_block(const Gens& g, long order) {
    Block b;
    const Sym scale = Sym::rational(1, order);
    for (const Gen& n : g) {
        b.nodes.push_back({n.a, n.a.conj(), n.b, n.b.conj()});
        b.c_plus.push_back(n.c * scale);
        b.c_minus.push_back(n.c.conj() * scale);
    }
    return b;
}

// ------------------------------------------------------------------------------------------------------
// Step 2: positions as linear forms, and the aliasing decision.

using Form = std::array<long, 2>;  ///< coefficients of (K, L)
using Pos = std::pair<Form, Form>;

enum class TermKind { r, a, b };
struct Term {
    TermKind kind;
    int e1, e2;
};
const std::vector<Term>& all_terms() {
    static const std::vector<Term> terms = [] {
        std::vector<Term> t;
        for (TermKind k : {TermKind::r, TermKind::a, TermKind::b})
            for (int e1 : {1, -1})
                for (int e2 : {1, -1}) t.push_back({k, e1, e2});
        return t;
    }();
    return terms;
}
std::string term_name(const Term& t) {
    const char* k = t.kind == TermKind::r ? "r" : t.kind == TermKind::a ? "a" : "b";
    return std::string(k) + "(" + (t.e1 > 0 ? "+" : "-") + "," + (t.e2 > 0 ? "+" : "-") + ")";
}
/// Position of a term of the block at symbol x (0 = K, 1 = L).
Pos term_pos(const Term& t, int x) {
    Form f1{0, 0}, f2{0, 0};
    if (t.kind == TermKind::r) {
        f1[x] = t.e1;
        f2[x] = t.e2;
    } else if (t.kind == TermKind::a) {
        f1[x] = t.e1 + t.e2;
    } else {
        f2[x] = t.e1 + t.e2;
    }
    return {f1, f2};
}
std::string form_str(const Form& f) {
    std::string s;
    const char* names[2] = {"K", "L"};
    for (int i = 0; i < 2; ++i) {
        if (f[i] == 0) continue;
        if (!s.empty()) s += f[i] > 0 ? "+" : "";
        if (f[i] == -1) s += "-";
        else if (f[i] != 1) s += std::to_string(f[i]);
        s += names[i];
    }
    return s.empty() ? "0" : s;
}
std::string pos_str(const Pos& p) { return "(" + form_str(p.first) + ", " + form_str(p.second) + ")"; }

bool is_power_of_two(long u, int& j) {
    u = std::labs(u);
    j = 0;
    if (u == 0) return false;
    while (u % 2 == 0) {
        u /= 2;
        ++j;
    }
    return u == 1;
}

enum class Outcome { always, never, possible, undecided };
struct Decision {
    Outcome outcome;
    std::string why;
};

std::set<int> g_powers_used;  // exponents j whose Bezout certificate must be checked

/// Decides f == 0 (mod d) for all (d, K, L) satisfying H.
Decision decide_form(const Form& f) {
    if (f[0] == 0 && f[1] == 0) return {Outcome::always, "0"};
    long u;
    std::string x;
    if (f[1] == 0) {
        u = f[0];
        x = "K";
    } else if (f[0] == 0) {
        u = f[1];
        x = "L";
    } else if (std::labs(f[0]) == std::labs(f[1])) {
        u = f[0];
        x = f[0] == f[1] ? "(K+L)" : "(K-L)";
    } else {
        // u K + v L with |u| != |v|: vanishes for some admissible (d, K, L) (callers confirm by a witness);
        // never accepted by the proof's steps, which need every comparison decided always / never.
        return {Outcome::possible, form_str(f) + " = 0 for suitable (d, K, L)"};
    }
    int j = 0;
    if (is_power_of_two(u, j)) {
        g_powers_used.insert(j);
        return {Outcome::never, form_str(f) + " = " + std::to_string(u) + " " + x + ", 2^" + std::to_string(j) +
                                    " a unit mod odd d and " + x + " != 0"};
    }
    return {Outcome::possible, form_str(f) + " = 0 possible iff gcd(" + std::to_string(std::labs(u)) + ", d) > 1"};
}

/// Decides whether positions p and q coincide for all / no / some (d, K, L) satisfying H.
Decision decide(const Pos& p, const Pos& q) {
    const Form f1{p.first[0] - q.first[0], p.first[1] - q.first[1]};
    const Form f2{p.second[0] - q.second[0], p.second[1] - q.second[1]};
    const Decision d1 = decide_form(f1), d2 = decide_form(f2);
    if (d1.outcome == Outcome::always && d2.outcome == Outcome::always) return {Outcome::always, "identical forms"};
    if (d1.outcome == Outcome::never) return d1;
    if (d2.outcome == Outcome::never) return d2;
    if (d1.outcome == Outcome::undecided) return d1;
    if (d2.outcome == Outcome::undecided) return d2;
    std::string why;
    if (d1.outcome == Outcome::possible) why = d1.why;
    if (d2.outcome == Outcome::possible) why += (why.empty() ? "" : " and ") + d2.why;
    return {Outcome::possible, why};
}

/// Brute force over odd d <= d_max: does some (d, K, L) with H make p and q coincide? Returns a witness.
std::string brute_force(const Pos& p, const Pos& q, long d_max = 99) {
    for (long d = 3; d <= d_max; d += 2)
        for (long K = 1; K < d; ++K)
            for (long L = 1; L < d; ++L) {
                if (L == K || L == d - K) continue;
                auto val = [&](const Form& f) { return (((f[0] * K + f[1] * L) % d) + d) % d; };
                if (val(p.first) == val(q.first) && val(p.second) == val(q.second))
                    return "d=" + std::to_string(d) + " K=" + std::to_string(K) + " L=" + std::to_string(L);
            }
    return {};
}

void check_decision(Proof& proof, const std::string& what, const Pos& p, const Pos& q, Outcome expected) {
    const Decision dec = decide(p, q);
    const char* names[] = {"always", "never", "possible", "undecided"};
    proof.check(what + ": " + pos_str(p) + " vs " + pos_str(q) + " " + names[static_cast<int>(expected)],
                dec.outcome == expected, std::string("decided ") + names[static_cast<int>(dec.outcome)] + ": " + dec.why);
    // Independent confirmation on every odd d <= 99 (not needed for the proof, cheap).
    const std::string witness = brute_force(p, q);
    if (expected == Outcome::never)
        proof.check(what + ": brute force finds no coincidence for odd d <= 99", witness.empty(), "coincide at " + witness);
    if (expected == Outcome::always)
        proof.check(what + ": brute force confirms the coincidence", !witness.empty());
}

/// Class index of a term within one block (C1's expected partition).
int expected_class(const Term& t) {
    if (t.kind == TermKind::r) return (t.e1 > 0 ? 0 : 2) + (t.e2 > 0 ? 0 : 1);  // 0..3
    if (t.e1 != t.e2) return 8;                                                 // the bias position (0,0)
    const int base = t.kind == TermKind::a ? 4 : 6;
    return base + (t.e1 > 0 ? 0 : 1);
}

void aliasing_lemma(Proof& proof) {
    proof.section("step 2, (C1): the 12 terms of one block occupy exactly 9 positions, for every odd d");
    const auto& terms = all_terms();
    for (std::size_t i = 0; i < terms.size(); ++i)
        for (std::size_t j = i + 1; j < terms.size(); ++j) {
            const bool same = expected_class(terms[i]) == expected_class(terms[j]);
            check_decision(proof, "block K: " + term_name(terms[i]) + " vs " + term_name(terms[j]), term_pos(terms[i], 0),
                           term_pos(terms[j], 0), same ? Outcome::always : Outcome::never);
        }

    proof.section("step 2, (C2): blocks at two distinct pairs {K,-K}, {L,-L} share only the position (0,0)");
    for (const Term& s : terms)
        for (const Term& t : terms) {
            const bool both_bias = expected_class(s) == 8 && expected_class(t) == 8;
            check_decision(proof, "K:" + term_name(s) + " vs L:" + term_name(t), term_pos(s, 0), term_pos(t, 1),
                           both_bias ? Outcome::always : Outcome::never);
        }

    proof.section("step 2, (C3): the 1-set position (O,O) of an output O");
    for (int sgn : {1, -1}) {
        const Pos own{Form{sgn, 0}, Form{sgn, 0}}, foreign{Form{0, sgn}, Form{0, sgn}};
        for (const Term& t : terms) {
            const bool hit = t.kind == TermKind::r && t.e1 == sgn && t.e2 == sgn;
            check_decision(proof, std::string("target at O = ") + (sgn > 0 ? "K" : "-K") + " vs K:" + term_name(t), own,
                           term_pos(t, 0), hit ? Outcome::always : Outcome::never);
            check_decision(proof, std::string("target at O = ") + (sgn > 0 ? "L" : "-L") + " vs K:" + term_name(t),
                           foreign, term_pos(t, 0), Outcome::never);
        }
    }

    proof.section("step 2, remark on 3 | d and on DC positions (which our elements never occupy)");
    // (2K, 0) vs (-K, 0): 3K = 0.
    const Pos a_pp = term_pos({TermKind::a, 1, 1}, 0), dc_minus_k{Form{-1, 0}, Form{0, 0}};
    check_decision(proof, "a(+,+) at (2K,0) vs the DC position (-K,0)", a_pp, dc_minus_k, Outcome::possible);
    {
        const std::string w = brute_force(a_pp, dc_minus_k);
        proof.check("the coincidence 2K = -K occurs (3K = 0): first witness " + w, w.rfind("d=3 ", 0) == 0 ||
                                                                                      w.rfind("d=9 ", 0) == 0);
        bool only_multiples_of_3 = true;
        for (long dd = 3; dd <= 99; dd += 2)
            for (long K = 1; K < dd; ++K)
                if ((2 * K) % dd == (dd - K) % dd && (dd % 3 != 0 || (K != dd / 3 && K != 2 * dd / 3)))
                    only_multiples_of_3 = false;
        proof.check("2K = -K mod d (K != 0) exactly when 3 | d and K in {d/3, 2d/3} (all odd d <= 99)",
                    only_multiples_of_3);
    }
    // Every possible coincidence once DC positions (s K, 0), (0, s K), (s L, 0), (0, s L) are admitted.
    std::vector<std::pair<std::string, Pos>> dc;
    for (int x : {0, 1})
        for (int sgn : {1, -1}) {
            Form f{0, 0};
            f[x] = sgn;
            const std::string nm = std::string(sgn > 0 ? "" : "-") + (x == 0 ? "K" : "L");
            dc.push_back({"DC (" + nm + ",0)", Pos{f, Form{0, 0}}});
            dc.push_back({"DC (0," + nm + ")", Pos{Form{0, 0}, f}});
        }
    std::size_t possible = 0;
    for (const auto& [name, p] : dc)
        for (const Term& t : terms) {
            const Decision dec = decide(p, term_pos(t, 0));
            if (dec.outcome == Outcome::undecided) {
                proof.check(name + " vs K:" + term_name(t) + " decided", false, dec.why);
                continue;
            }
            if (dec.outcome != Outcome::possible) continue;
            ++possible;
            const std::string w = brute_force(p, term_pos(t, 0));
            proof.check(name + " = K:" + term_name(t) + " is possible (" + dec.why + "), witness " + w, !w.empty());
            proof.note(name + " = position of K:" + term_name(t) + " " + pos_str(term_pos(t, 0)) + " when " + dec.why +
                       " (e.g. " + w + ")");
        }
    proof.note(std::to_string(possible) +
               " possible coincidences, each with a DC position: they matter only for elements with DC inputs");
}

/// The unit certificates for every power of 2 that a "never" decision used (call after all decisions).
void unit_certificates(Proof& proof) {
    proof.section("step 2 (certificates): unit certificates 2^j (-e)^j = 1 + d w_j(e), d = 2e + 1, for the j used");
    const Sym e = Sym::real_variable("e");
    const Sym d = Sym(2) * e + Sym(1);
    for (int j : g_powers_used) {
        // w_j = ((1 - d)^j - 1) / d = sum_{i=1..j} C(j,i) (-1)^i d^(i-1), an integer polynomial in e
        Sym w(0), dpow(1);
        long binom = 1;
        for (int i = 1; i <= j; ++i) {
            binom = binom * (j - i + 1) / i;
            w += Sym((i % 2 ? -1 : 1) * binom) * dpow;
            dpow *= d;
        }
        Sym lhs(1);
        for (int i = 0; i < j; ++i) lhs *= Sym(2) * (-e);
        proof.check_equal("2^" + std::to_string(j) + " (-e)^" + std::to_string(j) + " = 1 + d w_" + std::to_string(j) +
                              "(e), w_j with integer coefficients",
                          lhs, Sym(1) + d * w);
    }
    proof.note("so 2^j X = 0 mod d implies X = (-e)^j 2^j X - d w_j X = 0 mod d, for every odd d = 2e + 1");

}

// ------------------------------------------------------------------------------------------------------
// Step 3/4: term sums and assembly.

/// Value of term t of a block with output weights gamma.
Sym term_value(const std::vector<ANode>& nodes, const std::vector<Sym>& gamma, const Term& t) {
    const Sym half = Sym::rational(1, 2);
    Sym sum(0);
    for (std::size_t j = 0; j < nodes.size(); ++j) {
        const ANode& n = nodes[j];
        const Sym& a1 = t.e1 > 0 ? n.a : n.ap;
        const Sym& a2 = t.e2 > 0 ? n.a : n.ap;
        const Sym& b1 = t.e1 > 0 ? n.b : n.bp;
        const Sym& b2 = t.e2 > 0 ? n.b : n.bp;
        if (t.kind == TermKind::r) sum += a1 * b2 * gamma[j];
        else if (t.kind == TermKind::a) sum += half * a1 * a2 * gamma[j];
        else sum += half * b1 * b2 * gamma[j];
    }
    return sum;
}

/// The bias sum_j (a a' + b b') gamma_j.
Sym bias_value(const std::vector<ANode>& nodes, const std::vector<Sym>& gamma) {
    Sym sum(0);
    for (std::size_t j = 0; j < nodes.size(); ++j) sum += (nodes[j].a * nodes[j].ap + nodes[j].b * nodes[j].bp) * gamma[j];
    return sum;
}

struct Contribution {
    int x;  ///< 0: block at K, 1: block at L
    const Block* block;
    std::vector<Sym> gamma;
};

/// Groups all terms of the contributions by position (every pair of positions must be decided always/never),
/// adds the target, and checks every position's value against its target.
void assemble(Proof& proof, const std::string& name, const std::vector<Contribution>& contributions, const Pos& target) {
    struct Group {
        Pos pos;
        Sym value;
        std::string terms;
    };
    std::vector<Group> groups;
    bool decided = true;
    auto place = [&](const Pos& p, const Sym& v, const std::string& label) {
        std::size_t found = groups.size();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const Decision dec = decide(p, groups[g].pos);
            if (dec.outcome == Outcome::always) {
                found = g;
            } else if (dec.outcome != Outcome::never) {
                decided = false;
                proof.check(name + ": positions " + pos_str(p) + " and " + pos_str(groups[g].pos) + " decided", false,
                            dec.why);
            }
        }
        if (found == groups.size()) {
            groups.push_back({p, v, label});
        } else {
            groups[found].value += v;
            groups[found].terms += " + " + label;
        }
    };
    for (const Contribution& c : contributions)
        for (const Term& t : all_terms())
            place(term_pos(t, c.x), term_value(c.block->nodes, c.gamma, t), (c.x == 0 ? "K:" : "L:") + term_name(t));
    place(target, Sym(0), "target");
    proof.check(name + ": every pair of positions decided (always or never) for all odd d", decided);
    for (const Group& g : groups) {
        const bool is_target = decide(g.pos, target).outcome == Outcome::always;
        proof.check_equal(name + ": T at " + pos_str(g.pos) + " [" + g.terms + "] = " + (is_target ? "1" : "0"), g.value,
                          Sym(is_target ? 1 : 0));
    }
}

std::vector<Sym> y_weights(const Sym& nu, const Sym& lambda) {
    // gamma_(i,l) = lambda y_i, y = (|nu|^2, 1), node (i, l) at index 3 i + l
    std::vector<Sym> g;
    for (int i = 0; i < 2; ++i)
        for (int l = 0; l < 3; ++l) g.push_back(lambda * (i == 0 ? nu * nu.conj() : Sym(1)));
    return g;
}

void per_block_and_assembly(Proof& proof, bool claim_order4) {
    const Sym nu = Sym::unit_modulus("nu"), xi = Sym::unit_modulus("xi"), al = Sym::unit_modulus("alpha"), be = Sym::unit_modulus("beta");
    const Block f6 = make_block(kron(g_nu(nu), g_syn()), 6);
    const Block synab = make_block(kron(g_nu(kI), g_synab(al, be)), 6);
    const Pos tK{Form{1, 0}, Form{1, 0}}, tmK{Form{-1, 0}, Form{-1, 0}};

    if (claim_order4) {
        proof.section("steps 3-4 for the (wrongly claimed) all-order-4 element: z_nu=i z_xi(xi, s) / 4 at every pair");
        for (int s : {1, -1}) {
            const Block b4 = make_block(kron(g_nu(kI), g_xi(xi, s)), 4);
            const std::string tag = "order-4 (s = " + std::to_string(s) + ")";
            assemble(proof, tag + ", O = K", {{0, &b4, b4.c_plus}}, tK);
            assemble(proof, tag + ", O = -K", {{0, &b4, b4.c_minus}}, tmK);
        }
        return;
    }

    proof.section("step 3: per-block identities, all unit nu, alpha, beta, xi; s = +-1");
    for (const auto& [name, blk] : {std::pair<std::string, const Block*>{"z_nu(nu) z_syn / 6", &f6},
                                    std::pair<std::string, const Block*>{"z_nu=i z_syn_ab(alpha, beta) / 6", &synab}}) {
        proof.check(name + " has 6 nodes", blk->nodes.size() == 6);
        proof.check_zero(name + ": bias at K = 0", bias_value(blk->nodes, blk->c_plus));
        proof.check_zero(name + ": bias at -K = 0", bias_value(blk->nodes, blk->c_minus));
    }
    const Sym lam = Sym::complex_variable("lambda");
    const std::vector<Sym> cross = y_weights(nu, lam);
    Sym D(0);
    for (std::size_t j = 0; j < f6.nodes.size(); ++j)
        D += cross[j] * (f6.nodes[j].a * f6.nodes[j].ap + f6.nodes[j].b * f6.nodes[j].bp);
    D = D / lam;  // sum_j y_j (|a_j|^2 + |b_j|^2)
    proof.check_equal("order-6 block of z_F4/6: D = sum_j y_j (|a_j|^2 + |b_j|^2) = 12 for every unit nu", D, Sym(12));
    for (const Term& t : all_terms()) {
        if (expected_class(t) == 8) continue;
        proof.check_zero("order-6 block, foreign output weights lambda y_i (lambda generic complex): " + term_name(t) + " = 0",
                         term_value(f6.nodes, cross, t));
    }
    proof.check_equal("order-6 block, foreign output weights lambda y_i: bias = 12 lambda", bias_value(f6.nodes, cross),
                      Sym(12) * lam);

    std::vector<Block> b4s;
    for (int s : {1, -1}) b4s.push_back(make_block(kron(g_nu(kI), g_xi(xi, s)), 4));
    for (std::size_t si = 0; si < 2; ++si) {
        const int s = si == 0 ? 1 : -1;
        const Block& b4 = b4s[si];
        const Sym rho = bias_value(b4.nodes, b4.c_plus);
        const std::string tag = "z_nu=i z_xi(xi, s = " + std::to_string(s) + ") / 4";
        proof.check_equal(tag + ": bias at K = 1 + s i", rho, Sym(1) + Sym(s) * kI);
        proof.check_equal(tag + ": bias at -K = 1 - s i", bias_value(b4.nodes, b4.c_minus), Sym(1) - Sym(s) * kI);
        const Sym lambda_k = -(rho / D);
        proof.check_zero(tag + ": bias at K + lambda_K D = 0 (lambda_K = -rho_K / D)", rho + lambda_k * D);
        proof.check_zero(tag + ": bias at -K + conj(lambda_K) D = 0",
                         bias_value(b4.nodes, b4.c_minus) + lambda_k.conj() * D);
    }

    proof.section("step 4: assembly of every output's conditions (all targets), all unit parameters");
    for (int sgn : {1, -1}) {
        const std::string o = sgn > 0 ? "O = K" : "O = -K";
        const Pos target = sgn > 0 ? tK : tmK;
        assemble(proof, "z_F6 " + o, {{0, &f6, sgn > 0 ? f6.c_plus : f6.c_minus}}, target);
        assemble(proof, "sum z_nu=i z_syn_ab / 6, " + o, {{0, &synab, sgn > 0 ? synab.c_plus : synab.c_minus}}, target);
        assemble(proof, "z_F4/6 at the order-6 pair K0 = K, " + o, {{0, &f6, sgn > 0 ? f6.c_plus : f6.c_minus}}, target);
        for (std::size_t si = 0; si < 2; ++si) {
            const Block& b4 = b4s[si];
            const Sym lambda_k = -(bias_value(b4.nodes, b4.c_plus) / D);
            const std::vector<Sym> g6 = y_weights(nu, sgn > 0 ? lambda_k : lambda_k.conj());
            assemble(proof,
                     "z_F4/6 at an order-4 pair K (s = " + std::to_string(si == 0 ? 1 : -1) + "), order-6 block at L = K0, " + o,
                     {{0, &b4, sgn > 0 ? b4.c_plus : b4.c_minus}, {1, &f6, g6}}, target);
        }
    }
}

// ------------------------------------------------------------------------------------------------------
// Step 5: cross-check against construct/ + verify/ on many groups.

using Table = std::map<std::tuple<std::size_t, std::size_t, std::size_t>, Sym>;

/// Adds the 12 terms of a block at representative k (outputs given as (output frequency, weights)).
void predict_block(Table& table, const AbelianGroup& g, std::size_t k, const Block& blk,
                   const std::vector<std::pair<std::size_t, std::vector<Sym>>>& outputs) {
    for (const auto& [out, gamma] : outputs)
        for (const Term& t : all_terms()) {
            const std::size_t x1 = t.e1 > 0 ? k : g.neg(k), x2 = t.e2 > 0 ? k : g.neg(k);
            std::pair<std::size_t, std::size_t> pos;
            if (t.kind == TermKind::r) pos = {x1, x2};
            else if (t.kind == TermKind::a) pos = {g.add(x1, x2), 0};
            else pos = {0, g.add(x1, x2)};
            auto [it, inserted] = table.try_emplace(std::tuple{out, pos.first, pos.second}, term_value(blk.nodes, gamma, t));
            if (!inserted) it->second += term_value(blk.nodes, gamma, t);
        }
}

Sym to_sym(const Sym& v) { return v; }
Sym to_sym(const Cyclotomic& v) { return Sym::from_cyclotomic(v); }

/// Compares verify's enumerated conditions with the predicted table (positions and exact values).
template <class S>
void compare(Proof& proof, const std::string& name, const Element<S>& z, Table predicted) {
    const auto conds = enumerate_conditions(z);
    for (std::size_t k = 1; k < z.group().order(); ++k) predicted.try_emplace(std::tuple{k, k, k}, Sym(0));
    bool same_positions = conds.size() == predicted.size();
    std::size_t bad = 0;
    std::string first_bad;
    for (const auto& c : conds) {
        auto it = predicted.find(std::tuple{c.k, c.k1, c.k2});
        if (it == predicted.end()) {
            same_positions = false;
            continue;
        }
        if (!(to_sym(c.value) - it->second).is_zero()) {
            if (bad++ == 0)
                first_bad = "T_" + std::to_string(c.k) + "(" + std::to_string(c.k1) + "," + std::to_string(c.k2) + ")";
        }
    }
    proof.check(name + ": verify enumerates exactly the predicted positions (" + std::to_string(conds.size()) + ")",
                same_positions, std::to_string(conds.size()) + " enumerated vs " + std::to_string(predicted.size()) + " predicted");
    proof.check(name + ": every enumerated value equals the predicted value", bad == 0,
                std::to_string(bad) + " differ, first " + first_bad);
}

void cross_check(Proof& proof, const AbelianGroup& g) {
    const auto start = std::chrono::steady_clock::now();
    struct Timer {
        Proof& proof;
        std::string name;
        std::chrono::steady_clock::time_point start;
        ~Timer() {
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.2f s", s);
            proof.note(name + ": cross-checked in " + buf);
        }
    } timer{proof, g.name(), start};
    auto lap_start = std::chrono::steady_clock::now();
    auto lap = [&](const std::string& what) {
        const auto now = std::chrono::steady_clock::now();
        char buf[64];
        std::snprintf(buf, sizeof buf, " %.2f s", std::chrono::duration<double>(now - lap_start).count());
        timer.name += std::string(", ") + what + buf;
        lap_start = now;
    };
    const std::vector<std::size_t> reps = pair_representatives(g);
    const std::string tag = "x" + g.name();
    std::vector<Sym> nus, xis, alphas, betas;
    std::vector<int> signs;
    for (std::size_t t = 0; t < reps.size(); ++t) {
        nus.push_back(Sym::unit_modulus(tag + "nu" + std::to_string(t)));
        xis.push_back(Sym::unit_modulus(tag + "xi" + std::to_string(t)));
        alphas.push_back(Sym::unit_modulus(tag + "al" + std::to_string(t)));
        betas.push_back(Sym::unit_modulus(tag + "be" + std::to_string(t)));
        signs.push_back(t % 3 == 1 ? -1 : 1);
    }
    const long n = static_cast<long>(g.order());
    const std::string gn = g.name();

    // z_F6
    const Element<Sym> zf6 = f6<Sym>(g, nus);
    const auto rf6 = verify_global_optimum(zf6);
    proof.check(gn + ": z_F6 PROVED by verify, loss 0", rf6.verdict == Verdict::proved && rf6.loss && rf6.loss->is_zero());
    Table p6;
    for (std::size_t t = 0; t < reps.size(); ++t) {
        const Block b = make_block(kron(g_nu(nus[t]), g_syn()), 6);
        predict_block(p6, g, reps[t], b, {{reps[t], b.c_plus}, {g.neg(reps[t]), b.c_minus}});
    }
    compare(proof, gn + " z_F6", zf6, p6);
    lap("F6");

    // sum z_nu=i z_syn_ab / 6
    const Element<Sym> zab = nui_synab<Sym>(g, alphas, betas);
    const auto rab = verify_global_optimum(zab);
    proof.check(gn + ": sum z_nu=i z_syn_ab / 6 PROVED by verify, loss 0",
                rab.verdict == Verdict::proved && rab.loss && rab.loss->is_zero());
    Table pab;
    for (std::size_t t = 0; t < reps.size(); ++t) {
        const Block b = make_block(kron(g_nu(kI), g_synab(alphas[t], betas[t])), 6);
        predict_block(pab, g, reps[t], b, {{reps[t], b.c_plus}, {g.neg(reps[t]), b.c_minus}});
    }
    compare(proof, gn + " sum z_nu=i z_syn_ab", zab, pab);
    lap("synab");

    // all-order-4: refuted, loss 2(n-1)/n
    const Element<Sym> z4 = order4<Sym>(g, xis, signs);
    const auto r4 = verify_global_optimum(z4);
    proof.check(gn + ": the all-order-4 element REFUTED, loss exactly 2(n-1)/n",
                r4.verdict == Verdict::refuted && r4.loss && (*r4.loss - Sym::rational(2 * (n - 1), n)).is_zero());
    Table p4;
    for (std::size_t t = 0; t < reps.size(); ++t) {
        const Block b = make_block(kron(g_nu(kI), g_xi(xis[t], signs[t])), 4);
        predict_block(p4, g, reps[t], b, {{reps[t], b.c_plus}, {g.neg(reps[t]), b.c_minus}});
    }
    compare(proof, gn + " all-order-4", z4, p4);
    lap("order-4");

    // z_F4/6 with k0 = the first representative and, if different, the last one (for 3 | d: d/3 is one)
    std::vector<std::size_t> k0s{reps.front()};
    if (reps.size() > 1) k0s.push_back(reps.back());
    if (g.is_cyclic_presentation() && g.order() % 3 == 0 && g.order() / 3 != reps.front() && g.order() / 3 != reps.back())
        k0s.push_back(g.order() / 3);  // the frequency with 2 k0 = -k0
    // z_F4/6 is cross-checked over cogo::Cyclotomic with concrete 24th roots of unity as parameters (varying
    // with the group and the block): with unit parameters the bias-cancelling weights -rho_k / D are rational
    // functions and each zero test takes milliseconds. The proof (steps 3-4) covers all unit parameters.
    const long e_nu = static_cast<long>(g.order() % 23) + 1;
    std::vector<Cyclotomic> xis_c;
    std::vector<long> e_xi;
    for (std::size_t t = 0; t < reps.size(); ++t) {
        e_xi.push_back(static_cast<long>((5 * t + g.order()) % 24));
        xis_c.push_back(Cyclotomic::zeta(24, e_xi.back()));
    }
    for (std::size_t k0 : k0s) {
        const Element<Cyclotomic> z46 = f46<Cyclotomic>(g, Cyclotomic::zeta(24, e_nu), xis_c, signs, k0);
        const auto r46 = verify_global_optimum(z46);
        proof.check(gn + ": z_F4/6 (k0 = " + std::to_string(k0) + ", order 2n) PROVED by verify, loss 0",
                    r46.verdict == Verdict::proved && r46.loss && r46.loss->is_zero() &&
                        z46.order() == static_cast<std::size_t>(2 * n));
        Table p46;
        const Sym nu46 = Sym::zeta(24, e_nu);
        const Block b6 = make_block(kron(g_nu(nu46), g_syn()), 6);
        std::vector<std::pair<std::size_t, std::vector<Sym>>> outs6{{k0, b6.c_plus}, {g.neg(k0), b6.c_minus}};
        std::size_t t4 = 0;
        const Sym D(12);
        for (std::size_t k : reps) {
            if (k == k0) continue;
            const Block b4 = make_block(kron(g_nu(kI), g_xi(Sym::zeta(24, e_xi[t4 % e_xi.size()]), signs[t4 % signs.size()])), 4);
            ++t4;
            predict_block(p46, g, k, b4, {{k, b4.c_plus}, {g.neg(k), b4.c_minus}});
            const Sym lambda = -(bias_value(b4.nodes, b4.c_plus) / D);
            outs6.push_back({k, y_weights(nu46, lambda)});
            outs6.push_back({g.neg(k), y_weights(nu46, lambda.conj())});
        }
        predict_block(p46, g, k0, b6, outs6);
        compare(proof, gn + " z_F4/6 (k0 = " + std::to_string(k0) + ")", z46, p46);
        lap("F4/6(k0=" + std::to_string(k0) + ")");
    }
}

}  // namespace

int main(int argc, char** argv) {
    const bool claim_order4 = argc >= 3 && std::string(argv[1]) == "--claim" && std::string(argv[2]) == "order4";
    if (argc > 1 && !claim_order4) {
        std::fprintf(stderr, "usage: proof_odd_d_optima [--claim order4]\n");
        return 2;
    }
    const std::string statement =
        claim_order4
            ? "(DELIBERATELY WRONG) For every odd d, the all-order-4 element sum_k z_nu=i z_xi(xi_k, s_k) / 4 is a\n"
              "global optimum. Same reduction as the odd_d_optima proof: aliasing lemma + per-block identities."
            : "For EVERY odd d >= 3 (every finite Abelian group of odd order) and ALL unit parameters (independent\n"
              "per frequency): z_F6 = sum_k z_nu(nu_k) z_syn / 6, sum_k z_nu=i z_syn_ab(alpha_k, beta_k) / 6 and z_F4/6\n"
              "(any k0, any xi_k, s_k = +-1, any nu) have loss exactly 0, i.e. are global optima.\n"
              "Reduction: an aliasing lemma for odd d (which term positions can coincide; decided for all odd d with\n"
              "unit certificates for powers of 2) plus finitely many symbolic per-block identities; assembly of\n"
              "every output's conditions. Cross-checked against verify on d = 3..45 and Z_3 x Z_3, Z_3 x Z_5.";
    Proof proof(claim_order4 ? "odd_d_order4_claim" : "odd_d_optima", statement);
    return proof.run([claim_order4](Proof& p) {
        aliasing_lemma(p);
        per_block_and_assembly(p, claim_order4);
        unit_certificates(p);
        if (claim_order4) return;
        p.section("step 5: cross-check with construct/ + verify/ (not part of the proof)");
        const char* env = std::getenv("COGO_PROOF_DMAX");
        const long dmax = env ? std::atol(env) : 45;
        for (long d = 3; d <= dmax; d += 2) cross_check(p, AbelianGroup::cyclic(static_cast<unsigned long>(d)));
        cross_check(p, AbelianGroup::parse("3x3"));
        cross_check(p, AbelianGroup::parse("3x5"));
    });
}
