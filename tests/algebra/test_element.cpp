// Tests for src/algebra/element.hpp, semiring.hpp and transforms.hpp: the semi-ring of weights.
#include <doctest/doctest.h>

#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/float.hpp"
#include "harness/random_element.hpp"
#include "harness/semiring_axioms.hpp"
#include "algebra/symbolic_element.hpp"

using namespace cogo;
using cogo::testing::ElementShape;
using cogo::testing::random_element;

namespace {

const char* const kGroups[] = {"3", "4", "5", "6", "2x2", "2x4", "3x3"};

bool exact_same(const Element<Cyclotomic>& x, const Element<Cyclotomic>& y) { return equal_up_to_node_permutation(x, y); }

/// Float counterpart of equal_up_to_node_permutation: greedy matching with an absolute tolerance.
bool approx_same(const Element<Complex>& x, const Element<Complex>& y) {
    if (!(x.group() == y.group()) || x.order() != y.order()) return false;
    auto close_rows = [](const FourierRow<Complex>& r, const FourierRow<Complex>& s) {
        if (r.size() != s.size()) return false;
        for (std::size_t i = 0; i < r.size(); ++i)
            if (r[i].first != s[i].first || std::abs(r[i].second - s[i].second) > 1e-9) return false;
        return true;
    };
    std::vector<bool> used(y.order(), false);
    for (const auto& n : x.nodes()) {
        bool matched = false;
        for (std::size_t j = 0; j < y.order() && !matched; ++j)
            if (!used[j] && close_rows(n.a, y.nodes()[j].a) && close_rows(n.b, y.nodes()[j].b) &&
                close_rows(n.c, y.nodes()[j].c))
                used[j] = matched = true;
        if (!matched) return false;
    }
    return true;
}

Element<Complex> to_float(const Element<Cyclotomic>& z) {
    return map_values<Complex>(z, [](const Cyclotomic& v) { return v.to_complex(); });
}

}  // namespace

TEST_CASE("semi-ring laws hold exactly on random cyclotomic elements (up to node permutation)") {
    auto rng = cogo::testing::rng(1);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        for (int t = 0; t < cogo::testing::cases(3); ++t) {
            ElementShape shape;
            shape.conjugate_symmetric = (t % 2 == 0);
            shape.nodes = static_cast<std::size_t>(cogo::testing::uniform(rng, 1, 3));
            const auto z1 = random_element(rng, g, shape);
            shape.nodes = static_cast<std::size_t>(cogo::testing::uniform(rng, 1, 3));
            const auto z2 = random_element(rng, g, shape);
            const auto z3 = random_element(rng, g, shape);
            cogo::testing::check_semiring_laws(z1, z2, z3, exact_same);
        }
    }
}

TEST_CASE("semi-ring laws hold for the float model (same generic code, complex<double>)") {
    auto rng = cogo::testing::rng(2);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        ElementShape shape;
        shape.nodes = 2;
        const auto z1 = to_float(random_element(rng, g, shape));
        const auto z2 = to_float(random_element(rng, g, shape));
        const auto z3 = to_float(random_element(rng, g, shape));
        cogo::testing::check_semiring_laws(z1, z2, z3, approx_same);
    }
}

TEST_CASE("the equality used by the law checks can fail (mutation check)") {
    auto rng = cogo::testing::rng(3);
    const AbelianGroup g = AbelianGroup::cyclic(5);
    ElementShape shape;
    shape.density = 1.0;
    const auto z1 = random_element(rng, g, shape);
    const auto z2 = random_element(rng, g, shape);
    CHECK_FALSE(exact_same(z1 + z2, z1));
    CHECK_FALSE(exact_same(z1, z2));
    // Change a single entry of z1: no longer equal.
    std::vector<Node<Cyclotomic>> nodes = z1.nodes();
    nodes[1].c[0].second = nodes[1].c[0].second + Cyclotomic::rational(1, 1000);
    CHECK_FALSE(exact_same(Element<Cyclotomic>(g, nodes), z1));
    // Sums in different orders are equal as multisets but not as node lists.
    CHECK(exact_same(z1 + z2, z2 + z1));
    CHECK_FALSE(nodes_equal((z1 + z2).nodes()[0], (z2 + z1).nodes()[0]));
}

TEST_CASE("sum_of is the left fold of +, node for node in order; the empty sum is zero") {
    auto rng = cogo::testing::rng(41);
    const AbelianGroup g = AbelianGroup::parse("5");
    std::vector<Element<Cyclotomic>> summands;
    Element<Cyclotomic> folded(g);
    for (std::size_t m = 1; m <= 4; ++m) {
        ElementShape shape;
        shape.nodes = m;
        summands.push_back(random_element(rng, g, shape));
        folded = folded + summands.back();
    }
    const auto z = sum_of(g, summands);
    REQUIRE(z.order() == folded.order());
    REQUIRE(z.order() == 1 + 2 + 3 + 4);
    for (std::size_t j = 0; j < z.order(); ++j)
        for (Part p : all_parts)
            for (std::size_t k = 0; k < g.order(); ++k) CHECK(z.entry(p, k, j) == folded.entry(p, k, j));
    CHECK(sum_of<Cyclotomic>(g, {}).order() == 0);
    CHECK_THROWS_AS(sum_of(AbelianGroup::parse("7"), summands), ShapeMismatch);
}

TEST_CASE("product is the per-frequency Kronecker product with node (j1, j2) at j1 q2 + j2") {
    auto rng = cogo::testing::rng(4);
    const AbelianGroup g = AbelianGroup::parse("2x3");
    ElementShape shape;
    shape.nodes = 3;
    const auto z1 = random_element(rng, g, shape);
    shape.nodes = 2;
    const auto z2 = random_element(rng, g, shape);
    const auto z = z1 * z2;
    REQUIRE(z.order() == 6);
    for (std::size_t j1 = 0; j1 < 3; ++j1)
        for (std::size_t j2 = 0; j2 < 2; ++j2)
            for (Part p : all_parts)
                for (std::size_t k = 0; k < g.order(); ++k)
                    CHECK(z.entry(p, k, j1 * 2 + j2) == z1.entry(p, k, j1) * z2.entry(p, k, j2));
}

TEST_CASE("conjugation, automorphisms, gauges, scaling and permutations") {
    auto rng = cogo::testing::rng(5);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        ElementShape shape;
        shape.conjugate_symmetric = false;
        const auto z = random_element(rng, g, shape);
        const auto w = random_element(rng, g, shape);
        CHECK(exact_same(conjugate(conjugate(z)), z));
        CHECK(exact_same(conjugate(z * w), conjugate(z) * conjugate(w)));
        CHECK(exact_same(apply_automorphism(apply_automorphism(z, -1), -1), z));
        for (long s = 2; s < static_cast<long>(g.exponent()); ++s) {
            if (!g.is_coprime_to_exponent(s)) {
                CHECK_THROWS_AS(apply_automorphism(z, s), InvalidInput);
                continue;
            }
            long s_inv = 1;
            while ((s * s_inv) % static_cast<long>(g.exponent()) != 1) ++s_inv;
            CHECK(exact_same(apply_automorphism(apply_automorphism(z, s), s_inv), z));
            CHECK(exact_same(apply_automorphism(z * w, s), apply_automorphism(z, s) * apply_automorphism(w, s)));
        }
        const Cyclotomic t = Cyclotomic::rational(3, 2) * Cyclotomic::zeta(8);
        CHECK(exact_same(apply_input_gauge(apply_input_gauge(z, t), t.inverse()), z));
        CHECK(exact_same(scale_output(z + w, t), scale_output(z, t) + scale_output(w, t)));
        std::vector<std::size_t> perm(z.order());
        for (std::size_t j = 0; j < perm.size(); ++j) perm[j] = perm.size() - 1 - j;
        CHECK(exact_same(permute_nodes(z, perm), z));
    }
}

TEST_CASE("conjugate symmetry (real weights) is preserved by +, *, automorphisms and real gauges") {
    auto rng = cogo::testing::rng(6);
    for (const char* spec : kGroups) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        ElementShape shape;
        const auto z = random_element(rng, g, shape);
        const auto w = random_element(rng, g, shape);
        REQUIRE(is_conjugate_symmetric(z));
        CHECK(is_conjugate_symmetric(z + w));
        CHECK(is_conjugate_symmetric(z * w));
        CHECK(is_conjugate_symmetric(apply_automorphism(z, -1)));
        CHECK(is_conjugate_symmetric(apply_input_gauge(z, Cyclotomic(-1))));
        CHECK(is_conjugate_symmetric(one_element<Cyclotomic>(g)));
        // A complex gauge breaks it (when the element has input entries).
        if (!z.nodes()[0].a.empty())
            CHECK_FALSE(is_conjugate_symmetric(apply_input_gauge(z, Cyclotomic::zeta(4))));
    }
}

TEST_CASE("zero entries are not stored; bad elements are clear errors") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    Node<Cyclotomic> n;
    n.a = {{1, Cyclotomic(0)}, {2, Cyclotomic::zeta(5) + Cyclotomic::zeta(5, 4) - Cyclotomic::zeta(5) - Cyclotomic::zeta(5, 4)}};
    n.c = {{3, Cyclotomic(1)}, {1, Cyclotomic(2)}};
    const Element<Cyclotomic> z(g, {n});
    CHECK(z.nodes()[0].a.empty());
    REQUIRE(z.nodes()[0].c.size() == 2);
    CHECK(z.nodes()[0].c[0].first == 1);  // sorted
    Node<Cyclotomic> out_of_range;
    out_of_range.b = {{5, Cyclotomic(1)}};
    CHECK_THROWS_AS(Element<Cyclotomic>(g, {out_of_range}), ShapeMismatch);
    Node<Cyclotomic> repeated;
    repeated.b = {{2, Cyclotomic(1)}, {2, Cyclotomic(3)}};
    CHECK_THROWS_AS(Element<Cyclotomic>(g, {repeated}), ShapeMismatch);
    const Element<Cyclotomic> other = one_element<Cyclotomic>(AbelianGroup::cyclic(7));
    CHECK_THROWS_AS(z + other, ShapeMismatch);
    CHECK_THROWS_AS(z * other, ShapeMismatch);
    CHECK_THROWS_AS(permute_nodes(z, {1}), InvalidInput);
    CHECK_THROWS_AS(permute_nodes(z, {0, 0}), ShapeMismatch);
    CHECK_THROWS_AS((void)z.node(1), InvalidInput);
}

TEST_CASE("semi-ring laws hold for the symbolic model: identities in generic complex weights") {
    for (const char* spec : {"3", "4", "2x2"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const auto z1 = symbolic_element(g, 2, std::string("x") + spec + "_", true);
        const auto z2 = symbolic_element(g, 1, std::string("y") + spec + "_", true);
        const auto z3 = symbolic_element(g, 2, std::string("w") + spec + "_", false);
        cogo::testing::check_semiring_laws(z1, z2, z3, [](const Element<Symbolic>& x, const Element<Symbolic>& y) {
            return equal_up_to_node_permutation(x, y);
        });
        CHECK(is_conjugate_symmetric(z1 * z2));
        CHECK_FALSE(is_conjugate_symmetric(z3));
        CHECK_FALSE(equal_up_to_node_permutation(z1, z1 + z2));
    }
}
