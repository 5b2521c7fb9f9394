/// \file homomorphism.cpp
/// Proof: every monomial potential is a ring homomorphism Z -> C (docs/theory.md section 4; the paper's
/// "monomial / sum potentials are ring homomorphisms").
///
/// Statement. For every finite Abelian group G, every triple (k1, k2, k) in G^3 and every potential
///     r_{k1,k2,k}(z) = sum_j z_a[k1,j] z_b[k2,j] z_c[k,j],   r_{p,k1,k2,k}(z) = sum_j z_p[k1,j] z_p[k2,j] z_c[k,j]
/// (p in {a, b}), and all elements z1, z2 (any complex entries, any orders q1, q2):
///     r(z1 + z2) = r(z1) + r(z2),   r(z1 * z2) = r(z1) r(z2),   r(1) = 1   (and r(0) = 0).
///
/// What the program checks. G = Z_5 and G = Z_2 x Z_2; z1 has q1 = 2 nodes, z2 has q2 = 3 nodes, and EVERY
/// entry (all three rows, every frequency including k = 0) is its own generic complex variable, independent
/// of its conjugate. For every (k1, k2, k) in G^3 and each of r, r_a, r_b the three identities are decided
/// as polynomial identities (cogo::Symbolic zero test), once through potential()/self_potential() and once
/// through potential_sums() (the path the loss uses), and for z2 * z1 as well as z1 * z2.
///
/// Why this instance gives the identity for all q (one line). A potential is sum_j m(node_j) with m a
/// monomial in one node's entries, and m(n (.) n') = m(n) m(n') for the entrywise product: the checked
/// identity specialises (zero the other nodes; zero nodes contribute 0 to both sides) to this one-node
/// identity for all entries, and summing it over all node pairs (j1, j2) gives r(z1 z2) = r(z1) r(z2) for
/// every q1, q2 (additivity is the splitting of a sum over concatenated nodes, for every q). The identity
/// at a fixed (k1, k2, k) does not involve the group law, so it holds for every G; the two groups here
/// exercise the implementation (sparse rows, Kronecker node indexing, potential_sums) on a cyclic group of
/// odd order and on a non-cyclic group whose characters are all real. Entries are generic, so the
/// identities hold in particular for real weights (conjugate-symmetric elements).
#include <cstddef>
#include <string>

#include "algebra/potentials.hpp"
#include "algebra/semiring.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"
#include "algebra/symbolic_element.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

enum class Kind { r, r_a, r_b };
constexpr Kind all_kinds[] = {Kind::r, Kind::r_a, Kind::r_b};

const char* kind_name(Kind kind) { return kind == Kind::r ? "r" : kind == Kind::r_a ? "r_a" : "r_b"; }

Symbolic evaluate(Kind kind, const Element<Symbolic>& z, std::size_t k1, std::size_t k2, std::size_t k) {
    switch (kind) {
        case Kind::r: return potential(z, k1, k2, k);
        case Kind::r_a: return self_potential(z, Part::a, k1, k2, k);
        case Kind::r_b: return self_potential(z, Part::b, k1, k2, k);
    }
    return {};
}

std::string label(Kind kind, std::size_t k1, std::size_t k2, std::size_t k) {
    return std::string(kind_name(kind)) + "_{" + std::to_string(k1) + "," + std::to_string(k2) + "," +
           std::to_string(k) + "}";
}

void prove_for_group(Proof& proof, const AbelianGroup& g, const std::string& tag) {
    const std::size_t n = g.order();
    const Element<Symbolic> z1 = symbolic_element(g, 2, tag + "x", /*conjugate_symmetric=*/false);
    const Element<Symbolic> z2 = symbolic_element(g, 3, tag + "y", /*conjugate_symmetric=*/false);
    const Element<Symbolic> sum = z1 + z2, prod = z1 * z2, prod_swapped = z2 * z1;
    const Element<Symbolic> one = one_element<Symbolic>(g), zero = zero_element<Symbolic>(g);
    proof.section(g.name() + ": the generic elements");
    proof.check("generic element z1 has 2 nodes with all 3|G| entries set", z1.order() == 2 && z1.nodes()[0].c.size() == n);
    proof.check("generic element z2 has 3 nodes with all 3|G| entries set", z2.order() == 3 && z2.nodes()[2].a.size() == n);
    proof.check("z1 + z2 has order 5 and z1 * z2 has order 6", sum.order() == 5 && prod.order() == 6);

    proof.section(g.name() + ": r(z1 + z2) = r(z1) + r(z2), r(z1 z2) = r(z1) r(z2) = r(z2 z1), r(1) = 1, r(0) = 0 "
                  "for r, r_a, r_b at every (k1,k2,k) in G^3");
    const Symbolic unit(1);
    for (std::size_t k1 = 0; k1 < n; ++k1)
        for (std::size_t k2 = 0; k2 < n; ++k2)
            for (std::size_t k = 0; k < n; ++k)
                for (Kind kind : all_kinds) {
                    const std::string name = label(kind, k1, k2, k);
                    const Symbolic r1 = evaluate(kind, z1, k1, k2, k), r2 = evaluate(kind, z2, k1, k2, k);
                    proof.check_equal(name + "(z1 + z2) = " + name + "(z1) + " + name + "(z2)",
                                      evaluate(kind, sum, k1, k2, k), r1 + r2);
                    proof.check_equal(name + "(z1 z2) = " + name + "(z1) " + name + "(z2)",
                                      evaluate(kind, prod, k1, k2, k), r1 * r2);
                    proof.check_equal(name + "(z2 z1) = " + name + "(z1) " + name + "(z2)",
                                      evaluate(kind, prod_swapped, k1, k2, k), r1 * r2);
                    proof.check_equal(name + "(1) = 1", evaluate(kind, one, k1, k2, k), unit);
                    proof.check_zero(name + "(0) = 0", evaluate(kind, zero, k1, k2, k));
                }

    proof.section(g.name() + ": the same through potential_sums() (the loss's path): r_{k1,k2,k}(z1 z2) for "
                  "every triple, and the convolution sums A_k, B_k are additive");
    const auto sums1 = potential_sums(z1), sums2 = potential_sums(z2);
    const auto sums_sum = potential_sums(sum), sums_prod = potential_sums(prod);
    for (std::size_t k = 0; k < n; ++k) {
        const auto &s1 = sums1.at(k), &s2 = sums2.at(k), &ss = sums_sum.at(k), &sp = sums_prod.at(k);
        for (std::size_t k1 = 0; k1 < n; ++k1)
            for (std::size_t k2 = 0; k2 < n; ++k2) {
                const std::string name = label(Kind::r, k1, k2, k);
                proof.check_equal("potential_sums: " + name + "(z1 z2) = product", sp.r_at(k1, k2),
                                  s1.r_at(k1, k2) * s2.r_at(k1, k2));
                proof.check_equal("potential_sums: " + name + "(z1 + z2) = sum", ss.r_at(k1, k2),
                                  s1.r_at(k1, k2) + s2.r_at(k1, k2));
            }
        for (std::size_t m = 0; m < n; ++m) {
            // A_k[m], B_k[m] are sums of homomorphisms: additive (checked), but NOT multiplicative.
            proof.check_equal("A_k[m](z1 + z2) = A_k[m](z1) + A_k[m](z2), k=" + std::to_string(k) + " m=" + std::to_string(m),
                              ss.a_at(m), s1.a_at(m) + s2.a_at(m));
            proof.check_equal("B_k[m](z1 + z2) = B_k[m](z1) + B_k[m](z2), k=" + std::to_string(k) + " m=" + std::to_string(m),
                              ss.b_at(m), s1.b_at(m) + s2.b_at(m));
        }
    }
}

}  // namespace

int main() {
    Proof proof("homomorphism",
                "Every potential r_{k1,k2,k}, r_{a,k1,k2,k}, r_{b,k1,k2,k} is a ring homomorphism Z -> C:\n"
                "  r(z1 + z2) = r(z1) + r(z2),  r(z1 * z2) = r(z1) r(z2),  r(1) = 1  (and r(0) = 0),\n"
                "as polynomial identities in generic complex entries: z1 of order 2, z2 of order 3, every entry\n"
                "(all rows, all frequencies incl. 0) an independent complex variable, every (k1,k2,k) in G^3,\n"
                "G = Z_5 and Z_2 x Z_2. (All q and all G follow: see the header comment of homomorphism.cpp.)");
    return proof.run([](Proof& p) {
        prove_for_group(p, AbelianGroup::cyclic(5), "hz5");
        prove_for_group(p, AbelianGroup({2, 2}), "hk4");
    });
}
