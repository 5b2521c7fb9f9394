// Tests for src/algebra/potentials.hpp: every potential is a ring homomorphism (docs/theory.md section 4).
#include <doctest/doctest.h>

#include "algebra/potentials.hpp"
#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random_element.hpp"
#include "algebra/symbolic_element.hpp"

using namespace cogo;
using cogo::testing::ElementShape;
using cogo::testing::random_element;

namespace {
const char* const kGroups[] = {"3", "4", "5", "6", "2x4", "3x3"};
}

TEST_CASE("r and r_p are ring homomorphisms: additive, multiplicative, r(1) = 1 (all index triples)") {
    auto rng = cogo::testing::rng(11);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        for (int t = 0; t < cogo::testing::cases(2); ++t) {
            ElementShape shape;
            shape.conjugate_symmetric = (t % 2 == 1);
            shape.nodes = 2;
            const auto z1 = random_element(rng, g, shape);
            shape.nodes = 3;
            const auto z2 = random_element(rng, g, shape);
            const auto sum = z1 + z2, product = z1 * z2;
            const auto one = one_element<Cyclotomic>(g);
            for (std::size_t k1 = 0; k1 < n; ++k1)
                for (std::size_t k2 = 0; k2 < n; ++k2)
                    for (std::size_t k = 0; k < n; ++k) {
                        const Cyclotomic r1 = potential(z1, k1, k2, k), r2 = potential(z2, k1, k2, k);
                        CHECK(potential(sum, k1, k2, k) == r1 + r2);
                        CHECK(potential(product, k1, k2, k) == r1 * r2);
                        CHECK(potential(one, k1, k2, k) == Cyclotomic(1));
                        for (Part p : {Part::a, Part::b}) {
                            const Cyclotomic s1 = self_potential(z1, p, k1, k2, k), s2 = self_potential(z2, p, k1, k2, k);
                            CHECK(self_potential(sum, p, k1, k2, k) == s1 + s2);
                            CHECK(self_potential(product, p, k1, k2, k) == s1 * s2);
                        }
                    }
        }
    }
}

TEST_CASE("potential_sums agrees with term-by-term evaluation of the definitions") {
    auto rng = cogo::testing::rng(12);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        ElementShape shape;
        shape.nodes = 4;
        const auto z = random_element(rng, g, shape);
        const auto table = potential_sums(z);
        for (std::size_t k = 0; k < n; ++k) {
            const auto it = table.find(k);
            for (std::size_t k1 = 0; k1 < n; ++k1)
                for (std::size_t k2 = 0; k2 < n; ++k2) {
                    const Cyclotomic expected = potential(z, k1, k2, k);
                    const Cyclotomic got = it == table.end() ? Cyclotomic() : it->second.r_at(k1, k2);
                    CHECK(got == expected);
                }
            for (std::size_t m = 0; m < n; ++m) {
                Cyclotomic a, b;  // A_k[m] = sum_{k'} r_{a,k',m-k',k}
                for (std::size_t kp = 0; kp < n; ++kp) {
                    a = a + self_potential(z, Part::a, kp, g.sub(m, kp), k);
                    b = b + self_potential(z, Part::b, kp, g.sub(m, kp), k);
                }
                CHECK((it == table.end() ? Cyclotomic() : it->second.a_at(m)) == a);
                CHECK((it == table.end() ? Cyclotomic() : it->second.b_at(m)) == b);
            }
        }
    }
}

TEST_CASE("symmetries act on potentials as stated: gauge invariance, conjugation, automorphisms, scaling") {
    auto rng = cogo::testing::rng(13);
    for (const char* spec : {"5", "2x4", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        ElementShape shape;
        shape.conjugate_symmetric = false;
        const auto z = random_element(rng, g, shape);
        const Cyclotomic t = Cyclotomic::rational(-2, 3) * Cyclotomic::zeta(12, 5);
        const auto gauged = apply_input_gauge(z, t);
        const auto conjugated = conjugate(z);
        const auto scaled = scale_output(z, t);
        const long s = (g.exponent() % 2 == 1) ? 2 : -1;
        const auto moved = apply_automorphism(z, s);
        for (std::size_t k1 = 0; k1 < n; ++k1)
            for (std::size_t k2 = 0; k2 < n; ++k2)
                for (std::size_t k = 0; k < n; ++k) {
                    const Cyclotomic r = potential(z, k1, k2, k);
                    CHECK(potential(gauged, k1, k2, k) == r);
                    CHECK(potential(conjugated, k1, k2, k) == r.conj());
                    CHECK(potential(scaled, k1, k2, k) == r * t);
                    CHECK(potential(moved, g.mul(s, k1), g.mul(s, k2), g.mul(s, k)) == r);
                }
    }
}

TEST_CASE("self_potential rejects p = c") {
    const auto one = one_element<Cyclotomic>(AbelianGroup::cyclic(3));
    CHECK_THROWS_AS(self_potential(one, Part::c, 1, 1, 1), InvalidInput);
}

TEST_CASE("homomorphism as a polynomial identity: generic symbolic elements, every index triple") {
    for (const char* spec : {"3", "4"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        const auto z1 = symbolic_element(g, 2, std::string("p") + spec + "_", true);
        const auto z2 = symbolic_element(g, 2, std::string("s") + spec + "_", false);
        const auto sum = z1 + z2, product = z1 * z2;
        for (std::size_t k1 = 0; k1 < n; ++k1)
            for (std::size_t k2 = 0; k2 < n; ++k2)
                for (std::size_t k = 0; k < n; ++k) {
                    const Symbolic r1 = potential(z1, k1, k2, k), r2 = potential(z2, k1, k2, k);
                    CHECK(equal(potential(sum, k1, k2, k), r1 + r2));
                    CHECK(equal(potential(product, k1, k2, k), r1 * r2));
                    CHECK_FALSE(equal(potential(product, k1, k2, k), r1 + r2));  // mutation: not additive
                }
    }
}
