// Tests of construct/more_families.hpp and its global assemblies (global_solutions.hpp): exact verify on
// instances (Cyclotomic), the cyclic condition against a brute-force potential computation, mutations.
#include <doctest/doctest.h>

#include <complex>
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/transforms.hpp"
#include "construct/block_potentials.hpp"
#include "construct/global_solutions.hpp"
#include "construct/more_families.hpp"
#include "scalar/cyclotomic.hpp"
#include "verify/verify.hpp"

using namespace cogo;

namespace {

bool proved(const Element<Cyclotomic>& z) {
    const auto r = verify_global_optimum(z);
    return r.verdict == Verdict::proved && r.loss && r.loss->is_zero();
}

/// The same element with the c-row of node j at frequency k changed by +delta (a mutation).
Element<Cyclotomic> perturbed(const Element<Cyclotomic>& z, std::size_t j, const Cyclotomic& delta) {
    std::vector<Node<Cyclotomic>> nodes = z.nodes();
    REQUIRE(!nodes[j].c.empty());
    nodes[j].c.front().second = nodes[j].c.front().second + delta;
    return Element<Cyclotomic>(z.group(), std::move(nodes));
}

/// Brute force: the named potential p of C_q(alpha, beta) summed directly as complex numbers over the nodes.
std::complex<double> brute_potential(unsigned long q, long al, long be, BlockPotential p) {
    const double pi = 3.14159265358979323846;
    std::complex<double> total = 0;
    for (unsigned long i = 0; i < q; ++i) {
        auto root = [&](long e) { return std::polar(1.0, 2 * pi * static_cast<double>(e) * static_cast<double>(i) / static_cast<double>(q)); };
        const std::complex<double> a = root(al), b = root(be), c = root(-al - be);
        const std::complex<double> ab = std::conj(a), bb = std::conj(b);
        switch (p) {
            case BlockPotential::abc: total += a * b * c; break;
            case BlockPotential::a_bar_bc: total += ab * b * c; break;
            case BlockPotential::ab_bar_c: total += a * bb * c; break;
            case BlockPotential::a_bar_b_bar_c: total += ab * bb * c; break;
            case BlockPotential::abs_a2_c: total += a * ab * c; break;
            case BlockPotential::abs_b2_c: total += b * bb * c; break;
            case BlockPotential::a2_c: total += a * a * c; break;
            case BlockPotential::b2_c: total += b * b * c; break;
            case BlockPotential::a_bar2_c: total += ab * ab * c; break;
            case BlockPotential::b_bar2_c: total += bb * bb * c; break;
        }
    }
    return total;
}

}  // namespace

TEST_CASE("cyclic_condition agrees with a brute-force float computation of the ten potentials, q = 1..12") {
    for (unsigned long q = 1; q <= 12; ++q)
        for (long al = 0; al < static_cast<long>(q); ++al)
            for (long be = 0; be < static_cast<long>(q); ++be) {
                bool all = std::abs(brute_potential(q, al, be, BlockPotential::abc) - static_cast<double>(q)) < 1e-9;
                for (BlockPotential p : all_block_potentials)
                    if (p != BlockPotential::abc) all = all && std::abs(brute_potential(q, al, be, p)) < 1e-9;
                CAPTURE(q);
                CAPTURE(al);
                CAPTURE(be);
                CHECK(all == cyclic_condition(q, al, be));
            }
}

TEST_CASE("the cyclic family on Z_d: valid pairs PROVED, invalid pairs and mutations REFUTED") {
    for (unsigned long d : {3UL, 5UL, 11UL, 13UL}) {
        const AbelianGroup g = AbelianGroup::cyclic(d);
        CAPTURE(d);
        CHECK(proved(cyclic_solution<Cyclotomic>(g, 7, {{1, 3}, {2, 6}})));
        CHECK(proved(cyclic_solution<Cyclotomic>(g, 9, {{1, 3}})));
        CHECK_FALSE(proved(cyclic_solution<Cyclotomic>(g, 8, {{0, 1}})));  // a'bc has exponent 0
        const Element<Cyclotomic> z = cyclic_solution<Cyclotomic>(g, 7, {{1, 3}});
        CHECK(z.order() == 7 * (d - 1) / 2);
        CHECK_FALSE(proved(perturbed(z, 3, Cyclotomic::rational(1, 1000))));
    }
    CHECK_THROWS_AS((void)cyclic_solution<Cyclotomic>(AbelianGroup::cyclic(4), 7, {{1, 3}}), InvalidInput);
    CHECK_THROWS_AS((void)cyclic_condition(0, 1, 1), InvalidInput);
}

TEST_CASE("the order-8 product needs no bias cancellation: PROVED on Z_d, with rational and complex a") {
    for (unsigned long d : {3UL, 5UL, 9UL, 15UL}) {
        const AbelianGroup g = AbelianGroup::cyclic(d);
        CAPTURE(d);
        const std::vector<Cyclotomic> as = {Cyclotomic(2), Cyclotomic::rational(1, 3) + Cyclotomic::zeta(4, 1)};
        const std::vector<Cyclotomic> xis = {Cyclotomic::zeta(8, 1), Cyclotomic::zeta(5, 2)};
        const Element<Cyclotomic> z = order8_solution<Cyclotomic>(g, as, xis, {1, -1});
        CHECK(z.order() == 4 * (d - 1));
        CHECK(proved(z));
        for (std::size_t k : pair_representatives(g)) CHECK(block_potentials(z, k).bias().is_zero());
        CHECK_FALSE(proved(perturbed(z, 5, Cyclotomic(1))));
    }
    // z_n alone kills exactly R_n for a generic a (a real a = 3 also kills R_*: a^2 c = 9 (-1/9) = -1, etc.)
    const AbelianGroup g5 = AbelianGroup::cyclic(5);
    const Cyclotomic generic = Cyclotomic(2) * Cyclotomic::zeta(5, 1) + Cyclotomic::rational(1, 3);
    const auto killed = killed_potentials(z_n<Cyclotomic>(g5, 1, generic), 1);
    CHECK(killed == std::vector<BlockPotential>{BlockPotential::abs_a2_c, BlockPotential::abs_b2_c});
    const auto killed_real = killed_potentials(z_n<Cyclotomic>(g5, 1, Cyclotomic(3)), 1);
    CHECK(killed_real == std::vector<BlockPotential>{BlockPotential::abs_a2_c, BlockPotential::abs_b2_c,
                                                     BlockPotential::a2_c, BlockPotential::b2_c,
                                                     BlockPotential::a_bar2_c, BlockPotential::b_bar2_c});
    CHECK_THROWS_AS((void)z_n<Cyclotomic>(g5, 1, Cyclotomic(0)), DivisionByZero);
}

TEST_CASE("z_syn with a DC offset: Z_3 in 3 nodes, Z_9 in 21, Z_3 x Z_3 in 12, Z_15, Z_3 x Z_9; needs the DC") {
    struct Case {
        const char* group;
        std::size_t order;
    };
    for (const Case& c : {Case{"3", 3}, Case{"9", 21}, Case{"3x3", 12}, Case{"15", 39}, Case{"3x9", 3 * 4 + 6 * 9}}) {
        const AbelianGroup g = AbelianGroup::parse(c.group);
        CAPTURE(g.name());
        for (const Cyclotomic& alpha : {Cyclotomic(1), Cyclotomic::rational(-5, 7)}) {
            const Element<Cyclotomic> z = syn_dc_solution<Cyclotomic>(g, alpha, {Cyclotomic::zeta(12, 1)});
            CHECK(z.order() == c.order);
            CHECK(proved(z));
        }
    }
    const AbelianGroup z3 = AbelianGroup::cyclic(3);
    const Element<Cyclotomic> z = syn_dc_block<Cyclotomic>(z3, 1, Cyclotomic(2));
    // mutation: a DC entry changed, or an output entry changed
    std::vector<Node<Cyclotomic>> nodes = z.nodes();
    nodes[1].a.front().second = nodes[1].a.front().second + Cyclotomic::rational(1, 10);  // the k = 0 entry sorts first
    CHECK(nodes[1].a.front().first == 0);
    CHECK_FALSE(proved(Element<Cyclotomic>(z3, std::move(nodes))));
    CHECK_FALSE(proved(perturbed(z, 0, Cyclotomic::rational(1, 3))));
    CHECK_THROWS_AS((void)syn_dc_block<Cyclotomic>(AbelianGroup::cyclic(5), 1, Cyclotomic(1)), InvalidInput);
    CHECK_THROWS_AS((void)syn_dc_block<Cyclotomic>(z3, 1, Cyclotomic::zeta(4, 1)), InvalidInput);  // alpha not real
    CHECK_THROWS_AS((void)syn_dc_solution<Cyclotomic>(AbelianGroup::cyclic(5), Cyclotomic(1), {Cyclotomic(1)}), InvalidInput);
}
