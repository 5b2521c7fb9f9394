// Tests for src/algebra/real_weights.hpp: the exact change of basis between real and Fourier weights.
#include <doctest/doctest.h>

#include "algebra/real_weights.hpp"
#include "algebra/transforms.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random_element.hpp"

using namespace cogo;
using cogo::testing::ElementShape;

namespace {
const char* const kGroups[] = {"3", "4", "5", "6", "7", "9", "2x4", "3x3", "2x2x2"};

bool same_matrix(const Matrix<Cyclotomic>& x, const Matrix<Cyclotomic>& y) {
    if (x.rows() != y.rows() || x.cols() != y.cols()) return false;
    for (std::size_t i = 0; i < x.values().size(); ++i)
        if (!(x.values()[i] == y.values()[i])) return false;
    return true;
}
}  // namespace

TEST_CASE("round trip real -> Fourier -> real is exact (rational weights)") {
    auto rng = cogo::testing::rng(31);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const auto w = cogo::testing::random_rational_weights(rng, g, 3, false);
        const auto z = from_real_weights(g, w);
        CHECK(is_conjugate_symmetric(z));
        const auto back = to_real_weights(z);
        CHECK(same_matrix(back.wa, w.wa));
        CHECK(same_matrix(back.wb, w.wb));
        CHECK(same_matrix(back.v, w.v));
    }
}

TEST_CASE("round trip Fourier -> real -> Fourier is exact, node by node (cyclotomic entries)") {
    auto rng = cogo::testing::rng(32);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        for (bool symmetric : {true, false}) {
            ElementShape shape;
            shape.conjugate_symmetric = symmetric;
            const auto z = cogo::testing::random_element(rng, g, shape);
            const auto back = from_real_weights(g, to_real_weights(z));
            REQUIRE(back.order() == z.order());
            for (std::size_t j = 0; j < z.order(); ++j) CHECK(nodes_equal(back.nodes()[j], z.nodes()[j]));
            // Real weights iff conjugate symmetric.
            bool all_real = true;
            const auto w = to_real_weights(z);
            for (const auto* m : {&w.wa, &w.wb, &w.v})
                for (const auto& v : m->values()) all_real = all_real && v.is_real();
            CHECK(all_real == is_conjugate_symmetric(z));
        }
    }
}

TEST_CASE("conventions of docs/theory.md section 2 on a single character") {
    // z_a = 1 at k = 1 only: W_a[j, x] = zeta_d^x; z_c = 1 at k = 1 only: V[m, j] = zeta_d^{-m} / (2d).
    const AbelianGroup g = AbelianGroup::cyclic(5);
    Node<Cyclotomic> n;
    n.a = {{1, 1}};
    n.c = {{1, 1}};
    const auto w = to_real_weights(Element<Cyclotomic>(g, {n}));
    for (std::size_t x = 0; x < 5; ++x) {
        CHECK(w.wa(0, x) == Cyclotomic::zeta(5, static_cast<long>(x)));
        CHECK(w.wb(0, x) == Cyclotomic(0));
        CHECK(w.v(x, 0) == Cyclotomic::zeta(5, -static_cast<long>(x)) * Cyclotomic::rational(1, 10));
    }
    // and back: a constant input row is pure DC: z_a[0] = the constant.
    NetworkWeights<Cyclotomic> c{Matrix<Cyclotomic>(1, 5, Cyclotomic(3)), Matrix<Cyclotomic>(1, 5),
                                 Matrix<Cyclotomic>(5, 1)};
    const auto zc = from_real_weights(g, c);
    REQUIRE(zc.nodes()[0].a.size() == 1);
    CHECK(zc.nodes()[0].a[0].first == 0);
    CHECK(zc.nodes()[0].a[0].second == Cyclotomic(3));
}

TEST_CASE("wrong weight shapes are clear errors") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    NetworkWeights<Cyclotomic> w{Matrix<Cyclotomic>(2, 5), Matrix<Cyclotomic>(2, 4), Matrix<Cyclotomic>(5, 2)};
    CHECK_THROWS_AS(from_real_weights(g, w), ShapeMismatch);
    NetworkWeights<Cyclotomic> v{Matrix<Cyclotomic>(2, 5), Matrix<Cyclotomic>(2, 5), Matrix<Cyclotomic>(2, 5)};
    CHECK_THROWS_AS(from_real_weights(g, v), ShapeMismatch);
    CHECK_THROWS_AS(Matrix<Cyclotomic>(2, 2, std::vector<Cyclotomic>(3)), ShapeMismatch);
}
