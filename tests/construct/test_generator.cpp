// Tests for src/construct/generator.hpp: single-node generators, the per-frequency unit, node powers.
#include <doctest/doctest.h>

#include <vector>

#include "algebra/potentials.hpp"
#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "construct/generator.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random_element.hpp"

using namespace cogo;
using cogo::testing::random_cyclotomic;

namespace {

// (group, non-self-conjugate non-zero frequency)
struct Site {
    const char* group;
    std::size_t k;
};
const Site kSites[] = {{"5", 1}, {"5", 3}, {"7", 2}, {"8", 3}, {"12", 7}, {"3x3", 4}, {"2x4", 1}};

// A random non-zero element of Q(zeta_24).
Cyclotomic random_nonzero(std::mt19937_64& rng) {
    const Cyclotomic v = random_cyclotomic(rng, 24);
    return v.is_zero() ? Cyclotomic(1) : v;
}

// A random element supported on {k, -k} with real weights: a sum of `q` random single nodes.
Element<Cyclotomic> random_block(std::mt19937_64& rng, const AbelianGroup& g, std::size_t k, std::size_t q) {
    Element<Cyclotomic> z(g);
    for (std::size_t j = 0; j < q; ++j)
        z = z + single_node<Cyclotomic>(g, k, random_nonzero(rng), random_nonzero(rng), random_nonzero(rng));
    return z;
}

}  // namespace

TEST_CASE("single_node stores (k, a), (-k, conj a) for each row: real weights") {
    const Cyclotomic a = Cyclotomic::zeta(8) * 3, b = Cyclotomic::rational(-2, 5) + Cyclotomic::zeta(3), c = Cyclotomic::zeta(12, 5);
    for (const Site& site : kSites) {
        const AbelianGroup g = AbelianGroup::parse(site.group);
        CAPTURE(std::string(site.group));
        CAPTURE(site.k);
        const std::size_t mk = g.neg(site.k);
        const auto z = single_node<Cyclotomic>(g, site.k, a, b, c);
        REQUIRE(z.order() == 1);
        CHECK(z.entry(Part::a, site.k, 0) == a);
        CHECK(z.entry(Part::a, mk, 0) == a.conj());
        CHECK(z.entry(Part::b, site.k, 0) == b);
        CHECK(z.entry(Part::b, mk, 0) == b.conj());
        CHECK(z.entry(Part::c, site.k, 0) == c);
        CHECK(z.entry(Part::c, mk, 0) == c.conj());
        for (Part p : all_parts) CHECK(z.node(0).row(p).size() == 2);
        CHECK(is_conjugate_symmetric(z));
        CHECK(node_support(z) == std::vector<std::size_t>{std::min(site.k, mk), std::max(site.k, mk)});
    }
}

TEST_CASE("single_node rejects k = 0, k outside the group, and non-real values at a self-conjugate k") {
    const AbelianGroup g5 = AbelianGroup::cyclic(5);
    const Cyclotomic one(1);
    CHECK_THROWS_AS(single_node<Cyclotomic>(g5, 0, one, one, one), InvalidInput);
    CHECK_THROWS_AS(single_node<Cyclotomic>(g5, 5, one, one, one), InvalidInput);
    CHECK_THROWS_AS(identity_block<Cyclotomic>(g5, 0), InvalidInput);

    // Z_4, k = 2 = -2: only the k entry, values must be real.
    const AbelianGroup g4 = AbelianGroup::cyclic(4);
    const Cyclotomic real = Cyclotomic::zeta(8) + Cyclotomic::zeta(8).conj();  // sqrt 2
    const auto z = single_node<Cyclotomic>(g4, 2, real, Cyclotomic(-1), Cyclotomic::rational(1, 2));
    for (Part p : all_parts) CHECK(z.node(0).row(p).size() == 1);
    CHECK(z.entry(Part::a, 2, 0) == real);
    CHECK(is_conjugate_symmetric(z));
    CHECK_THROWS_AS(single_node<Cyclotomic>(g4, 2, Cyclotomic::zeta(4), one, one), InvalidInput);
    CHECK_THROWS_AS(single_node<Cyclotomic>(g4, 2, one, one, Cyclotomic::zeta(3)), InvalidInput);
    // A non-self-conjugate frequency of the same group accepts complex values.
    CHECK(is_conjugate_symmetric(single_node<Cyclotomic>(g4, 1, Cyclotomic::zeta(4), one, one)));
}

TEST_CASE("identity_block is the per-frequency 1: identity_block * z == z for z supported on {k, -k}") {
    auto rng = cogo::testing::rng(301);
    for (const Site& site : kSites) {
        const AbelianGroup g = AbelianGroup::parse(site.group);
        CAPTURE(std::string(site.group));
        const auto u = identity_block<Cyclotomic>(g, site.k);
        CHECK(equal_up_to_node_permutation(u, single_node<Cyclotomic>(g, site.k, Cyclotomic(1), Cyclotomic(1), Cyclotomic(1))));
        for (int t = 0; t < cogo::testing::cases(2); ++t) {
            const auto z = random_block(rng, g, site.k, 1 + static_cast<std::size_t>(t % 3));
            CHECK(equal_up_to_node_permutation(u * z, z));
            CHECK(equal_up_to_node_permutation(z * u, z));
            // ... but not for an element with entries at another frequency (the unit is local).
            const std::size_t other = (site.k == 1 || g.neg(site.k) == 1) ? 2 : 1;
            const auto w = z + single_node<Cyclotomic>(g, other, Cyclotomic(1), Cyclotomic(2), Cyclotomic(3));
            CHECK_FALSE(equal_up_to_node_permutation(u * w, w));
        }
    }
}

TEST_CASE("node_power: u^i as one node, equal to the semi-ring power for i >= 1; u^0 = identity_block") {
    auto rng = cogo::testing::rng(302);
    for (const Site& site : kSites) {
        const AbelianGroup g = AbelianGroup::parse(site.group);
        CAPTURE(std::string(site.group));
        const std::size_t mk = g.neg(site.k);
        const auto u = random_block(rng, g, site.k, 1);
        CHECK(equal_up_to_node_permutation(node_power(u, 0), identity_block<Cyclotomic>(g, site.k)));
        for (unsigned i = 1; i <= 5; ++i) {
            CAPTURE(i);
            const auto ui = node_power(u, i);
            REQUIRE(ui.order() == 1);
            CHECK(nodes_equal(ui.node(0), power(u, i).node(0)));
            Cyclotomic expected(1);
            for (unsigned t = 0; t < i; ++t) expected = expected * u.entry(Part::b, mk, 0);
            CHECK(ui.entry(Part::b, mk, 0) == expected);
            CHECK(is_conjugate_symmetric(ui));
            // r(u^i) = r(u)^i for every potential with indices in {k, -k}.
            for (std::size_t k1 : {site.k, mk})
                for (std::size_t k2 : {site.k, mk})
                    for (std::size_t k : {site.k, mk}) {
                        Cyclotomic r(1), ra(1);
                        for (unsigned t = 0; t < i; ++t) {
                            r = r * potential(u, k1, k2, k);
                            ra = ra * self_potential(u, Part::a, k1, k2, k);
                        }
                        CHECK(potential(ui, k1, k2, k) == r);
                        CHECK(self_potential(ui, Part::a, k1, k2, k) == ra);
                    }
        }
    }
}

TEST_CASE("node_power: support of u^0 is the union of u's rows; multi-node input rejected") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    // a = 0: the a-row is empty, but u^0 still has all three rows at {k, -k}.
    const auto u = single_node<Cyclotomic>(g, 3, Cyclotomic(0), Cyclotomic::zeta(7), Cyclotomic(2));
    CHECK(u.node(0).a.empty());
    const auto u0 = node_power(u, 0);
    for (Part p : all_parts) CHECK(u0.node(0).row(p).size() == 2);
    CHECK(node_power(u, 3).node(0).a.empty());
    CHECK(node_power(u, 3).entry(Part::c, 3, 0) == Cyclotomic(8));
    const auto two = u + u;
    CHECK_THROWS_AS(node_power(two, 2), InvalidInput);
    CHECK_THROWS_AS(node_support(two), InvalidInput);
    CHECK_THROWS_AS(node_power(Element<Cyclotomic>(g), 0), InvalidInput);
}
