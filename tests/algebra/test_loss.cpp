// Tests for src/algebra/loss.hpp and direct_loss.hpp: Theorem 1 (L2 loss decoupling) holds EXACTLY.
// The Fourier formula (potentials) and the direct all-pairs loss (running the network on every (x, y))
// share no code; they must agree as exact cyclotomic numbers.
#include <doctest/doctest.h>

#include <cmath>

#include "algebra/direct_loss.hpp"
#include "algebra/loss.hpp"
#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/float.hpp"
#include "harness/random_element.hpp"

using namespace cogo;
using cogo::testing::ElementShape;
using cogo::testing::random_element;
using cogo::testing::random_rational_weights;

namespace {

// Small cyclic groups plus the two product groups.
const char* const kTheorem1Groups[] = {"3", "4", "5", "6", "7", "9", "2x4", "3x3"};

Cyclotomic fraction(long p, long q) { return Cyclotomic::rational(p, q); }

}  // namespace

TEST_CASE("Theorem 1, general (DC) form = direct loss, random RATIONAL real weights with DC rows") {
    auto rng = cogo::testing::rng(21);
    for (const char* spec : kTheorem1Groups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(spec);
        for (int t = 0; t < cogo::testing::cases(2); ++t) {
            const auto w = random_rational_weights(rng, g, 2 + t % 2, /*zero_mean_inputs=*/false);
            const auto z = from_real_weights(g, w);
            CHECK(has_dc_inputs(z));
            const Cyclotomic direct = direct_loss(g, w);
            CHECK(direct.is_rational());
            CHECK(loss_fourier(z) == direct);
        }
    }
}

TEST_CASE("Theorem 1, zero-mean form = general form = direct loss when the inputs have no DC component") {
    auto rng = cogo::testing::rng(22);
    for (const char* spec : kTheorem1Groups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(spec);
        for (int t = 0; t < cogo::testing::cases(2); ++t) {
            const auto w = random_rational_weights(rng, g, 2 + t % 2, /*zero_mean_inputs=*/true);
            const auto z = from_real_weights(g, w);
            REQUIRE_FALSE(has_dc_inputs(z));
            const Cyclotomic direct = direct_loss(g, w);
            CHECK(loss_fourier_zero_mean(z) == direct);
            CHECK(loss_fourier(z) == direct);
        }
    }
}

TEST_CASE("Theorem 1 with CYCLOTOMIC weights: conjugate-symmetric Fourier elements, with and without DC") {
    auto rng = cogo::testing::rng(23);
    for (const char* spec : kTheorem1Groups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(spec);
        for (bool dc : {true, false}) {
            ElementShape shape;
            shape.nodes = 2;
            shape.dc_inputs = dc;
            shape.field_order = g.exponent() * 4;  // entries in a larger field than the characters need
            const auto z = random_element(rng, g, shape);
            const auto w = to_real_weights(z);
            for (const auto& v : w.wa.values()) CHECK(v.is_real());
            for (const auto& v : w.v.values()) CHECK(v.is_real());
            const Cyclotomic direct = direct_loss(g, w);
            CHECK(direct.is_real());
            CHECK(loss_fourier(z) == direct);
            if (!dc) CHECK(loss_fourier_zero_mean(z) == direct);
        }
    }
}

TEST_CASE("Theorem 1 holds for complex (non-conjugate-symmetric) elements with ||v||^2 = sum |v_m|^2") {
    auto rng = cogo::testing::rng(24);
    for (const char* spec : {"4", "5", "2x4"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        ElementShape shape;
        shape.nodes = 2;
        shape.conjugate_symmetric = false;
        const auto z = random_element(rng, g, shape);
        CHECK_FALSE(is_conjugate_symmetric(z));
        CHECK(loss_fourier(z) == direct_loss(g, to_real_weights(z)));
    }
}

TEST_CASE("the DC terms matter: the zero-mean form is wrong when DC rows are present (mutation check)") {
    auto rng = cogo::testing::rng(25);
    for (const char* spec : {"3", "4", "2x4"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const auto w = random_rational_weights(rng, g, 2, /*zero_mean_inputs=*/false);
        const auto z = from_real_weights(g, w);
        CHECK_THROWS_AS(loss_fourier_zero_mean(z), InvalidInput);
        const Cyclotomic wrong =
            detail::assemble_loss(z, [](std::size_t k, const PotentialSums<Cyclotomic>& s) { return loss_term_zero_mean(k, s); });
        CHECK_FALSE(wrong == direct_loss(g, w));
    }
}

TEST_CASE("loss at the zero network is (n-1)/n; the loss is a real number >= 0 for real weights") {
    auto rng = cogo::testing::rng(26);
    for (const char* spec : kTheorem1Groups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const long n = static_cast<long>(g.order());
        CHECK(loss_fourier(zero_element<Cyclotomic>(g)) == fraction(n - 1, n));
        NetworkWeights<Cyclotomic> w{Matrix<Cyclotomic>(1, n), Matrix<Cyclotomic>(1, n), Matrix<Cyclotomic>(n, 1)};
        CHECK(direct_loss(g, w) == fraction(n - 1, n));
        const auto z = random_element(rng, g, ElementShape{});
        const Cyclotomic l = loss_fourier(z);
        CHECK(l.is_real());
        CHECK(l.to_complex().real() >= 0.0);
    }
}

TEST_CASE("a hand-checkable case: one node a = b = 1 at k = +-1 on Z_3") {
    // W_a[x] = W_b[x] = 2 cos(2 pi x / 3); z_c = 1 at k = 1 and k = 2 (so V = (1/6) * 2 cos(2 pi m / 3)).
    const AbelianGroup g = AbelianGroup::cyclic(3);
    Node<Cyclotomic> n;
    n.a = {{1, 1}, {2, 1}};
    n.b = {{1, 1}, {2, 1}};
    n.c = {{1, 1}, {2, 1}};
    const Element<Cyclotomic> z(g, {n});
    // r_{k1 k2 k} = 1 for all k1, k2 in {1, 2}: 4 terms of |r|^2, -2 Re r_kkk = -2;
    // A_k[m] = sum over (k', m-k') in {1,2}^2: A[2] = 1 (1+1), A[1] = 1 (2+2), A[0] = 2 (1+2, 2+1), same for B;
    // l_k = -2 + 4 + 1/4 (1 + 1 + 1 + 1) + 1/4 |2 + 2|^2 = 7 for k = 1, 2; l = 2/3 + (1/3) 14 = 16/3.
    CHECK(loss_fourier(z) == fraction(16, 3));
    CHECK(loss_fourier_zero_mean(z) == fraction(16, 3));
    CHECK(direct_loss(g, to_real_weights(z)) == fraction(16, 3));
}

TEST_CASE("float model: the same generic code on complex<double> agrees with the exact loss to 1e-12") {
    auto rng = cogo::testing::rng(27);
    for (const char* spec : kTheorem1Groups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        ElementShape shape;
        shape.nodes = 3;
        const auto z = random_element(rng, g, shape);
        const auto zf = map_values<Complex>(z, [](const Cyclotomic& v) { return v.to_complex(); });
        const Complex exact = loss_fourier(z).to_complex();
        const Complex fourier = loss_fourier(zf);
        const Complex direct = direct_loss(g, to_real_weights(zf));
        CHECK(std::abs(fourier - exact) <= 1e-12 * std::abs(exact));
        CHECK(std::abs(direct - exact) <= 1e-12 * std::abs(exact));
        const auto table = potential_sums(z);
        const auto table_f = potential_sums(zf);
        for (const auto& [k, sums] : table)
            for (const auto& [key, r] : sums.r)
                CHECK(std::abs(table_f.at(k).r_at(key.first, key.second) - r.to_complex()) <=
                      1e-12 * std::max(1.0, std::abs(r.to_complex())));
    }
}
