// Tests for src/construct/polynomial_construction.hpp: rho(u) = prod_s (u + s) = sum_i e_{n-i} u^i has
// r(rho(u)) = prod_s (r(u) + s) for every potential on u's support (docs/theory.md section 4).
#include <doctest/doctest.h>

#include <vector>

#include "algebra/potentials.hpp"
#include "algebra/transforms.hpp"
#include "construct/families.hpp"
#include "construct/polynomial_construction.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random_element.hpp"

using namespace cogo;
using cogo::testing::random_cyclotomic;

namespace {
Cyclotomic random_nonzero(std::mt19937_64& rng) {
    const Cyclotomic v = random_cyclotomic(rng, 24);
    return v.is_zero() ? Cyclotomic(1) : v;
}
}  // namespace

TEST_CASE("elementary symmetric polynomials and the coefficients of prod (X + s)") {
    const std::vector<Cyclotomic> s{Cyclotomic(1), Cyclotomic(2), Cyclotomic(3)};
    const auto e = elementary_symmetric(s);
    REQUIRE(e.size() == 4);
    CHECK(e[0] == Cyclotomic(1));
    CHECK(e[1] == Cyclotomic(6));
    CHECK(e[2] == Cyclotomic(11));
    CHECK(e[3] == Cyclotomic(6));
    const auto c = shifted_product_coefficients(s);  // (X+1)(X+2)(X+3) = X^3 + 6X^2 + 11X + 6
    REQUIRE(c.size() == 4);
    CHECK(c[0] == Cyclotomic(6));
    CHECK(c[1] == Cyclotomic(11));
    CHECK(c[2] == Cyclotomic(6));
    CHECK(c[3] == Cyclotomic(1));
    CHECK(elementary_symmetric(std::vector<Cyclotomic>{}).size() == 1);
}

TEST_CASE("r(rho(u)) = prod_s (r(u) + s) for every potential on {k, -k}, random u and shifts") {
    auto rng = cogo::testing::rng(311);
    const char* const groups[] = {"5", "7", "8", "3x3"};
    for (const char* spec : groups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        for (int t = 0; t < cogo::testing::cases(4); ++t) {
            const std::size_t k = g.order() == 8 ? 3 : 1 + static_cast<std::size_t>(t) % (g.order() / 2);
            const std::size_t mk = g.neg(k);
            const auto u = single_node<Cyclotomic>(g, k, random_nonzero(rng), random_nonzero(rng), random_nonzero(rng));
            std::vector<Cyclotomic> shifts;
            for (int i = 0; i < t % 4; ++i) shifts.push_back(random_cyclotomic(rng, 12));
            const auto rho = polynomial_construction(u, shifts);
            CHECK(rho.order() == shifts.size() + 1);
            bool real_coefficients = true;
            for (const auto& c : shifted_product_coefficients(shifts)) real_coefficients = real_coefficients && c.is_real();
            CHECK(is_conjugate_symmetric(rho) == real_coefficients);
            auto expected = [&](const Cyclotomic& ru) {
                Cyclotomic prod(1);
                for (const auto& x : shifts) prod = prod * (ru + x);
                return prod;
            };
            for (std::size_t k1 : {k, mk})
                for (std::size_t k2 : {k, mk})
                    for (std::size_t ko : {k, mk}) {
                        CHECK(potential(rho, k1, k2, ko) == expected(potential(u, k1, k2, ko)));
                        for (Part p : {Part::a, Part::b})
                            CHECK(self_potential(rho, p, k1, k2, ko) == expected(self_potential(u, p, k1, k2, ko)));
                    }
            // Off the support every potential is 0.
            std::size_t off = 1;
            while (off == k || off == mk) ++off;
            CHECK(potential(rho, off, k, k).is_zero());
            CHECK(self_potential(rho, Part::b, k, mk, off).is_zero());
            CHECK(potential(rho, k, k, 0).is_zero());
        }
    }
}

TEST_CASE("rho(u) kills the potentials whose value at u is one of the -s") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const auto u = single_node<Cyclotomic>(g, 2, Cyclotomic::zeta(5), Cyclotomic::rational(3, 2), Cyclotomic::zeta(8));
    const Cyclotomic r = potential(u, 2, 2, 2), ra = self_potential(u, Part::a, 5, 5, 2);
    const auto rho = polynomial_construction(u, std::vector<Cyclotomic>{-r, -ra});
    CHECK(rho.order() == 3);
    CHECK(potential(rho, 2, 2, 2).is_zero());
    CHECK(self_potential(rho, Part::a, 5, 5, 2).is_zero());
    CHECK_FALSE(potential(rho, 5, 2, 2).is_zero());
}

TEST_CASE("z_syn and z_nu are polynomial constructions: 1 + u + u^2 and 1 + v") {
    const Cyclotomic w = Cyclotomic::zeta(3);
    for (const char* spec : {"5", "9", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        for (std::size_t k : {std::size_t{1}, std::size_t{2}}) {
            // (X - w)(X - w') = X^2 + X + 1
            const auto u = single_node<Cyclotomic>(g, k, w, w, w);
            const auto rho = polynomial_construction(u, std::vector<Cyclotomic>{-w, -w.conj()});
            CHECK(equal_up_to_node_permutation(rho, z_syn<Cyclotomic>(g, k)));
            const Cyclotomic nu = Cyclotomic::zeta(12, 5);
            const auto v = single_node<Cyclotomic>(g, k, nu, -nu, -(nu.conj() * nu.conj()));
            CHECK(equal_up_to_node_permutation(polynomial_construction(v, std::vector<Cyclotomic>{Cyclotomic(1)}),
                                               z_nu<Cyclotomic>(g, k, nu)));
            // Mutation check: a different shift gives a different element.
            CHECK_FALSE(equal_up_to_node_permutation(polynomial_construction(v, std::vector<Cyclotomic>{Cyclotomic(2)}),
                                                     z_nu<Cyclotomic>(g, k, nu)));
        }
    }
}

TEST_CASE("zero coefficients keep their node (order #s + 1) with an empty c-row; sum_i c_i u^i") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const auto u = single_node<Cyclotomic>(g, 1, Cyclotomic::zeta(5), Cyclotomic(2), Cyclotomic(3));
    const auto rho = polynomial_construction(u, std::vector<Cyclotomic>{Cyclotomic(1), Cyclotomic(-1)});  // u^2 - 1
    REQUIRE(rho.order() == 3);
    CHECK(rho.node(1).c.empty());
    CHECK(rho.entry(Part::c, 1, 0) == Cyclotomic(-1));
    CHECK(rho.entry(Part::c, 1, 2) == Cyclotomic(9));
    CHECK(polynomial_in_generator(u, std::vector<Cyclotomic>{}).order() == 0);
    CHECK_THROWS_AS(polynomial_construction(u + u, std::vector<Cyclotomic>{Cyclotomic(1)}), InvalidInput);
}
