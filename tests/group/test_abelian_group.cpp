// Tests for src/group: finite Abelian groups, the dual pairing and exact characters.
#include <doctest/doctest.h>

#include <numeric>
#include <set>

#include "group/abelian_group.hpp"
#include "group/character.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/float.hpp"
#include "support/error.hpp"

using cogo::AbelianGroup;

TEST_CASE("cyclic groups: order, exponent, arithmetic mod d") {
    for (unsigned long d : {2UL, 3UL, 7UL, 12UL}) {
        const AbelianGroup g = AbelianGroup::cyclic(d);
        CHECK(g.order() == d);
        CHECK(g.exponent() == d);
        CHECK(g.name() == "Z_" + std::to_string(d));
        for (std::size_t x = 0; x < d; ++x) {
            CHECK(g.neg(x) == (d - x) % d);
            for (std::size_t y = 0; y < d; ++y) CHECK(g.add(x, y) == (x + y) % d);
            CHECK(g.pairing(x, 1) == x);  // chi_k(1) = zeta_d^k
        }
    }
}

TEST_CASE("product groups: group axioms checked exhaustively, against coordinates") {
    for (const char* spec : {"2x4", "3x3", "2x3x4", "2x2x2"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CHECK(g.spec() == spec);
        const std::size_t n = g.order();
        std::size_t expected = 1;
        unsigned long e = 1;
        for (unsigned long d : g.moduli()) {
            expected *= d;
            e = std::lcm(e, d);
        }
        CHECK(n == expected);
        CHECK(g.exponent() == e);
        for (std::size_t x = 0; x < n; ++x) {
            CHECK(g.add(x, 0) == x);
            CHECK(g.add(x, g.neg(x)) == 0);
            const auto cx = g.coordinates(x);
            CHECK(g.element(std::vector<long>(cx.begin(), cx.end())) == x);
            for (std::size_t y = 0; y < n; ++y) {
                CHECK(g.add(x, y) == g.add(y, x));
                const auto cy = g.coordinates(y), cs = g.coordinates(g.add(x, y));
                for (std::size_t i = 0; i < cx.size(); ++i) CHECK(cs[i] == (cx[i] + cy[i]) % g.moduli()[i]);
                for (std::size_t z = 0; z < n; z += 3) CHECK(g.add(g.add(x, y), z) == g.add(x, g.add(y, z)));
            }
        }
    }
}

TEST_CASE("the pairing is a perfect bilinear pairing: characters are homomorphisms and distinct") {
    for (const char* spec : {"6", "2x4", "3x3", "2x2x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        const unsigned long e = g.exponent();
        std::set<std::vector<unsigned long>> tables;
        for (std::size_t k = 0; k < n; ++k) {
            std::vector<unsigned long> table;
            for (std::size_t x = 0; x < n; ++x) {
                table.push_back(g.pairing(k, x));
                CHECK(g.pairing(k, x) == g.pairing(x, k));
                for (std::size_t y = 0; y < n; ++y)
                    CHECK(g.pairing(k, g.add(x, y)) == (g.pairing(k, x) + g.pairing(k, y)) % e);
                CHECK(g.pairing(g.neg(k), x) == (e - g.pairing(k, x)) % e);
            }
            tables.insert(table);
        }
        CHECK(tables.size() == n);  // n distinct characters: the dual group is all of G
    }
}

TEST_CASE("exact characters: orthogonality sum_x chi_k(x) conj(chi_l(x)) = n [k = l]") {
    for (const char* spec : {"5", "4", "2x4", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const cogo::CharacterTable<cogo::Cyclotomic> chi(g);
        const std::size_t n = g.order();
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t l = 0; l < n; ++l) {
                cogo::Cyclotomic s;
                for (std::size_t x = 0; x < n; ++x) s = s + chi.chi(k, x) * chi.conj_chi(l, x);
                CHECK(s == cogo::Cyclotomic(k == l ? static_cast<long>(n) : 0));
                CHECK(chi.chi(k, l) == cogo::character<cogo::Cyclotomic>(g, k, l));
            }
    }
}

TEST_CASE("self-conjugate frequencies and units") {
    const AbelianGroup z6 = AbelianGroup::cyclic(6);
    CHECK(z6.is_self_conjugate(0));
    CHECK(z6.is_self_conjugate(3));
    CHECK_FALSE(z6.is_self_conjugate(1));
    CHECK(z6.is_coprime_to_exponent(5));
    CHECK(z6.is_coprime_to_exponent(-1));
    CHECK_FALSE(z6.is_coprime_to_exponent(3));
    CHECK(z6.mul(-1, 2) == 4);
    const AbelianGroup z2z4 = AbelianGroup::parse("2x4");
    std::size_t count = 0;
    for (std::size_t k = 0; k < z2z4.order(); ++k) count += z2z4.is_self_conjugate(k);
    CHECK(count == 4);  // the 2-torsion of Z_2 x Z_4
}

TEST_CASE("bad groups are clear errors") {
    CHECK_THROWS_AS(AbelianGroup::cyclic(1), cogo::InvalidInput);
    CHECK_THROWS_AS(AbelianGroup::cyclic(0), cogo::InvalidInput);
    CHECK_THROWS_AS(AbelianGroup({}), cogo::InvalidInput);
    CHECK_THROWS_AS(AbelianGroup({3, 1}), cogo::InvalidInput);
    for (const char* bad : {"", "x", "3x", "x3", "3xx4", "a", "-3", "3.5", "1", "99999999999"})
        CHECK_THROWS_AS(AbelianGroup::parse(bad), cogo::InvalidInput);
    CHECK_THROWS_AS(AbelianGroup({4096, 4096}), cogo::InvalidInput);  // beyond max_order
    const AbelianGroup g = AbelianGroup::cyclic(5);
    CHECK_THROWS_AS(g.add(5, 0), cogo::InvalidInput);
    CHECK_THROWS_AS(g.element({1, 2}), cogo::ShapeMismatch);
}
