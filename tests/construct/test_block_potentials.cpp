// Tests for src/construct/block_potentials.hpp: the named per-frequency potentials of docs/theory.md section 5.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "algebra/potentials.hpp"
#include "algebra/semiring.hpp"
#include "construct/block_potentials.hpp"
#include "construct/generator.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random_element.hpp"

using namespace cogo;
using cogo::testing::ElementShape;
using cogo::testing::random_element;
using BP = cogo::BlockPotential;

TEST_CASE("names of the ten per-frequency potentials") {
    std::string all;
    for (BP p : all_block_potentials) all += std::string(block_potential_name(p)) + " ";
    CHECK(all == "abc a'bc ab'c a'b'c |a|^2c |b|^2c a^2c b^2c a'^2c b'^2c ");
    CHECK(block_potential_names({BP::a_bar_bc, BP::b2_c}) == "{a'bc, b^2c}");
    CHECK(block_potential_names({}) == "{}");
}

TEST_CASE("a single node (a, b, c) at k has the closed-form potentials a b c, a' b c, ...") {
    for (const char* spec : {"5", "8", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t k = 3;
        const Cyclotomic a = Cyclotomic::zeta(8) * 2, b = Cyclotomic::rational(1, 3) + Cyclotomic::zeta(12, 5),
                         c = Cyclotomic::zeta(5, 2) - 1;
        const Cyclotomic ab = a.conj(), bb = b.conj();
        const auto v = block_potentials(single_node<Cyclotomic>(g, k, a, b, c), k);
        CHECK(v.k == k);
        CHECK(v[BP::abc] == a * b * c);
        CHECK(v[BP::a_bar_bc] == ab * b * c);
        CHECK(v[BP::ab_bar_c] == a * bb * c);
        CHECK(v[BP::a_bar_b_bar_c] == ab * bb * c);
        CHECK(v[BP::abs_a2_c] == a * ab * c);
        CHECK(v[BP::abs_b2_c] == b * bb * c);
        CHECK(v[BP::a2_c] == a * a * c);
        CHECK(v[BP::b2_c] == b * b * c);
        CHECK(v[BP::a_bar2_c] == ab * ab * c);
        CHECK(v[BP::b_bar2_c] == bb * bb * c);
        CHECK(v.bias() == (a * ab + b * bb) * c);
        CHECK(killed_potentials(v).empty());
        // At -k the roles of x and x' swap and c becomes c'.
        const auto w = block_potentials(single_node<Cyclotomic>(g, k, a, b, c), g.neg(k));
        CHECK(w[BP::abc] == (a * b * c).conj());
        CHECK(w[BP::a_bar_bc] == (ab * b * c).conj());
    }
}

TEST_CASE("block_potentials equals the definitions via potential / self_potential on random elements") {
    auto rng = cogo::testing::rng(321);
    for (const char* spec : {"5", "6", "7", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        ElementShape shape;
        shape.nodes = 4;
        shape.conjugate_symmetric = false;
        const auto z = random_element(rng, g, shape);
        for (std::size_t k = 0; k < g.order(); ++k) {
            const std::size_t m = g.neg(k);
            const auto v = block_potentials(z, k);
            CHECK(v[BP::abc] == potential(z, k, k, k));
            CHECK(v[BP::a_bar_bc] == potential(z, m, k, k));
            CHECK(v[BP::ab_bar_c] == potential(z, k, m, k));
            CHECK(v[BP::a_bar_b_bar_c] == potential(z, m, m, k));
            CHECK(v[BP::abs_a2_c] == self_potential(z, Part::a, k, m, k));
            CHECK(v[BP::abs_b2_c] == self_potential(z, Part::b, k, m, k));
            CHECK(v[BP::a2_c] == self_potential(z, Part::a, k, k, k));
            CHECK(v[BP::b2_c] == self_potential(z, Part::b, k, k, k));
            CHECK(v[BP::a_bar2_c] == self_potential(z, Part::a, m, m, k));
            CHECK(v[BP::b_bar2_c] == self_potential(z, Part::b, m, m, k));
            std::vector<BP> zeros;
            for (BP p : all_block_potentials)
                if (v[p].is_zero()) zeros.push_back(p);
            CHECK(killed_potentials(z, k) == zeros);
        }
        CHECK_THROWS_AS(block_potentials(z, g.order()), InvalidInput);
    }
}

TEST_CASE("killed_potentials reports exact zeros: a hand-made cancelling pair") {
    // (1,1,1) + (1,1,-1): every potential cancels; (1,1,1) + (i,-i,1): abc = 2, a'b'c = 2, |a|^2c = |b|^2c = 2.
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const Cyclotomic one(1), i = Cyclotomic::zeta(4);
    const auto dead = single_node<Cyclotomic>(g, 2, one, one, one) + single_node<Cyclotomic>(g, 2, one, one, -one);
    CHECK(killed_potentials(dead, 2).size() == 10);
    const auto z = single_node<Cyclotomic>(g, 2, one, one, one) + single_node<Cyclotomic>(g, 2, i, -i, one);
    CHECK(block_potential_names(killed_potentials(z, 2)) == "{a'bc, ab'c, a^2c, b^2c, a'^2c, b'^2c}");
    CHECK(block_potentials(z, 2).bias() == Cyclotomic(4));
    // Nothing of a block at k shows at another frequency.
    CHECK(killed_potentials(z, 1).size() == 10);
}
