// Tests for src/construct/global_solutions.hpp: the global solutions have the stated order, real weights
// and EXACT loss 0 by Theorem 1 (loss_fourier); the all-order-4 element has exact loss 2(n-1)/n.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "algebra/direct_loss.hpp"
#include "algebra/loss.hpp"
#include "algebra/real_weights.hpp"
#include "algebra/transforms.hpp"
#include "construct/block_potentials.hpp"
#include "construct/global_solutions.hpp"
#include "io/turn_text.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;
using C = cogo::Cyclotomic;

namespace {

const char* const kOddGroups[] = {"3", "5", "7", "9", "11", "13", "15", "3x3", "3x5"};

std::vector<C> turns(const char* text) { return turn_values<C>(parse_turns(text)); }

std::size_t k0_of(const AbelianGroup& g) { return pair_representatives(g).front(); }

C n_ratio(long num, std::size_t n) { return C::rational(num, static_cast<long>(n)); }

// Checks what every global solution must satisfy.
void check_global(const Element<C>& z, std::size_t order) {
    CHECK(z.order() == order);
    CHECK(is_conjugate_symmetric(z));
    CHECK_FALSE(has_dc_inputs(z));
    const C loss = loss_fourier(z);
    CAPTURE(loss.to_string());
    CHECK(loss.is_zero());
    CHECK(loss_fourier_zero_mean(z).is_zero());
}

}  // namespace

TEST_CASE("pair representatives: k = 1..(d-1)/2 for Z_d, one per pair {k, -k}") {
    for (unsigned long d = 2; d <= 16; ++d) {
        const auto reps = pair_representatives(AbelianGroup::cyclic(d));
        REQUIRE(reps.size() == (d - 1) / 2);
        for (std::size_t t = 0; t < reps.size(); ++t) CHECK(reps[t] == t + 1);
    }
    const AbelianGroup g = AbelianGroup::parse("3x3");
    const auto reps = pair_representatives(g);
    CHECK(reps.size() == 4);
    for (std::size_t k : reps) CHECK(k < g.neg(k));
}

TEST_CASE("z_F6 = sum_k (z_nu(nu_k) z_syn)^(k) / 6: order 3(n-1), loss exactly 0") {
    const char* const nu_lists[] = {"1/3", "1/4", "1/8,1/12,2/3", "0,1/2", "-1/3,1/8"};
    for (const char* spec : kOddGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        for (const char* nus : nu_lists) {
            CAPTURE(std::string(spec));
            CAPTURE(std::string(nus));
            check_global(f6<C>(g, turns(nus)), 3 * (n - 1));
        }
        CAPTURE(std::string(spec));
        check_global(f6<C>(g), 3 * (n - 1));
        // r_kkk = 1 at every k != 0, and the nus are cycled: block t at representative t uses nus[t mod 2].
        const auto z = f6<C>(g, turns("1/4,1/8"));
        for (std::size_t k = 1; k < n; ++k) CHECK(block_potentials(z, k)[BlockPotential::abc] == C(1));
        const auto reps = pair_representatives(g);
        if (reps.size() >= 2) {
            CHECK(z.entry(Part::a, reps[0], 3) == C::zeta(4));
            CHECK(z.entry(Part::a, reps[1], 9) == C::zeta(8));
        }
    }
}

TEST_CASE("z_{nu=i} * z_{syn,ab}(alpha_k, beta_k) / 6 summed over k: order 3(n-1), loss exactly 0") {
    struct Params {
        const char* alphas;
        const char* betas;
    };
    const Params params[] = {{"0", "0"}, {"1/3", "2/3"}, {"1/8,1/4", "1/12"}, {"5/12", "-1/8,0,1/3"}};
    for (const char* spec : kOddGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        for (const Params& p : params) {
            CAPTURE(std::string(spec));
            CAPTURE(std::string(p.alphas));
            CAPTURE(std::string(p.betas));
            check_global(nui_synab<C>(g, turns(p.alphas), turns(p.betas)), 3 * (g.order() - 1));
        }
        check_global(nui_synab<C>(g), 3 * (g.order() - 1));
    }
}

TEST_CASE("all-order-4 z_{nu=i} * z_xi / 4: bias not cancelled, exact loss 2(n-1)/n, not 0") {
    struct Params {
        const char* xis;
        std::vector<int> signs;
    };
    const Params params[] = {{"1/8", {1}}, {"1/8", {-1}}, {"3/8,1/3", {1, -1, -1}}, {"1/12,0", {-1, 1}}};
    for (const char* spec : kOddGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        for (const Params& p : params) {
            CAPTURE(std::string(spec));
            CAPTURE(std::string(p.xis));
            const auto z = order4<C>(g, turns(p.xis), p.signs);
            CHECK(z.order() == 2 * (n - 1));
            CHECK(is_conjugate_symmetric(z));
            CHECK(loss_fourier(z) == n_ratio(2 * static_cast<long>(n - 1), n));
            // Each block's bias is exactly 1 + s i; everything else is as for a global solution.
            const auto reps = pair_representatives(g);
            for (std::size_t t = 0; t < reps.size(); ++t) {
                const auto v = block_potentials(z, reps[t]);
                const int s = p.signs[t % p.signs.size()];
                CHECK(v.bias() == C(1) + C(s) * C::zeta(4));
                CHECK(v[BlockPotential::abc] == C(1));
            }
        }
        CHECK(loss_fourier(order4<C>(g)) == n_ratio(2 * static_cast<long>(n - 1), n));
    }
}

TEST_CASE("z_F4/6: order-4 blocks + one order-6 block cancelling all biases: order 2n, loss exactly 0") {
    struct Params {
        const char* nu;
        const char* xis;
        std::vector<int> signs;
    };
    const Params params[] = {{"1/3", "1/8", {1}},          {"1/4", "1/8", {-1}},         {"1/8", "3/8,1/3", {1, -1}},
                             {"5/12", "-1/8", {-1, 1, 1}}, {"0", "1/12,1/4,0", {1}}};
    for (const char* spec : kOddGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        const auto reps = pair_representatives(g);
        for (const Params& p : params) {
            CAPTURE(std::string(spec));
            CAPTURE(std::string(p.nu));
            CAPTURE(std::string(p.xis));
            // k0 = first representative, the last one, and a "negative" frequency.
            for (std::size_t k0 : {reps.front(), reps.back(), g.neg(reps.back())}) {
                CAPTURE(k0);
                check_global(f46<C>(g, turn_value<C>(parse_turn(p.nu)), turns(p.xis), p.signs, k0), 2 * n);
            }
        }
        CAPTURE(std::string(spec));
        check_global(f46<C>(g), 2 * n);
    }
}

TEST_CASE("z_F4/6 structure: lambda_k = -(1 + s_k i)/12 on the order-6 nodes; without them the loss is 2(n-3)/n") {
    for (const char* spec : {"5", "7", "9", "13", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        const auto reps = pair_representatives(g);
        const std::vector<int> signs{1, -1, -1};
        const C nu = C::zeta(12);
        const auto z = f46<C>(g, nu, turns("1/8,1/3"), signs);
        CAPTURE(std::string(spec));
        // Node layout: representative order; the order-6 block comes first (k0 = reps[0]).
        REQUIRE(z.order() == 2 * n);
        std::size_t t = 0;
        for (std::size_t r = 1; r < reps.size(); ++r, ++t) {
            const std::size_t k = reps[r];
            const C lambda = -(C(1) + C(signs[t % signs.size()]) * C::zeta(4)) * C::rational(1, 12);
            for (std::size_t j = 0; j < 6; ++j) {
                const C y = j < 3 ? nu * nu.conj() : C(1);  // y = (|nu|^2, 1) over z_nu's nodes (= 1, 1 here)
                CHECK(z.entry(Part::c, k, j) == lambda * y);
                CHECK(z.entry(Part::c, g.neg(k), j) == lambda.conj() * y);
            }
            // The block at k (inputs at +-k) has bias 1 + s i; the bias term of Theorem 1 at k,
            // (A_k[0] + B_k[0]) / 2 = sum_{k'} (r_{a,k',-k',k} + r_{b,k',-k',k}) / 2, also sums the order-6
            // nodes' inputs at +-k0 and vanishes exactly.
            const auto v = block_potentials(z, k);
            CHECK(v.bias() == C(1) + C(signs[t % signs.size()]) * C::zeta(4));
            CHECK(v[BlockPotential::abc] == C(1));
            CHECK(block_potential_names(killed_potentials(v)) ==
                  "{a'bc, ab'c, a'b'c, a^2c, b^2c, a'^2c, b'^2c}");
            const auto sums = potential_sums(z).at(k);
            CHECK((sums.a_at(0) + sums.b_at(0)).is_zero());
            // (Both blocks have |a|^2c = |b|^2c, so even A_k[0] and B_k[0] vanish separately.)
            CHECK(sums.a_at(0).is_zero());
            CHECK(sums.b_at(0).is_zero());
            const C from_k0 = block_potentials(z, k0_of(g)).bias();  // the order-6 block's own bias at k0
            CHECK(from_k0.is_zero());
        }
        // Drop the cross-frequency outputs: the biases reappear, loss 2 (n - 3)/n (l_k = +1 instead of -1).
        std::vector<Node<C>> nodes = z.nodes();
        for (std::size_t j = 0; j < 6; ++j)
            std::erase_if(nodes[j].c, [&](const auto& e) { return e.first != reps[0] && e.first != g.neg(reps[0]); });
        CHECK(loss_fourier(Element<C>(g, nodes)) == n_ratio(2 * static_cast<long>(n - 3), n));
    }
}

TEST_CASE("perfect memorisation z_M on Z_d: order d^2, real weights, loss exactly 0 for every d >= 2") {
    for (unsigned long d = 2; d <= 7; ++d) {
        CAPTURE(d);
        const AbelianGroup g = AbelianGroup::cyclic(d);
        const auto z = memorisation<C>(g);
        check_global(z, d * d);
        // Node (j1, j2) memorises (j1, j2): z_a[k] = zeta^{-j1 k}, z_b[k] = zeta^{-j2 k}, z_c[k] = zeta^{(j1+j2) k} / d^2.
        const std::size_t j1 = d - 1, j2 = d / 2;
        const long dl = static_cast<long>(d);
        for (std::size_t k = 1; k < d; ++k) {
            const long kl = static_cast<long>(k);
            CHECK(z.entry(Part::a, k, j1 * d + j2) == C::zeta(d, -static_cast<long>(j1) * kl));
            CHECK(z.entry(Part::b, k, j1 * d + j2) == C::zeta(d, -static_cast<long>(j2) * kl));
            CHECK(z.entry(Part::c, k, j1 * d + j2) == C::zeta(d, static_cast<long>(j1 + j2) * kl) * C::rational(1, dl * dl));
        }
        CHECK(z.node(0).a.size() == d - 1);  // k = 0 not stored
    }
    CHECK_THROWS_AS(memorisation<C>(AbelianGroup::parse("3x3")), InvalidInput);
}

TEST_CASE("independent check: the real-domain networks have direct all-pairs loss 0") {
    for (unsigned long d : {3UL, 5UL}) {
        const AbelianGroup g = AbelianGroup::cyclic(d);
        CAPTURE(d);
        CHECK(direct_loss(g, to_real_weights(f6<C>(g))).is_zero());
        CHECK(direct_loss(g, to_real_weights(f46<C>(g))).is_zero());
        CHECK(direct_loss(g, to_real_weights(nui_synab<C>(g, turns("1/8"), turns("1/3")))).is_zero());
        CHECK(direct_loss(g, to_real_weights(order4<C>(g))) == n_ratio(2 * static_cast<long>(d - 1), d));
    }
    const AbelianGroup g4 = AbelianGroup::cyclic(4);
    CHECK(direct_loss(g4, to_real_weights(memorisation<C>(g4))).is_zero());
}

TEST_CASE("even orders and bad parameters throw InvalidInput") {
    for (const char* spec : {"2", "4", "6", "8", "10", "2x4", "3x4"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        CHECK_THROWS_WITH_AS(f6<C>(g), doctest::Contains("odd order is needed"), InvalidInput);
        CHECK_THROWS_WITH_AS(nui_synab<C>(g), doctest::Contains("odd order is needed"), InvalidInput);
        CHECK_THROWS_WITH_AS(f46<C>(g), doctest::Contains("odd order is needed"), InvalidInput);
        CHECK_THROWS_WITH_AS(order4<C>(g), doctest::Contains("odd order is needed"), InvalidInput);
    }
    const AbelianGroup g = AbelianGroup::cyclic(7);
    CHECK_THROWS_AS(f6<C>(g, {}), InvalidInput);
    CHECK_THROWS_AS(nui_synab<C>(g, {C(1)}, {}), InvalidInput);
    CHECK_THROWS_AS(order4<C>(g, {C(1)}, {0}), InvalidInput);
    CHECK_THROWS_AS(f46<C>(g, C(1), {C(1)}, {2}), InvalidInput);
    CHECK_THROWS_AS(f46<C>(g, C(1), {}, {1}), InvalidInput);
    CHECK_THROWS_AS(f46<C>(g, C(1), {C(1)}, {1}, std::size_t{0}), InvalidInput);
    CHECK_THROWS_AS(f46<C>(g, C(1), {C(1)}, {1}, std::size_t{7}), InvalidInput);
}
