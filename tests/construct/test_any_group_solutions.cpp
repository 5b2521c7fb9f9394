// Tests for src/construct/any_group_solutions.hpp: global solutions for every finite Abelian group of
// order 2..64 (all 116 isomorphism types), PROVED exactly; perturbations REFUTED; real-domain check
// (direct all-pairs loss, which also covers the DC input row of the odd-order bias node).
#include <doctest/doctest.h>

#include <string>

#include "algebra/direct_loss.hpp"
#include "algebra/loss.hpp"
#include "algebra/real_weights.hpp"
#include "algebra/transforms.hpp"
#include "construct/any_group_solutions.hpp"
#include "io/turn_text.hpp"
#include "group/isomorphism_types.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random.hpp"
#include "verify/verify.hpp"

using namespace cogo;
using C = cogo::Cyclotomic;

namespace {

std::vector<C> turns(const char* text) { return turn_values<C>(parse_turns(text)); }

bool proved(const Element<C>& z) {
    const auto result = verify_global_optimum(z);
    return result.verdict == Verdict::proved && result.loss && result.loss->is_zero();
}

}  // namespace

TEST_CASE("frequency counts: 1 + 2P + R = n; R = 0 iff n odd") {
    for (unsigned long n = 2; n <= 64; ++n)
        for (const AbelianGroup& g : abelian_groups_of_order(n)) {
            CAPTURE(g.name());
            const FrequencyCounts c = frequency_counts(g);
            CHECK(1 + 2 * c.pairs + c.real == n);
            CHECK((c.real == 0) == (n % 2 == 1));
        }
    // Z_2^m: every non-zero frequency is real
    CHECK(frequency_counts(AbelianGroup::parse("2x2x2")).pairs == 0);
}

TEST_CASE("minimal_solution, minimal_zero_mean_solution and f6_real are PROVED for every Abelian group of order 2..64") {
    std::size_t groups = 0;
    for (unsigned long n = 2; n <= 64; ++n)
        for (const AbelianGroup& g : abelian_groups_of_order(n)) {
            CAPTURE(g.name());
            ++groups;
            const FrequencyCounts c = frequency_counts(g);
            const auto zmin = minimal_solution<C>(g);
            CHECK(zmin.order() == minimal_solution_order(g));
            CHECK(zmin.order() == 4 * c.pairs + c.real + 1);
            if (n % 2) CHECK(zmin.order() == 2 * n - 1);
            CHECK(is_conjugate_symmetric(zmin));
            CHECK(has_dc_inputs(zmin) == (n % 2 == 1));  // odd n: the bias node is a DC input row
            CHECK(proved(zmin));
            const auto zmean = minimal_zero_mean_solution<C>(g);
            CHECK(zmean.order() == (n % 2 ? 2 * n : 4 * c.pairs + c.real + 1));
            CHECK_FALSE(has_dc_inputs(zmean));
            CHECK(proved(zmean));
            const auto z6 = f6_real<C>(g, turns("1/3,1/4"));
            CHECK(z6.order() == 6 * c.pairs + 2 * c.real);
            CHECK(is_conjugate_symmetric(z6));
            CHECK(proved(z6));
        }
    CHECK(groups == 116);
}

TEST_CASE("other parameters: every xi, sign and nu of orders 3, 4, 8, 12 on a few groups") {
    for (const char* spec : {"4", "6", "2x4", "2x2x3", "24", "4x4", "9", "3x3", "15"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        CHECK(proved(minimal_solution<C>(g, turns("1/8,3/8,-1/8,1/12,1/3"), {1, -1, -1})));
        CHECK(proved(minimal_zero_mean_solution<C>(g, turns("1/4").front(), turns("1/8,3/8,-1/8,1/12,1/3"), {1, -1, -1})));
        CHECK(proved(f6_real<C>(g, turns("1/3,1/8,-1/12,1/4"))));
    }
}

TEST_CASE("without its bias node the minimal solution is REFUTED at a bias condition") {
    for (const char* spec : {"2", "4", "2x2", "2x4", "12", "3", "5", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        const auto z = minimal_solution<C>(g);
        std::vector<Node<C>> nodes = z.nodes();
        nodes.pop_back();  // the bias node is last
        const auto result = verify_global_optimum(Element<C>(g, std::move(nodes)));
        REQUIRE(result.verdict == Verdict::refuted);
        CHECK(result.conditions[*result.counterexample].kind() == ConditionKind::bias);
    }
}

TEST_CASE("mutation check: single-coefficient perturbations of the any-group constructions are REFUTED") {
    std::size_t tried = 0;
    for (const char* spec : {"2", "4", "6", "2x2", "2x4", "2x2x2", "12", "3", "5", "9"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        for (const auto& z : {minimal_solution<C>(g), f6_real<C>(g, turns("1/3"))}) {
            for (std::size_t j = 0; j < z.order(); ++j)
                for (Part p : all_parts)
                    for (std::size_t i = 0; i < z.nodes()[j].row(p).size(); ++i) {
                        std::vector<Node<C>> nodes = z.nodes();
                        nodes[j].row(p)[i].second = nodes[j].row(p)[i].second + C::rational(1, 89);
                        CHECK(verify_global_optimum(Element<C>(g, std::move(nodes))).verdict == Verdict::refuted);
                        ++tried;
                    }
        }
    }
    MESSAGE("perturbations tried (all REFUTED): " << tried);
    CHECK(tried > 300);
}

TEST_CASE("independent check: direct all-pairs loss of the real-domain networks is exactly 0") {
    for (const char* spec : {"2", "4", "6", "2x2", "2x4", "8", "3", "5", "9", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        CAPTURE(std::string(spec));
        CHECK(direct_loss(g, to_real_weights(minimal_solution<C>(g))).is_zero());  // DC input row for odd n
        CHECK(direct_loss(g, to_real_weights(f6_real<C>(g, turns("1/3")))).is_zero());
    }
}
