/// \file composition.cpp
/// Proof: the composition lemma (docs/theory.md section 4; the paper's lemma that composes partial solutions).
///
/// Statement. Write K(z) for the set of potentials (r_{k1,k2,k}, r_{a,k1,k2,k}, r_{b,k1,k2,k} over G^3)
/// that z kills (r(z) = 0). If z1 kills R1 and z2 kills R2, then
///     z1 z2 kills R1 u R2,        z1 + z2 kills R1 n R2.
/// In fact K(z1 z2) = K(z1) u K(z2) EXACTLY (r(z1 z2) = r(z1) r(z2), and C has no zero divisors), while
/// K(z1 + z2) contains K(z1) n K(z2) and may be larger (r(z1) = -r(z2) != 0 is possible).
///
/// Proof. It is a corollary of proofs/homomorphism.cpp: r(z1 z2) = r(z1) r(z2) = 0 if either factor is 0,
/// and r(z1 + z2) = r(z1) + r(z2) = 0 + 0. Nothing else is used.
///
/// What the program checks (a machine check of the corollary on non-trivial families, with kill sets
/// COMPUTED over all potentials of the group, none assumed): symbolic elements constrained to kill a
/// prescribed set R. Every input entry is a generic variable; every output entry too, except that for
/// each output frequency k carrying m constraints the last m c-entries are solved from the m linear
/// equations r(z) = 0 (potentials are linear in the c-row), giving rational functions. Families:
///   A. Z_5, generic complex entries, all frequencies: z1 (order 3) kills R1 (4 potentials, two at the same
///      k), z2 (order 2) kills R2 (4 potentials, one shared with R1), z3 (order 2) kills R3.
///   B. Z_5, real weights (conjugate symmetric), nodes at frequency +-1 only (a per-frequency block, as in
///      the paper's constructions): z1 (order 2) kills a'bc, z2 (order 3) kills {a'bc, a^2c}; killing r at
///      k kills its conjugate at -k as well.
///   C. Z_2 x Z_2 (a non-cyclic group, every k = -k), generic complex entries, all frequencies: z1 (order 3)
///      and z2 (order 2) with overlapping prescribed sets.
/// For each family: R_i is contained in the computed K(z_i); r(z1 z2) = r(z1) r(z2) and r(z1 + z2) =
/// r(z1) + r(z2) for EVERY potential; K(z1 z2) = K(z1) u K(z2); K(z1 + z2) contains K(z1) n K(z2) (and, for
/// these families, equals it); in family A also K((z1 + z2) z3) = K(z1 + z2) u K(z3), which contains
/// (R1 n R2) u R3 (the two rules composed, as in the paper's constructions).
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "algebra/potentials.hpp"
#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"
#include "algebra/symbolic_element.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

using E = Element<Symbolic>;

enum class Kind { r, r_a, r_b };

/// One potential r_{k1,k2,k} (kind r) or r_{p,k1,k2,k} (kind r_a, r_b).
struct Pot {
    Kind kind;
    std::size_t k1, k2, k;
};

std::string name(const Pot& p) {
    const char* kind = p.kind == Kind::r ? "r" : p.kind == Kind::r_a ? "r_a" : "r_b";
    return std::string(kind) + "_{" + std::to_string(p.k1) + "," + std::to_string(p.k2) + "," + std::to_string(p.k) + "}";
}

Symbolic evaluate(const Pot& p, const E& z) {
    switch (p.kind) {
        case Kind::r: return potential(z, p.k1, p.k2, p.k);
        case Kind::r_a: return self_potential(z, Part::a, p.k1, p.k2, p.k);
        case Kind::r_b: return self_potential(z, Part::b, p.k1, p.k2, p.k);
    }
    return {};
}

/// The input part of the potential's monomial at one node (the potential is sum_j monomial_j c_j[k]).
Symbolic input_monomial(const Pot& p, const Node<Symbolic>& node) {
    switch (p.kind) {
        case Kind::r: return node.entry(Part::a, p.k1) * node.entry(Part::b, p.k2);
        case Kind::r_a: return node.entry(Part::a, p.k1) * node.entry(Part::a, p.k2);
        case Kind::r_b: return node.entry(Part::b, p.k1) * node.entry(Part::b, p.k2);
    }
    return {};
}

/// Every distinct potential of the group: all r_{k1,k2,k}; r_a, r_b with k1 <= k2 (they are symmetric).
std::vector<Pot> all_potentials(const AbelianGroup& g) {
    const std::size_t n = g.order();
    std::vector<Pot> out;
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t k1 = 0; k1 < n; ++k1)
            for (std::size_t k2 = 0; k2 < n; ++k2) {
                out.push_back({Kind::r, k1, k2, k});
                if (k1 <= k2) {
                    out.push_back({Kind::r_a, k1, k2, k});
                    out.push_back({Kind::r_b, k1, k2, k});
                }
            }
    return out;
}

/// Solves M x = rhs (m x m, exact Gauss-Jordan); throws DivisionByZero if M is singular.
std::vector<Symbolic> solve(std::vector<std::vector<Symbolic>> M, std::vector<Symbolic> rhs) {
    const std::size_t m = rhs.size();
    for (std::size_t col = 0; col < m; ++col) {
        std::size_t piv = col;
        while (piv < m && M[piv][col].is_zero()) ++piv;
        if (piv == m) throw DivisionByZero("composition: singular constraint system");
        std::swap(M[piv], M[col]);
        std::swap(rhs[piv], rhs[col]);
        for (std::size_t row = 0; row < m; ++row) {
            if (row == col) continue;
            const Symbolic f = M[row][col] / M[col][col];
            for (std::size_t c = col; c < m; ++c) M[row][c] = M[row][c] - f * M[col][c];
            rhs[row] = rhs[row] - f * rhs[col];
        }
    }
    std::vector<Symbolic> x(m);
    for (std::size_t i = 0; i < m; ++i) x[i] = (rhs[i] / M[i][i]).canonical();
    return x;
}

void set_entry(FourierRow<Symbolic>& row, std::size_t k, const Symbolic& v) {
    for (auto& e : row)
        if (e.first == k) {
            e.second = v;
            return;
        }
    throw InvalidInput("composition: no entry at frequency " + std::to_string(k));
}

/// A symbolic element of order q on the given frequencies (all if empty) whose c-entries are solved so
/// that every potential in `kills` vanishes. Conjugate-symmetric elements get conj of the solution at -k.
E constrained_element(const AbelianGroup& g, std::size_t q, const std::string& prefix, bool conjugate_symmetric,
                      const std::vector<std::size_t>& frequencies, const std::vector<Pot>& kills) {
    std::vector<Node<Symbolic>> nodes = symbolic_element(g, q, prefix, conjugate_symmetric, frequencies).nodes();
    std::map<std::size_t, std::vector<Pot>> by_k;
    for (const Pot& p : kills) by_k[p.k].push_back(p);
    for (const auto& [k, list] : by_k) {
        const std::size_t m = list.size();
        if (m >= q) throw InvalidInput("composition: too many constraints at one k for the order");
        if (conjugate_symmetric && (g.neg(k) == k || by_k.count(g.neg(k))))
            throw InvalidInput("composition: real families need constraints at k != -k, not at both k and -k");
        std::vector<std::vector<Symbolic>> M(m, std::vector<Symbolic>(m));
        std::vector<Symbolic> rhs(m);
        for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t j = 0; j < q; ++j) {
                const Symbolic mono = input_monomial(list[i], nodes[j]);
                if (j < q - m) {
                    rhs[i] = rhs[i] - mono * nodes[j].entry(Part::c, k);
                } else {
                    M[i][j - (q - m)] = mono;
                }
            }
        }
        const std::vector<Symbolic> x = solve(M, rhs);
        for (std::size_t i = 0; i < m; ++i) {
            Node<Symbolic>& node = nodes[q - m + i];
            set_entry(node.c, k, x[i]);
            if (conjugate_symmetric) set_entry(node.c, g.neg(k), x[i].conj());
        }
    }
    return E(g, std::move(nodes));
}

using KillSet = std::set<std::size_t>;  // indices into all_potentials

KillSet kill_set(const std::vector<Pot>& pots, const E& z) {
    KillSet out;
    for (std::size_t i = 0; i < pots.size(); ++i)
        if (evaluate(pots[i], z).is_zero()) out.insert(i);
    return out;
}

KillSet set_union(const KillSet& x, const KillSet& y) {
    KillSet out = x;
    out.insert(y.begin(), y.end());
    return out;
}

KillSet set_intersection(const KillSet& x, const KillSet& y) {
    KillSet out;
    for (std::size_t i : x)
        if (y.count(i)) out.insert(i);
    return out;
}

std::size_t index_of(const std::vector<Pot>& pots, const Pot& p) {
    for (std::size_t i = 0; i < pots.size(); ++i)
        if (pots[i].kind == p.kind && pots[i].k1 == p.k1 && pots[i].k2 == p.k2 && pots[i].k == p.k) return i;
    throw InvalidInput("composition: unknown potential " + name(p));
}

std::string describe(const std::vector<Pot>& pots, const KillSet& s, std::size_t limit = 12) {
    std::string out = std::to_string(s.size()) + " {";
    std::size_t shown = 0;
    for (std::size_t i : s) {
        if (shown == limit) {
            out += ", ...";
            break;
        }
        out += (shown++ ? ", " : "") + name(pots[i]);
    }
    return out + "}";
}

/// The kills that are not structural (not forced by a missing entry): those prescribed or found.
KillSet non_structural(const std::vector<Pot>& pots, const E& z, const KillSet& kills) {
    KillSet out;
    for (std::size_t i : kills) {
        const Pot& p = pots[i];
        bool has_term = false;
        for (const auto& node : z.nodes()) {
            const Part x = p.kind == Kind::r_b ? Part::b : Part::a;
            const Part y = p.kind == Kind::r_a ? Part::a : Part::b;
            if (find_entry(node.row(x), p.k1) && find_entry(node.row(y), p.k2) && find_entry(node.c, p.k)) has_term = true;
        }
        if (has_term) out.insert(i);
    }
    return out;
}

void check_family(Proof& proof, const std::string& title, const E& z1, const std::vector<Pot>& r1, const E& z2,
                  const std::vector<Pot>& r2, const E* z3 = nullptr, const std::vector<Pot>& r3 = {}) {
    proof.section(title);
    const std::vector<Pot> pots = all_potentials(z1.group());
    const KillSet k1 = kill_set(pots, z1), k2 = kill_set(pots, z2);
    proof.note(std::to_string(pots.size()) + " distinct potentials on " + z1.group().name() + "; orders " +
               std::to_string(z1.order()) + ", " + std::to_string(z2.order()));
    proof.note("K(z1): " + std::to_string(k1.size()) + " killed, not structurally: " + describe(pots, non_structural(pots, z1, k1)));
    proof.note("K(z2): " + std::to_string(k2.size()) + " killed, not structurally: " + describe(pots, non_structural(pots, z2, k2)));
    for (const Pot& p : r1) proof.check("z1 kills its prescribed " + name(p), k1.count(index_of(pots, p)) == 1);
    for (const Pot& p : r2) proof.check("z2 kills its prescribed " + name(p), k2.count(index_of(pots, p)) == 1);

    const E prod = z1 * z2, sum = z1 + z2;
    for (const Pot& p : pots) {
        const Symbolic v1 = evaluate(p, z1), v2 = evaluate(p, z2);
        proof.check_equal(name(p) + "(z1 z2) = " + name(p) + "(z1) " + name(p) + "(z2)", evaluate(p, prod), v1 * v2);
        proof.check_equal(name(p) + "(z1 + z2) = " + name(p) + "(z1) + " + name(p) + "(z2)", evaluate(p, sum), v1 + v2);
    }
    const KillSet kp = kill_set(pots, prod), ks = kill_set(pots, sum);
    const KillSet uni = set_union(k1, k2), inter = set_intersection(k1, k2);
    for (std::size_t i : uni) proof.check("lemma: z1 z2 kills " + name(pots[i]) + " (in K(z1) u K(z2))", kp.count(i) == 1);
    for (std::size_t i : inter) proof.check("lemma: z1 + z2 kills " + name(pots[i]) + " (in K(z1) n K(z2))", ks.count(i) == 1);
    proof.check("K(z1 z2) = K(z1) u K(z2) exactly (" + std::to_string(kp.size()) + " = " + std::to_string(uni.size()) + ")",
                kp == uni);
    proof.check("for this family K(z1 + z2) = K(z1) n K(z2) (" + std::to_string(ks.size()) + " = " +
                    std::to_string(inter.size()) + ")",
                ks == inter);
    proof.note("K(z1 z2) not structurally: " + describe(pots, non_structural(pots, prod, kp)));
    proof.note("K(z1 + z2) not structurally: " + describe(pots, non_structural(pots, sum, ks)));

    if (z3 != nullptr) {
        const KillSet k3 = kill_set(pots, *z3);
        for (const Pot& p : r3) proof.check("z3 kills its prescribed " + name(p), k3.count(index_of(pots, p)) == 1);
        const E composed = sum * *z3;
        const KillSet kc = kill_set(pots, composed);
        proof.check("K((z1 + z2) z3) = K(z1 + z2) u K(z3) exactly", kc == set_union(ks, k3));
        KillSet prescribed;
        for (const Pot& p : r1)
            for (const Pot& p2 : r2)
                if (index_of(pots, p) == index_of(pots, p2)) prescribed.insert(index_of(pots, p));
        for (const Pot& p : r3) prescribed.insert(index_of(pots, p));
        for (std::size_t i : prescribed)
            proof.check("(z1 + z2) z3 kills " + name(pots[i]) + " in (R1 n R2) u R3", kc.count(i) == 1);
        proof.note("K((z1 + z2) z3) not structurally: " + describe(pots, non_structural(pots, composed, kc)));
    }
}

}  // namespace

int main() {
    Proof proof("composition",
                "Composition lemma: z1 kills R1, z2 kills R2 => z1 z2 kills R1 u R2 and z1 + z2 kills R1 n R2;\n"
                "sharper: K(z1 z2) = K(z1) u K(z2) exactly and K(z1 + z2) contains K(z1) n K(z2).\n"
                "A corollary of the homomorphism proof (r(z1 z2) = r(z1) r(z2), r(z1 + z2) = r(z1) + r(z2)); checked\n"
                "here with kill sets computed over ALL potentials of the group, on symbolic families constrained to\n"
                "kill prescribed sets (Z_5 generic complex; Z_5 real weights at frequency +-1; Z_2 x Z_2 complex).");
    return proof.run([](Proof& p) {
        using K = Kind;
        {
            const AbelianGroup g = AbelianGroup::cyclic(5);
            const std::vector<Pot> r1 = {{K::r, 1, 2, 1}, {K::r_a, 1, 4, 1}, {K::r, 3, 3, 2}, {K::r_b, 0, 2, 4}};
            const std::vector<Pot> r2 = {{K::r, 1, 2, 1}, {K::r_b, 2, 2, 3}, {K::r, 0, 1, 4}, {K::r_a, 3, 3, 2}};
            const std::vector<Pot> r3 = {{K::r, 4, 4, 4}, {K::r_a, 0, 0, 0}};
            const E z1 = constrained_element(g, 3, "cpAx", false, {}, r1);
            const E z2 = constrained_element(g, 2, "cpAy", false, {}, r2);
            const E z3 = constrained_element(g, 2, "cpAw", false, {}, r3);
            check_family(p, "A. Z_5, generic complex entries, orders 3, 2 (and z3 of order 2)", z1, r1, z2, r2, &z3, r3);
        }
        {
            const AbelianGroup g = AbelianGroup::cyclic(5);
            const std::vector<Pot> r1 = {{K::r, 4, 1, 1}};                       // a'bc at k = 1
            const std::vector<Pot> r2 = {{K::r, 4, 1, 1}, {K::r_a, 1, 1, 1}};    // a'bc, a^2c at k = 1
            const E z1 = constrained_element(g, 2, "cpBx", true, {1, 4}, r1);
            const E z2 = constrained_element(g, 3, "cpBy", true, {1, 4}, r2);
            check_family(p, "B. Z_5, real weights, nodes at frequency +-1, orders 2, 3", z1, r1, z2, r2);
        }
        {
            // Z_2 x Z_2: elements 0 = (0,0), 1 = (0,1), 2 = (1,0), 3 = (1,1). Every k = -k, so constraint_element's
            // real families (which pair k with -k) do not apply: complex entries (the lemma needs no symmetry).
            const AbelianGroup g({2, 2});
            const std::vector<Pot> r1 = {{K::r, 1, 2, 3}, {K::r_b, 1, 3, 3}, {K::r_a, 2, 2, 1}};
            const std::vector<Pot> r2 = {{K::r, 1, 2, 3}, {K::r, 3, 3, 2}};
            const E z1 = constrained_element(g, 3, "cpCx", false, {}, r1);
            const E z2 = constrained_element(g, 2, "cpCy", false, {}, r2);
            check_family(p, "C. Z_2 x Z_2, generic complex entries, orders 3, 2", z1, r1, z2, r2);
        }
    });
}
