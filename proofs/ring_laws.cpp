/// \file ring_laws.cpp
/// Proof: <Z, +, *> is a commutative semi-ring up to node permutation, and + and * preserve conjugate
/// symmetry (real weights) (docs/theory.md section 4; the paper's semi-ring structure of the weight space).
///
/// Statement. For elements z1, z2, z3 over a group G (the laws hold up to node permutation, "~"):
///   (z1 + z2) + z3 = z1 + (z2 + z3)   and   (z1 z2) z3 = z1 (z2 z3)    (even as ordered node lists),
///   z1 + z2 ~ z2 + z1,   z1 z2 ~ z2 z1,   z1 (z2 + z3) ~ z1 z2 + z1 z3,   (z1 + z2) z3 ~ z1 z3 + z2 z3,
///   z + 0 = 0 + z = z,   z 1 = 1 z = z,   z 0 = 0 z = 0,   |z1 + z2| = q1 + q2,   |z1 z2| = q1 q2,
///   z^0 = 1, z^2 = z z,   and z1, z2 conjugate symmetric => z1 + z2, z1 z2 conjugate symmetric (1 is).
///
/// What the program checks. Orders q1 = 2, q2 = 3, q3 = 2 and entries that are independent generic
/// variables, in three families: (i) full support, complex entries (no conjugate relation), G = Z_5 and
/// Z_2 x Z_2; (ii) sparse supports (z1 on {0, 1, 4}, z2 on {1, 2, 3}, z3 on all of Z_5; products then
/// have rows on the intersections, some empty); (iii) conjugate-symmetric elements (x at k, conj x at -k,
/// real variables at self-conjugate k) on Z_5, Z_4 and Z_2 x Z_2. Element equality is decided exactly:
/// entry by entry with the Symbolic zero test, either in order ("identical") or up to node permutation
/// (transforms.hpp: equal_up_to_node_permutation; generic nodes are pairwise distinct, so the matching
/// is unique). The program also checks that z1 + z2 != z2 + z1 and z1 z2 != z2 z1 as ORDERED node lists,
/// i.e. that "up to node permutation" is needed.
///
/// Scope (honest). The laws are machine-checked for these orders and supports. For all orders they follow
/// because every node of either side is indexed by a tuple of input nodes and its entries are products of
/// the corresponding input entries: each law is a scalar identity (checked here generically) plus a
/// bijection of index sets ((j1, j2), j3) <-> (j1, (j2, j3)), (j1, j2) <-> (j2, j1), etc.
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"
#include "algebra/symbolic_element.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

using E = Element<Symbolic>;

/// Same group, same order, node j equal to node j for every j (exact).
bool identical(const E& x, const E& y) {
    if (!(x.group() == y.group()) || x.order() != y.order()) return false;
    for (std::size_t j = 0; j < x.order(); ++j)
        if (!nodes_equal(x.nodes()[j], y.nodes()[j])) return false;
    return true;
}

std::size_t entry_count(const E& z) {
    std::size_t n = 0;
    for (const auto& node : z.nodes()) n += node.a.size() + node.b.size() + node.c.size();
    return n;
}

void check_laws(Proof& proof, const E& z1, const E& z2, const E& z3, bool conjugate_symmetric) {
    const AbelianGroup& g = z1.group();
    const E zero = zero_element<Symbolic>(g), one = one_element<Symbolic>(g);
    proof.note("orders " + std::to_string(z1.order()) + ", " + std::to_string(z2.order()) + ", " +
               std::to_string(z3.order()) + "; stored entries " + std::to_string(entry_count(z1)) + ", " +
               std::to_string(entry_count(z2)) + ", " + std::to_string(entry_count(z3)) +
               "; (z1 z2) z3 has " + std::to_string(entry_count((z1 * z2) * z3)) + " entries");

    proof.check("(z1 + z2) + z3 = z1 + (z2 + z3) (identical node lists)", identical((z1 + z2) + z3, z1 + (z2 + z3)));
    proof.check("(z1 z2) z3 = z1 (z2 z3) (identical node lists)", identical((z1 * z2) * z3, z1 * (z2 * z3)));
    proof.check("z1 + z2 ~ z2 + z1", equal_up_to_node_permutation(z1 + z2, z2 + z1));
    proof.check("z1 z2 ~ z2 z1", equal_up_to_node_permutation(z1 * z2, z2 * z1));
    proof.check("z2 z3 ~ z3 z2", equal_up_to_node_permutation(z2 * z3, z3 * z2));
    proof.check("z1 (z2 + z3) ~ z1 z2 + z1 z3", equal_up_to_node_permutation(z1 * (z2 + z3), z1 * z2 + z1 * z3));
    proof.check("(z1 + z2) z3 ~ z1 z3 + z2 z3", equal_up_to_node_permutation((z1 + z2) * z3, z1 * z3 + z2 * z3));
    proof.check("(z1 + z2)(z2 + z3) ~ z1 z2 + z1 z3 + z2 z2 + z2 z3",
                equal_up_to_node_permutation((z1 + z2) * (z2 + z3), z1 * z2 + z1 * z3 + z2 * z2 + z2 * z3));
    proof.check("'up to node permutation' is needed: z1 + z2 and z2 + z1 differ as ordered node lists",
                !identical(z1 + z2, z2 + z1));
    proof.check("'up to node permutation' is needed: z1 z2 and z2 z1 differ as ordered node lists",
                !identical(z1 * z2, z2 * z1));
    int idx = 1;
    for (const E* z : {&z1, &z2, &z3}) {
        const std::string name = "z" + std::to_string(idx++);
        proof.check(name + " + 0 = " + name, identical(*z + zero, *z));
        proof.check("0 + " + name + " = " + name, identical(zero + *z, *z));
        proof.check(name + " 1 = " + name, identical(*z * one, *z));
        proof.check("1 " + name + " = " + name, identical(one * *z, *z));
        proof.check(name + " 0 = 0", identical(*z * zero, zero));
        proof.check("0 " + name + " = 0", identical(zero * *z, zero));
        proof.check(name + "^0 = 1", identical(power(*z, 0), one));
        proof.check(name + "^2 = " + name + " " + name, identical(power(*z, 2), *z * *z));
    }
    proof.check("|z1 + z2| = q1 + q2 and |z1 z2| = q1 q2, |(z1 z2) z3| = q1 q2 q3",
                (z1 + z2).order() == z1.order() + z2.order() && (z1 * z2).order() == z1.order() * z2.order() &&
                    ((z1 * z2) * z3).order() == z1.order() * z2.order() * z3.order());
    if (conjugate_symmetric) {
        proof.check("z1, z2, z3 and 1 are conjugate symmetric",
                    is_conjugate_symmetric(z1) && is_conjugate_symmetric(z2) && is_conjugate_symmetric(z3) &&
                        is_conjugate_symmetric(one));
        proof.check("z1 + z2 is conjugate symmetric", is_conjugate_symmetric(z1 + z2));
        proof.check("z1 z2 is conjugate symmetric", is_conjugate_symmetric(z1 * z2));
        proof.check("(z1 + z2) z3 + z1 z2 z3 is conjugate symmetric", is_conjugate_symmetric((z1 + z2) * z3 + z1 * z2 * z3));
    } else {
        proof.check("(sanity) generic complex elements are not conjugate symmetric", !is_conjugate_symmetric(z1));
    }
}

void full_support(Proof& proof, const AbelianGroup& g, bool conjugate_symmetric) {
    proof.section(g.name() + ", full support, " + (conjugate_symmetric ? "conjugate-symmetric" : "generic complex") +
                  " entries");
    const std::string tag = std::string("rl") + (conjugate_symmetric ? "s" : "c") + std::to_string(g.order()) +
                            (g.is_cyclic_presentation() ? "c" : "p");
    check_laws(proof, symbolic_element(g, 2, tag + "x", conjugate_symmetric),
               symbolic_element(g, 3, tag + "y", conjugate_symmetric),
               symbolic_element(g, 2, tag + "w", conjugate_symmetric), conjugate_symmetric);
}

void sparse_support(Proof& proof) {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    proof.section(g.name() + ", sparse supports {0,1,4}, {1,2,3}, all; generic complex entries");
    check_laws(proof, symbolic_element(g, 2, "rlsp_x", false, {0, 1, 4}),
               symbolic_element(g, 3, "rlsp_y", false, {1, 2, 3}),
               symbolic_element(g, 2, "rlsp_w", false), false);
}

}  // namespace

int main() {
    Proof proof("ring_laws",
                "<Z, +, *> is a commutative semi-ring up to node permutation: associativity and commutativity of +\n"
                "and *, both distributive laws, 0 and 1, orders add/multiply, and + and * preserve conjugate\n"
                "symmetry; decided exactly for generic symbolic elements of orders 2, 3, 2 on Z_5, Z_4 and\n"
                "Z_2 x Z_2 (full and sparse supports; complex and conjugate-symmetric entries).");
    return proof.run([](Proof& p) {
        full_support(p, AbelianGroup::cyclic(5), false);
        full_support(p, AbelianGroup({2, 2}), false);
        sparse_support(p);
        full_support(p, AbelianGroup::cyclic(5), true);
        full_support(p, AbelianGroup::cyclic(4), true);
        full_support(p, AbelianGroup({2, 2}), true);
    });
}
