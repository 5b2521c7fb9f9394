// Tests for src/algebra/conditions.hpp: the enumerated conditions are exactly the output coefficients
// T_k(k1, k2), and every triple left out is exactly zero (brute force over all triples).
#include <doctest/doctest.h>

#include <set>
#include <tuple>

#include "algebra/loss.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random_element.hpp"
#include "algebra/conditions.hpp"

using namespace cogo;

namespace {

/// T_k(k1, k2) straight from the definitions (potential / self_potential sums over all k').
Cyclotomic brute_force_T(const Element<Cyclotomic>& z, std::size_t k, std::size_t k1, std::size_t k2) {
    const AbelianGroup& g = z.group();
    Cyclotomic t = potential(z, k1, k2, k);
    const Cyclotomic half = Cyclotomic::rational(1, 2);
    for (std::size_t kp = 0; kp < g.order(); ++kp) {
        if (k2 == 0) t = t + half * self_potential(z, Part::a, kp, g.sub(k1, kp), k);
        if (k1 == 0) t = t + half * self_potential(z, Part::b, kp, g.sub(k2, kp), k);
    }
    return t;
}

}  // namespace

TEST_CASE("enumerated conditions = brute-force output coefficients; omitted triples are zero") {
    auto rng = cogo::testing::rng(41);
    for (const char* spec : {"3", "4", "5", "6", "2x4", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order();
        for (double density : {0.3, 0.8}) {
            cogo::testing::ElementShape shape;
            shape.density = density;
            shape.nodes = 3;
            const auto z = cogo::testing::random_element(rng, g, shape);
            const auto conditions = enumerate_conditions(z);
            std::set<std::tuple<std::size_t, std::size_t, std::size_t>> listed;
            Cyclotomic loss;
            for (std::size_t i = 0; i < conditions.size(); ++i) {
                const auto& c = conditions[i];
                CHECK(c.k != 0);
                if (i > 0) {
                    const auto& p = conditions[i - 1];
                    CHECK(std::tuple(p.k, p.k1, p.k2) < std::tuple(c.k, c.k1, c.k2));
                }
                listed.insert({c.k, c.k1, c.k2});
                CHECK(c.value == brute_force_T(z, c.k, c.k1, c.k2));
                CHECK(c.target == ((c.k1 == c.k && c.k2 == c.k) ? 1 : 0));
                loss = loss + norm2(c.defect());
            }
            for (std::size_t k = 1; k < n; ++k) {
                CHECK(listed.count({k, k, k}) == 1);
                for (std::size_t k1 = 0; k1 < n; ++k1)
                    for (std::size_t k2 = 0; k2 < n; ++k2)
                        if (!listed.count({k, k1, k2})) CHECK(brute_force_T(z, k, k1, k2).is_zero());
            }
            // l = (1/n) sum |T - t|^2 is the Theorem 1 loss.
            CHECK(loss * Cyclotomic::rational(1, static_cast<long>(n)) == loss_fourier(z));
        }
    }
}

TEST_CASE("condition kinds") {
    CHECK(condition_kind(3, 3, 3) == ConditionKind::one);
    CHECK(condition_kind(3, 1, 2) == ConditionKind::r);
    CHECK(condition_kind(3, 2, 0) == ConditionKind::dc_a);
    CHECK(condition_kind(3, 0, 2) == ConditionKind::dc_b);
    CHECK(condition_kind(3, 0, 0) == ConditionKind::bias);
    CHECK(std::string(condition_kind_name(ConditionKind::bias)) == "bias");
}
