// Tests for src/construct/real_frequency.hpp: blocks at self-conjugate frequencies and the bias node.
// Values are read off the enumerated conditions of algebra/conditions.hpp (the loss's own path), not off
// the helpers under test.
#include <doctest/doctest.h>

#include <map>
#include <tuple>

#include "algebra/loss.hpp"
#include "construct/real_frequency.hpp"
#include "scalar/cyclotomic.hpp"
#include "algebra/conditions.hpp"

using namespace cogo;
using C = cogo::Cyclotomic;

namespace {

/// Every structurally non-zero T_k(k1, k2) of z, keyed by (k, k1, k2).
std::map<std::tuple<std::size_t, std::size_t, std::size_t>, C> output_table(const Element<C>& z) {
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, C> out;
    for (const auto& c : enumerate_conditions(z))
        if (!c.value.is_zero()) out.emplace(std::tuple{c.k, c.k1, c.k2}, c.value);
    return out;
}

const char* const kEvenGroups[] = {"2", "4", "6", "8", "2x2", "2x4", "2x2x2", "3x4", "2x6"};

}  // namespace

TEST_CASE("real frequencies are exactly the k = -k != 0; none for odd order") {
    CHECK(real_frequencies(AbelianGroup::cyclic(7)).empty());
    CHECK(real_frequencies(AbelianGroup::cyclic(8)) == std::vector<std::size_t>{4});
    CHECK(real_frequencies(AbelianGroup::parse("2x4")) == std::vector<std::size_t>{2, 4, 6});
    CHECK(real_frequencies(AbelianGroup::parse("2x2x2")).size() == 7);
}

TEST_CASE("real_identity_block: T_k(k,k) = 1 and bias T_k(0,0) = 1, nothing else") {
    for (const char* spec : kEvenGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        for (std::size_t k : real_frequencies(g)) {
            const auto table = output_table(real_identity_block<C>(g, k));
            CHECK(table.size() == 2);
            CHECK(table.at({k, k, k}) == C(1));
            CHECK(table.at({k, 0, 0}) == C(1));
            // output_biases agrees with the enumerated bias condition
            CHECK(output_biases(real_identity_block<C>(g, k)) == FourierRow<C>{{k, C(1)}});
        }
    }
}

TEST_CASE("real_pair_block is a per-frequency global solution: only T_k(k,k) = 1 remains") {
    for (const char* spec : kEvenGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        for (std::size_t k : real_frequencies(g)) {
            const auto z = real_pair_block<C>(g, k);
            CHECK(z.order() == 2);
            const auto table = output_table(z);
            CHECK(table.size() == 1);
            CHECK(table.at({k, k, k}) == C(1));
        }
    }
    // Z_2 alone: the block is a global optimum of the whole task (its only non-zero frequency is real)
    CHECK(loss_fourier(real_pair_block<C>(AbelianGroup::cyclic(2), 1)).is_zero());
}

TEST_CASE("the bias node touches only the bias conditions, as c_k / 2") {
    const AbelianGroup g = AbelianGroup::parse("2x6");
    const std::size_t k0 = real_frequencies(g).front();
    FourierRow<C> outputs;
    for (std::size_t k = 1; k < g.order(); ++k) outputs.emplace_back(k, C::rational(static_cast<long>(k), 3) + C::zeta(4));
    const auto table = output_table(bias_node<C>(g, k0, outputs));
    CHECK(table.size() == outputs.size());
    for (const auto& [k, c] : outputs) CHECK(table.at({k, 0, 0}) == c * C::rational(1, 2));
}

TEST_CASE("bias_cancelling_node removes every bias of a sum of unit blocks and leaves T_k(k,k) = 1") {
    for (const char* spec : kEvenGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        std::vector<Element<C>> blocks;
        for (std::size_t k : real_frequencies(g)) blocks.push_back(real_identity_block<C>(g, k));
        const auto partial = sum_of(g, blocks);
        const auto z = partial + bias_cancelling_node(partial, real_frequencies(g).back());
        for (const auto& [key, value] : output_table(z)) {
            const auto [k, k1, k2] = key;
            CHECK(k1 == k);
            CHECK(k2 == k);
            CHECK(value == C(1));
        }
    }
}

TEST_CASE("one node cannot be a per-frequency solution at a real k; bad frequencies are errors") {
    // (a, b, c) = (t, u, 1/(t u)) satisfies the 1-set; its bias (t^2 + u^2) / (2 t u) is never 0
    const AbelianGroup g = AbelianGroup::cyclic(4);
    for (long t : {1L, -1L, 2L, 3L})
        for (long u : {1L, -2L, 5L}) {
            const auto z = single_node<C>(g, 2, C(t), C(u), C::rational(1, t * u));
            const auto table = output_table(z);
            CHECK(table.at({2, 2, 2}) == C(1));
            CHECK(table.count({2, 0, 0}) == 1);
        }
    CHECK_THROWS_AS(real_identity_block<C>(g, 1), InvalidInput);  // 1 != -1 in Z_4
    CHECK_THROWS_AS(real_pair_block<C>(g, 0), InvalidInput);
    CHECK_THROWS_AS(bias_node<C>(g, 3, {}), InvalidInput);
    CHECK_THROWS_AS(real_identity_block<C>(AbelianGroup::cyclic(5), 1), InvalidInput);
}
